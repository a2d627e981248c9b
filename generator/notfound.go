package generator

import (
	"html/template"
	"strings"
)

// notFoundTitle is the title of the page p2pc makes for a missing address.
const notFoundTitle = "Page not found"

// notFoundPage is the site's 404.html page: p2pc's own, or, when the
// lesson set has a not-found chapter (an mdBook's 404.md), with that
// chapter's title and Markdown as its body. The chapter's links are
// checked as a page's are and written from the site's root (from the base
// URL when there is one), since the page is shown at any address. t must
// be frozen.
func (p *Pipeline) notFoundPage(c *checked, l *loader, t *linkTargets, errs *errorList) *Page {
	pg := &Page{Kind: "404", Module: c.site.Home}
	pg.Title = notFoundTitle
	if l.set == nil || l.set.NotFound == "" {
		return pg
	}
	src := l.readAside(l.set.NotFound, "404", c.site.Home)
	if src == nil {
		return pg
	}
	src.outlineTitle = notFoundTitle // without a # heading of its own
	if base := c.site.Config.BaseURL; base != "" {
		src.linkRoot = strings.TrimSuffix(base, "/") + "/"
	}
	pe := &errorList{}
	doc := parsePage(c.md, src, c.site.features.trainer, false, pe)
	checkLinks(src, p.content, t, pe)
	src.placeProblems(pe.errs)
	errs.errs = append(errs.errs, pe.errs...)
	resolveLinks(src, doc, t)
	html, err := c.md.Render(src.body, doc)
	if err != nil {
		errs.add(src.Source, 0, 0, "%v", err)
		return pg
	}
	pg.Title, pg.HTML = src.Title, template.HTML(html)
	return pg
}

// readAside reads the page at src without making it a target of links
// (a chapter of the outline at the same path stays one).
func (l *loader) readAside(src, kind string, m *Module) *Page {
	listed, ok := l.pages[src]
	pg := l.readPage(src, "", kind, m, nil)
	if ok {
		l.pages[src] = listed
	} else {
		delete(l.pages, src)
	}
	return pg
}
