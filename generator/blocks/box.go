package blocks

import (
	"bytes"
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/markdown"
)

// box returns the DivFunc of an aside box of one kind: headed by its title
// attribute, else by the heading that opens it, else by def (none when def
// is empty).
func box(class, def string) markdown.DivFunc {
	plain := markdown.Box(class, def)
	return func(w util.BufWriter, n *markdown.FencedDiv, entering bool) {
		h := titleHeading(n)
		if h == nil {
			plain(w, n, entering)
			return
		}
		if !entering {
			w.WriteString("</aside>\n")
			return
		}
		markTitle(h)
		w.WriteString("<aside" + markdown.DivAttrs(n, "box "+class))
		switch id := headingID(h); {
		case def != "":
			kind := html.EscapeString(def)
			w.WriteString(` aria-label="` + kind + `"><p class="box-kind" aria-hidden="true">` + kind + "</p>\n")
		case id != "":
			w.WriteString(` aria-labelledby="` + html.EscapeString(id) + `">` + "\n")
		default:
			w.WriteString(">\n")
		}
	}
}

// titleHeading returns the heading that opens a div and stands for its
// title, or nil: a title attribute wins over a heading.
func titleHeading(n *markdown.FencedDiv) *ast.Heading {
	if _, ok := n.Attr("title"); ok {
		return nil
	}
	h, _ := n.FirstChild().(*ast.Heading)
	return h
}

// markTitle gives a heading the class box-title (once, however often the
// tree is rendered), keeping the classes it has.
func markTitle(h *ast.Heading) {
	class := []byte("box-title")
	if v, ok := h.AttributeString("class"); ok {
		old, _ := v.([]byte)
		if s, ok := v.(string); ok {
			old = []byte(s)
		}
		if bytes.Equal(old, class) || bytes.HasPrefix(old, []byte("box-title ")) {
			return
		}
		class = append(append(class, ' '), old...)
	}
	h.SetAttributeString("class", class)
}

// headingID is a heading's id attribute ("" for none).
func headingID(h *ast.Heading) string {
	v, _ := h.AttributeString("id")
	switch id := v.(type) {
	case []byte:
		return string(id)
	case string:
		return id
	}
	return ""
}
