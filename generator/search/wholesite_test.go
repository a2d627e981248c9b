package search_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"p2pc/generator"
	"p2pc/generator/search"
	"p2pc/generator/synthetic"
)

// Measures on whole sites built by the generator: the default curriculum
// in ../../content and the 10,000-lesson synthetic one.

// maxSiteRatio bounds the index against the other text files of the site.
const maxSiteRatio = 0.40

var layoutsFS = os.DirFS("../../layouts")

func syntheticFS(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range synthetic.Files(n) {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// buildSite builds a site, skipping the test if the content does not build:
// the generator's own tests report that.
func buildSite(t testing.TB, content fs.FS) *generator.Site {
	t.Helper()
	site, err := generator.Build(content, layoutsFS, generator.Options{})
	if err != nil {
		t.Skipf("the site does not build: %v", err)
	}
	return site
}

// siteSizes returns the bytes of the index (search/) and of the site's
// other text files (HTML, CSS, JavaScript, XML, SVG).
func siteSizes(files map[string][]byte) (index, text int) {
	for name, b := range files {
		if strings.HasPrefix(name, "search/") {
			index += len(b)
			continue
		}
		switch path.Ext(name) {
		case ".html", ".css", ".js", ".xml", ".svg", ".txt", ".json":
			text += len(b)
		}
	}
	return index, text
}

// documentText is the size of the documents' titles, headings and texts.
func documentText(docs []search.Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Title)
		for _, s := range d.Sections {
			n += len(s.Heading) + len(s.Text)
		}
	}
	return n
}

func TestSiteIndexSize(t *testing.T) {
	site := buildSite(t, os.DirFS("../../content"))
	index, text := siteSizes(site.Files)
	docs, err := search.DecodeIndex(site.Files)
	if err != nil {
		t.Fatal(err)
	}
	ratio := float64(index) / float64(text)
	t.Logf("default site: index %d bytes, other text %d bytes: %.1f%%; documents' text %d bytes: %.1f%%",
		index, text, 100*ratio, documentText(docs), 100*float64(index)/float64(documentText(docs)))
	if ratio > maxSiteRatio {
		t.Errorf("the index is %.1f%% of the site's other text, want at most %.0f%%", 100*ratio, 100*maxSiteRatio)
	}
}

// TestSiteRoundTrip checks that the index holds the documents' text
// losslessly: rebuilding it from the decoded documents gives the same files.
func TestSiteRoundTrip(t *testing.T) {
	site := buildSite(t, os.DirFS("../../content"))
	docs, err := search.DecodeIndex(site.Files)
	if err != nil {
		t.Fatal(err)
	}
	files, err := search.Build(docs, kindsOf(t, site.Files)...)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if !bytes.Equal(b, site.Files[name]) {
			t.Errorf("%s differs after a round trip", name)
		}
	}
}

// BenchmarkSite builds the 10,000-lesson synthetic site and, in the same
// loop, the search index of its documents alone, and reports the index's
// share of the site build, its time per document and its size against the
// site's other text and against the documents' text:
//
//	go test -run XXX -bench Site -benchtime 3x -count 6 ./generator/search/
func BenchmarkSite(b *testing.B) {
	content := syntheticFS(synthetic.Size(10000))
	var siteTime, indexTime time.Duration
	var docs []search.Document
	var index, text int
	for b.Loop() {
		runtime.GC()
		t0 := time.Now()
		site := buildSite(b, content)
		siteTime += time.Since(t0)
		index, text = siteSizes(site.Files)
		var err error
		if docs, err = search.DecodeIndex(site.Files); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		t0 = time.Now()
		if _, err := search.Build(docs); err != nil {
			b.Fatal(err)
		}
		indexTime += time.Since(t0)
		runtime.KeepAlive(site)
	}
	n := float64(b.N)
	b.ReportMetric(siteTime.Seconds()/n, "site-s")
	b.ReportMetric(float64(indexTime.Nanoseconds())/n/float64(len(docs)), "index-ns/doc")
	b.ReportMetric(100*indexTime.Seconds()/siteTime.Seconds(), "index-%build")
	b.ReportMetric(100*float64(index)/float64(text), "index-%site-text")
	b.ReportMetric(100*float64(index)/float64(documentText(docs)), "index-%doc-text")
}

// kindsOf reads the kind filter's order from an index's meta.js.
func kindsOf(t *testing.T, files map[string][]byte) []string {
	m := regexp.MustCompile(`"kinds":(\[[^\]]*\])`).FindSubmatch(files["search/meta.js"])
	var kinds []string
	if m == nil || json.Unmarshal(m[1], &kinds) != nil {
		t.Fatalf("no kinds in meta.js")
	}
	return kinds
}
