package cards

import (
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// plainText is the text of nodes and their descendants, spaces between blocks.
func plainText(src []byte, nodes ...ast.Node) string {
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
				b.Write(t.Segment.Value(src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.WriteString(html.UnescapeString(string(t.Value)))
			case *ast.CodeBlock, *ast.FencedCodeBlock:
				for i := 0; i < c.Lines().Len(); i++ {
					seg := c.Lines().At(i)
					b.Write(seg.Value(src))
				}
			}
			return ast.WalkContinue, nil
		})
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func itoa(i int) string { return strconv.Itoa(i) }
