package worksheet_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"

	"p2pc/generator"
	"p2pc/generator/browsertest"
	"p2pc/generator/worksheet"
)

// TestPrintPDF prints the blank copy and the answer key of every worksheet
// of the curriculum to PDF and reads them back with pdftotext: the blank has
// every question and choice and no answer, the key has every answer, and no
// question is split across two pages.
func TestPrintPDF(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext not found and CI is set: install poppler-utils")
		}
		t.Skip("pdftotext not found; install poppler-utils to run the print tests")
	}
	b := browsertest.New(t, 1000, 900)
	dir := filepath.Join(t.TempDir(), "site")
	site, w := build(t, os.DirFS("../../content"))
	if err := generator.Write(dir, site.Files); err != nil {
		t.Fatal(err)
	}
	for _, s := range w.Sheets() {
		t.Run(s.ID, func(t *testing.T) {
			ctx := tab(t, b)
			blank := pdfText(t, ctx, pdftotext, fileURL(dir, s.BlankURL()+"index.html"))
			key := pdfText(t, ctx, pdftotext, fileURL(dir, s.KeyURL()+"index.html"))
			all, allKey := strings.Join(blank, " "), strings.Join(key, " ")
			if strings.Contains(all, "✓") {
				t.Error("the blank copy has ticks")
			}
			correct := 0
			for _, q := range s.Questions {
				src := s.Page.Body
				prompt := clean(worksheet.PlainText(q.Prompt[:1], src))
				parts := []string{prompt}
				for _, c := range q.Choices {
					parts = append(parts, clean(c.Text))
					if c.Correct {
						correct++
					}
				}
				onOnePage(t, "blank", blank, q.ID, parts)
				onOnePage(t, "key", key, q.ID, parts)
				for _, a := range answers(q, src) {
					a = clean(a)
					if strings.Contains(all, a) {
						t.Errorf("%s: the blank copy shows %q", q.ID, a)
					}
					if !strings.Contains(allKey, a) {
						t.Errorf("%s: the answer key lacks %q", q.ID, a)
					}
				}
				for _, a := range q.Accept {
					if !strings.Contains(allKey, clean(a)) {
						t.Errorf("%s: the answer key lacks the accepted answer %q", q.ID, a)
					}
				}
			}
			if n := strings.Count(allKey, "✓"); n != correct {
				t.Errorf("the answer key has %d ticks for %d correct choices", n, correct)
			}
		})
	}
}

// pdfText prints the page at url to PDF and returns the text of each page.
func pdfText(t *testing.T, ctx context.Context, pdftotext, url string) []string {
	t.Helper()
	var pdf []byte
	run(t, ctx, chromedp.Navigate(url), chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().WithPreferCSSPageSize(true).Do(ctx)
		return err
	}))
	file := filepath.Join(t.TempDir(), "page.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f\n"), "\f")
	for i := range pages {
		pages[i] = clean(pages[i])
	}
	return pages
}

var spaces = regexp.MustCompile(`\s+`)

// clean makes text from a PDF and from the model comparable: compatibility
// forms (ligatures) folded, whitespace collapsed, and hyphens dropped, since
// pdftotext drops those of words broken across lines.
func clean(s string) string {
	s = strings.NewReplacer("-", "", "\u00ad", "").Replace(norm.NFKC.String(s))
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}

// onOnePage fails unless all parts are found on one and the same page.
func onOnePage(t *testing.T, name string, pages []string, id string, parts []string) {
	t.Helper()
	for i, p := range pages {
		if strings.Contains(p, parts[0]) {
			for _, part := range parts[1:] {
				if !strings.Contains(p, part) {
					t.Errorf("%s %s: %q is not on page %d with its question", name, id, part, i+1)
				}
			}
			return
		}
	}
	t.Errorf("%s %s: question %q not found", name, id, parts[0])
}
