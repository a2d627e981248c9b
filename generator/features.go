package generator

import (
	"sort"
	"strings"

	"p2pc/generator/cards"
	"p2pc/generator/feature"
	"p2pc/generator/worksheet"
)

// newFeatures returns fresh instances of the parts that give fenced divs
// their meaning (cards, worksheets); each build gets its own.
func newFeatures() []feature.Feature {
	return []feature.Feature{cards.New(), worksheet.New()}
}

// runFeatures hands every parsed page to each feature, then adds the pages
// and files they make, and checks the content's links to those pages.
// Content problems are reported with the others.
func (s *Site) runFeatures(features []feature.Feature, links []generatedLink, errs *errorList) error {
	var pages []*feature.Page
	for _, p := range s.Pages {
		if p.doc == nil {
			continue
		}
		fp := &feature.Page{Source: p.Source, URL: p.URL, Title: p.Title, Body: p.body, Doc: p.doc}
		if top := p.topModule(); top != nil {
			fp.Module, fp.ModuleURL = top.Title(), top.Page.URL
			fp.ModuleKey = strings.TrimSuffix(top.Page.URL, "/")
		}
		pages = append(pages, fp)
	}
	for _, f := range features {
		for _, pr := range f.Collect(pages) {
			errs.add(pr.Path, pr.Line, pr.Col, "%s", pr.Msg)
		}
	}
	if err := errs.err(); err != nil {
		return err
	}
	for _, f := range features {
		for _, g := range f.Pages() {
			p := &Page{URL: g.URL, Kind: "generated", HTML: g.HTML, NoIndex: g.NoIndex, anchors: map[string]bool{}}
			p.Title, p.Summary = g.Title, g.Summary
			s.Generated = append(s.Generated, p)
		}
		for name, data := range f.Files() {
			s.Files[name] = data
			s.featureFiles = append(s.featureFiles, name)
		}
		s.searchExtra = append(s.searchExtra, f.Search()...)
	}
	sort.SliceStable(s.Generated, func(i, j int) bool { return s.Generated[i].URL < s.Generated[j].URL })
	byURL := map[string]*Page{}
	for _, g := range s.Generated {
		byURL[g.URL] = g
	}
	for _, l := range links {
		if byURL[l.url] == nil {
			errs.add(l.src, l.line, l.col, "link to %s, but no such page is made (the cards and worksheets pages are cards/, cards/DECK/, worksheets/)", l.url)
		}
	}
	if err := errs.err(); err != nil {
		return err
	}
	for _, g := range s.Generated {
		parts := strings.Split(strings.TrimSuffix(g.URL, "/"), "/")
		for i := 1; i < len(parts); i++ {
			if parent := byURL[strings.Join(parts[:i], "/")+"/"]; parent != nil {
				g.Parents = append(g.Parents, parent)
			}
		}
	}
	return nil
}

// topModule is the top-level module a page belongs to, or nil for pages outside the modules.
func (p *Page) topModule() *Module {
	m := p.Module
	if m == nil || m.Parent == nil {
		return nil
	}
	for m.Parent.Parent != nil {
		m = m.Parent
	}
	return m
}
