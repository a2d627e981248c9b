package generator

import (
	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
	"p2pc/generator/search"
)

// searchDocuments lists what the search finds: every page split into its
// headed sections (trainer notes left out: learners do not see them), and
// the features' items.
func (s *Site) searchDocuments() []search.Document {
	var docs []search.Document
	for _, p := range s.Pages {
		docs = append(docs, pageDocs(p)...)
	}
	return append(docs, extraDocs(s.searchExtra)...)
}

// pageDocs is the search document of one page (none for a page with no text).
func pageDocs(p *Page) []search.Document {
	if p.Source == "" && p.Summary == "" {
		return nil
	}
	module := ""
	if top := p.topModule(); top != nil && p.Kind != "module" {
		module = top.Title()
	}
	kind := p.Kind
	if kind == "home" {
		kind = "page"
	}
	return []search.Document{{URL: p.Path(), Title: p.Title, Module: module, Kind: kind, Sections: p.searchSections()}}
}

// extraDocs are the search documents of the features' items.
func extraDocs(extra []feature.SearchDoc) []search.Document {
	var docs []search.Document
	for _, d := range extra {
		docs = append(docs, search.Document{URL: d.URL, Title: d.Title, Module: d.Module, Kind: d.Kind,
			Sections: []search.Section{{Anchor: d.Anchor, Heading: d.Heading, Text: d.Text}}})
	}
	return docs
}

// searchSections are the page's text by heading; a page with no source
// file has its summary alone.
func (p *Page) searchSections() []search.Section {
	if p.Source == "" {
		return []search.Section{{Text: p.Summary}}
	}
	return p.sections
}

// pageSections splits a page's text at its ## and ### headings, leaving
// out trainer notes.
func pageSections(p *Page, doc ast.Node, trainer map[string]bool) []search.Section {
	var out []search.Section
	for _, s := range markdown.Sections(p.body, doc, trainer, p.Summary) {
		out = append(out, search.Section(s))
	}
	return out
}
