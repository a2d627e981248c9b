package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindLineBlock is the ast.NodeKind of a LineBlock.
var KindLineBlock = ast.NewNodeKind("LineBlock")

// LineBlock is Pandoc's line block (the Workbench's): lines that each
// begin "| ", shown line by line as written, in
// <div class="line-block">, the lines parted by <br>. Its children are
// LineBlockLines.
type LineBlock struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *LineBlock) Kind() ast.NodeKind { return KindLineBlock }

// Dump implements ast.Node.
func (n *LineBlock) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// KindLineBlockLine is the ast.NodeKind of a LineBlockLine.
var KindLineBlockLine = ast.NewNodeKind("LineBlockLine")

// LineBlockLine is one line of a LineBlock: its Markdown after "| " (and
// the lines that continue it, which begin with a space), shown after
// Indent no-break spaces, the spaces written after "| ".
type LineBlockLine struct {
	ast.BaseBlock
	Indent int
}

// Kind implements ast.Node.
func (n *LineBlockLine) Kind() ast.NodeKind { return KindLineBlockLine }

// Dump implements ast.Node.
func (n *LineBlockLine) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Indent": strings.Repeat(" ", n.Indent)}, nil)
}

// lineBlocks reads a paragraph whose first line begins "| " (or is "|")
// as Pandoc reads a line block: each line that begins so is a line of it,
// a line indented more than the first continues the line before, and the
// lines from the first that is neither stay a paragraph. A paragraph that
// holds a pipe table's delimiter row is left to the table.
type lineBlocks struct{}

func (lineBlocks) Transform(node *ast.Paragraph, reader text.Reader, _ parser.Context) {
	lines, src := node.Lines(), reader.Source()
	if lines.Len() == 0 || !startsLineBlock(lines.At(0), src) || holdsTable(lines, src) {
		return
	}
	block, end := readLineBlock(lines, src)
	block.SetBlankPreviousLines(node.HasBlankPreviousLines())
	node.Parent().InsertBefore(node.Parent(), node, block)
	lines.SetSliced(end, lines.Len())
	if lines.Len() == 0 {
		node.Parent().RemoveChild(node.Parent(), node)
	}
}

// holdsTable reports whether a paragraph's lines hold a pipe table's
// delimiter row (after its first line, as a table has it).
func holdsTable(lines *text.Segments, src []byte) bool {
	for i := 1; i < lines.Len(); i++ {
		if line := lines.At(i); delimiterRow(line.Value(src)) != nil {
			return true
		}
	}
	return false
}

// readLineBlock reads the line block that a paragraph's lines begin with:
// the block, and the index of the first line after it.
func readLineBlock(lines *text.Segments, src []byte) (*LineBlock, int) {
	block := &LineBlock{}
	first := column(src, lines.At(0))
	end := 0
	for ; end < lines.Len(); end++ {
		line := lines.At(end)
		if end > 0 && column(src, line) > first {
			appendContinuation(block.LastChild().(*LineBlockLine), line, src)
		} else if lineBlockLine(line.Value(src)) {
			block.AppendChild(block, newLineBlockLine(line, src))
		} else {
			break
		}
	}
	trimLastLines(block, src)
	return block, end
}

// startsLineBlock reports whether a paragraph's first line begins a line
// block.
func startsLineBlock(line text.Segment, src []byte) bool {
	return lineBlockLine(line.Value(src))
}

// lineBlockLine reports whether a line (its indent left out) is a line of
// a line block: "|" then a space or the line's end.
func lineBlockLine(line []byte) bool {
	line = util.TrimLeftSpace(line)
	return len(line) > 0 && line[0] == '|' && (len(line) == 1 || line[1] == ' ' || line[1] == '\n' || line[1] == '\r')
}

// column is where a line's first character that is not a space stands on
// its line of the source, counted in bytes from the line's start (so
// inside a block quote, after its ">").
func column(src []byte, line text.Segment) int {
	at := line.Start + len(line.Value(src)) - len(util.TrimLeftSpace(line.Value(src)))
	return at - (bytes.LastIndexByte(src[:line.Start], '\n') + 1)
}

// newLineBlockLine is the line block's line that line begins: its text
// after "| " and the spaces after that, which it counts as its Indent.
func newLineBlockLine(line text.Segment, src []byte) *LineBlockLine {
	line = line.TrimLeftSpace(src)
	line.Start++ // "|"
	if v := line.Value(src); len(v) > 0 && v[0] == ' ' {
		line.Start++
	}
	n := &LineBlockLine{}
	for v := line.Value(src); n.Indent < len(v) && v[n.Indent] == ' '; {
		n.Indent++
	}
	line.Start += n.Indent
	if !util.IsBlank(line.Value(src)) {
		n.Lines().Append(line)
	}
	return n
}

// appendContinuation adds a line that continues line block line n.
func appendContinuation(n *LineBlockLine, line text.Segment, src []byte) {
	n.Lines().Append(line.TrimLeftSpace(src))
}

// trimLastLines trims the spaces and line end after each line of block,
// so that only the lines that continue one break within it.
func trimLastLines(block *LineBlock, src []byte) {
	for c := block.FirstChild(); c != nil; c = c.NextSibling() {
		if lines := c.Lines(); lines.Len() > 0 {
			last := lines.At(lines.Len() - 1)
			lines.Set(lines.Len()-1, last.TrimRightSpace(src))
		}
	}
}

// lineBlockRenderer renders LineBlock and LineBlockLine nodes as Pandoc
// writes a line block.
type lineBlockRenderer struct{}

func (lineBlockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindLineBlock, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(`<div class="line-block">`)
		} else {
			w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(KindLineBlockLine, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if node.PreviousSibling() != nil {
				w.WriteString("<br>\n")
			}
			w.WriteString(strings.Repeat("\u00a0", node.(*LineBlockLine).Indent))
		}
		return ast.WalkContinue, nil
	})
}
