package trainer

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// newFragments renders parts of a lesson's tree (a note, an agenda) for
// the facilitator guide, as feature.Fragments does, and besides: headings
// lose their ids (the lesson keeps them, and the guide must not hold two
// alike) and sit below the guide's own; diagrams are written as the
// builder put them in; a task list's boxes are printed characters.
func newFragments(src []byte, from, to string) *feature.Fragments {
	return feature.NewFragments(src, from, to, guideRenderer{})
}

// guideRenderer writes what the guide draws unlike feature.Fragments.
type guideRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r guideRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(markdown.KindFragment, r.fragment)
	reg.Register(east.KindTaskCheckBox, r.checkBox)
}

// heading writes a heading without its id, at level 4 or below (the
// guide's module and lesson headings are h2 and h3).
func (guideRenderer) heading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	level := min(max(node.(*ast.Heading).Level+2, 4), 6)
	tag := "h" + strconv.Itoa(level)
	if entering {
		_, _ = w.WriteString("<" + tag + ">")
	} else {
		_, _ = w.WriteString("</" + tag + ">\n")
	}
	return ast.WalkContinue, nil
}

// fragment writes a diagram the builder put into the lesson, as it is.
func (guideRenderer) fragment(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.Write(node.(*markdown.Fragment).HTML)
	}
	return ast.WalkSkipChildren, nil
}

// checkBox writes a task list's box as a character: a printed list to tick.
func (guideRenderer) checkBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		box := "\u2610 "
		if node.(*east.TaskCheckBox).IsChecked {
			box = "\u2611 "
		}
		_, _ = w.WriteString(box)
	}
	return ast.WalkContinue, nil
}
