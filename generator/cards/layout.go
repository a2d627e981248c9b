package cards

import (
	"fmt"
	"math"
)

// Distances on a sheet, in mm.
const (
	minMargin = 7.0 // from the paper edge to the grid: room for the cut marks
	markGap   = 1.0 // from a card edge to the start of its cut mark
	markLen   = 3.0 // length of a cut mark
	infoGap   = 1.0 // between the cut marks and the calibration line
	infoDepth = 3.5 // height of the "Print at 100%" line with its 50 mm bar
	edgeClear = 4.5 // the calibration line keeps this far from the paper edge (most printers leave about 4 mm blank)
	// infoNeed is the margin that holds cut marks and the calibration line.
	infoNeed = markGap + markLen + infoGap + infoDepth + edgeClear
)

// Rect is a rectangle on a sheet, in mm from the top-left corner.
type Rect struct{ X, Y, W, H float64 }

// Line is a straight line on a sheet, in mm.
type Line struct{ X1, Y1, X2, Y2 float64 }

// Grid is how cells of one size sit on a sheet: Cols × Rows cells with
// Gutter between them, centred on the paper. A cell is a card, or a front
// and back side by side when the deck is folded.
type Grid struct {
	Paper        Paper
	CellW, CellH float64
	Gutter       float64
	Cols, Rows   int
	X, Y         float64 // top-left corner of the grid
	// Info is where the "Print at 100%" line and its 50 mm bar go: across
	// the top margin, or up the left margin (Rotated) when the top is too
	// narrow.
	Info    Rect
	Rotated bool
	// Stacked is set on a fold-over grid whose cells hold the front above
	// the back (fold along a horizontal line) instead of side by side.
	Stacked bool
}

// NewGrid fits as many w × h mm cells as it can on the paper with at least
// minMargin around them, and leaves one margin wide enough for the
// calibration line (giving up a row or column for it when it must).
func NewGrid(p Paper, w, h, gutter float64) (Grid, error) {
	const eps = 1e-9
	g := Grid{Paper: p, CellW: w, CellH: h, Gutter: gutter}
	g.Cols = int(math.Floor((p.W-2*minMargin+gutter)/(w+gutter) + eps))
	g.Rows = int(math.Floor((p.H-2*minMargin+gutter)/(h+gutter) + eps))
	for g.Cols >= 1 && g.Rows >= 1 {
		g.X = (p.W - g.Width()) / 2
		g.Y = (p.H - g.Height()) / 2
		outer := markGap + markLen + infoGap
		switch {
		case g.Y >= infoNeed-eps:
			length := p.W - 2*(minMargin+edgeClear)
			g.Info = Rect{X: (p.W - length) / 2, Y: g.Y - outer - infoDepth, W: length, H: infoDepth}
			return g, nil
		case g.X >= infoNeed-eps:
			length := p.H - 2*(minMargin+edgeClear)
			g.Info = Rect{X: g.X - outer - infoDepth, Y: (p.H - length) / 2, W: infoDepth, H: length}
			g.Rotated = true
			return g, nil
		case g.Rows > 1 && g.Rows >= g.Cols:
			g.Rows--
		case g.Cols > 1:
			g.Cols--
		default:
			g.Rows--
		}
	}
	return Grid{}, fmt.Errorf("a %s × %s mm card does not fit on %s paper with room for cut marks and the calibration bar",
		trimFloat(w), trimFloat(h), p.Name)
}

// PerSheet is the number of cells on one sheet.
func (g Grid) PerSheet() int { return g.Cols * g.Rows }

// Width is the width of the grid, gutters included.
func (g Grid) Width() float64 { return float64(g.Cols)*g.CellW + float64(g.Cols-1)*g.Gutter }

// Height is the height of the grid, gutters included.
func (g Grid) Height() float64 { return float64(g.Rows)*g.CellH + float64(g.Rows-1)*g.Gutter }

// Cell is the rectangle of slot i, counted row by row from the top left.
func (g Grid) Cell(i int) Rect {
	r, c := i/g.Cols, i%g.Cols
	return Rect{
		X: g.X + float64(c)*(g.CellW+g.Gutter),
		Y: g.Y + float64(r)*(g.CellH+g.Gutter),
		W: g.CellW, H: g.CellH,
	}
}

// Halves splits cell i of a fold-over grid into the front and the back
// and gives the fold line between them. Folded back to back along it, the
// back reads upright when the card is turned over across the fold.
func (g Grid) Halves(i int) (front, back Rect, fold Line) {
	c := g.Cell(i)
	if g.Stacked {
		front, back = Rect{c.X, c.Y, c.W, c.H / 2}, Rect{c.X, c.Y + c.H/2, c.W, c.H / 2}
		return front, back, Line{c.X, back.Y, c.X + c.W, back.Y}
	}
	front, back = Rect{c.X, c.Y, c.W / 2, c.H}, Rect{c.X + c.W/2, c.Y, c.W / 2, c.H}
	return front, back, Line{back.X, c.Y, back.X, c.Y + c.H}
}

// Mirror is the slot on the back of the sheet behind slot i: the same row
// with the columns reversed when the paper flips on its long edge, the
// same column with the rows reversed when it flips on its short edge.
func (g Grid) Mirror(i int, b Backs) int {
	r, c := i/g.Cols, i%g.Cols
	switch b {
	case LongEdge:
		c = g.Cols - 1 - c
	case ShortEdge:
		r = g.Rows - 1 - r
	}
	return r*g.Cols + c
}

// CutMarks are short ticks in the margin in line with every card edge:
// above and below the grid for the vertical edges, left and right of it
// for the horizontal ones. Fronts and backs share them (the grid is centred).
func (g Grid) CutMarks() []Line {
	var marks []Line
	top, bottom := g.Y, g.Y+g.Height()
	for _, x := range edges(g.X, g.CellW, g.Gutter, g.Cols) {
		marks = append(marks,
			Line{x, top - markGap - markLen, x, top - markGap},
			Line{x, bottom + markGap, x, bottom + markGap + markLen})
	}
	left, right := g.X, g.X+g.Width()
	for _, y := range edges(g.Y, g.CellH, g.Gutter, g.Rows) {
		marks = append(marks,
			Line{left - markGap - markLen, y, left - markGap, y},
			Line{right + markGap, y, right + markGap + markLen, y})
	}
	return marks
}

// edges lists the positions of the cut lines of n cells of size s from
// start, gutter apart; cells without a gutter share one line.
func edges(start, s, gutter float64, n int) []float64 {
	var out []float64
	for i := range n {
		a := start + float64(i)*(s+gutter)
		if len(out) == 0 || math.Abs(out[len(out)-1]-a) > 1e-6 {
			out = append(out, a)
		}
		out = append(out, a+s)
	}
	return out
}
