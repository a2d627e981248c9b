package generator

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// taxonomies are the front-matter lists of Hugo's that group pages, with
// the folder of their list pages and their names.
var taxonomies = []struct{ dir, title, one string }{
	{"tags", "Tags", "Tag"},
	{"categories", "Categories", "Category"},
}

// Term is one value of a taxonomy on a page, with its list page.
type Term struct {
	Name string
	Path string // the list page, from the site root: "tags/shell/index.html"
}

// Terms lists the page's tags and categories, each with its list page.
func (p *Page) Terms() []Term {
	var out []Term
	for i, values := range [][]string{p.Tags, p.Categories} {
		for _, v := range values {
			if slug := markdown.Slug(v); slug != "" {
				out = append(out, Term{Name: v, Path: taxonomies[i].dir + "/" + slug + "/index.html"})
			}
		}
	}
	return out
}

// taxonomyPages are the list pages of the tags and categories the pages
// give (Hugo's taxonomies): "tags/" lists every tag, "tags/NAME/" the pages
// with it. A page of the content at one of their URLs is an error.
func taxonomyPages(s *Site, errs *errorList) []feature.Generated {
	var out []feature.Generated
	for i, tax := range taxonomies {
		terms := map[string][]*Page{}
		names := map[string]string{}
		for _, p := range s.Pages {
			values := p.Tags
			if i == 1 {
				values = p.Categories
			}
			for _, v := range values {
				if slug := markdown.Slug(v); slug != "" && !slices.Contains(terms[slug], p) {
					terms[slug] = append(terms[slug], p)
					names[slug] = v
				}
			}
		}
		if len(terms) == 0 {
			continue
		}
		for _, p := range s.Pages {
			if strings.HasPrefix(p.URL, tax.dir+"/") {
				errs.add(p.Source, 0, 0, "the URL /%s is where the list of the site's %s goes (the pages have %s): give the page a slug", p.URL, tax.dir, tax.dir)
			}
		}
		var index strings.Builder
		index.WriteString("<ul class=\"term-list\">\n")
		for _, slug := range slices.Sorted(maps.Keys(terms)) {
			url := tax.dir + "/" + slug + "/"
			fmt.Fprintf(&index, "<li><a href=\"%s/index.html\">%s</a> (%d)</li>\n", slug, template.HTMLEscapeString(names[slug]), len(terms[slug]))
			var list strings.Builder
			list.WriteString("<ul class=\"term-pages\">\n")
			for _, p := range terms[slug] {
				fmt.Fprintf(&list, "<li><a href=\"%s%s\">%s</a></li>\n", feature.Root(url), p.Path(), template.HTMLEscapeString(p.NavTitle()))
			}
			list.WriteString("</ul>\n")
			out = append(out, feature.Generated{URL: url, Title: tax.one + ": " + names[slug],
				Summary: fmt.Sprintf("%d pages", len(terms[slug])), HTML: template.HTML(list.String())})
		}
		index.WriteString("</ul>\n")
		out = append(out, feature.Generated{URL: tax.dir + "/", Title: tax.title, HTML: template.HTML(index.String())})
	}
	return out
}
