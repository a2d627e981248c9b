package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blockAttrs reads attributes written on the line after a block, as Hugo
// reads them when its site turns on markup.goldmark.parser.attribute.block:
//
//	A paragraph that leads the page.
//	{.lead}
//
// A paragraph's last line that is only a {…} block gives the paragraph its
// id and classes; such a line alone in its paragraph (after a list, a
// quote, a table) gives them to the block before it. Other keys are left
// out with a warning, as after links.
type blockAttrs struct{}

func (blockAttrs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if bytes.Contains(src, []byte("\n{")) {
		attrBlocks(doc, src, pc)
	}
}

// attrBlocks applies the attribute lines among the blocks in n, at any
// depth.
func attrBlocks(n ast.Node, src []byte, pc parser.Context) {
	eachBlock(n, func(b ast.Node) {
		if p, ok := b.(*ast.Paragraph); ok {
			attrLine(p, src, pc)
		}
	})
}

// attrLine applies p's last line when it is an attribute block.
func attrLine(p *ast.Paragraph, src []byte, pc parser.Context) {
	lines := p.Lines()
	if lines.Len() == 0 {
		return
	}
	last := lines.At(lines.Len() - 1)
	line := bytes.TrimSpace(last.Value(src))
	a, n, ok := scanAttrs(line)
	if !ok || n != len(line) {
		return
	}
	target := ast.Node(p)
	if lines.Len() == 1 {
		if target = p.PreviousSibling(); target == nil {
			return
		}
	}
	var drop []ast.Node // the line's text, from its first Text on (the typographer's quotes are Strings)
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && t.Segment.Start >= last.Start || drop != nil {
			drop = append(drop, c)
		}
	}
	if len(drop) == 0 {
		return
	}
	if lines.Len() == 1 {
		p.Parent().RemoveChild(p.Parent(), p)
	} else {
		for _, c := range drop {
			p.RemoveChild(p, c)
		}
		if t, ok := p.LastChild().(*ast.Text); ok {
			t.SetSoftLineBreak(false)
		}
		kept := text.NewSegments()
		for i := 0; i < lines.Len()-1; i++ {
			kept.Append(lines.At(i))
		}
		p.SetLines(kept)
	}
	setBlockAttrs(target, a, last.Start+bytes.Index(last.Value(src), line), pc)
}

// setBlockAttrs gives a block the id and classes of a, and warns of the
// keys it leaves out.
func setBlockAttrs(n ast.Node, a inlineAttrs, offset int, pc parser.Context) {
	a.setIDClass(n, true)
	for _, at := range a.Attrs {
		warn(pc, offset, fmt.Sprintf("dropped %s=%q after the block: only #id and .class are kept", at.Key, shorten(at.Value, 40)))
	}
}
