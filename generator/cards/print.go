package cards

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"p2pc/generator/feature"
)

// Files are the print pages: for every deck and paper a standalone HTML
// document of fixed-size sheets, at cards/<deck>/print-<paper>/index.html
// (and print-<paper>-fold/ for the fold-over pages of a two-sided deck).
func (cs *Cards) Files() map[string][]byte {
	cs.renderFaces()
	files := map[string][]byte{}
	for _, d := range cs.decks {
		for _, v := range d.Variants() {
			url := d.URL() + v.Dir + "/"
			page, err := printPage(d, v, feature.Root(url))
			if err != nil {
				continue // Collect reported the deck's size as a problem
			}
			files[url+"index.html"] = page
		}
	}
	return files
}

// printView is what templates/print.html sees.
type printView struct {
	Deck     *Deck
	Paper    Paper
	Grid     Grid
	FoldOver bool
	Root     string
	PageSize template.CSS
	Type     template.CSS
	HowSides string
	Sheets   []sheetView
}

type sheetView struct {
	Side  string // "fronts", "backs" or "folded"
	Label string
	Style template.CSS
	Info  template.CSS
	Marks []lineView
	Folds []lineView
	Cards []cardView
}

// lineView is a cut mark or fold line: Dir is "v" or "h".
type lineView struct {
	Dir   string
	Style template.CSS
}

type cardView struct {
	Side  string // "front" or "back"
	Style template.CSS
	Card  *Card
}

// printPage renders the sheets of deck d on one paper.
func printPage(d *Deck, v Variant, root string) ([]byte, error) {
	view, err := newPrintView(d, v, root)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, "print.html", view); err != nil {
		return nil, fmt.Errorf("cards: print template: %w", err)
	}
	return b.Bytes(), nil
}

// newPrintView lays the sheets of deck d out on one paper for a page root
// away from the site root.
func newPrintView(d *Deck, v Variant, root string) (printView, error) {
	g, sheets, err := d.Sheets(v.Paper, v.Fold)
	if err != nil {
		return printView{}, err
	}
	t := d.Size.Type()
	view := printView{
		Deck: d, Paper: v.Paper, Grid: g, FoldOver: v.Fold && d.Backs != Fold, Root: root,
		PageSize: template.CSS(mm(v.Paper.W) + " " + mm(v.Paper.H)),
		Type: template.CSS(fmt.Sprintf("--body:%gpt;--title:%gpt;--foot:%gpt;--inset:%s;--foot-reserve:%s",
			t.Body, t.Title, t.Foot, mm(t.Inset), mm(footReserve(t)))),
		HowSides: howSides(d, v),
	}
	var marks []lineView
	for _, m := range g.CutMarks() {
		marks = append(marks, lineStyle(m))
	}
	for i, s := range sheets {
		sv := sheetView{
			Style: template.CSS("width:" + mm(v.Paper.W) + ";height:" + mm(v.Paper.H)),
			Info:  infoStyle(g),
			Marks: marks,
			Label: fmt.Sprintf("page %d of %d", i+1, len(sheets)),
		}
		switch s.Side {
		case Fronts:
			sv.Side = "fronts"
			if d.Backs != NoBacks {
				sv.Label += ": fronts"
			}
		case BackSides:
			sv.Side = "backs"
			edge := "long"
			if d.Backs == ShortEdge {
				edge = "short"
			}
			sv.Label += fmt.Sprintf(": backs of page %d (print two-sided, flip on the %s edge)", s.Front+1, edge)
		case Folded:
			sv.Side = "folded"
			sv.Label += ": fold each card along its dashed line"
		}
		for slot, ci := range s.Slots {
			if ci < 0 {
				continue
			}
			cell, card := g.Cell(slot), d.Cards[ci]
			switch s.Side {
			case Fronts:
				sv.Cards = append(sv.Cards, cardView{"front", rectStyle(cell), card})
			case BackSides:
				sv.Cards = append(sv.Cards, cardView{"back", rectStyle(cell), card})
			case Folded:
				front, back, fold := g.Halves(slot)
				sv.Cards = append(sv.Cards, cardView{"front", rectStyle(front), card}, cardView{"back", rectStyle(back), card})
				sv.Folds = append(sv.Folds, lineStyle(fold))
			}
		}
		view.Sheets = append(view.Sheets, sv)
	}
	return view, nil
}

// howSides tells the trainer how to print the page's sides.
func howSides(d *Deck, v Variant) string {
	switch {
	case v.Fold:
		return "Print one-sided. Cut out each front-and-back pair along the marks, then fold it along the dashed line, printed sides out (a dab of glue keeps it flat)."
	case d.Backs == LongEdge:
		return "Print two-sided and flip on the long edge: each page of fronts is followed by its backs, placed to line up behind them."
	case d.Backs == ShortEdge:
		return "Print two-sided and flip on the short edge: each page of fronts is followed by its backs, placed to line up behind them."
	}
	return "Print one-sided: these cards have no backs."
}

func mm(v float64) string { return trimFloat(v) + "mm" }

func rectStyle(r Rect) template.CSS {
	return template.CSS(fmt.Sprintf("left:%s;top:%s;width:%s;height:%s", mm(r.X), mm(r.Y), mm(r.W), mm(r.H)))
}

// lineStyle places a vertical or horizontal line; its thickness is in the CSS.
func lineStyle(l Line) lineView {
	if l.X1 == l.X2 {
		return lineView{"v", template.CSS(fmt.Sprintf("left:%s;top:%s;height:%s", mm(l.X1), mm(min(l.Y1, l.Y2)), mm(abs(l.Y2-l.Y1))))}
	}
	return lineView{"h", template.CSS(fmt.Sprintf("left:%s;top:%s;width:%s", mm(min(l.X1, l.X2)), mm(l.Y1), mm(abs(l.X2-l.X1))))}
}

// infoStyle places the calibration line; up the left margin it is turned
// a quarter to read from bottom to top.
func infoStyle(g Grid) template.CSS {
	r := g.Info
	if !g.Rotated {
		return rectStyle(r)
	}
	return template.CSS(strings.Join([]string{
		"left:" + mm(r.X), "top:" + mm(r.Y+r.H), "width:" + mm(r.H), "height:" + mm(r.W),
	}, ";"))
}

func abs(v float64) float64 { return max(v, -v) }
