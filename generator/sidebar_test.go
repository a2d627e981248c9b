package generator

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestSidebarMarked: a sidebar rendered once for pages at every depth,
// with a stand-in for .Root, gives the pages byte for byte what rendering
// it per depth gives. With the built-in layouts it is rendered fewer
// times; a sidebar that prints .Root where escaping changes it (a URL's
// query, a script) or uses it in other ways (a condition, a function) is
// rendered per depth, the same bytes again.
func TestSidebarMarked(t *testing.T) {
	partials := readLayout(t, "partials.html")
	const first = `    <p class="sidebar-title">`
	if !strings.Contains(partials, first) {
		t.Fatal("partials.html: the sidebar's first line moved")
	}
	content := os.DirFS("../content")
	for _, tc := range []struct {
		name, add, shows string // shows: what the change prints on some page
		fewer            bool   // fewer sidebars rendered than per depth (else as many or one more)
	}{
		{"built-in", "", `class="sidebar-title"`, true},
		{"query", `<a href="search.html?from={{.Root}}">back</a>`, `?from=..%2f`, false},
		{"script", `<script>var root = "{{.Root}}";</script>`, `var root = "..\/`, false},
		{"condition", `{{if .Root}}<p>below the home</p>{{end}}`, `below the home`, false},
		{"function", `<p>{{len .Root}}</p>`, `<p>6</p>`, false},
		{"variable", `{{$r := .Root}}<a href="{{$r}}x.html">x</a>`, `href="../x.html"`, false},
		{"bare", `<a href="{{$.Root}}search.html">s</a><p data-root="{{.Root}}">{{.Root}}</p>`, `<p data-root="../../">../../</p>`, true},
		// filters judge "" apart (the home's root, rendered as it is), and a
		// root and the stand-in alike
		{"unquoted", `<a class=home href={{.Root}}index.html>home</a>`, `href=ZgotmplZindex.html`, true},
		{"css", `<p style="--r: {{.Root}}">r</p>`, `--r: ZgotmplZ`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			layouts := Layers(fstest.MapFS{"partials.html": {Data: []byte(strings.Replace(partials, first, tc.add+first, 1))}}, layoutsFS)
			build := func(mark bool) (map[string][]byte, int64) {
				markSidebars = mark
				defer func() { markSidebars = true }()
				before := sidebarsRendered.Load()
				site, err := Build(content, layouts, Options{})
				if err != nil {
					t.Fatal(err)
				}
				return site.Files, sidebarsRendered.Load() - before
			}
			perDepth, n := build(false)
			marked, m := build(true)
			for name, want := range perDepth {
				if got := marked[name]; !bytes.Equal(got, want) {
					t.Fatalf("%s differs from the page rendered per depth:\n%s", name, firstDiff(got, want))
				}
			}
			if len(marked) != len(perDepth) {
				t.Fatalf("%d files, want %d", len(marked), len(perDepth))
			}
			if !slices.ContainsFunc(slices.Collect(maps.Values(marked)), func(b []byte) bool { return bytes.Contains(b, []byte(tc.shows)) }) {
				t.Fatalf("no page shows %q", tc.shows)
			}
			for name, b := range marked {
				if bytes.Contains(b, []byte(rootNonce)) {
					t.Fatalf("%s shows the stand-in for .Root", name)
				}
			}
			if tc.fewer && m >= n {
				t.Fatalf("%d sidebars rendered, as many as per depth (%d)", m, n)
			}
			t.Logf("%d sidebars rendered, %d per depth", m, n)
		})
	}
}

// TestTemplateFunctionsNest: a layout that calls sidebar, navModule or
// cached inside the templates they run gets an error, not a crash (each
// call starts an execution text/template's depth limit does not see).
func TestTemplateFunctionsNest(t *testing.T) {
	partials := readLayout(t, "partials.html")
	for name, layouts := range map[string]fstest.MapFS{
		"sidebar":   {"partials.html": {Data: []byte(strings.Replace(partials, `<p class="sidebar-title">`, `{{sidebar .}}<p class="sidebar-title">`, 1))}},
		"navModule": {"partials.html": {Data: []byte(strings.Replace(partials, `{{define "nav-module"}}`, `{{define "nav-module"}}{{navModule . .Module}}`, 1))}},
		"cached": {"probe.html": {Data: []byte(`{{define "probe"}}{{cached "probe" "k" .}}{{end}}`)},
			"lesson.html": {Data: []byte(strings.Replace(readLayout(t, "lesson.html"), `<article class="lesson">`, `{{cached "probe" "k" .}}<article class="lesson">`, 1))}},
	} {
		_, err := Build(os.DirFS("../content"), Layers(layouts, layoutsFS), Options{})
		if err == nil || !strings.Contains(err.Error(), "inside itself") {
			t.Errorf("%s called inside itself: want an error, got %v", name, err)
		}
	}
}

// TestSidebarsKeptAcrossRuns: a server's run after an edit of one lesson's
// text renders no sidebar (the last run's stand: the site key is the
// same), and one after a title edit renders them again; each run gives
// what a clean build gives.
func TestSidebarsKeptAcrossRuns(t *testing.T) {
	fsys := fstest.MapFS{}
	content := os.DirFS("../content")
	err := fs.WalkDir(content, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content, name)
		fsys[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var lessons []string
	for name, f := range fsys {
		if strings.Count(name, "/") == 1 && strings.HasSuffix(name, ".md") && bytes.Contains(f.Data, []byte("\ntitle: ")) && !strings.HasSuffix(name, "_index.md") {
			lessons = append(lessons, name)
		}
	}
	if len(lessons) == 0 {
		t.Fatal("no lesson with a title in its front matter")
	}
	lesson := slices.Min(lessons)
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	mem.Sweep()
	for _, step := range []struct {
		what   string
		edit   func(string) string
		render bool // sidebars are rendered again
	}{
		{"text", func(s string) string { return s + "\nOne more sentence.\n" }, false},
		{"text again", func(s string) string { return s + "\nAnd another.\n" }, false},
		{"title", func(s string) string { return strings.Replace(s, "\ntitle: ", "\ntitle: Now ", 1) }, true},
		{"text after the title", func(s string) string { return s + "\nA third.\n" }, false},
	} {
		fsys[lesson] = &fstest.MapFile{Data: []byte(step.edit(string(fsys[lesson].Data)))}
		before := sidebarsRendered.Load()
		pl.Forget(lesson)
		if _, err := pl.Run(mem); err != nil {
			t.Fatal(err)
		}
		if n := sidebarsRendered.Load() - before; step.render != (n > 0) {
			t.Errorf("%s of %s edited: %d sidebars rendered", step.what, lesson, n)
		}
		want, err := Build(fsys, layoutsFS, Options{})
		if err != nil {
			t.Fatal(err)
		}
		mem.Sweep()
		for name, data := range want.Files {
			if !bytes.Equal(mem.Files[name], data) {
				t.Fatalf("%s edited: %s differs from a clean build's:\n%s", step.what, name, firstDiff(mem.Files[name], data))
			}
		}
	}
}
