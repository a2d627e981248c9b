package cards_test

import (
	"fmt"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
)

var (
	linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]+)"`)
)

// TestLinksResolve follows every link on the cards pages, the print pages
// and the lessons with cards: each must reach a file of the site (and an
// id on it), relative and naming index.html, so the site works from disk.
func TestLinksResolve(t *testing.T) {
	s, _ := curriculum(t)
	checked := 0
	for name, data := range s.Files {
		if !strings.HasSuffix(name, ".html") || !(strings.HasPrefix(name, "cards/") || strings.Contains(string(data), `class="card"`)) {
			continue
		}
		for _, m := range linkAttr.FindAllStringSubmatch(string(data), -1) {
			link := html.UnescapeString(m[1])
			target, anchor, _ := strings.Cut(link, "#")
			if strings.Contains(target, ":") || strings.HasPrefix(target, "/") {
				t.Errorf("%s: link %q is not relative", name, link)
				continue
			}
			file := name
			if target != "" {
				file = path.Join(path.Dir(name), target)
			}
			if strings.HasSuffix(target, "/") || (!strings.Contains(path.Base(file), ".") && target != "") {
				t.Errorf("%s: link %q does not name a file", name, link)
			}
			body, ok := s.Files[file]
			if !ok {
				t.Errorf("%s: link %q: no file %s", name, link, file)
				continue
			}
			if anchor != "" && !regexp.MustCompile(`\sid="`+regexp.QuoteMeta(anchor)+`"`).Match(body) {
				t.Errorf("%s: link %q: %s has no id %q", name, link, file, anchor)
			}
			checked++
		}
		seen := map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
			if seen[m[1]] {
				t.Errorf("%s: id %q used twice", name, m[1])
			}
			seen[m[1]] = true
		}
	}
	if checked < 100 {
		t.Errorf("only %d links checked", checked)
	}
}

// TestSearchDocs checks that search finds every card in its lesson.
func TestSearchDocs(t *testing.T) {
	s, cs := curriculum(t)
	docs := cs.Search()
	n := 0
	for _, d := range cs.Decks() {
		n += len(d.Cards)
	}
	if len(docs) != n || n < 45 {
		t.Fatalf("%d search docs for %d cards, want one per card (45 or more)", len(docs), n)
	}
	for _, d := range docs {
		page, ok := s.Files[d.URL]
		switch {
		case d.Kind != "card" || d.Title == "" || d.Text == "" || d.Module == "" || d.Heading == "":
			t.Errorf("incomplete search doc %+v", d)
		case !ok || !strings.HasSuffix(d.URL, "index.html"):
			t.Errorf("search doc %q: URL %q is not a page", d.Title, d.URL)
		case !strings.Contains(string(page), `<section class="card" id="`+d.Anchor+`"`):
			t.Errorf("search doc %q: %s has no card #%s", d.Title, d.URL, d.Anchor)
		}
	}
}

// TestPagesInBrowser opens the cards pages and a lesson with a card in
// Chromium: no console errors, no sideways scrolling at 320 px, no axe-core
// violations in the light or the dark theme. Set CARDS_OUT to keep
// screenshots.
func TestPagesInBrowser(t *testing.T) {
	s, _ := curriculum(t)
	dir := writeSite(t, s.Files)
	pages := []string{"cards/index.html", "cards/five-steps/index.html", "five-steps/ask/index.html#card-ask", "five-steps/index.html#five-steps", "cards/five-steps/print-letter/index.html"}
	for _, width := range []int{1280, 320} {
		ctx := browsertest.New(t, width, 900)
		console, err := browsertest.WatchConsole(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range pages {
			for _, theme := range []string{"light", "dark"} {
				var scrollWidth, clientWidth int
				var shot []byte
				if err := chromedp.Run(ctx,
					chromedp.Navigate("file://"+dir+"/"+name),
					chromedp.WaitReady("body"),
					chromedp.Evaluate(fmt.Sprintf(`document.documentElement.setAttribute("data-theme", %q)`, theme), nil),
					chromedp.Sleep(50*time.Millisecond), // let the new colours apply
					chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollWidth),
					chromedp.Evaluate(`document.documentElement.clientWidth`, &clientWidth),
					chromedp.CaptureScreenshot(&shot),
				); err != nil {
					t.Fatal(err)
				}
				for _, e := range console.Take() {
					t.Errorf("%s: %s", name, e)
				}
				if keep := os.Getenv("CARDS_OUT"); keep != "" {
					file := fmt.Sprintf("%s-%d-%s.png", strings.NewReplacer("/index.html", "", "/", "_", "#", "_").Replace(name), width, theme)
					if err := os.WriteFile(filepath.Join(keep, file), shot, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				if strings.Contains(name, "/print-") {
					continue // sheets are paper-sized
				}
				if scrollWidth > clientWidth {
					t.Errorf("%s at %d px: content is %d px wide", name, width, scrollWidth)
				}
				for _, v := range browsertest.Axe(t, ctx, "") {
					t.Errorf("%s (%s theme, %d px): %s", name, theme, width, v)
				}
			}
		}
	}
}
