// Package glossary is the feature that puts the course's glossary in
// context. The glossary is the lesson whose URL ends in glossary/
// (02-words/glossary.md, or any file with slug: glossary); each of its
// ## and ### headings is an entry, found at the heading's id with the
// text under it.
//
//   - Each entry is a search result of its own (kind "glossary").
//   - In every other page, the first use of each entry's name in prose
//     (paragraphs, lists, quotes, tables, boxes; not headings, links, code,
//     cards or questions) links to the entry, and shows the entry's first
//     sentence as a tooltip while the link has the pointer or the keyboard
//     focus (role="tooltip", aria-describedby; Escape hides it). Names
//     match whatever the case, accents, macrons, ʻokina or apostrophes:
//     "Hoʻohanohano", "Ho'ohanohano" and "hoohanohano" are one term. A name
//     must have 3 letters or more and at most 8 words; a term's words in
//     the text may be parted by spaces only.
//   - Each entry ends with "Used in:", the pages whose prose names it, in
//     reading order (the first 12, then how many more).
//
// Without JavaScript the links work and the tooltip shows on hover and
// focus; the script only adds Escape and keeps the tooltip on screen.
//
// The glossary is p2pc's own (Manifest.OwnFormat): in a lesson set of
// another tool, whose tool has no such feature, a glossary.md (a
// Workbench's learners/glossary.md) is a page like any other.
package glossary

import (
	_ "embed"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// Slug is the last URL segment of the glossary lesson.
const Slug = "glossary"

// Kind is the search kind of an entry.
const Kind = "glossary"

// Glossary is the feature of one build: the entries Collect found.
type Glossary struct {
	entries []feature.SearchDoc
	terms   []term
}

var (
	//go:embed assets/glossary.css
	css []byte
	//go:embed assets/glossary.js
	js []byte
)

// New returns the feature for a new build.
func New() *Glossary { return &Glossary{} }

var _ feature.Feature = (*Glossary)(nil)

// Manifest implements feature.Feature: the glossary owns a search kind.
func (g *Glossary) Manifest() feature.Manifest {
	return feature.Manifest{Name: "glossary", SearchKinds: []string{Kind}, Reads: isGlossary,
		Assets:    map[string][]byte{"glossary.css": css, "glossary.js": js},
		Styles:    []string{"glossary.css"},
		Scripts:   []string{"glossary.js"},
		EveryPage: true,
		OwnFormat: true}
}

// isGlossary reports whether the page at url is a glossary.
func isGlossary(url string) bool {
	return strings.Count(url, "/") > 1 && path.Base(strings.TrimSuffix(url, "/")) == Slug
}

// Collect implements feature.Feature: it reads the entries of the glossary lessons.
func (g *Glossary) Collect(pages []*feature.Page) []feature.Problem {
	g.entries, g.terms = nil, nil
	for _, p := range pages {
		doc, ok := p.Doc.(ast.Node)
		if !ok || !isGlossary(p.URL) {
			continue
		}
		for _, sec := range markdown.Sections(p.Body, doc, p.Hidden, "") {
			if sec.Anchor == "" {
				continue
			}
			g.entries = append(g.entries, feature.SearchDoc{URL: p.URL + "index.html", Anchor: sec.Anchor,
				Title: sec.Heading, Module: p.Module, Kind: Kind, Heading: sec.Heading, Text: sec.Text})
			g.terms = append(g.terms, term{url: p.URL, anchor: sec.Anchor, name: sec.Heading,
				definition: firstSentence(sec.Text, definitionBytes)})
		}
	}
	return nil
}

// Search implements feature.Feature: one item per entry.
func (g *Glossary) Search() []feature.SearchDoc { return g.entries }

// Renderers implements feature.Feature: terms and "used in" lists.
func (g *Glossary) Renderers() []util.PrioritizedValue { return renderers() }

// Marks implements feature.Marker: the terms to link in every page.
func (g *Glossary) Marks() feature.Marks { return newMarks(g.terms) }

// Pages implements feature.Feature: none.
func (g *Glossary) Pages() []feature.Generated { return nil }

// Files implements feature.Feature: none.
func (g *Glossary) Files() map[string][]byte { return nil }
