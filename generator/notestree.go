package generator

import (
	"github.com/yuin/goldmark/ast"

	"p2pc/generator/markdown"
)

// notesOnly cuts the tree of a page the features read only for its trainer
// notes, once its body is rendered, down to what they read of it: its
// headings (which name the section a note is in) and its trainer notes
// whole, in the blocks that hold them, in order. The rest of a page (most
// of it) is not kept until the features run. It returns doc, cut.
func notesOnly(doc ast.Node, trainer map[string]bool) ast.Node {
	keepNotes(doc, trainer)
	return doc
}

// keepNotes removes the children of n that hold no heading and no trainer
// note, and reports whether any child is left.
func keepNotes(n ast.Node, trainer map[string]bool) bool {
	kept := false
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch d := c.(type) {
		case *ast.Heading:
			kept = true
		case *markdown.FencedDiv:
			if trainer[d.Name] || keepNotes(d, trainer) {
				kept = true
			} else {
				n.RemoveChild(n, c)
			}
		default:
			if holdsBlocks(c) && keepNotes(c, trainer) {
				kept = true
			} else {
				n.RemoveChild(n, c)
			}
		}
		c = next
	}
	return kept
}

// holdsBlocks reports whether n's children are blocks (a list, a quote),
// not the inline text of a paragraph or a heading.
func holdsBlocks(n ast.Node) bool {
	return n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeBlock
}
