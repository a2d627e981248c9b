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
// name or else as <div class="name">.
type divRenderer struct {
	divs map[string]DivFunc
}

func (r divRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFencedDiv, r.renderDiv)
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
		writeBoxOpen(w, DivAttrs(n, "box "+class), title)
	}
}

// writeBoxOpen writes the start of a box: <aside> with attrs, and a
// heading and an aria-label when title is not empty.
func writeBoxOpen(w util.BufWriter, attrs, title string) {
	w.WriteString("<aside" + attrs)
	if title != "" {
		w.WriteString(" aria-label=\"" + html.EscapeString(title) + "\"><p class=\"box-title\">" + html.EscapeString(title) + "</p>\n")
	} else {
		w.WriteString(">\n")
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
