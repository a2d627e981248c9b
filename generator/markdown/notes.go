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
// reference where it stands, and its text in the page's list of notes,
// after the notes written as [^label] (numbered after them).
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
}
