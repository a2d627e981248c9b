package generator

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCachedPartial: {{cached "name" key .}} runs the partial once per key
// and depth, so pages at one depth print the same (even what the key does
// not cover, as documented), pages at another depth what their key gives;
// a key that cannot be one is a layout error.
func TestCachedPartial(t *testing.T) {
	content := fstest.MapFS{
		"index.md":         {Data: []byte("# Home\n")},
		"a/index.md":       {Data: []byte("# Module A\n")},
		"a/one.md":         {Data: []byte("# One\n")},
		"a/two.md":         {Data: []byte("# Two\n")},
		"a/three.md":       {Data: []byte("# Three\n")},
		"b/index.md":       {Data: []byte("# Module B\n")},
		"b/four.md":        {Data: []byte("# Four\n")},
		"b/deeper/five.md": {Data: []byte("# Five\n")},
	}
	partial := `{{define "probe"}}<p class="probe">{{.Root}}|{{.Page.Title}}</p>{{end}}`
	lesson := strings.Replace(readLayout(t, "lesson.html"), `<article class="lesson">`, `{{cached "probe" .Root .}}<article class="lesson">`, 1)
	layouts := Layers(fstest.MapFS{"probe.html": {Data: []byte(partial)}, "lesson.html": {Data: []byte(lesson)}}, layoutsFS)
	site, err := Build(content, layouts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	probe := regexp.MustCompile(`<p class="probe">([^|]*)\|([^<]*)</p>`)
	byRoot := map[string]map[string]bool{} // root -> titles printed
	for _, url := range []string{"a/one/", "a/two/", "a/three/", "b/four/", "b/deeper/five/"} {
		m := probe.FindSubmatch(site.Files[url+"index.html"])
		if m == nil {
			t.Fatalf("%s: no probe", url)
		}
		if byRoot[string(m[1])] == nil {
			byRoot[string(m[1])] = map[string]bool{}
		}
		byRoot[string(m[1])][string(m[2])] = true
	}
	if len(byRoot["../../"]) != 1 || len(byRoot["../../../"]) != 1 || len(byRoot) != 2 {
		t.Fatalf("want one print per depth, got %v", byRoot)
	}

	bad := strings.Replace(lesson, `{{cached "probe" .Root .}}`, `{{cached "probe" .Page.TOC .}}`, 1)
	layouts = Layers(fstest.MapFS{"probe.html": {Data: []byte(partial)}, "lesson.html": {Data: []byte(bad)}}, layoutsFS)
	if _, err := Build(content, layouts, Options{}); err == nil || !strings.Contains(err.Error(), "the key must be") {
		t.Fatalf("a slice as the key: want a layout error, got %v", err)
	}
}

func readLayout(t *testing.T, name string) string {
	b, err := os.ReadFile("../layouts/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
