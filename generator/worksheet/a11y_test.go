package worksheet_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
)

// TestAxe checks the worksheet pages with axe-core (WCAG 2.1 A and AA): the
// form in a lesson before and after checking, in light and dark mode, the
// worksheets/ index and the print pages of the real curriculum.
func TestAxe(t *testing.T) {
	b := browsertest.New(t, 1000, 900)
	dir := filepath.Join(t.TempDir(), "site")
	publish(t, os.DirFS("../../content"), dir)
	fixtureDir := filepath.Join(t.TempDir(), "fixture")
	publish(t, fixture(t, nil), fixtureDir)

	check := func(t *testing.T, ctx context.Context, label, selector string) {
		t.Helper()
		for _, v := range browsertest.Axe(t, ctx, selector) {
			t.Errorf("%s: %s", label, v)
		}
	}
	for _, theme := range []string{"light", "dark"} {
		t.Run("lesson form "+theme, func(t *testing.T) {
			ctx := tab(t, b)
			run(t, ctx, chromedp.Navigate(fileURL(fixtureDir, quiz)), chromedp.WaitVisible(".ws-toolbar", chromedp.ByQuery))
			eval(t, ctx, `document.documentElement.dataset.theme = "`+theme+`"`)
			check(t, ctx, "before checking", "section.worksheet")
			choose(t, ctx, []string{"q-single-c1", "q-multi-c1", "q-multi-c2", "q-multi-c3", "q-tf-c1"}, "talk", nil)
			run(t, ctx, chromedp.Click(`[data-action="check"]`, chromedp.ByQuery))
			check(t, ctx, "after checking", "section.worksheet")
		})
	}
	pages := map[string]string{"index": "worksheets/index.html", "curriculum lesson": "five-steps/check-yourself/index.html"}
	for _, id := range []string{"ws-five-steps", "ws-planning"} {
		pages[id+" blank"] = "worksheets/" + id + "/blank/index.html"
		pages[id+" key"] = "worksheets/" + id + "/key/index.html"
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			ctx := tab(t, b)
			run(t, ctx, chromedp.Navigate(fileURL(dir, page)), chromedp.WaitReady("body", chromedp.ByQuery))
			selector := ""
			if name == "index" || name == "curriculum lesson" {
				selector = "main" // the site's header and navigation belong to the layout
			}
			check(t, ctx, name, selector)
		})
	}
}
