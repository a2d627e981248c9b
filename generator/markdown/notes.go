package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindInlineNote is the ast.NodeKind of an InlineNote.
var KindInlineNote = ast.NewNodeKind("InlineNote")

// InlineNote is Pandoc's inline note, ^[text]: a footnote written where it
// is referred to. The parser makes it; inlineNotes turns each into a
// footnote, so it is never rendered itself.
type InlineNote struct {
	ast.BaseInline
	Offset int // byte offset of the ^ in the source
}

// Kind implements ast.Node.
func (n *InlineNote) Kind() ast.NodeKind { return KindInlineNote }

// Dump implements ast.Node.
func (n *InlineNote) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// inlineNotes makes each InlineNote a footnote, as Pandoc does: a numbered
// reference where it stands, and its text in the page's list of notes.
// Then every note is numbered in the order the text refers to it, the
// notes written as [^label] among them.
type inlineNotes struct{}

func (inlineNotes) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var notes []*InlineNote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if note, ok := n.(*InlineNote); ok && entering {
			notes = append(notes, note)
		}
		return ast.WalkContinue, nil
	})
	if len(notes) == 0 {
		return
	}
	list, ok := doc.LastChild().(*extast.FootnoteList)
	if !ok {
		list = extast.NewFootnoteList()
		doc.AppendChild(doc, list)
	}
	for _, note := range notes {
		list.Count++
		index := list.Count
		ref := extast.NewFootnoteLink(index)
		ref.RefCount = 1
		note.Parent().ReplaceChild(note.Parent(), note, ref)
		para := ast.NewParagraph()
		for c := note.FirstChild(); c != nil; {
			next := c.NextSibling()
			para.AppendChild(para, c)
			c = next
		}
		back := extast.NewFootnoteBacklink(index)
		back.RefCount = 1
		para.AppendChild(para, back)
		fn := extast.NewFootnote([]byte(fmt.Sprint("inline-", index)))
		fn.Index = index
		fn.AppendChild(fn, para)
		list.AppendChild(list, fn)
	}
	renumberNotes(doc, list)
}

// renumberNotes numbers the notes of list in the order doc first refers
// to each, and puts them in that order.
func renumberNotes(doc *ast.Document, list *extast.FootnoteList) {
	order := map[int]int{} // old index -> new
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*extast.FootnoteLink); ok && entering {
			if _, seen := order[l.Index]; !seen {
				order[l.Index] = len(order) + 1
			}
		}
		return ast.WalkContinue, nil
	})
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *extast.FootnoteLink:
			n.Index = order[n.Index]
		case *extast.FootnoteBacklink:
			n.Index = order[n.Index]
		case *extast.Footnote:
			n.Index = order[n.Index]
		}
		return ast.WalkContinue, nil
	})
	list.SortChildren(func(a, b ast.Node) int { return a.(*extast.Footnote).Index - b.(*extast.Footnote).Index })
}
