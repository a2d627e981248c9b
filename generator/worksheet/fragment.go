package worksheet

import (
	"html/template"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
)

// prompt splits a question's prompt into the inline HTML of its first
// paragraph, which goes in the <legend>, and the HTML of the blocks after it.
func prompt(f *feature.Fragments, nodes []ast.Node) (legend, more template.HTML) {
	if len(nodes) > 0 {
		if p, ok := nodes[0].(*ast.Paragraph); ok {
			return f.HTML(children(p)), f.HTML(nodes[1:])
		}
	}
	return "", f.HTML(nodes)
}
