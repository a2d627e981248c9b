package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// taskRenderer draws a task list's box (- [x] Done) as a disabled
// checkbox with a name, so screen readers say what it is: "done" or "to
// do", read before the item's text.
type taskRenderer struct{}

func (taskRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if node.(*east.TaskCheckBox).IsChecked {
			w.WriteString(`<input checked="" disabled="" type="checkbox" aria-label="done"> `)
		} else {
			w.WriteString(`<input disabled="" type="checkbox" aria-label="to do"> `)
		}
		return ast.WalkContinue, nil
	})
}
