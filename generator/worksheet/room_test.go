package worksheet_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"p2pc/generator"
	"p2pc/generator/browsertest"
	"p2pc/generator/worksheet"
)

// TestWritingRoom: a short answer's ruled lines grow with its longest
// accepted answer, a line at a time, and stop at eight.
func TestWritingRoom(t *testing.T) {
	for _, tt := range []struct {
		accept []string
		want   string
	}{
		{nil, "[40]"},
		{[]string{"silo", "a silo"}, "[55]"},
		{[]string{"the law of reciprocity", "reciprocity"}, "[135]"},
		{[]string{strings.Repeat("x", 27)}, "[160]"},
		{[]string{strings.Repeat("x", 28)}, "[160 40]"},
		{[]string{strings.Repeat("x", 60)}, "[160 160 40]"},
		{[]string{strings.Repeat("ā", 100)}, "[160 160 160 45]"},
		{[]string{strings.Repeat("x", 5000)}, "[160 160 160 160 160 160 160 160]"},
	} {
		q := &worksheet.Question{Type: worksheet.Short, Accept: tt.accept}
		if got := fmt.Sprint(q.WritingRoom()); got != tt.want {
			t.Errorf("accept %.30q: lines %s mm, want %s", tt.accept, got, tt.want)
		}
	}
}

// TestShortAnswerRoomPrinted measures, in print media, the ruled lines of
// every short-answer question on the curriculum's blank copies: each is as
// long as WritingRoom says, and a question with a longer answer gets more
// room.
func TestShortAnswerRoomPrinted(t *testing.T) {
	b := browsertest.New(t, 1000, 900)
	dir := filepath.Join(t.TempDir(), "site")
	site, w := build(t, os.DirFS("../../content"))
	if err := generator.Write(dir, site.Files); err != nil {
		t.Fatal(err)
	}
	type measured struct {
		chars int
		mm    float64
	}
	var all []measured
	for _, s := range w.Sheets() {
		var shorts []*worksheet.Question
		for _, q := range s.Questions {
			if q.Type == worksheet.Short {
				shorts = append(shorts, q)
			}
		}
		if len(shorts) == 0 {
			continue
		}
		ctx := tab(t, b)
		var lines [][]float64
		run(t, ctx, emulation.SetEmulatedMedia().WithMedia("print"),
			chromedp.Navigate(fileURL(dir, s.BlankURL()+"index.html")), chromedp.WaitReady("body", chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll(".ws-type-short .ws-lines")].map(l =>
				[...l.querySelectorAll(".ws-line")].map(e => e.getBoundingClientRect().width * 25.4 / 96))`, &lines))
		if len(lines) != len(shorts) {
			t.Fatalf("%s: %d short-answer questions, %d ruled areas", s.ID, len(shorts), len(lines))
		}
		for i, q := range shorts {
			want := q.WritingRoom()
			if len(lines[i]) != len(want) {
				t.Errorf("%s %s: %d lines, want %d", s.ID, q.ID, len(lines[i]), len(want))
				continue
			}
			total := 0.0
			for j := range want {
				if math.Abs(lines[i][j]-want[j]) > 0.5 {
					t.Errorf("%s %s: line %d is %.1f mm, want %.0f", s.ID, q.ID, j+1, lines[i][j], want[j])
				}
				total += lines[i][j]
			}
			longest := 0
			for _, a := range q.Accept {
				longest = max(longest, len([]rune(a)))
			}
			all = append(all, measured{longest, total})
		}
	}
	if len(all) < 3 {
		t.Fatalf("only %d short-answer questions in the curriculum", len(all))
	}
	for _, a := range all {
		for _, b := range all {
			if a.chars > b.chars && a.mm <= b.mm {
				t.Errorf("an answer of %d characters gets %.1f mm, one of %d gets %.1f mm", a.chars, a.mm, b.chars, b.mm)
			}
		}
	}
}
