package serve

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
)

// TestBrowserLiveReload opens a lesson in headless Chromium, edits its
// Markdown on disk and sees the new text without reloading by hand, at
// the same scroll position; breaks the front matter and sees the overlay;
// fixes it and sees the overlay go; edits another lesson and is taken there.
func TestBrowserLiveReload(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := browsertest.New(t, 1000, 700)
	ts := startTest(t)
	long := strings.Repeat("A paragraph to make the page long enough to scroll.\n\n", 80)
	lesson := func(text string) string {
		return "---\ntitle: Second\n---\n" + long + text + "\n\n" + long
	}
	ts.write("01-basics/02-second.md", lesson("Before the edit."))
	ts.awaitPage("basics/second/", "Before the edit.")

	run := func(what string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// poll waits until expr is true; the page may reload or navigate
	// meanwhile (chromedp.Poll fails then), so it evaluates expr afresh
	// until the deadline.
	poll := func(expr string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			deadline := time.Now().Add(20 * time.Second)
			for {
				var ok bool
				err := chromedp.Evaluate(expr, &ok).Do(ctx)
				if err == nil && ok {
					return nil
				}
				if time.Now().After(deadline) {
					return fmt.Errorf("still not true after 20s: %s (%v)", expr, err)
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}
	live := poll(`document.documentElement.hasAttribute("data-p2pc-live")`)

	run("open the lesson", chromedp.Navigate(ts.URL()+"basics/second/"), live,
		chromedp.Evaluate(`window.scrollTo(0, 1500)`, nil))

	ts.write("01-basics/02-second.md", lesson("After the edit."))
	var scrollY float64
	run("see the edit", poll(`document.body.innerText.includes("After the edit.")`), live,
		chromedp.Evaluate(`window.scrollY`, &scrollY))
	if scrollY < 1400 || scrollY > 1600 {
		t.Errorf("scroll position after the reload: %v, want 1500", scrollY)
	}

	ts.write("01-basics/02-second.md", "---\ntitle: Second\ntitel: oops\n---\nBroken.\n")
	var overlay string
	run("see the overlay", poll(`!!document.getElementById("p2pc-overlay")`),
		chromedp.Text("#p2pc-overlay", &overlay, chromedp.ByQuery))
	for _, want := range []string{`01-basics/02-second.md:3:1: unknown front-matter key "titel" (did you mean "title"?)`, "titel: oops"} {
		if !strings.Contains(overlay, want) {
			t.Errorf("overlay %q does not show %q", overlay, want)
		}
	}
	var still bool
	run("the old page stays", chromedp.Evaluate(`document.body.innerText.includes("After the edit.")`, &still))
	if !still {
		t.Error("the page under the overlay changed")
	}

	ts.write("01-basics/02-second.md", lesson("Fixed."))
	run("see the overlay go", poll(`document.body.innerText.includes("Fixed.") && !document.getElementById("p2pc-overlay")`), live)

	ts.write("02-more/01-third.md", "---\ntitle: Third\n---\nThird, edited while second is open.\n")
	var path string
	run("be taken to the edited lesson", poll(`location.pathname.startsWith("/more/third/")`),
		poll(`document.body.innerText.includes("Third, edited while second is open.")`),
		chromedp.Evaluate(`location.pathname`, &path))
}
