package generator

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/markdown"
	"p2pc/generator/search"
)

// glossarySlug names the lesson whose ## headings are glossary entries.
const glossarySlug = "glossary"

// searchDocuments lists what the search finds: every page split into its
// headed sections, each glossary entry on its own, and the features' items
// (cards, worksheet questions). Trainer notes are left out: learners do not see them.
func (s *Site) searchDocuments() []search.Document {
	var docs []search.Document
	for _, p := range s.Pages {
		if p.doc == nil && p.Summary == "" {
			continue
		}
		module := ""
		if top := p.topModule(); top != nil && p.Kind != "module" {
			module = top.Title()
		}
		sections := pageSections(p)
		kind := p.Kind
		if kind == "home" {
			kind = "page"
		}
		if strings.HasSuffix(strings.TrimSuffix(p.URL, "/"), "/"+glossarySlug) {
			for _, sec := range sections {
				if sec.Anchor == "" {
					continue
				}
				docs = append(docs, search.Document{URL: p.Path(), Title: sec.Heading, Module: module, Kind: "glossary",
					Sections: []search.Section{sec}})
			}
		}
		docs = append(docs, search.Document{URL: p.Path(), Title: p.Title, Module: module, Kind: kind, Sections: sections})
	}
	for _, d := range s.searchExtra {
		docs = append(docs, search.Document{URL: d.URL, Title: d.Title, Module: d.Module, Kind: d.Kind,
			Sections: []search.Section{{Anchor: d.Anchor, Heading: d.Heading, Text: d.Text}}})
	}
	return docs
}

// pageSections splits a page's text at its ## and ### headings.
func pageSections(p *Page) []search.Section {
	secs := []search.Section{{Text: p.Summary}}
	if p.doc == nil {
		return secs
	}
	var text strings.Builder
	flush := func() {
		secs[len(secs)-1].Text = strings.TrimSpace(secs[len(secs)-1].Text + " " + text.String())
		text.Reset()
	}
	_ = ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *markdown.FencedDiv:
			if n.Name == "facilitator" {
				return ast.WalkSkipChildren, nil
			}
		case *ast.Heading:
			if (n.Level == 2 || n.Level == 3) && !insideDiv(n) {
				flush()
				id, _ := n.AttributeString("id")
				idBytes, _ := id.([]byte)
				secs = append(secs, search.Section{Anchor: string(idBytes), Heading: markdown.PlainText(p.body, n)})
				return ast.WalkSkipChildren, nil
			}
		case *ast.Text:
			text.Write(n.Segment.Value(p.body))
			if n.SoftLineBreak() || n.HardLineBreak() {
				text.WriteByte(' ')
			}
		case *ast.String:
			text.WriteString(html.UnescapeString(string(n.Value)))
		}
		if n.Type() == ast.TypeBlock {
			text.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	flush()
	return secs
}
