package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// implicitFigures gives Pandoc's reading of an image alone in its
// paragraph with text between its brackets: a figure whose caption is that
// text, which is also the image's alt text (Pandoc's implicit_figures).
// The figure renderer then writes it as it writes ![caption](src){alt=…}.
type implicitFigures struct{}

func (implicitFigures) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	if src := reader.Source(); bytes.Contains(src, []byte("![")) {
		figureBlocks(doc, src)
	}
}

// figureBlocks gives the alt text to the lone images among the blocks in n,
// at any depth.
func figureBlocks(n ast.Node, src []byte) {
	eachBlock(n, func(b ast.Node) {
		p, ok := b.(*ast.Paragraph)
		if !ok {
			return
		}
		if img, ok := p.FirstChild().(*ast.Image); ok && img.NextSibling() == nil && img.HasChildren() {
			if _, given := img.AttributeString("alt"); !given {
				img.SetAttributeString("alt", []byte(PlainText(src, img)))
			}
		}
	})
}
