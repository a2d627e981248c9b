package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindScript is the ast.NodeKind of a Script.
var KindScript = ast.NewNodeKind("Script")

// Script is Pandoc's subscript (~2~) or superscript (^10^): text without
// spaces between two marks, rendered as <sub> or <sup>.
type Script struct {
	ast.BaseInline
	Super bool
}

// Kind implements ast.Node.
func (n *Script) Kind() ast.NodeKind { return KindScript }

// Dump implements ast.Node.
func (n *Script) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Super": map[bool]string{true: "yes", false: "no"}[n.Super]}, nil)
}

// scriptParser reads ~sub~ (mark '~') or ^super^ (mark '^'), as Pandoc
// does: the text between the marks is not empty and holds no space or
// backslash, and on one line; "~~" is left to strikethrough.
type scriptParser struct{ mark byte }

func (p scriptParser) Trigger() []byte { return []byte{p.mark} }

func (p scriptParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 3 || line[0] != p.mark || line[1] == p.mark || block.PrecendingCharacter() == rune(p.mark) {
		return nil // not a lone mark
	}
	end := bytes.IndexByte(line[1:], p.mark) + 1
	if end < 2 || bytes.ContainsAny(line[1:end], " \t\r\n\\") {
		return nil
	}
	n := &Script{Super: p.mark == '^'}
	n.AppendChild(n, ast.NewTextSegment(text.NewSegment(seg.Start+1, seg.Start+end)))
	block.Advance(end + 1)
	return n
}

// scriptRenderer renders Script nodes.
type scriptRenderer struct{}

func (scriptRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindScript, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		tag := "sub"
		if node.(*Script).Super {
			tag = "sup"
		}
		if entering {
			w.WriteString("<" + tag + ">")
		} else {
			w.WriteString("</" + tag + ">")
		}
		return ast.WalkContinue, nil
	})
}

// doubleTildes is goldmark's strikethrough parser taking only runs of two
// tildes, as Pandoc does: ~~gone~~ is struck through, and a single ~ that
// is no subscript (~a b~, with a space) stays as written.
type doubleTildes struct{ parser.InlineParser }

func (p doubleTildes) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	run := 0
	for run < len(line) && line[run] == '~' {
		run++
	}
	if run != 2 || block.PrecendingCharacter() == '~' {
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}
