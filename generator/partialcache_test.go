package generator

import (
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// TestCachedPartial: {{cached "name" key .}} prints what the partial
// prints for the page's key, and runs it about once per key (at most once
// per core rendering pages), not once a page; a key that cannot be one is
// a layout error.
func TestCachedPartial(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2)) // at most two pages render at once
	content := fstest.MapFS{"index.md": {Data: []byte("# Home\n")}, "a/index.md": {Data: []byte("# Module A\n")},
		"b/index.md": {Data: []byte("# Module B\n")}, "b/deeper/five.md": {Data: []byte("# Five\n")}}
	const lessons = 30
	for i := range lessons {
		content[fmt.Sprintf("a/l%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Lesson %d\n", i))}
	}
	partial := `{{define "probe"}}<p class="probe">{{.Root}}|{{.Site.Config.Language}}</p>{{end}}`
	lesson := strings.Replace(readLayout(t, "lesson.html"), `<article class="lesson">`, `{{cached "probe" .Root .}}<article class="lesson">`, 1)
	layouts := Layers(fstest.MapFS{"probe.html": {Data: []byte(partial)}, "lesson.html": {Data: []byte(lesson)}}, layoutsFS)
	runsOf := func() int64 {
		n, _ := partialRuns.LoadOrStore("probe", new(atomic.Int64))
		return n.(*atomic.Int64).Load()
	}
	before := runsOf()
	site, err := Build(content, layouts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	runs := runsOf() - before
	probe := regexp.MustCompile(`<p class="probe">([^|]*)\|([^<]*)</p>`)
	pages := 0
	for _, p := range site.Pages {
		if p.Kind != "lesson" {
			continue
		}
		pages++
		m := probe.FindSubmatch(site.Files[p.Path()])
		if m == nil || string(m[1]) != rootOf(p.URL) || string(m[2]) != site.Config.Language {
			t.Fatalf("%s: probe %q, want root %q and the site's language", p.Path(), m, rootOf(p.URL))
		}
	}
	if pages != lessons+1 || runs < 2 || runs > 4 { // two keys, ../../ and ../../../
		t.Fatalf("the partial ran %d times for %d pages, want 2 to 4", runs, pages)
	}

	bad := strings.Replace(lesson, `{{cached "probe" .Root .}}`, `{{cached "probe" .Page.TOC .}}`, 1)
	layouts = Layers(fstest.MapFS{"probe.html": {Data: []byte(partial)}, "lesson.html": {Data: []byte(bad)}}, layoutsFS)
	if _, err := Build(content, layouts, Options{}); err == nil || !strings.Contains(err.Error(), "the key must be") {
		t.Fatalf("a slice as the key: want a layout error, got %v", err)
	}
}

// rootOf is the relative path from the page at url to the site root.
func rootOf(url string) string { return strings.Repeat("../", strings.Count(url, "/")) }

func readLayout(t *testing.T, name string) string {
	b, err := os.ReadFile("../layouts/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
