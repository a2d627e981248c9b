package progress_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"p2pc/generator"
	"p2pc/generator/feature"
	"p2pc/generator/progress"
)

// TestOutlineIncremental runs a kept pipeline through edits: a lesson's
// text alone does not run the feature again; a new title or a new lesson
// does, and the outline file then equals a clean build's.
func TestOutlineIncremental(t *testing.T) {
	layouts := os.DirFS("../../layouts")
	opts := func() generator.Options { return generator.Options{Features: []feature.Feature{progress.New()}} }
	content := course("Incremental test")
	p := generator.NewPipeline(content, layouts, opts(), true)
	out := generator.NewMemory()
	step := func(name string, wantRun bool, edit func()) {
		t.Helper()
		edit()
		if _, err := p.Run(out); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out.Sweep()
		if got := p.Stats().Features; got != wantRun {
			t.Errorf("%s: features ran = %v, want %v", name, got, wantRun)
		}
		clean, err := generator.Build(content, layouts, opts())
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{progress.OutlineFile, "progress/index.html"} {
			if string(out.Files[f]) != string(clean.Files[f]) {
				t.Errorf("%s: %s differs from a clean build's:\n%s\nwant\n%s", name, f, out.Files[f], clean.Files[f])
			}
		}
	}
	set := func(path, text string) func() {
		return func() {
			content[path] = &fstest.MapFile{Data: []byte(text)}
			p.Forget(path)
		}
	}
	step("first run", true, func() {})
	step("a lesson's text", false, set("01-basics/01-first.md", "---\ntitle: First lesson\n---\nRead this first, slowly.\n"))
	step("a lesson's title", true, set("01-basics/01-first.md", "---\ntitle: The very first\n---\nRead this first, slowly.\n"))
	if !strings.Contains(string(out.Files[progress.OutlineFile]), `"title":"The very first"`) {
		t.Errorf("the new title is not in the outline: %s", out.Files[progress.OutlineFile])
	}
	step("a new lesson", true, set("02-more/03-sixth.md", "---\ntitle: Sixth lesson\n---\nSix.\n"))
	if !strings.Contains(string(out.Files[progress.OutlineFile]), `{"url":"more/sixth/","title":"Sixth lesson"}`) {
		t.Errorf("the new lesson is not in the outline: %s", out.Files[progress.OutlineFile])
	}
}
