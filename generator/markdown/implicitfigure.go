package markdown

import (
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
	figureBlocks(doc, reader.Source())
}

// figureBlocks gives the alt text to the lone images among the blocks in n,
// at any depth.
func figureBlocks(n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if p, ok := c.(*ast.Paragraph); ok {
			if img, ok := p.FirstChild().(*ast.Image); ok && img.NextSibling() == nil && img.HasChildren() {
				if _, given := img.AttributeString("alt"); !given {
					img.SetAttributeString("alt", []byte(PlainText(src, img)))
				}
			}
			continue
		}
		if c.Type() == ast.TypeBlock && c.FirstChild() != nil && c.FirstChild().Type() == ast.TypeBlock {
			figureBlocks(c, src)
		}
	}
}
