package generator

import (
	"strings"
	"testing"

	"p2pc/generator/synthetic"
)

// TestLightPages: at 10,000 lessons (200 with -short) the home page, every
// module page and every lesson page stay under 100 KB of HTML. Only the
// all-lessons page (contents/), which holds the whole course on purpose
// and says so, may be larger.
func TestLightPages(t *testing.T) {
	n := synthetic.Size(10000)
	site, err := Build(syntheticFS(n), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	largest := map[string]string{}
	sizes := map[string]int{}
	for _, p := range site.Pages {
		size := len(site.Files[p.Path()])
		if size == 0 {
			t.Fatalf("no file for %s", p.Path())
		}
		if size > sizes[p.Kind] {
			sizes[p.Kind], largest[p.Kind] = size, p.Path()
		}
	}
	for _, kind := range []string{"home", "module", "lesson"} {
		t.Logf("largest %s page at %d lessons: %s, %d KB", kind, n, largest[kind], sizes[kind]/1024)
		if sizes[kind] > 100*1024 {
			t.Errorf("the %s page %s is %d KB at %d lessons, over 100 KB", kind, largest[kind], sizes[kind]/1024, n)
		}
	}
	if n > maxNavModules*100 && !strings.Contains(string(site.Files["module-1/lesson-1/index.html"]), "more modules…") {
		t.Error("with more modules than a sidebar lists, the first lesson's sidebar does not link to the rest")
	}
	contents := string(site.Files["contents/index.html"])
	if strings.Count(contents, "<li>") < n || !strings.Contains(contents, "holds the whole course") {
		t.Errorf("contents/ lists %d items and does not say it holds everything; want every one of %d lessons", strings.Count(contents, "<li>"), n)
	}
}
