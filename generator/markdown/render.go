package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// divRenderer writes fenced divs and escapes raw HTML when it is not allowed.
type divRenderer struct{ rawHTML bool }

func (r divRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFencedDiv, r.renderDiv)
	if !r.rawHTML {
		reg.Register(ast.KindRawHTML, renderEscapedInline)
		reg.Register(ast.KindHTMLBlock, renderEscapedBlock)
	}
}

// boxTitles are the default headings of the fenced divs that render as boxes.
var boxTitles = map[string]string{
	"objectives":  "Objectives",
	"keypoints":   "Key points",
	"callout":     "",
	"facilitator": "For trainers",
}

func (r divRenderer) renderDiv(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*FencedDiv)
	title, _ := n.Attr("title")
	if n.Name == "solution" {
		if !entering {
			w.WriteString("</div></details>\n")
			return ast.WalkContinue, nil
		}
		if title == "" {
			title = "Show solution"
		}
		w.WriteString("<details" + divAttrs(n, "solution") + "><summary>" + html.EscapeString(title) + "</summary><div class=\"solution-body\">\n")
		return ast.WalkContinue, nil
	}
	def, isBox := boxTitles[n.Name]
	if !isBox {
		if entering {
			w.WriteString("<div" + divAttrs(n, n.Name) + ">\n")
		} else {
			w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		w.WriteString("</aside>\n")
		return ast.WalkContinue, nil
	}
	if title == "" {
		title = def
	}
	w.WriteString("<aside" + divAttrs(n, "box "+n.Name))
	if title != "" {
		w.WriteString(" aria-label=\"" + html.EscapeString(title) + "\"><p class=\"box-title\">" + html.EscapeString(title) + "</p>\n")
	} else {
		w.WriteString(">\n")
	}
	return ast.WalkContinue, nil
}

// divAttrs renders id, class and data-* attributes for a fenced div.
func divAttrs(n *FencedDiv, class string) string {
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
