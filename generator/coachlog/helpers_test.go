package coachlog_test

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
