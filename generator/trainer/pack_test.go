package trainer_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"p2pc/generator"
	"p2pc/generator/browsertest"
	"p2pc/generator/builtin"
	"p2pc/generator/cards"
	"p2pc/generator/worksheet"
)

const ptPerMM = 72 / 25.4

// poppler returns the path of a poppler tool, skipping the test without
// it (failing when CI is set).
func poppler(t *testing.T, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not found and CI is set: install poppler-utils", tool)
		}
		t.Skipf("%s not found: install poppler-utils to run the pack tests", tool)
	}
	return p
}

var built struct {
	once sync.Once
	dir  string
	cs   *cards.Cards
	ws   *worksheet.Worksheets
	err  error
}

// curriculum builds and writes the real content, once for the package's
// tests; it returns the folder and the cards and worksheet features of
// that build.
func curriculum(t *testing.T) (string, *cards.Cards, *worksheet.Worksheets) {
	t.Helper()
	built.once.Do(func() {
		features := builtin.Features()
		for _, f := range features {
			switch f := f.(type) {
			case *cards.Cards:
				built.cs = f
			case *worksheet.Worksheets:
				built.ws = f
			}
		}
		site, err := generator.Build(os.DirFS("../../content"), os.DirFS("../../layouts"), generator.Options{Features: features})
		if err != nil {
			built.err = fmt.Errorf("build: %w", err)
			return
		}
		dir, err := os.MkdirTemp("", "trainer-test-")
		if err == nil {
			built.dir = filepath.Join(dir, "site")
			err = generator.Write(built.dir, site.Files)
		}
		built.err = err
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.dir, built.cs, built.ws
}

// TestMain removes the written curriculum after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(filepath.Dir(built.dir))
	}
	os.Exit(code)
}

// printToPDF prints the page loaded in ctx as the print dialog does at
// 100%, with the page sizes the CSS asks for, into a file.
func printToPDF(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	var pdf []byte
	run(t, ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().WithPreferCSSPageSize(true).WithPrintBackground(true).Do(ctx)
		return err
	}))
	dir := t.TempDir()
	if keep := os.Getenv("PACK_OUT"); keep != "" { // to look at them
		dir = keep
	}
	out := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(out, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// pdfPages returns each page's size in points and text.
func pdfPages(t *testing.T, pdf string) (sizes [][2]float64, texts []string) {
	t.Helper()
	out, err := exec.Command(poppler(t, "pdfinfo"), "-f", "1", "-l", "10000", pdf).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	re := regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`)
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	out, err = exec.Command(poppler(t, "pdftotext"), "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	texts = strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	for i := range texts {
		texts[i] = strings.Join(strings.Fields(texts[i]), " ")
	}
	return sizes, texts
}

// raster renders page n (1-based) of a PDF in grey at dpi.
func raster(t *testing.T, pdf string, n, dpi int) *image.Gray {
	t.Helper()
	out, err := exec.Command(poppler(t, "pdftoppm"), "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-r", strconv.Itoa(dpi),
		"-gray", "-png", "-singlefile", pdf).Output()
	if err != nil {
		t.Fatalf("pdftoppm page %d: %v", n, err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	g, ok := img.(*image.Gray)
	if !ok {
		b := img.Bounds()
		g = image.NewGray(b)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				g.Set(x, y, img.At(x, y))
			}
		}
	}
	return g
}

// differ counts the pixels of two rasters that differ by more than a
// shade, and reports whether their sizes differ.
func differ(a, b *image.Gray) (int, bool) {
	if a.Bounds() != b.Bounds() {
		return 0, true
	}
	n := 0
	for i := range a.Pix {
		if d := int(a.Pix[i]) - int(b.Pix[i]); d > 24 || d < -24 {
			n++
		}
	}
	return n, false
}

// dark reports whether the raster has a dark pixel within r px of (x, y) mm.
func dark(g *image.Gray, dpi int, xmm, ymm float64, r int) bool {
	px, py := int(xmm/25.4*float64(dpi)), int(ymm/25.4*float64(dpi))
	for y := py - r; y <= py+r; y++ {
		for x := px - r; x <= px+r; x++ {
			if image.Pt(x, y).In(g.Bounds()) && g.GrayAt(x, y).Y < 128 {
				return true
			}
		}
	}
	return false
}

// tick opens the pack, chooses the paper and ticks the parts with these ids.
func tick(t *testing.T, ctx context.Context, dir, paper string, ids ...string) {
	t.Helper()
	open(t, ctx, dir, "workshop-pack/index.html")
	run(t, ctx, chromedp.Click("#paper-"+paper, chromedp.ByQuery))
	for _, id := range ids {
		run(t, ctx, chromedp.Click("#pick-"+id, chromedp.ByQuery))
	}
}

// TestPackPDF prints workshop packs of the real curriculum: a two-sided
// deck with a blank worksheet and an answer key, on A4 and US Letter. Every
// page has the paper's size; the deck's sheets print exactly as its own
// print page prints them (compared as images), with cut marks where the
// layout puts them and backs mirrored behind their fronts; each part starts
// on the front of a new sheet; only the ticked parts print.
func TestPackPDF(t *testing.T) {
	poppler(t, "pdfinfo")
	b := browsertest.New(t, 1000, 900)
	dir, cs, ws := curriculum(t)
	var deck *cards.Deck
	for _, d := range cs.Decks() {
		if d.Key == "five-steps" {
			deck = d
		}
	}
	var sheet *worksheet.Sheet
	for _, s := range ws.Sheets() {
		if s.ID == "ws-five-steps" {
			sheet = s
		}
	}
	if deck == nil || sheet == nil || deck.Backs != cards.LongEdge {
		t.Fatal("the curriculum lacks the two-sided five-steps deck or the ws-five-steps worksheet")
	}
	for _, paper := range cards.Papers {
		t.Run(paper.Key, func(t *testing.T) {
			ctx := tab(t, b)
			tick(t, ctx, dir, paper.Key, "cards-five-steps", "worksheet-ws-five-steps-blank", "worksheet-ws-five-steps-key")
			pack := printToPDF(t, ctx, "pack-"+paper.Key)
			open(t, ctx, dir, deck.URL()+"print-"+paper.Key+"/index.html")
			own := printToPDF(t, ctx, "deck-"+paper.Key)
			sizes, texts := pdfPages(t, pack)
			ownSizes, _ := pdfPages(t, own)
			deckPages := len(ownSizes)

			pw, ph := paper.W*ptPerMM, paper.H*ptPerMM
			for i, s := range sizes {
				if math.Abs(s[0]-pw) > 1.5 || math.Abs(s[1]-ph) > 1.5 {
					t.Errorf("page %d is %.1f × %.1f pt, want %s (%.1f × %.1f)", i+1, s[0], s[1], paper.Name, pw, ph)
				}
			}
			// The parts' first pages: the deck on page 1, each worksheet on
			// the next odd page after the part before it.
			blankAt := deckPages + 1 + deckPages%2
			keyAt := 0
			for i := blankAt; i < len(texts); i++ {
				if strings.Contains(texts[i], "Trainer's answer key") || strings.Contains(texts[i], "TRAINER'S ANSWER KEY") || strings.Contains(strings.ToUpper(texts[i]), "TRAINER’S ANSWER KEY") {
					keyAt = i + 1
					break
				}
			}
			if blankAt > len(texts) || !strings.Contains(texts[blankAt-1], sheet.Title) || !strings.Contains(texts[blankAt-1], "Name") {
				t.Fatalf("the blank worksheet does not start on page %d of %d", blankAt, len(texts))
			}
			if keyAt == 0 || keyAt%2 != 1 || !strings.Contains(texts[keyAt-1], sheet.Title) {
				t.Errorf("the answer key starts on page %d; want an odd page after the blank copy", keyAt)
			}
			for i := deckPages; i < blankAt-1; i++ {
				if texts[i] != "" {
					t.Errorf("page %d, between the deck and the worksheet, is not blank: %.80s", i+1, texts[i])
				}
			}
			for i := range texts {
				if i+1 < blankAt && i >= deckPages {
					continue
				}
				for _, other := range []string{"Conversation starters", "Quick check"} {
					if strings.Contains(texts[i], other) {
						t.Errorf("page %d holds %q, which is not ticked", i+1, other)
					}
				}
			}
			// The deck's sheets, page by page, as its own print page prints them.
			g, _, err := deck.Sheets(paper, false)
			if err != nil {
				t.Fatal(err)
			}
			const dpi = 72
			for i := 1; i <= deckPages; i++ {
				got, want := raster(t, pack, i, dpi), raster(t, own, i, dpi)
				if n, size := differ(got, want); size || n > 0 {
					t.Errorf("deck page %d differs from the deck's own print page: %d pixels (size differs: %v)", i, n, size)
				}
				marks := 0
				for _, m := range g.CutMarks() {
					if dark(got, dpi, (m.X1+m.X2)/2, (m.Y1+m.Y2)/2, 1) {
						marks++
					}
				}
				if marks != len(g.CutMarks()) || marks == 0 {
					t.Errorf("deck page %d: %d of %d cut marks printed", i, marks, len(g.CutMarks()))
				}
			}
			checkMirrored(t, pack, deck, paper, deckPages)
		})
	}
}

// checkMirrored finds each card's footer on the deck's pages of the pack:
// a back's footer sits behind its front's, mirrored across the page's
// width (long-edge flipping), at the same height.
func checkMirrored(t *testing.T, pdf string, d *cards.Deck, paper cards.Paper, pages int) {
	t.Helper()
	out, err := exec.Command(poppler(t, "pdftotext"), "-bbox", "-f", "1", "-l", strconv.Itoa(pages), pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	type at struct{ x, y float64 }
	fronts, backs := map[string]at{}, map[string]at{}
	wordRe := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>`)
	for i, p := range strings.Split(string(out), "<page ")[1:] {
		ms := wordRe.FindAllStringSubmatch(p, -1)
		for _, c := range d.Cards {
			foot := strings.Fields(c.Footer())
			for j := 0; j+len(foot) <= len(ms); j++ {
				match := true
				for k, w := range foot {
					match = match && ms[j+k][5] == w
				}
				if !match {
					continue
				}
				f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
				pos := at{(f(ms[j][1]) + f(ms[j+len(foot)-1][3])) / 2, f(ms[j][2])}
				if i%2 == 0 {
					fronts[c.ID] = pos
				} else {
					backs[c.ID] = pos
				}
			}
		}
	}
	pw := paper.W * ptPerMM
	for _, c := range d.Cards {
		f, okf := fronts[c.ID]
		bk, okb := backs[c.ID]
		if !okf || !okb {
			t.Errorf("card %q: footer on a front %v, on a back %v", c.ID, okf, okb)
			continue
		}
		if math.Abs(f.x+bk.x-pw) > 1.5 || math.Abs(f.y-bk.y) > 1.5 {
			t.Errorf("card %q: front footer at (%.1f, %.1f), back at (%.1f, %.1f): not mirrored across %.1f pt", c.ID, f.x, f.y, bk.x, bk.y, pw)
		}
	}
}

// TestPackOneSided prints only worksheets: no part is two-sided, so no
// blank page comes between them; the key follows the blank copy at once.
func TestPackOneSided(t *testing.T) {
	poppler(t, "pdfinfo")
	b := browsertest.New(t, 1000, 900)
	dir, _, _ := curriculum(t)
	ctx := tab(t, b)
	tick(t, ctx, dir, "a4", "worksheet-ws-sh-peer-blank", "worksheet-ws-sh-peer-key")
	_, texts := pdfPages(t, printToPDF(t, ctx, "pack-one-sided"))
	if len(texts) != 2 {
		t.Fatalf("%d pages, want 2 (a one-page blank copy, then its key on a new page): %q", len(texts), texts)
	}
	if !strings.Contains(texts[0], "Name") || strings.Contains(texts[0], "answer key") {
		t.Errorf("page 1 is not the blank copy alone: %.120s", texts[0])
	}
	if !strings.Contains(strings.ToLower(texts[1]), "answer key") {
		t.Errorf("page 2 is not the answer key: %.120s", texts[1])
	}
}

// TestPackPage checks the pack page on screen: nothing ticked at first,
// ticking shows a part for the chosen paper only, and axe-core finds no
// violation.
func TestPackPage(t *testing.T) {
	b := browsertest.New(t, 1000, 900)
	dir, _, _ := curriculum(t)
	ctx := tab(t, b)
	shown := `[...document.querySelectorAll(".pack-part")].filter(p => getComputedStyle(p).display !== "none").map(p => p.className.split(" ")[1] + "/" + (p.dataset.paper || "any")).join(" ")`
	open(t, ctx, dir, "workshop-pack/index.html")
	if got := eval(t, ctx, shown); got != "" {
		t.Errorf("parts shown before ticking: %s", got)
	}
	if got := eval(t, ctx, `getComputedStyle(document.querySelector(".pack-empty")).display`); got == "none" {
		t.Error("nothing ticked, and no message says so")
	}
	for _, v := range browsertest.Axe(t, ctx, "") {
		t.Errorf("axe: %s", v)
	}
	run(t, ctx, chromedp.Click("#pick-cards-five-steps", chromedp.ByQuery), chromedp.Click("#pick-worksheet-ws-five-steps-key", chromedp.ByQuery))
	if got, want := eval(t, ctx, shown), "part-cards-five-steps/a4 part-worksheet-ws-five-steps-key/any"; got != want {
		t.Errorf("shown on A4: %s, want %s", got, want)
	}
	run(t, ctx, chromedp.Click("#paper-letter", chromedp.ByQuery))
	if got, want := eval(t, ctx, shown), "part-cards-five-steps/letter part-worksheet-ws-five-steps-key/any"; got != want {
		t.Errorf("shown on Letter: %s, want %s", got, want)
	}
	if got := eval(t, ctx, `getComputedStyle(document.querySelector(".pack-empty")).display`); got != "none" {
		t.Error("parts are ticked, yet the pack says nothing is")
	}
	for _, v := range browsertest.Axe(t, ctx, "") {
		t.Errorf("axe, parts ticked: %s", v)
	}
}

// TestPackParity ticks every part of the curriculum on each paper and
// prints the pack two-sided: every worksheet and answer key, however many
// pages it takes, starts on an odd page (the front of a sheet), as the
// page count trainer-pack.js makes of it promises.
func TestPackParity(t *testing.T) {
	poppler(t, "pdfinfo")
	b := browsertest.New(t, 1000, 900)
	dir, _, ws := curriculum(t)
	for _, paper := range cards.Papers {
		t.Run(paper.Key, func(t *testing.T) {
			ctx := tab(t, b)
			open(t, ctx, dir, "workshop-pack/index.html")
			run(t, ctx, chromedp.Click("#paper-"+paper.Key, chromedp.ByQuery))
			eval(t, ctx, `(() => { document.querySelectorAll(".pack-pick").forEach(c => c.checked = true);
				document.dispatchEvent(new Event("change")); })()`)
			_, texts := pdfPages(t, printToPDF(t, ctx, "pack-all-"+paper.Key))
			starts := 0
			for i, text := range texts {
				up := strings.ToUpper(text)
				if !strings.HasPrefix(up, "WORKSHEET ·") && !strings.HasPrefix(up, "TRAINER'S ANSWER KEY ·") && !strings.HasPrefix(up, "TRAINER’S ANSWER KEY ·") {
					continue
				}
				starts++
				if (i+1)%2 == 0 {
					t.Errorf("a part starts on page %d, the back of a sheet: %.80s", i+1, text)
				}
			}
			if want := 2 * len(ws.Sheets()); starts != want {
				t.Errorf("%d worksheet parts found in the PDF, want %d", starts, want)
			}
		})
	}
}
