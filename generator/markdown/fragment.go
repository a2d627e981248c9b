package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindFragment is the ast.NodeKind of a Fragment.
var KindFragment = ast.NewNodeKind("Fragment")

// Fragment is a block of trusted HTML the generator puts into a page, such
// as a checked SVG diagram from the content folder. It renders verbatim.
type Fragment struct {
	ast.BaseBlock
	HTML []byte
}

// Kind implements ast.Node.
func (n *Fragment) Kind() ast.NodeKind { return KindFragment }

// Dump implements ast.Node.
func (n *Fragment) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

type fragmentRenderer struct{}

func (fragmentRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFragment, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.Write(n.(*Fragment).HTML)
		}
		return ast.WalkSkipChildren, nil
	})
}
