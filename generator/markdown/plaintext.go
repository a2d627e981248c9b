package markdown

import (
	"bufio"
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// PlainText is the text of nodes and their descendants without markup, on
// one line: blocks are separated by a space, runs of white space folded,
// typographic entities decoded, code kept, HTML tags left out.
func PlainText(src []byte, nodes ...ast.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				if c.Type() == ast.TypeBlock {
					b.WriteByte(' ')
				}
				return ast.WalkContinue, nil
			}
			switch t := c.(type) {
			case *ast.Text:
				writeShownText(&b, src, t)
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.WriteString(html.UnescapeString(string(t.Value)))
			case *ast.AutoLink:
				b.Write(t.Label(src))
			case *ast.RawHTML, *ast.HTMLBlock:
				return ast.WalkSkipChildren, nil
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				for i := 0; i < t.Lines().Len(); i++ {
					seg := t.Lines().At(i)
					b.Write(seg.Value(src))
				}
			}
			return ast.WalkContinue, nil
		})
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// writeShownText writes the text a Text node shows: its backslash escapes
// ("\<title\>") and character references ("&amp;") resolved as the page
// shows them; a raw node's (a code span's) as it is.
func writeShownText(b *strings.Builder, src []byte, t *ast.Text) {
	value := t.Segment.Value(src)
	if t.IsRaw() || bytes.IndexByte(value, '\\') < 0 && bytes.IndexByte(value, '&') < 0 {
		b.Write(value)
		return
	}
	var rendered bytes.Buffer
	w := bufio.NewWriter(&rendered)
	gmhtml.DefaultWriter.Write(w, value)
	_ = w.Flush()
	b.WriteString(html.UnescapeString(rendered.String()))
}
