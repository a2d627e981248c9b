package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestNewRunsJavaScript(t *testing.T) {
	ctx := New(t, 800, 600)
	var sum int
	if err := chromedp.Run(ctx,
		chromedp.Navigate("about:blank"),
		chromedp.Evaluate(`20 + 22`, &sum),
	); err != nil {
		t.Fatal(err)
	}
	if sum != 42 {
		t.Fatalf("20 + 22 = %d in the browser, want 42", sum)
	}
}

func TestAxeFindsViolations(t *testing.T) {
	ctx := New(t, 800, 600)
	page := `data:text/html,<!doctype html><html lang="en"><title>t</title><main><img src="x.png"><p>ok</p></main>`
	if err := chromedp.Run(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range Axe(t, ctx, "") {
		found = found || v.ID == "image-alt"
	}
	if !found {
		t.Error("axe-core did not report the image without alt text")
	}
}

func TestConsoleCollectsErrors(t *testing.T) {
	ctx := New(t, 800, 600)
	console, err := WatchConsole(ctx)
	if err != nil {
		t.Fatal(err)
	}
	page := `data:text/html,<!doctype html><title>t</title><script>console.error("boom"); undefinedFunction();</script>`
	if err := chromedp.Run(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	if got := console.Take(); len(got) < 2 {
		t.Errorf("collected %q, want the console.error and the exception", got)
	}
}
