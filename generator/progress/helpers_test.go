package progress_test

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

// course is a small curriculum: two modules, five lessons (one in a nested
// module), a worksheet in the second lesson. title names the site, so
// each test keeps its progress under a key of its own.
func course(title string) fstest.MapFS {
	md := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"site.yaml":                   md("title: " + title + "\n"),
		"_index.md":                   md("---\ntitle: Home\nsummary: A test course.\n---\nWelcome.\n"),
		"01-basics/_index.md":         md("---\ntitle: Basics\n---\nThe basics.\n"),
		"01-basics/01-first.md":       md("---\ntitle: First lesson\n---\nRead this first.\n"),
		"01-basics/02-second.md":      md("---\ntitle: Second lesson\n---\nA check.\n\n:::: worksheet {#ws-t title=\"Check\"}\n\n::: question {#q-t type=single}\nWhich is blue?\n\n- [x] Sky\n- [ ] Grass\n:::\n\n::::\n"),
		"01-basics/03-third.md":       md("---\ntitle: Third lesson\n---\nThird.\n"),
		"02-more/_index.md":           md("---\ntitle: More\n---\nMore.\n"),
		"02-more/01-fourth.md":        md("---\ntitle: Fourth lesson\n---\nFourth.\n"),
		"02-more/02-deep/_index.md":   md("---\ntitle: Deeper\n---\nDeeper.\n"),
		"02-more/02-deep/01-fifth.md": md("---\ntitle: Fifth lesson\n---\nFifth.\n"),
	}
}

// publish builds content with the built-in features into a new folder and
// returns it.
func publish(t *testing.T, content fstest.MapFS) string {
	t.Helper()
	site, err := generator.Build(content, os.DirFS("../../layouts"), generator.Options{Features: builtin.Features()})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := generator.Write(dir, site.Files); err != nil {
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
