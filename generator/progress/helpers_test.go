package progress_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"p2pc/generator"
	"p2pc/generator/browsertest"
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

// The browser helpers every feature's tests use.
var (
	fileURL  = browsertest.FileURL
	tab      = browsertest.Tab
	run      = browsertest.Run
	eval     = browsertest.Eval
	open     = browsertest.Open
	waitFor  = browsertest.WaitFor
	waitFile = browsertest.WaitFile
)

func want(t *testing.T, what, got, wantText string) {
	t.Helper()
	if !strings.Contains(got, wantText) {
		t.Errorf("%s = %q, want it to contain %q", what, got, wantText)
	}
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
