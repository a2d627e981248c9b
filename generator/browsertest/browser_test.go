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
