package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// listComments keeps a list whole across an HTML comment on a line of its
// own between two of its items, as Pandoc reads it (authors comment an
// item out so): CommonMark ends the list at the comment and starts
// another after it. The comment goes (it shows nothing either way), and
// the items after it join the list before it, numbered on from it.
type listComments struct{}

func (listComments) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	if !bytes.Contains(src, []byte("<!--")) {
		return
	}
	var lists []*ast.List // first: joining lists takes nodes out of the walk's way
	eachBlock(doc, func(b ast.Node) {
		if list, ok := b.(*ast.List); ok {
			lists = append(lists, list)
		}
	})
	for _, list := range lists {
		if list.Parent() != nil {
			joinAcrossComments(list, src)
		}
	}
}

// joinAcrossComments joins to list the lists after it that only comments
// part from it.
func joinAcrossComments(list *ast.List, src []byte) {
	for {
		comment, ok := list.NextSibling().(*ast.HTMLBlock)
		if !ok || !onlyComment(comment, src) {
			return
		}
		next, ok := comment.NextSibling().(*ast.List)
		if !ok || next.Marker != list.Marker || next.IsOrdered() != list.IsOrdered() {
			return
		}
		parent := list.Parent()
		parent.RemoveChild(parent, comment)
		for c := next.FirstChild(); c != nil; {
			following := c.NextSibling()
			list.AppendChild(list, c)
			c = following
		}
		list.IsTight = list.IsTight && next.IsTight
		parent.RemoveChild(parent, next)
	}
}

// onlyComment reports whether an HTML block is one comment and nothing else.
func onlyComment(b *ast.HTMLBlock, src []byte) bool {
	var text []byte
	end := 0
	for i := 0; i < b.Lines().Len(); i++ {
		seg := b.Lines().At(i)
		text, end = append(text, seg.Value(src)...), seg.Stop
	}
	if seg := b.ClosureLine; b.HasClosure() && seg.Start >= end { // not the one line it opened on
		text = append(text, seg.Value(src)...)
	}
	text = bytes.TrimSpace(text)
	return bytes.HasPrefix(text, []byte("<!--")) && bytes.HasSuffix(text, []byte("-->")) &&
		bytes.Count(text, []byte("-->")) == 1
}
