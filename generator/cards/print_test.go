package cards_test

import (
	"context"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"p2pc/generator"
	"p2pc/generator/browsertest"
	"p2pc/generator/cards"
	"p2pc/generator/feature"
)

const ptPerMM = 72 / 25.4

// requirePoppler skips the test when pdfinfo and pdftotext are missing,
// and fails it when CI is set.
func requirePoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s not found and CI is set: install poppler-utils", tool)
			}
			t.Skipf("%s not found: install poppler-utils to run the PDF tests", tool)
		}
	}
}

// writeSite writes files to a new folder and returns it.
func writeSite(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// printPDF opens a page from disk and prints it the way a browser's print
// dialog does at 100%, with the page size the CSS asks for.
func printPDF(t *testing.T, ctx context.Context, file string) string {
	t.Helper()
	var pdf []byte
	err := chromedp.Run(ctx,
		chromedp.Navigate("file://"+file),
		chromedp.WaitReady("body"),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = page.PrintToPDF().WithPreferCSSPageSize(true).WithPrintBackground(true).Do(ctx)
			return err
		}))
	if err != nil {
		t.Fatalf("print %s: %v", file, err)
	}
	name := strings.ReplaceAll(strings.TrimPrefix(filepath.ToSlash(file), "/"), "/", "_")
	out := filepath.Join(t.TempDir(), name+".pdf")
	if keep := os.Getenv("CARDS_OUT"); keep != "" { // to look at them
		out = filepath.Join(keep, filepath.Base(filepath.Dir(filepath.Dir(file)))+"-"+filepath.Base(filepath.Dir(file))+".pdf")
	}
	if err := os.WriteFile(out, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// pageSizes reads the size of every page of a PDF in points.
func pageSizes(t *testing.T, pdf string) [][2]float64 {
	t.Helper()
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", "10000", pdf).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	var sizes [][2]float64
	re := regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`)
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	return sizes
}

// word is one word pdftotext found, with its box in points.
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

func (w word) cx() float64 { return (w.x0 + w.x1) / 2 }
func (w word) cy() float64 { return (w.y0 + w.y1) / 2 }

// pdfWords reads the words of every page with pdftotext -bbox.
func pdfWords(t *testing.T, pdf string) [][]word {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	var pages [][]word
	wordRe := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>`)
	for _, p := range strings.Split(string(out), "<page ")[1:] {
		var ws []word
		for _, m := range wordRe.FindAllStringSubmatch(p, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			ws = append(ws, word{f(m[1]), f(m[2]), f(m[3]), f(m[4]), html.UnescapeString(m[5])})
		}
		pages = append(pages, ws)
	}
	return pages
}

// box is a rectangle in points.
type box struct{ x0, y0, x1, y1 float64 }

func ptBox(r cards.Rect) box {
	return box{r.X * ptPerMM, r.Y * ptPerMM, (r.X + r.W) * ptPerMM, (r.Y + r.H) * ptPerMM}
}

// holds reports whether w lies inside b (with half a point to spare for
// glyph boxes that touch the edge).
func (b box) holds(w word) bool {
	const slack = 0.5
	return w.x0 >= b.x0-slack && w.y0 >= b.y0-slack && w.x1 <= b.x1+slack && w.y1 <= b.y1+slack
}

// letters keeps the letters and digits of s, lower-cased: text compared
// this way ignores how lines were broken and how quotes were set.
func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// readingOrder joins words line by line, top to bottom, left to right.
func readingOrder(ws []word) string {
	sorted := append([]word(nil), ws...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if math.Abs(sorted[i].y0-sorted[j].y0) > 2 {
			return sorted[i].y0 < sorted[j].y0
		}
		return sorted[i].x0 < sorted[j].x0
	})
	var parts []string
	for _, w := range sorted {
		parts = append(parts, w.text)
	}
	return strings.Join(parts, " ")
}

// placed is a card face expected on a page.
type placed struct {
	card *cards.Card
	back bool
	cell box
}

// expected lists the faces on each page of a deck's print page, from the
// generator's own layout.
func expected(d *cards.Deck, paper cards.Paper, fold bool) (cards.Grid, [][]placed) {
	g, sheets, _ := d.Sheets(paper, fold)
	var pages [][]placed
	for _, s := range sheets {
		var ps []placed
		for slot, ci := range s.Slots {
			if ci < 0 {
				continue
			}
			c, cell := d.Cards[ci], g.Cell(slot)
			switch s.Side {
			case cards.Fronts:
				ps = append(ps, placed{c, false, ptBox(cell)})
			case cards.BackSides:
				ps = append(ps, placed{c, true, ptBox(cell)})
			case cards.Folded:
				front, back, _ := g.Halves(slot)
				ps = append(ps, placed{c, false, ptBox(front)}, placed{c, true, ptBox(back)})
			}
		}
		pages = append(pages, ps)
	}
	return g, pages
}

// checkPrintPage prints one print page of a deck to PDF and checks it
// with poppler: page count and size, every card face whole inside its
// cell, nothing else on the page but the calibration line, and backs
// behind their fronts.
func checkPrintPage(t *testing.T, ctx context.Context, dir string, d *cards.Deck, v cards.Variant) {
	t.Helper()
	paper, fold, variant := v.Paper, v.Fold, v.Dir
	file := filepath.Join(dir, "cards", d.Key, variant, "index.html")
	checkLettering(t, ctx, file, d)
	pdf := printPDF(t, ctx, file)
	g, want := expected(d, paper, fold)

	sizes := pageSizes(t, pdf)
	if len(sizes) != len(want) {
		t.Errorf("%s: %d pages, want %d sheets", variant, len(sizes), len(want))
	}
	pw, ph := paper.W*ptPerMM, paper.H*ptPerMM
	for i, s := range sizes {
		if math.Abs(s[0]-pw) > 1.5 || math.Abs(s[1]-ph) > 1.5 {
			t.Errorf("%s page %d is %.1f × %.1f pt, want %s (%.1f × %.1f)", variant, i+1, s[0], s[1], paper.Name, pw, ph)
		}
	}
	pages := pdfWords(t, pdf)
	info := ptBox(g.Info)
	markers := map[string][]word{} // "front 3" -> footer words found, by side
	for i, ps := range want {
		if i >= len(pages) {
			break
		}
		ws := pages[i]
		for _, w := range ws {
			inside := info.holds(w)
			for _, p := range ps {
				inside = inside || p.cell.holds(w)
			}
			if !inside {
				t.Errorf("%s page %d: %q at (%.1f, %.1f)–(%.1f, %.1f) pt is outside every card and the calibration line", variant, i+1, w.text, w.x0, w.y0, w.x1, w.y1)
			}
		}
		for _, p := range ps {
			var in []word
			for _, w := range ws {
				if p.cell.holds(w) {
					in = append(in, w)
				}
			}
			got := readingOrder(in)
			side := "front"
			if p.back {
				side = "back"
			}
			if !strings.Contains(letters(got), letters(p.card.Text(p.back))) {
				t.Errorf("%s page %d: the %s of %q is not whole inside its cell:\n got: %s\nwant: %s", variant, i+1, side, p.card.ID, got, p.card.Text(p.back))
			}
			// The footer's words in a row: the deck's title and the card's
			// place ("The five steps 3/5"), marked by their whole extent.
			foot := strings.Fields(p.card.Footer())
			for j := 0; j+len(foot) <= len(in); j++ {
				if wordsAre(in[j:j+len(foot)], foot) {
					last := in[j+len(foot)-1]
					markers[side+" "+p.card.ID] = append(markers[side+" "+p.card.ID], word{in[j].x0, in[j].y0, last.x1, last.y1, p.card.Footer()})
				}
			}
			if len(markers[side+" "+p.card.ID]) == 0 {
				t.Errorf("%s page %d: no footer %q inside the %s of %q", variant, i+1, p.card.Footer(), side, p.card.ID)
			}
		}
	}
	for _, c := range d.Cards {
		f, b := markers["front "+c.ID], markers["back "+c.ID]
		if len(f) > 1 || len(b) > 1 {
			t.Errorf("%s: footer of %q printed %d times on fronts, %d on backs", variant, c.ID, len(f), len(b))
		}
		if len(f) != 1 || len(b) != 1 || fold {
			continue
		}
		switch d.Backs {
		case cards.LongEdge:
			if math.Abs(f[0].cx()+b[0].cx()-pw) > 1.5 || math.Abs(f[0].cy()-b[0].cy()) > 1.5 {
				t.Errorf("%s: %q front footer at x %.1f, back at x %.1f (sum %.1f, want the page width %.1f), y %.1f and %.1f",
					variant, c.ID, f[0].cx(), b[0].cx(), f[0].cx()+b[0].cx(), pw, f[0].cy(), b[0].cy())
			}
		case cards.ShortEdge:
			cellH := g.CellH * ptPerMM
			// The footer sits at the same place in each cell, so the
			// mirrored cells put the back's footer one cell height
			// lower than the front's mirror image.
			if math.Abs(f[0].cx()-b[0].cx()) > 1.5 || math.Abs(f[0].cy()+b[0].cy()-ph-(2*footerDrop(f[0], g, paper)-cellH)) > 1.5 {
				t.Errorf("%s: %q front footer at (%.1f, %.1f), back at (%.1f, %.1f): not mirrored top to bottom", variant, c.ID, f[0].cx(), f[0].cy(), b[0].cx(), b[0].cy())
			}
		}
	}
}

// footerDrop is how far below the top of its cell a footer sits, in pt.
func footerDrop(w word, g cards.Grid, paper cards.Paper) float64 {
	for i := range g.PerSheet() {
		if b := ptBox(g.Cell(i)); b.holds(w) {
			return w.cy() - b.y0
		}
	}
	return math.NaN()
}

// checkLettering opens a print page and checks what a PDF does not show
// well: no card's text overflows its box, the body text keeps its size
// (at least 11 pt on index cards), the size estimate that guards against
// overflow at build time is generous, the calibration bar is 50 mm and the
// calibration line is not cut off.
func checkLettering(t *testing.T, ctx context.Context, file string, d *cards.Deck) {
	t.Helper()
	type face struct {
		Foot       string
		Back       bool
		Used, Room float64 // pt
	}
	var res struct {
		Faces    []face
		Overflow []string
		MinBody  float64
		Bars     []float64
		Clipped  int
	}
	err := chromedp.Run(ctx, chromedp.Navigate("file://"+file), chromedp.WaitReady("body"), chromedp.Evaluate(`(() => {
		const r = {Faces: [], Overflow: [], MinBody: 1e9, Bars: [], Clipped: 0};
		for (const t of document.querySelectorAll(".pc-text")) {
			const foot = t.parentElement.querySelector(".pc-foot").textContent;
			if (t.scrollHeight > t.clientHeight + 1 || t.scrollWidth > t.clientWidth + 1) {
				r.Overflow.push(foot + ": " + t.scrollHeight + " > " + t.clientHeight);
			}
			const last = t.lastElementChild;
			r.Faces.push({Foot: foot, Back: t.parentElement.classList.contains("pc-back"),
				Used: (last.getBoundingClientRect().bottom - t.getBoundingClientRect().top) * 0.75,
				Room: t.clientHeight * 0.75});
			for (const p of t.querySelectorAll("p, li")) {
				r.MinBody = Math.min(r.MinBody, parseFloat(getComputedStyle(p).fontSize) * 0.75);
			}
		}
		for (const b of document.querySelectorAll(".calibration-bar")) {
			const rc = b.getBoundingClientRect();
			r.Bars.push(Math.max(rc.width, rc.height));
		}
		for (const i of document.querySelectorAll(".sheet-info")) {
			if (i.scrollWidth > i.clientWidth + 1) r.Clipped++;
		}
		return r;
	})()`, &res))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Overflow {
		t.Errorf("%s: card text overflows: %s", file, o)
	}
	if d.Size.Name == "index" && res.MinBody < 11 {
		t.Errorf("%s: body text %.1f pt on index cards, want at least 11 pt", file, res.MinBody)
	}
	if res.MinBody < d.Size.Type().Body-0.01 {
		t.Errorf("%s: body text %.1f pt, want %v pt (no shrinking)", file, res.MinBody, d.Size.Type().Body)
	}
	if len(res.Faces) == 0 || len(res.Bars) == 0 {
		t.Errorf("%s: %d card faces and %d calibration bars", file, len(res.Faces), len(res.Bars))
	}
	for _, w := range res.Bars {
		if mm := w / 96 * 25.4; math.Abs(mm-50) > 0.05 {
			t.Errorf("%s: calibration bar is %.2f mm, want 50", file, mm)
		}
	}
	if res.Clipped > 0 {
		t.Errorf("%s: the calibration line is cut off on %d pages", file, res.Clipped)
	}
	byFoot := map[string]*cards.Card{}
	for _, c := range d.Cards {
		byFoot[c.Footer()] = c
	}
	fullest := 0.0
	for _, f := range res.Faces {
		c := byFoot[f.Foot]
		if c == nil {
			t.Errorf("%s: a card with the footer %q", file, f.Foot)
			continue
		}
		front, back, room := cards.Estimate(c)
		need := front
		if f.Back {
			need = back
		}
		if need < f.Used-0.5 || math.Abs(room-f.Room) > 1 {
			t.Errorf("%s: %q (back %v) takes %.1f pt of %.1f; the estimate said %.1f of %.1f", file, c.ID, f.Back, f.Used, f.Room, need, room)
		}
		fullest = max(fullest, f.Used/f.Room)
	}
	t.Logf("%s: body %.1f pt; the fullest card face uses %.0f%% of its text box", filepath.Base(filepath.Dir(file)), res.MinBody, 100*fullest)
}

// TestPrintCurriculum prints every deck of the real curriculum on both
// papers, duplex and fold-over, and checks the PDFs.
func TestPrintCurriculum(t *testing.T) {
	requirePoppler(t)
	s, cs := curriculum(t)
	dir := writeSite(t, s.Files)
	ctx := browsertest.New(t, 1000, 800)
	if len(cs.Decks()) == 0 {
		t.Fatal("no decks")
	}
	for _, d := range cs.Decks() {
		for _, v := range d.Variants() {
			t.Run(d.Key+"/"+v.Dir, func(t *testing.T) {
				checkPrintPage(t, ctx, dir, d, v)
			})
		}
	}
}

// sizesSite is a small site with one deck of every size and way of
// printing backs. The first card of the poker and "full" decks holds as
// much text as the build lets through, to show the estimate is safe.
func sizesSite() fstest.MapFS {
	var b strings.Builder
	b.WriteString("# Sizes\n\n")
	decks := []struct {
		def  string
		n    int
		full int // sentences on the first card's front; the most the estimate allows
	}{
		{`::: deck {#poker title="Poker deck" size=poker backs=short-edge}`, 11, 5},
		{`::: deck {#small title="A7 deck" size=a7 backs=none}`, 5, 0},
		{`::: deck {#postcards title="A6 deck" size=a6 backs=fold}`, 3, 0},
		{`::: deck {#custom title="Custom deck" width=70mm height=50mm gutter=3mm}`, 7, 0},
		{`::: deck {#full title="Full index cards" size=index}`, 2, 6},
	}
	for _, d := range decks {
		b.WriteString(d.def + "\n:::\n\n")
		key := strings.TrimPrefix(strings.Fields(d.def)[2], "{#")
		for i := 1; i <= d.n; i++ {
			front := "Which small thing would you like to do better this week, and who could show you how?"
			title := fmt.Sprintf("%s card %d", key, i)
			if i == 1 && d.full > 0 {
				front = strings.Repeat("Which small habit could a coworker show you this week? ", d.full)
				title = "A fairly long card title here"
			}
			fmt.Fprintf(&b, "::: card {deck=%q}\n### %s\n%s\n", key, title, front)
			if !strings.Contains(d.def, "backs=none") {
				fmt.Fprintf(&b, "\n---\n\nAsk once, listen fully, try it for a week (%d).\n", i)
			}
			b.WriteString(":::\n\n")
		}
	}
	return fstest.MapFS{"m/a.md": {Data: []byte(b.String())}}
}

// TestPrintSizes prints decks of every size and kind of back on both papers.
func TestPrintSizes(t *testing.T) {
	requirePoppler(t)
	cs := cards.New()
	s, err := generator.Build(sizesSite(), os.DirFS("../../layouts"), generator.Options{Features: []feature.Feature{cs}})
	if err != nil {
		t.Fatal(err)
	}
	dir := writeSite(t, s.Files)
	ctx := browsertest.New(t, 1000, 800)
	for _, d := range cs.Decks() {
		for _, v := range d.Variants() {
			t.Run(d.Key+"/"+v.Dir, func(t *testing.T) {
				checkPrintPage(t, ctx, dir, d, v)
			})
		}
	}
}

// wordsAre reports whether the words read text, one word each.
func wordsAre(ws []word, text []string) bool {
	for i, w := range ws {
		if w.text != text[i] {
			return false
		}
	}
	return true
}
