package cards

import (
	"math"
	"reflect"
	"testing"
)

var a4, letter = Papers[0], Papers[1]

func TestGridPerSheet(t *testing.T) {
	tests := []struct {
		size       string
		paper      Paper
		gutter     float64
		cols, rows int
		rotated    bool
	}{
		{"index", a4, 0, 2, 2, false},
		{"index", letter, 0, 2, 2, true}, // 12.7 mm at the top: the bar goes up the side
		{"index", a4, 3, 2, 2, false},
		{"index", letter, 3, 2, 2, true},
		{"poker", a4, 0, 3, 3, false},
		{"poker", letter, 0, 3, 3, true}, // 7.7 mm at the top, 13.45 mm at the sides
		{"poker", letter, 3, 3, 2, false},
		{"a7", a4, 0, 2, 2, false},
		{"a7", letter, 0, 2, 2, false},
		{"a6", a4, 0, 1, 2, false},
		{"a6", letter, 0, 1, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.size+"/"+tt.paper.Key, func(t *testing.T) {
			s := sizes[tt.size]
			g, err := NewGrid(tt.paper, s.W, s.H, tt.gutter)
			if err != nil {
				t.Fatal(err)
			}
			if g.Cols != tt.cols || g.Rows != tt.rows || g.Rotated != tt.rotated {
				t.Errorf("gutter %v: %d × %d (rotated %v), want %d × %d (rotated %v)", tt.gutter, g.Cols, g.Rows, g.Rotated, tt.cols, tt.rows, tt.rotated)
			}
			checkGrid(t, g)
		})
	}
}

// checkGrid checks what must hold for every grid: cells on the paper with
// the minimum margin, centred, not overlapping, the calibration line clear
// of the cut marks and the paper edge, and long enough for the 50 mm bar.
func checkGrid(t *testing.T, g Grid) {
	t.Helper()
	const eps = 1e-6
	if g.X < minMargin-eps || g.Y < minMargin-eps {
		t.Errorf("grid at %.2f, %.2f: closer than %v mm to the edge", g.X, g.Y, minMargin)
	}
	if math.Abs(g.X+g.Width()+g.X-g.Paper.W) > eps || math.Abs(g.Y+g.Height()+g.Y-g.Paper.H) > eps {
		t.Errorf("grid not centred: %+v", g)
	}
	for i := range g.PerSheet() {
		c := g.Cell(i)
		if c.X < g.X-eps || c.Y < g.Y-eps || c.X+c.W > g.X+g.Width()+eps || c.Y+c.H > g.Y+g.Height()+eps {
			t.Errorf("cell %d %+v outside the grid", i, c)
		}
		if i > 0 && i%g.Cols > 0 && c.X < g.Cell(i-1).X+g.CellW-eps {
			t.Errorf("cell %d overlaps cell %d", i, i-1)
		}
	}
	in := g.Info
	if in.X < edgeClear-eps || in.Y < edgeClear-eps || in.X+in.W > g.Paper.W-edgeClear+eps || in.Y+in.H > g.Paper.H-edgeClear+eps {
		t.Errorf("calibration line %+v too close to the paper edge", in)
	}
	if max(in.W, in.H) < 120 {
		t.Errorf("calibration line %+v too short for the 50 mm bar and its label", in)
	}
	for _, m := range g.CutMarks() {
		if overlaps(in, m) {
			t.Errorf("calibration line %+v crosses cut mark %+v", in, m)
		}
		if min(m.X1, m.X2) < 0 || min(m.Y1, m.Y2) < 0 || max(m.X1, m.X2) > g.Paper.W || max(m.Y1, m.Y2) > g.Paper.H {
			t.Errorf("cut mark %+v off the paper", m)
		}
	}
}

func overlaps(r Rect, l Line) bool {
	return max(l.X1, l.X2) > r.X && min(l.X1, l.X2) < r.X+r.W && max(l.Y1, l.Y2) > r.Y && min(l.Y1, l.Y2) < r.Y+r.H
}

func TestGridPositions(t *testing.T) {
	tests := []struct {
		name   string
		paper  Paper
		w, h   float64
		gutter float64
		cells  []Rect // the first cells, then the last
	}{
		{"index A4", a4, 76.2, 127, 0, []Rect{{28.8, 21.5, 76.2, 127}, {105, 21.5, 76.2, 127}, {28.8, 148.5, 76.2, 127}, {105, 148.5, 76.2, 127}}},
		{"index Letter gutter", letter, 76.2, 127, 3, []Rect{{30.25, 11.2, 76.2, 127}, {109.45, 11.2, 76.2, 127}, {30.25, 141.2, 76.2, 127}, {109.45, 141.2, 76.2, 127}}},
		{"poker A4", a4, 63, 88, 0, []Rect{{10.5, 16.5, 63, 88}, {73.5, 16.5, 63, 88}, {136.5, 16.5, 63, 88}}},
		{"poker Letter", letter, 63, 88, 0, []Rect{{13.45, 7.7, 63, 88}, {76.45, 7.7, 63, 88}, {139.45, 7.7, 63, 88}, {13.45, 95.7, 63, 88}}},
		{"custom", a4, 50, 50, 2, []Rect{{28, 19.5, 50, 50}, {80, 19.5, 50, 50}, {132, 19.5, 50, 50}, {28, 71.5, 50, 50}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := NewGrid(tt.paper, tt.w, tt.h, tt.gutter)
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range tt.cells {
				got := g.Cell(i)
				if !near(got.X, want.X) || !near(got.Y, want.Y) || got.W != want.W || got.H != want.H {
					t.Errorf("cell %d = %+v, want %+v", i, got, want)
				}
			}
			checkGrid(t, g)
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.005 }

func TestGridTooBig(t *testing.T) {
	for _, tt := range []struct{ w, h float64 }{{205, 100}, {100, 270}, {196, 283}} {
		if g, err := NewGrid(letter, tt.w, tt.h, 0); err == nil {
			t.Errorf("%v × %v mm on Letter: got %d × %d cells, want an error", tt.w, tt.h, g.Cols, g.Rows)
		}
	}
	_, err := NewGrid(letter, 205, 100, 0)
	want := "a 205 × 100 mm card does not fit on US Letter paper with room for cut marks and the calibration bar"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

func TestCutMarks(t *testing.T) {
	g, _ := NewGrid(a4, 76.2, 127, 0)
	// Without a gutter neighbours share a cut line: 3 vertical and 3
	// horizontal lines, each with a tick at both ends.
	if n := len(g.CutMarks()); n != 12 {
		t.Errorf("index A4 without gutter: %d cut marks, want 12", n)
	}
	g, _ = NewGrid(a4, 76.2, 127, 3)
	if n := len(g.CutMarks()); n != 16 {
		t.Errorf("index A4 with 3 mm gutter: %d cut marks, want 16", n)
	}
	for _, m := range g.CutMarks() {
		if m.X1 != m.X2 && m.Y1 != m.Y2 {
			t.Errorf("cut mark %+v is not straight", m)
		}
		if l := math.Hypot(m.X2-m.X1, m.Y2-m.Y1); !near(l, markLen) {
			t.Errorf("cut mark %+v is %.2f mm long, want %v", m, l, markLen)
		}
	}
}

func TestMirror(t *testing.T) {
	g := Grid{Cols: 3, Rows: 2}
	long := []int{2, 1, 0, 5, 4, 3}
	short := []int{3, 4, 5, 0, 1, 2}
	for i := range 6 {
		if got := g.Mirror(i, LongEdge); got != long[i] {
			t.Errorf("long edge: slot %d behind %d, want %d", got, i, long[i])
		}
		if got := g.Mirror(i, ShortEdge); got != short[i] {
			t.Errorf("short edge: slot %d behind %d, want %d", got, i, short[i])
		}
	}
	// Mirrored cells sit where a flipped sheet puts them: centres add up
	// to the paper width (long edge) or height (short edge).
	for _, s := range []string{"index", "poker", "a7", "a6"} {
		for _, p := range Papers {
			g, _ := NewGrid(p, sizes[s].W, sizes[s].H, 2)
			for i := range g.PerSheet() {
				f, l, sh := g.Cell(i), g.Cell(g.Mirror(i, LongEdge)), g.Cell(g.Mirror(i, ShortEdge))
				if !near(f.X+f.W/2+l.X+l.W/2, p.W) || !near(f.Y, l.Y) {
					t.Errorf("%s %s long edge: cell %d at %+v, back at %+v", s, p.Key, i, f, l)
				}
				if !near(f.Y+f.H/2+sh.Y+sh.H/2, p.H) || !near(f.X, sh.X) {
					t.Errorf("%s %s short edge: cell %d at %+v, back at %+v", s, p.Key, i, f, sh)
				}
			}
		}
	}
}

func TestPlan(t *testing.T) {
	g := Grid{Cols: 3, Rows: 2}
	tests := []struct {
		name  string
		n     int
		backs Backs
		want  []Sheet
	}{
		{"fronts only", 7, NoBacks, []Sheet{
			{Fronts, []int{0, 1, 2, 3, 4, 5}, 0},
			{Fronts, []int{6, -1, -1, -1, -1, -1}, 0},
		}},
		{"long edge, short last row padded first", 5, LongEdge, []Sheet{
			{Fronts, []int{0, 1, 2, 3, 4, -1}, 0},
			{BackSides, []int{2, 1, 0, -1, 4, 3}, 0},
		}},
		{"long edge, two sheets", 8, LongEdge, []Sheet{
			{Fronts, []int{0, 1, 2, 3, 4, 5}, 0},
			{BackSides, []int{2, 1, 0, 5, 4, 3}, 0},
			{Fronts, []int{6, 7, -1, -1, -1, -1}, 0},
			{BackSides, []int{-1, 7, 6, -1, -1, -1}, 2},
		}},
		{"short edge", 4, ShortEdge, []Sheet{
			{Fronts, []int{0, 1, 2, 3, -1, -1}, 0},
			{BackSides, []int{3, -1, -1, 0, 1, 2}, 0},
		}},
		{"fold", 7, Fold, []Sheet{
			{Folded, []int{0, 1, 2, 3, 4, 5}, 0},
			{Folded, []int{6, -1, -1, -1, -1, -1}, 0},
		}},
		{"no cards", 0, LongEdge, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Plan(tt.n, g, tt.backs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Plan(%d, %v) =\n%v\nwant\n%v", tt.n, tt.backs, got, tt.want)
			}
		})
	}
}
