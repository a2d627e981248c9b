package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A Dialect is what sets apart the Markdown of one tool's lessons, where
// the tools read the same text differently. The zero Dialect is GitHub's.
type Dialect struct {
	// Pandoc reads as Pandoc's Markdown does, as The Carpentries Workbench
	// does: H~2~O is a subscript and 2^10^ a superscript (GitHub's reads
	// ~2~ as struck through); ~~text~~ is struck through in both.
	Pandoc bool
	// HideLines are mdBook's hidden code lines: for each language, the
	// prefix of the lines its code blocks do not show (see hiddenLines).
	HideLines map[string]string
}

var (
	// GitHub is GitHub Flavored Markdown, as p2pc, mdBook and Hugo read it.
	GitHub = Dialect{}
	// Pandoc is Pandoc's Markdown, as the Workbench reads it.
	Pandoc = Dialect{Pandoc: true}
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
	if len(line) < 3 || line[0] != p.mark || line[1] == p.mark {
		return nil
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
