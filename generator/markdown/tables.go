package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableCells looks at pipe tables before goldmark's table transformer
// (priority 200) reads them. GitHub's rule splits a row at every | not
// escaped, also inside a code span, and drops the cells past the header's
// count: a row such as "| `|` | pipe: `ls | wc -l` |" lost its text
// without a word. Such a row now gets a warning. Pandoc's rule (the
// Workbench's) keeps a | inside a code span or $math$ (such as $|x|$)
// in its cell; with pandoc set, a table that has one is read here, by that
// rule, and goldmark's transformer reads the others; and a caption written
// right under the table's rows is split off for tableCaptions.
type tableCells struct{ pandoc bool }

func (t tableCells) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines, src := node.Lines(), reader.Source()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		aligns := delimiterRow(delim.Value(src))
		if aligns == nil {
			continue
		}
		head := lines.At(i - 1)
		if len(splitRow(src, head, t.pandoc)) > len(aligns) {
			return // no table: the paragraph stays one
		}
		if t.pandoc {
			t.pandocCaptions(node, i, src, pc)
		}
		spans := false
		for j := i + 1; j < lines.Len(); j++ {
			row := lines.At(j)
			if n := len(splitRow(src, row, t.pandoc)); n > len(aligns) {
				warn(pc, row.Start, fmt.Sprintf("this table row has %d cells and the table %d columns: %s left out (write a | inside a cell as \\|)", n, len(aligns), lastCells(n-len(aligns))))
			}
			spans = spans || t.pandoc && len(splitRow(src, row, true)) != len(splitRow(src, row, false))
		}
		if spans || t.pandoc && len(splitRow(src, head, false)) > len(aligns) {
			t.replace(node, i, aligns, src)
		}
		return
	}
}

// pandocCaptions prepares the captions of a table whose delimiter row is
// the paragraph's line i for tableCaptions: a caption written right under
// its rows becomes a paragraph of its own, and lines before its header
// are marked as no caption's.
func (tableCells) pandocCaptions(node *ast.Paragraph, i int, src []byte, pc parser.Context) {
	splitCaption(node, i+1, src)
	if i > 1 {
		markTableLead(pc, node)
	}
}

// lastCells names the cells past the header's.
func lastCells(n int) string {
	if n == 1 {
		return "the last is"
	}
	return fmt.Sprintf("the last %d are", n)
}

// replace makes lines i-1 on of the paragraph a table with Pandoc's cells;
// the lines before it stay a paragraph.
func (t tableCells) replace(node *ast.Paragraph, i int, aligns []extast.Alignment, src []byte) {
	lines := node.Lines()
	table := extast.NewTable()
	table.Alignments = aligns
	table.SetPos(lines.At(i - 1).Start)
	table.AppendChild(table, extast.NewTableHeader(tableRow(src, lines.At(i-1), aligns)))
	for j := i + 1; j < lines.Len(); j++ {
		table.AppendChild(table, tableRow(src, lines.At(j), aligns))
	}
	node.Parent().InsertAfter(node.Parent(), node, table)
	node.Lines().SetSliced(0, i-1)
	if node.Lines().Len() == 0 {
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
	last := node.Lines().At(i - 2)
	last.Stop-- // its newline
	node.Lines().Set(i-2, last)
}

// tableRow is a row of the cells of line, as many as aligns.
func tableRow(src []byte, line text.Segment, aligns []extast.Alignment) *extast.TableRow {
	row := extast.NewTableRow(aligns)
	cells := splitRow(src, line, true)
	for k, a := range aligns {
		cell := extast.NewTableCell()
		cell.Alignment = a
		if k < len(cells) {
			c := cells[k].TrimLeftSpace(src)
			cell.Lines().Append(c.TrimRightSpace(src))
		}
		row.AppendChild(row, cell)
	}
	return row
}

// splitRow splits a table row into its cells at each | not escaped by a
// backslash, and with pandoc not inside a code span or $math$, counting them as
// goldmark does: a | first or last on the line only marks its edge, and
// nothing after the last | is no cell.
func splitRow(src []byte, line text.Segment, pandoc bool) []text.Segment {
	line = line.TrimLeftSpace(src)
	line = line.TrimRightSpace(src)
	s, base := line.Value(src), line.Start
	start, end := 0, len(s)
	if end > 0 && s[0] == '|' {
		start = 1
	}
	if end > start && s[end-1] == '|' {
		end--
	}
	var cells []text.Segment
	var ticks *tickRuns
	if pandoc {
		ticks = newTickRuns(s[:end])
	}
	from := start
	for k := start; k < end; k++ {
		switch s[k] {
		case '\\':
			if pandoc { // goldmark's rule: a | after any backslash is text
				k++
			}
		case '`':
			if ticks != nil {
				k = ticks.skip(k) - 1
			}
		case '$':
			if pandoc {
				k = skipDollarMath(s[:end], k) - 1
			}
		case '|':
			if !pandoc && k > 0 && s[k-1] == '\\' {
				continue
			}
			cells = append(cells, text.NewSegment(base+from, base+k))
			from = k + 1
		}
	}
	if from < end {
		cells = append(cells, text.NewSegment(base+from, base+end))
	}
	return cells
}

// delimiterRow returns the alignments a table's delimiter row gives, or
// nil when line is not one.
func delimiterRow(line []byte) []extast.Alignment {
	dash := false
	for _, c := range line { // most lines fail at their first letter
		switch c {
		case '-':
			dash = true
		case ' ', '\t', '\n', '\r', '|', ':':
		default:
			return nil
		}
	}
	line = util.TrimRightSpace(util.TrimLeftSpace(line))
	if !dash || len(bytes.Trim(line, "-")) == 0 {
		return nil // no dash, or only dashes: a rule or a heading's underline
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var aligns []extast.Alignment
	for _, col := range cols {
		col = util.TrimRightSpace(util.TrimLeftSpace(col))
		left, right := bytes.HasPrefix(col, []byte(":")), bytes.HasSuffix(col, []byte(":"))
		dashes := bytes.TrimSuffix(bytes.TrimPrefix(col, []byte(":")), []byte(":"))
		if len(dashes) == 0 || len(bytes.Trim(dashes, "-")) != 0 {
			return nil
		}
		switch {
		case left && right:
			aligns = append(aligns, extast.AlignCenter)
		case left:
			aligns = append(aligns, extast.AlignLeft)
		case right:
			aligns = append(aligns, extast.AlignRight)
		default:
			aligns = append(aligns, extast.AlignNone)
		}
	}
	return aligns
}

// skipDollarMath returns the offset after the inline math $…$ that opens
// at s[k], by the rule mathParser reads it (dollarClose), or k+1 when none
// opens there. The scan stops at the next $ either way, so each stretch
// between two $ is read at most twice.
func skipDollarMath(s []byte, k int) int {
	if i, ok := dollarClose(s[k:]); ok {
		return k + i + 1
	}
	return k + 1
}
