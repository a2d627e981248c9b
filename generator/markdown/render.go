package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// DivFunc renders a fenced div of one name: called on entering, before the
// div's children are rendered, and on leaving, after them.
type DivFunc func(w util.BufWriter, n *FencedDiv, entering bool)

// divRenderer writes fenced divs, each with the DivFunc registered for its
// name or else as <div class="name">, and escapes raw HTML when it is not
// allowed.
type divRenderer struct {
	rawHTML bool
	divs    map[string]DivFunc
}

func (r divRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFencedDiv, r.renderDiv)
	if !r.rawHTML {
		reg.Register(ast.KindRawHTML, renderEscapedInline)
		reg.Register(ast.KindHTMLBlock, renderEscapedBlock)
	}
}

func (r divRenderer) renderDiv(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*FencedDiv)
	if f := r.divs[n.Name]; f != nil {
		f(w, n, entering)
		return ast.WalkContinue, nil
	}
	if entering {
		w.WriteString("<div" + DivAttrs(n, n.Name) + ">\n")
	} else {
		w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

// Box returns a DivFunc that renders a div as an <aside> box with a heading:
// the div's title attribute, else def (none when both are empty).
func Box(class, def string) DivFunc {
	return func(w util.BufWriter, n *FencedDiv, entering bool) {
		if !entering {
			w.WriteString("</aside>\n")
			return
		}
		title, _ := n.Attr("title")
		if title == "" {
			title = def
		}
		w.WriteString("<aside" + DivAttrs(n, "box "+class))
		if title != "" {
			w.WriteString(" aria-label=\"" + html.EscapeString(title) + "\"><p class=\"box-title\">" + html.EscapeString(title) + "</p>\n")
		} else {
			w.WriteString(">\n")
		}
	}
}

// DivAttrs renders id, class and data-* attributes for a fenced div: class
// first, then the div's own .classes.
func DivAttrs(n *FencedDiv, class string) string {
	var b strings.Builder
	if n.ID != "" {
		b.WriteString(` id="` + html.EscapeString(n.ID) + `"`)
	}
	classes := strings.TrimSpace(class + " " + strings.Join(n.Classes, " "))
	if classes != "" {
		b.WriteString(` class="` + html.EscapeString(classes) + `"`)
	}
	for _, a := range n.Attrs {
		if a.Key == "title" || !validAttrName(a.Key) {
			continue
		}
		b.WriteString(` data-` + strings.ToLower(a.Key) + `="` + html.EscapeString(a.Value) + `"`)
	}
	return b.String()
}

func validAttrName(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return s != ""
}

func renderEscapedInline(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.RawHTML)
		for i := 0; i < n.Segments.Len(); i++ {
			s := n.Segments.At(i)
			w.WriteString(html.EscapeString(string(s.Value(source))))
		}
	}
	return ast.WalkSkipChildren, nil
}

func renderEscapedBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	w.WriteString("<p>")
	var text strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		l := n.Lines().At(i)
		text.Write(l.Value(source))
	}
	if n.HasClosure() {
		text.Write(n.ClosureLine.Value(source))
	}
	w.WriteString(html.EscapeString(strings.TrimRight(text.String(), "\n")))
	w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}
