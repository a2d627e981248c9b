package generator_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
)

// TestPartPageNumbering opens an mdBook part's page whose first chapter
// has a child: the list numbers chapters by their nesting (A 1, its child
// 1.1, then 2 and 3, as mdBook does), and the header's lesson count is the
// progress count's.
func TestPartPageNumbering(t *testing.T) {
	mapFS := fstest.MapFS{}
	for name, text := range map[string]string{
		"book.toml":      "[book]\ntitle = \"Numbers\"\n",
		"src/SUMMARY.md": "# Summary\n\n# Part\n\n- [A](a.md)\n  - [B](b.md)\n- [C](c.md)\n- [D](d.md)\n",
		"src/a.md":       "# A\n",
		"src/b.md":       "# B\n",
		"src/c.md":       "# C\n",
		"src/d.md":       "# D\n",
	} {
		mapFS[name] = &fstest.MapFile{Data: []byte(text)}
	}
	dir := writtenSite(t, mapFS)
	ctx := browsertest.New(t, 1280, 900)
	browsertest.Open(t, ctx, dir, "part/index.html")
	browsertest.WaitFor(t, ctx, `document.querySelector(".pg-count-head")`)
	var got struct {
		Head, Count string
		Items       []struct {
			Title, Marker, Style string
			Left                 float64
		}
	}
	browsertest.Run(t, ctx, chromedp.Evaluate(`({
  Head: document.querySelector("article.module > .page-header > .meta").textContent,
  Count: document.querySelector(".pg-count-head").textContent,
  Items: [...document.querySelectorAll("main .lesson-list li")].map(li => ({
    Title: li.querySelector("a").textContent,
    Marker: getComputedStyle(li, "::marker").content,
    Style: getComputedStyle(li).listStyleType,
    Left: li.getBoundingClientRect().left,
  })),
})`, &got))
	// Every item shows its number (the submodule A too), made of the
	// numbers of the items it is nested in (1.1 for B), and B stands
	// further in than A, C and D, which stand together.
	if len(got.Items) != 4 {
		t.Fatalf("items %+v, want A, B, C, D", got.Items)
	}
	a, b, c, d := got.Items[0], got.Items[1], got.Items[2], got.Items[3]
	for _, it := range got.Items {
		if it.Style == "none" || !strings.Contains(it.Marker, `counters(lesson, ".")`) {
			t.Errorf("%s: list-style %q, marker %q; want its nested number", it.Title, it.Style, it.Marker)
		}
	}
	if a.Title != "A" || b.Title != "B" || !(b.Left > a.Left) || c.Left != a.Left || d.Left != a.Left {
		t.Errorf("items %+v: want B indented under A, C and D beside A", got.Items)
	}
	if got.Head != "3 lessons · about 3 min" || got.Count != "0 of 3 lessons done" {
		t.Errorf("header %q, progress %q: want 3 lessons in both", got.Head, got.Count)
	}
}
