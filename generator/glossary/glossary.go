// Package glossary is the feature that makes each entry of the course's
// glossary a search result of its own. The glossary is the lesson whose
// URL ends in glossary/ (02-words/glossary.md, or any file with
// slug: glossary); each of its ## and ### headings is an entry, found at
// the heading's id with the text under it.
package glossary

import (
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
type Glossary struct{ entries []feature.SearchDoc }

// New returns the feature for a new build.
func New() *Glossary { return &Glossary{} }

var _ feature.Feature = (*Glossary)(nil)

// Manifest implements feature.Feature: the glossary owns a search kind.
func (g *Glossary) Manifest() feature.Manifest {
	return feature.Manifest{Name: "glossary", SearchKinds: []string{Kind}, Reads: isGlossary}
}

// isGlossary reports whether the page at url is a glossary.
func isGlossary(url string) bool {
	return strings.Count(url, "/") > 1 && path.Base(strings.TrimSuffix(url, "/")) == Slug
}

// Collect implements feature.Feature: it reads the entries of the glossary lessons.
func (g *Glossary) Collect(pages []*feature.Page) []feature.Problem {
	g.entries = nil
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
		}
	}
	return nil
}

// Search implements feature.Feature: one item per entry.
func (g *Glossary) Search() []feature.SearchDoc { return g.entries }

// Renderers implements feature.Feature: none, the glossary is a lesson like the others.
func (g *Glossary) Renderers() []util.PrioritizedValue { return nil }

// Pages implements feature.Feature: none.
func (g *Glossary) Pages() []feature.Generated { return nil }

// Files implements feature.Feature: none.
func (g *Glossary) Files() map[string][]byte { return nil }
