package search

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"p2pc/generator/browsertest"
)

// TestBrowserAccessible runs axe-core (WCAG 2.1 AA, so contrast too) on the
// open search box with a result selected, in light and dark mode, 320 px
// wide, and checks the results fit the screen.
func TestBrowserAccessible(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir := writeSite(t, testDocs)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			ctx := browsertest.New(t, 320, 640)
			if err := chromedp.Run(ctx, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
				{Name: "prefers-color-scheme", Value: scheme}})); err != nil {
				t.Fatal(err)
			}
			open(t, ctx, "file://"+dir+"/five-steps/ask/index.html")
			if _, res := browsertest.Search(t, ctx, "listen"); len(res) != 3 {
				t.Fatalf("listen: %d results", len(res))
			}
			var fits bool
			wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			if err := chromedp.Run(wctx,
				chromedp.Focus("#search-input", chromedp.ByID),
				chromedp.KeyEvent(kb.ArrowDown),
				chromedp.Evaluate(`(() => { const r = document.querySelector(".search-panel").getBoundingClientRect();
					return r.left >= 0 && r.right <= document.documentElement.clientWidth && r.width > 200 })()`, &fits),
			); err != nil {
				t.Fatal(err)
			}
			if !fits {
				t.Error("the results do not fit a 320 px screen")
			}
			for _, v := range browsertest.Axe(t, ctx, ".search") {
				t.Errorf("%s", v)
			}
		})
	}
}
