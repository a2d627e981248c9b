package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// buildInto runs a one-build Pipeline into the folder out through an
// Output, resumed from the folder's BuildCache, and saves the cache.
func buildInto(t *testing.T, content fs.FS, out string) Stats {
	t.Helper()
	st, _ := buildSiteInto(t, content, out)
	return st
}

// buildSiteInto is buildInto, returning the site too.
func buildSiteInto(t *testing.T, content fs.FS, out string) (Stats, *Site) {
	t.Helper()
	o, err := OpenOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	p := NewPipeline(content, layoutsFS, Options{}, false)
	cache := OpenBuildCache(out)
	p.Resume(cache)
	site, err := p.Run(o)
	if err != nil {
		o.Abort()
		t.Fatal(err)
	}
	if _, err := o.Close(); err != nil {
		t.Fatal(err)
	}
	if err := cache.Save(p); err != nil {
		t.Fatal(err)
	}
	return p.Stats(), site
}

// sameAsClean compares the folder out, file by file, with a clean Build.
func sameAsClean(t *testing.T, content fs.FS, out, when string) {
	t.Helper()
	want, err := Build(content, layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), MarkerFile) {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		got, err := os.ReadFile(p)
		if string(got) != string(want.Files[filepath.ToSlash(rel)]) {
			t.Errorf("%s: %s differs from a clean build", when, rel)
		}
		n++
		return err
	})
	if err != nil || n != len(want.Files) {
		t.Fatalf("%s: %d files on disk, a clean build has %d (%v)", when, n, len(want.Files), err)
	}
}

// TestBuildCache: a build that resumes from the cache renders only what
// changed, and the folder is a clean build's after each step.
func TestBuildCache(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	content := syntheticFS(120)
	out := filepath.Join(t.TempDir(), "public")
	pages := buildInto(t, content, out).Rendered
	sameAsClean(t, content, out, "first build")

	if st := buildInto(t, content, out); st.Rendered != 0 || st.Parsed != 0 {
		t.Errorf("nothing changed, yet %d pages were rendered and %d parsed", st.Rendered, st.Parsed)
	}
	sameAsClean(t, content, out, "nothing changed")

	name := "002-module-2/003-lesson-53.md"
	content[name] = &fstest.MapFile{Data: append(append([]byte{}, content[name].Data...), "\nZebrafinch.\n"...)}
	if st := buildInto(t, content, out); st.Rendered-st.Assembled != 1 || st.Assembled != 4 || st.Parsed != 1 {
		t.Errorf("one lesson's text edited: %d pages rendered, %d of them views that show it, %d parsed; want 1, 4 (its module's and the course's, for learners and trainers) and 1", st.Rendered, st.Assembled, st.Parsed)
	}
	sameAsClean(t, content, out, "one lesson edited")

	page := filepath.Join(out, "module-2", "lesson-53", "index.html")
	if err := os.WriteFile(page, []byte("changed by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st := buildInto(t, content, out); st.Rendered != 1 {
		t.Errorf("a page changed by hand: %d pages rendered, want 1", st.Rendered)
	}
	sameAsClean(t, content, out, "a page changed by hand")

	name = "001-module-1/_index.md"
	content[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(content[name].Data), "Module 1", "Module one", 1))}
	if st := buildInto(t, content, out); st.Rendered != pages || st.Parsed != 1 {
		t.Errorf("a module's title edited: %d pages rendered, want all %d; %d parsed, want 1", st.Rendered, pages, st.Parsed)
	}
	sameAsClean(t, content, out, "a title edited")

	// A cache another build of p2pc wrote is not used.
	c := OpenBuildCache(out)
	data, err := os.ReadFile(c.path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(data), "\n", 3)
	lines[1] = "another p2pc 1.2.3"
	if err := os.WriteFile(c.path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if st := buildInto(t, content, out); st.Rendered != pages {
		t.Errorf("a cache of another program: %d pages rendered, want all %d", st.Rendered, pages)
	}
}

// TestParseCache: a build that resumes from the parse cache does not parse
// the pages it holds, yet reports their warnings again; a damaged parse
// cache makes the build parse every page.
func TestParseCache(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	content := syntheticFS(20)
	content["001-module-1/099-table.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Table\n---\n\n| a | b |\n| - | - |\n| 1 | 2 | 3 |\n")}
	out := filepath.Join(t.TempDir(), "public")
	build := func() (Stats, []*FileError) {
		t.Helper()
		st, site := buildSiteInto(t, content, out)
		return st, site.Warnings
	}
	first, warned := build()
	if first.Parsed == 0 || len(warned) != 1 || warned[0].Path != "001-module-1/099-table.md" || warned[0].Line != 7 {
		t.Fatalf("first build: %d parsed, warnings %v; want every page parsed and one warning at 001-module-1/099-table.md:7", first.Parsed, warned)
	}
	again, warnedAgain := build()
	if again.Parsed != 0 {
		t.Errorf("nothing changed: %d pages parsed, want 0", again.Parsed)
	}
	if len(warnedAgain) != 1 || *warnedAgain[0] != *warned[0] {
		t.Errorf("nothing changed: warnings %v, want %v", warnedAgain, warned)
	}
	sameAsClean(t, content, out, "from the parse cache")

	// The file is a stream of parses: one cut short is not used in part.
	cache := OpenBuildCache(out).parsesPath()
	whole, err := os.ReadFile(cache)
	if err != nil {
		t.Fatal(err)
	}
	for _, damaged := range [][]byte{[]byte("not gob"), whole[:len(whole)/2]} {
		if err := os.WriteFile(cache, damaged, 0o644); err != nil {
			t.Fatal(err)
		}
		if st, _ := build(); st.Parsed != first.Parsed {
			t.Errorf("a damaged parse cache (%d bytes of %d): %d pages parsed, want all %d", len(damaged), len(whole), st.Parsed, first.Parsed)
		}
	}
}
