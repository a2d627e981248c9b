package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// FileURL is the file:// address of a page in the site written to dir.
func FileURL(dir, page string) string { return "file://" + filepath.ToSlash(dir) + "/" + page }

// Open loads a page of the site written to dir and waits until its
// scripts have run.
func Open(t testing.TB, ctx context.Context, dir, page string) {
	t.Helper()
	Run(t, ctx, chromedp.Navigate(FileURL(dir, page)), chromedp.WaitReady("body", chromedp.ByQuery))
	WaitFor(t, ctx, `document.readyState === "complete"`)
}

// Tab opens a new tab in the browser of parent; it closes when the test ends.
func Tab(t testing.TB, parent context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(parent)
	t.Cleanup(cancel)
	Run(t, ctx)
	return ctx
}

// Run runs actions, failing the test on an error.
func Run(t testing.TB, ctx context.Context, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// Eval returns the value of a JavaScript expression as a string.
func Eval(t testing.TB, ctx context.Context, js string) string {
	t.Helper()
	var out string
	Run(t, ctx, chromedp.Evaluate(`String(`+js+`)`, &out))
	return out
}

// WaitFor waits up to five seconds for a JavaScript condition.
func WaitFor(t testing.TB, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for Eval(t, ctx, "!!("+cond+")") != "true" {
		if time.Now().After(deadline) {
			t.Fatalf("waited 5 s for %s", cond)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// WaitFile waits up to ten seconds for a downloaded file matching pattern
// and returns its name and bytes.
func WaitFile(t testing.TB, pattern string) (string, []byte) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			if data, err := os.ReadFile(n); err == nil && len(data) > 0 && !strings.HasSuffix(n, ".crdownload") {
				return n, data
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no file %s appeared", pattern)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
