package coachlog_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"p2pc/generator"
	"p2pc/generator/builtin"
)

// site is a small curriculum named title, so each test keeps its log
// under a key of its own.
func site(title string) fstest.MapFS {
	md := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"site.yaml":            md("title: " + title + "\n"),
		"_index.md":            md("---\ntitle: Home\nsummary: A test course.\n---\nWelcome.\n"),
		"01-steps/_index.md":   md("---\ntitle: Steps\n---\nThe steps.\n"),
		"01-steps/01-check.md": md("---\ntitle: Check back\n---\n::: coaching-log\nKeep a [coaching log](../coaching-log/).\n:::\n"),
	}
}

// publish builds content with the built-in features into a new folder and
// returns it.
func publish(t *testing.T, content fstest.MapFS) string {
	t.Helper()
	built, err := generator.Build(content, os.DirFS("../../layouts"), generator.Options{Features: builtin.Features()})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := generator.Write(dir, built.Files); err != nil {
		t.Fatal(err)
	}
	return dir
}

func fileURL(dir, page string) string { return "file://" + filepath.ToSlash(dir) + "/" + page }

// tab opens a new tab in the browser of parent; it closes when the test ends.
func tab(t *testing.T, parent context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(parent)
	t.Cleanup(cancel)
	if err := chromedp.Run(ctx); err != nil {
		t.Fatal(err)
	}
	return ctx
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval returns the value of a JavaScript expression as a string.
func eval(t *testing.T, ctx context.Context, js string) string {
	t.Helper()
	var out string
	run(t, ctx, chromedp.Evaluate(`String(`+js+`)`, &out))
	return out
}

// open loads a page of the site at dir and waits for the scripts to run.
func open(t *testing.T, ctx context.Context, dir, page string) {
	t.Helper()
	run(t, ctx, chromedp.Navigate(fileURL(dir, page)), chromedp.WaitReady("body", chromedp.ByQuery))
	waitFor(t, ctx, `document.readyState === "complete"`)
}

// waitFor waits up to five seconds for a JavaScript condition.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for eval(t, ctx, "!!("+cond+")") != "true" {
		if time.Now().After(deadline) {
			t.Fatalf("waited 5 s for %s", cond)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func want(t *testing.T, what, got, wantText string) {
	t.Helper()
	if !strings.Contains(got, wantText) {
		t.Errorf("%s = %q, want it to contain %q", what, got, wantText)
	}
}

// waitFile waits up to ten seconds for a file matching pattern and returns it.
func waitFile(t *testing.T, pattern string) (string, []byte) {
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

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
