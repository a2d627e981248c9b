package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// tocMarker is mdbook-toc's table of contents: the first block (an HTML
// block or a paragraph) whose text is the marker ("<!-- toc -->" unless
// the book names another) becomes a list of links to the headings that
// follow it, down to level maxLevel, nested by level as mdbook-toc nests
// them (a heading more than one level below the one before is one level
// below it). With no heading after it the marker goes.
type tocMarker struct {
	marker   string
	maxLevel int
}

// tocEntry is one heading a tocMarker lists.
type tocEntry struct {
	level    int
	id, text string
}

func (t tocMarker) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	marker := strings.TrimSpace(t.marker)
	if marker == "" || !bytes.Contains(src, []byte(marker)) {
		return
	}
	var mark ast.Node
	var entries []tocEntry
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.Paragraph:
			if mark == nil && blockText(n, src) == marker {
				mark = n
			}
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok && mark != nil && n.Level <= t.maxLevel {
				b, _ := id.([]byte)
				entries = append(entries, tocEntry{n.Level, string(b), PlainText(src, n)})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if mark == nil {
		return
	}
	if len(entries) == 0 {
		mark.Parent().RemoveChild(mark.Parent(), mark)
		return
	}
	mark.Parent().ReplaceChild(mark.Parent(), mark, tocList(entries))
}

// blockText is the text of block n's lines (an HTML block's closing line
// too), trimmed.
func blockText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		b.Write(h.ClosureLine.Value(src))
	}
	return string(bytes.TrimSpace(b.Bytes()))
}

// tocList is the tight bulleted list of links to entries, one level
// deeper for each level below the highest, never more than one deeper
// than the item before.
func tocList(entries []tocEntry) *ast.List {
	top := entries[0].level
	for _, e := range entries {
		top = min(top, e.level)
	}
	lists := []*ast.List{newTightList()}
	var last *ast.ListItem
	prev := entries[0].level // mdbook-toc's last_lower: a deeper heading counts as one level below it
	for _, e := range entries {
		level := e.level
		if level > prev+1 {
			level = prev + 1
		} else {
			prev = level
		}
		depth := min(level-top, len(lists))
		if last == nil {
			depth = 0
		}
		if depth == len(lists) {
			l := newTightList()
			last.AppendChild(last, l)
			lists = append(lists, l)
		}
		lists = lists[:depth+1]
		last = tocItem(e)
		lists[depth].AppendChild(lists[depth], last)
	}
	return lists[0]
}

func newTightList() *ast.List {
	l := ast.NewList('*')
	l.IsTight = true
	return l
}

// tocItem is a list item holding a link to entry e's heading.
func tocItem(e tocEntry) *ast.ListItem {
	link := ast.NewLink()
	link.Destination = []byte("#" + e.id)
	label := ast.NewString([]byte(e.text))
	label.SetRaw(true) // the text as shown: no escapes nor entities to read
	link.AppendChild(link, label)
	block := ast.NewTextBlock()
	block.AppendChild(block, link)
	item := ast.NewListItem(2)
	item.AppendChild(item, block)
	return item
}
