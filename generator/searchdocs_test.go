package generator

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"p2pc/generator/search"
)

// TestSearchKeptPipeline edits what a page's search document is made of
// (a heading, a glossary entry's text and heading, the text of a page
// with items of its own, a title, a module's title) through a Pipeline that keeps its last run, whose index takes
// the sections it was given last time as they were, and checks after each
// edit that the search files are a clean build's.
func TestSearchKeptPipeline(t *testing.T) {
	e := newEditor(7)
	layouts := Layers(e.layouts, snapshotLayouts(t))
	pl, mem := NewPipeline(e.content, layouts, Options{}, true), NewMemory()
	site, err := pl.Run(mem)
	if err != nil {
		t.Fatal(err)
	}
	mem.Sweep()
	if !slices.ContainsFunc(site.searchDocuments(nil, nil), func(d search.Document) bool {
		return d.URL == "beta/glossary/index.html" && d.Kind == "lesson" && len(d.Sections) == 1
	}) {
		t.Fatal("the glossary page's entries are not left to the glossary's items: the test would not cover ownSections")
	}
	replace := func(name, old, new string) func() {
		return func() {
			if !strings.Contains(e.get(name), old) {
				t.Fatalf("%s has no %q", name, old)
			}
			e.put(name, strings.Replace(e.get(name), old, new, 1))
		}
	}
	edits := []struct {
		what, name string
		edit       func()
	}{
		{"a lesson's heading", "01-alpha/01-one.md", replace("01-alpha/01-one.md", "## Part two", "## Part zwei")},
		{"the heading back", "01-alpha/01-one.md", replace("01-alpha/01-one.md", "## Part zwei", "## Part two")},
		{"a glossary entry's text", "02-beta/09-glossary.md", replace("02-beta/09-glossary.md", "Belief in others.", "Faith in others.")},
		{"the glossary page's own text", "02-beta/09-glossary.md", replace("02-beta/09-glossary.md", "---\n## Trust", "---\nWords we use.\n\n## Trust")},
		{"a heading of a lesson with a card", "01-alpha/02-two.md", replace("01-alpha/02-two.md", "## Part two", "## Part deux")},
		{"a glossary entry's heading", "02-beta/09-glossary.md", replace("02-beta/09-glossary.md", "## Team goal", "## Team aim")},
		{"a lesson's title", "02-beta/02-five.md", replace("02-beta/02-five.md", "title: Lesson 02-five", "title: Lesson five")},
		{"a module's title", "01-alpha/_index.md", replace("01-alpha/_index.md", "title: Alpha", "title: Alpha module")},
	}
	for _, ed := range edits {
		ed.edit()
		pl.Forget(ed.name)
		if _, err := pl.Run(mem); err != nil {
			t.Fatalf("%s: %v", ed.what, err)
		}
		changed := mem.Sweep()
		want, err := Build(e.content, layouts, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, wantSearch := searchFiles(mem.Files), searchFiles(want.Files)
		if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(wantSearch))) {
			t.Fatalf("%s: search files %q, a clean build's %q", ed.what, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(wantSearch)))
		}
		for name, data := range wantSearch {
			if string(got[name]) != string(data) {
				t.Fatalf("%s: %s differs from a clean build's\n%s", ed.what, name, firstDiff(got[name], data))
			}
		}
		if !slices.ContainsFunc(changed, func(n string) bool { return strings.HasPrefix(n, "search/d/") }) {
			t.Errorf("%s: no document's search file changed (%q)", ed.what, changed)
		}
	}
}

func searchFiles(files map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for name, data := range files {
		if strings.HasPrefix(name, "search/") {
			out[name] = data
		}
	}
	return out
}
