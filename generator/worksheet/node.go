package worksheet

import (
	"github.com/yuin/goldmark/ast"
)

// KindSheet is the ast.NodeKind of a worksheet in a lesson's tree.
var KindSheet = ast.NewNodeKind("Worksheet")

// KindQuestion is the ast.NodeKind of a question in a lesson's tree.
var KindQuestion = ast.NewNodeKind("WorksheetQuestion")

// SheetNode takes the place of a ::: worksheet fenced div once it has been
// checked; its children are the worksheet's intro blocks and QuestionNodes.
type SheetNode struct {
	ast.BaseBlock
	Sheet *Sheet
}

// Kind implements ast.Node.
func (n *SheetNode) Kind() ast.NodeKind { return KindSheet }

// Dump implements ast.Node.
func (n *SheetNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.Sheet.ID}, nil)
}

// QuestionNode takes the place of a ::: question fenced div. It keeps the
// question's Markdown as children, for tools that read text from the tree,
// but it is drawn from Question alone.
type QuestionNode struct {
	ast.BaseBlock
	Question *Question
}

// Kind implements ast.Node.
func (n *QuestionNode) Kind() ast.NodeKind { return KindQuestion }

// Dump implements ast.Node.
func (n *QuestionNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.Question.ID}, nil)
}

// replace puts n in the place of old in the tree and moves old's children to n.
func replace(old, n ast.Node) {
	for c := old.FirstChild(); c != nil; {
		next := c.NextSibling()
		n.AppendChild(n, c)
		c = next
	}
	old.Parent().ReplaceChild(old.Parent(), old, n)
}
