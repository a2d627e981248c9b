package generator

import (
	"slices"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
	"p2pc/generator/search"
)

// searchDocuments lists what the search finds: every page split into its
// headed sections (trainer notes left out: learners do not see them), and
// the features' items. Each thing is listed once: a page's sections leave
// out the features' items (see searchItem), and a section at the anchor of
// a feature's item on the same page (a glossary entry's heading) is left to
// the item.
func (s *Site) searchDocuments(early *earlyBodies, into []search.Document) []search.Document {
	items := itemAnchors(s.searchExtra)
	docs := slices.Grow(into[:0], len(s.Pages)+len(s.searchExtra))
	for _, p := range s.Pages {
		if d, ok := pageDoc(p); ok {
			if p.texts.n > 0 { // spooled by early, read when the index reads the page
				d.Texts, d.Size = early.spooledTexts(p.texts, d.URL, d.Sections, items[d.URL]), p.texts.n
			}
			d.Sections = ownSections(d.Sections, items[d.URL])
			docs = append(docs, d)
		}
	}
	return append(docs, extraDocs(s.searchExtra)...)
}

// itemAnchors are the anchors of the features' items, by page path: few
// pages have any, and the others are not looked at twice.
func itemAnchors(extra []feature.SearchDoc) map[string]map[string]bool {
	items := map[string]map[string]bool{}
	for _, d := range extra {
		if d.Anchor == "" {
			continue
		}
		if items[d.URL] == nil {
			items[d.URL] = map[string]bool{}
		}
		items[d.URL][d.Anchor] = true
	}
	return items
}

// pageDoc is the search document of one page, all its sections in it; ok
// is false for a page with no text.
func pageDoc(p *Page) (d search.Document, ok bool) {
	if p.Source == "" && p.Summary == "" {
		return d, false
	}
	module := ""
	if top := p.topModule(); top != nil && p.Kind != "module" {
		module = top.Title()
	}
	kind := p.Kind
	if kind == "home" {
		kind = "page"
	}
	return search.Document{URL: p.Path(), Title: p.Title, Module: module, Kind: kind, Sections: p.searchSections()}, true
}

// ownSections is secs without the sections (but the first, the page's top)
// at the anchors of items on the page. It is secs itself, the same slice,
// when none is: the index takes a slice it was given last time as the same
// sections without comparing them.
func ownSections(secs []search.Section, items map[string]bool) []search.Section {
	if len(items) == 0 {
		return secs
	}
	i := 1
	for i < len(secs) && !items[secs[i].Anchor] {
		i++
	}
	if i >= len(secs) {
		return secs
	}
	out := slices.Clone(secs[:i])
	for _, sec := range secs[i+1:] {
		if !items[sec.Anchor] {
			out = append(out, sec)
		}
	}
	return out
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

// A searchItem is a node a feature puts in a lesson's tree in place of a
// fenced div, for something its Search lists as an item of its own (a
// card, a question). SearchItem reports whether it does for this node. The
// page's sections leave such a node out, its headings with it: the thing
// is found once, as itself, and a heading inside it does not cut the
// page's text into a section that would take the page's results to it.
type searchItem interface{ SearchItem() bool }

func isSearchItem(n ast.Node) bool {
	it, ok := n.(searchItem)
	return ok && it.SearchItem()
}

// pageSections splits a page's text at its ## and ### headings, leaving
// out trainer notes and the features' search items.
func pageSections(p *Page, doc ast.Node, trainer map[string]bool) []search.Section {
	// holders are the search items and the nodes that hold them.
	var holders map[ast.Node]bool
	if len(p.divs) > 0 {
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || !isSearchItem(n) {
				return ast.WalkContinue, nil
			}
			if holders == nil {
				holders = map[ast.Node]bool{}
			}
			for a := n; a != nil && !holders[a]; a = a.Parent() {
				holders[a] = true
			}
			return ast.WalkSkipChildren, nil
		})
	}
	if holders == nil {
		return toSearch(markdown.Sections(p.body, doc, trainer, p.Summary))
	}
	// Split the nodes around the items one by one, as markdown.Sections
	// splits the whole tree, and join the pieces.
	out := []search.Section{{Text: p.Summary}}
	var add func(parent ast.Node)
	add = func(parent ast.Node) {
		for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
			if div, ok := n.(*markdown.FencedDiv); (ok && trainer[div.Name]) || isSearchItem(n) {
				continue
			}
			if holders[n] {
				add(n)
				continue
			}
			part := markdown.Sections(p.body, n, trainer, "")
			last := &out[len(out)-1]
			last.Text = joinText(last.Text, part[0].Text)
			out = append(out, toSearch(part[1:])...)
		}
	}
	add(doc)
	return out
}

func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

func toSearch(secs []markdown.Section) []search.Section {
	out := make([]search.Section, len(secs))
	for i, s := range secs {
		out[i] = search.Section(s)
	}
	return out
}
