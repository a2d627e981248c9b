package glossary

import (
	"fmt"
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindTerm is the ast.NodeKind of a Term.
var KindTerm = ast.NewNodeKind("GlossaryTerm")

// Term is the first use of a glossary term in a page: its text (the one
// child) links to the entry and has the entry's first sentence as a
// tooltip.
type Term struct {
	ast.BaseInline
	Href, Anchor, Definition string
}

// Kind implements ast.Node.
func (n *Term) Kind() ast.NodeKind { return KindTerm }

// Dump implements ast.Node.
func (n *Term) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Href": n.Href}, nil)
}

// KindUsedIn is the ast.NodeKind of a UsedIn.
var KindUsedIn = ast.NewNodeKind("GlossaryUsedIn")

// UsedIn closes a glossary entry with the pages that use its term.
type UsedIn struct {
	ast.BaseBlock
	Links []usedLink
	More  int // pages left out of Links
}

type usedLink struct{ Href, Title string }

// Kind implements ast.Node.
func (n *UsedIn) Kind() ast.NodeKind { return KindUsedIn }

// Dump implements ast.Node.
func (n *UsedIn) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// nodeRenderer draws Term and UsedIn nodes.
type nodeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTerm, renderTerm)
	reg.Register(KindUsedIn, renderUsedIn)
}

// renderTerm follows the WAI-ARIA tooltip pattern: the tooltip describes
// the link, shows while the link has the pointer or the focus (and while
// the pointer is over the tooltip), and Escape hides it (glossary.js).
func renderTerm(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Term)
	tip := "term-tip-" + n.Anchor
	if entering {
		fmt.Fprintf(w, `<span class="term"><a class="term-link" href="%s" aria-describedby="%s">`, html.EscapeString(n.Href), html.EscapeString(tip))
		return ast.WalkContinue, nil
	}
	fmt.Fprintf(w, `</a><span class="term-tip" role="tooltip" id="%s">%s</span></span>`, html.EscapeString(tip), html.EscapeString(n.Definition))
	return ast.WalkContinue, nil
}

func renderUsedIn(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*UsedIn)
	_, _ = w.WriteString(`<p class="used-in"><span class="used-in-label">Used in:</span> `)
	for i, l := range n.Links {
		if i > 0 {
			_, _ = w.WriteString(", ")
		}
		fmt.Fprintf(w, `<a href="%s">%s</a>`, html.EscapeString(l.Href), html.EscapeString(l.Title))
	}
	if n.More > 0 {
		fmt.Fprintf(w, " and %d more", n.More)
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

// renderers are the glossary's node renderers, for feature.Feature.
func renderers() []util.PrioritizedValue {
	return []util.PrioritizedValue{util.Prioritized(nodeRenderer{}, 500)}
}
