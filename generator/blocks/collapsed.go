package blocks

import (
	"html"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/markdown"
)

// collapsed returns the DivFunc of a part the reader opens: a <details> of
// class class whose summary is its title attribute, else the heading that
// opens it, else def. Its content is in <div class="CLASS-body">. With
// the class open ({.open}) it is shown open.
//
// A heading cannot be written from here (a DivFunc has no source text), so
// the first time such a div is rendered its heading is moved into a
// summary div of the same name (see isSummary), which writes <summary>
// around it; rendering the tree again finds it already moved.
func collapsed(class, def string) markdown.DivFunc {
	body := `<div class="` + class + `-body">` + "\n"
	return func(w util.BufWriter, n *markdown.FencedDiv, entering bool) {
		if isSummary(n) {
			if entering {
				w.WriteString("<summary>")
			} else {
				w.WriteString("</summary>" + body)
			}
			return
		}
		if !entering {
			w.WriteString("</div></details>\n")
			return
		}
		open := ""
		if slices.Contains(n.Classes, "open") { // ::: spoiler {.open}: shown open, as <details open>
			open = " open"
		}
		w.WriteString("<details" + markdown.DivAttrs(n, class) + open + ">")
		if h := titleHeading(n); h != nil {
			markTitle(h)
			s := &markdown.FencedDiv{Name: n.Name, Offset: summaryOffset, Closed: true}
			n.InsertBefore(n, h, s)
			s.AppendChild(s, h) // takes h out of n
			return
		}
		if f, ok := n.FirstChild().(*markdown.FencedDiv); ok && isSummary(f) {
			return
		}
		title, _ := n.Attr("title")
		if title == "" {
			title = def
		}
		w.WriteString("<summary>" + html.EscapeString(title) + "</summary>" + body)
	}
}

// summaryOffset is the Offset of a summary div: no div in the source has it.
const summaryOffset = markdown.MadeOffset

// isSummary reports whether n is the summary div collapsed made around a
// heading, rather than a div of the source.
func isSummary(n *markdown.FencedDiv) bool {
	p, ok := n.Parent().(*markdown.FencedDiv)
	return n.Offset == summaryOffset && ok && p.Name == n.Name && ast.Node(n) == p.FirstChild()
}
