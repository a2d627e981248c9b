package worksheet

import (
	"github.com/yuin/goldmark/ast"

	"p2pc/generator/markdown"
)

// PlainText lets the external tests read a question's Markdown as text.
func PlainText(nodes []ast.Node, src []byte) string { return markdown.PlainText(src, nodes...) }
