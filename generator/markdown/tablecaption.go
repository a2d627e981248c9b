package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindTableCaption is the ast.NodeKind of a TableCaption.
var KindTableCaption = ast.NewNodeKind("TableCaption")

// TableCaption is a table's caption, the first child of its extast.Table,
// rendered <caption>…</caption>; its children are the caption's inline
// Markdown. Pandoc's table_captions (the Workbench's) make one of a
// paragraph that begins "Table:" or ":" right before or after a table.
type TableCaption struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *TableCaption) Kind() ast.NodeKind { return KindTableCaption }

// Dump implements ast.Node.
func (n *TableCaption) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// captionStart is where the caption text begins in the first line of a
// paragraph that is a table's caption by Pandoc's rule (as pandoc 2.17
// reads it): any indent, "Table:" or ":" not followed by punctuation,
// then any spaces; -1 when the line does not begin so.
func captionStart(line []byte) int {
	n := len(line) - len(util.TrimLeftSpace(line)) // a paragraph's lines may keep their indent while it is read
	switch rest := line[n:]; {
	case bytes.HasPrefix(rest, []byte("Table:")):
		n += len("Table:")
	case len(rest) > 0 && rest[0] == ':':
		if r, _ := utf8.DecodeRune(rest[1:]); unicode.IsPunct(r) {
			return -1 // "::", ":-": not a caption
		}
		n++
	default:
		return -1
	}
	for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
		n++
	}
	return n
}

// captionText is where the caption text of paragraph p begins, when p is a
// caption by Pandoc's rule and has text after its "Table:" or ":"; else -1.
func captionText(p *ast.Paragraph, src []byte) int {
	lines := p.Lines()
	if lines.Len() == 0 {
		return -1
	}
	first := lines.At(0)
	n := captionStart(first.Value(src))
	if n < 0 {
		return -1
	}
	at := first.Start + n
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		if !util.IsBlank(src[max(s.Start, at):max(s.Stop, at)]) {
			return at
		}
	}
	return -1 // "Table:" alone stays text
}

// splitCaption, with the paragraph's lines from row on a table's rows,
// makes the first line that begins a caption ("Table:", ":") and the
// lines after it a paragraph of their own after the table: Pandoc reads a
// caption written right under a table's last row so.
func splitCaption(node *ast.Paragraph, row int, src []byte) {
	lines := node.Lines()
	for j := row; j < lines.Len(); j++ {
		if line := lines.At(j); captionStart(line.Value(src)) < 0 {
			continue
		}
		caption := ast.NewParagraph()
		for k := j; k < lines.Len(); k++ {
			line := lines.At(k)
			if k == lines.Len()-1 {
				line = line.TrimRightSpace(src)
			}
			caption.Lines().Append(line.TrimLeftSpace(src))
		}
		node.Parent().InsertAfter(node.Parent(), node, caption)
		lines.SetSliced(0, j)
		return
	}
}

var tableLeadKey = parser.NewContextKey()

// markTableLead records that paragraph p keeps the lines before a table
// that was written in it with no blank line between: Pandoc reads no
// caption there.
func markTableLead(pc parser.Context, p *ast.Paragraph) {
	m, _ := pc.Get(tableLeadKey).(map[*ast.Paragraph]bool)
	if m == nil {
		m = map[*ast.Paragraph]bool{}
		pc.Set(tableLeadKey, m)
	}
	m[p] = true
}

// tableCaptions makes a paragraph that is a caption by Pandoc's rule (see
// captionText) the caption of the table it is written before (with a
// blank line between) or after; one before is taken first, as Pandoc does.
type tableCaptions struct{}

func (tableCaptions) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var tables []*extast.Table
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*extast.Table); ok && entering {
			tables = append(tables, t)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	lead, _ := pc.Get(tableLeadKey).(map[*ast.Paragraph]bool)
	src := reader.Source()
	for _, t := range tables {
		if p, ok := t.PreviousSibling().(*ast.Paragraph); ok && !lead[p] && captionText(p, src) >= 0 {
			captionTable(t, p, src)
		} else if p, ok := t.NextSibling().(*ast.Paragraph); ok && captionText(p, src) >= 0 {
			captionTable(t, p, src)
		}
	}
}

// captionTable moves paragraph p's inline nodes, less its "Table:" or ":",
// into a caption of table t, and removes p.
func captionTable(t *extast.Table, p *ast.Paragraph, src []byte) {
	at := captionText(p, src)
	c := &TableCaption{}
	c.SetLines(p.Lines())
	for n := p.FirstChild(); n != nil; {
		next := n.NextSibling()
		c.AppendChild(c, n)
		n = next
	}
	for n := c.FirstChild(); n != nil; {
		txt, ok := n.(*ast.Text)
		if !ok || txt.Segment.Start >= at {
			break
		}
		next := n.NextSibling()
		if txt.Segment.Stop <= at {
			c.RemoveChild(c, n)
		} else {
			txt.Segment = txt.Segment.WithStart(at)
		}
		n = next
	}
	p.Parent().RemoveChild(p.Parent(), p)
	t.InsertBefore(t, t.FirstChild(), c)
}

// tableCaptionRenderer renders TableCaption nodes.
type tableCaptionRenderer struct{}

func (tableCaptionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTableCaption, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString("<caption>")
		} else {
			w.WriteString("</caption>\n")
		}
		return ast.WalkContinue, nil
	})
}
