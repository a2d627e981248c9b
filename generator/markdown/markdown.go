// Package markdown sets up goldmark for lessons: CommonMark plus GFM,
// typographic quotes, stable heading ids, chroma highlighting with CSS
// classes, and Pandoc-style fenced divs (see FencedDiv).
package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown parses and renders lesson Markdown.
type Markdown struct{ md goldmark.Markdown }

// New returns a Markdown; rawHTML lets HTML in the source through instead
// of escaping it; divs render fenced divs by name (others become
// <div class="name">); extra adds node renderers (util.Prioritized) for
// nodes of other packages, such as cards and worksheet questions.
func New(rawHTML bool, divs map[string]DivFunc, extra ...util.PrioritizedValue) *Markdown {
	renderers := append([]util.PrioritizedValue{
		util.Prioritized(divRenderer{rawHTML: rawHTML, divs: divs}, 100),
		util.Prioritized(codeRenderer{}, 100),
		util.Prioritized(fragmentRenderer{}, 100),
	}, extra...)
	rendererOpts := []renderer.Option{renderer.WithNodeRenderers(renderers...)}
	if rawHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Typographer),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithHeadingAttribute(),
			parser.WithBlockParsers(util.Prioritized(fencedDivParser{}, 50)),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Markdown{md: md}
}

// Parse parses source into a document tree.
func (m *Markdown) Parse(source []byte) ast.Node {
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	return m.md.Parser().Parse(text.NewReader(source), parser.WithContext(ctx))
}

// Render renders a tree made by Parse (and possibly changed since) to HTML.
func (m *Markdown) Render(source []byte, doc ast.Node) ([]byte, error) {
	var buf bytes.Buffer
	if err := m.md.Renderer().Render(&buf, source, doc); err != nil {
		return nil, fmt.Errorf("render markdown: %w", err)
	}
	return buf.Bytes(), nil
}

// Position converts a byte offset in source to a 1-based line and column;
// a negative offset (unknown place) gives 0, 0.
func Position(source []byte, offset int) (line, col int) {
	if offset < 0 {
		return 0, 0
	}
	if offset > len(source) {
		offset = len(source)
	}
	before := source[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// NodeOffset returns the byte offset where a node starts in the source, or -1.
func NodeOffset(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if d, ok := n.(*FencedDiv); ok {
			return d.Offset
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return -1
}
