package search

import (
	"bytes"
	"errors"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// goldenDocs are a few documents for the golden test of the index files.
var goldenDocs = []Document{
	{URL: "values/glossary/index.html", Title: "Hoʻohanohano", Module: "Values", Kind: "glossary",
		Sections: []Section{{Anchor: "hoohanohano", Text: "To conduct yourself with dignity; to honor others."}}},
	{URL: "five-steps/ask/index.html", Title: "Ask good questions", Module: "The five steps", Kind: "lesson",
		Sections: []Section{
			{Text: "Good questions open a\nconversation."},
			{Anchor: "listen", Heading: "Then   listen", Text: "After you ask, listen. Listening is coaching: \"peer to peer\"."},
		}},
	{URL: "five-steps/cards/index.html", Title: "Card: listen first", Module: "The five steps", Kind: "card",
		Sections: []Section{{Anchor: "c1", Text: "Listen before you coach. Questions first."}}},
	{URL: "about/index.html", Title: "About <this> & that", Kind: "page",
		Sections: []Section{{Text: "Coaching questions, listening peers."}}},
}

// testKinds is the kind order the generator gives for its built-in features.
var testKinds = []string{"lesson", "module", "glossary", "card", "question", "page"}

func TestBuildGolden(t *testing.T) {
	files, err := Build(goldenDocs, testKinds...)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "golden")
	if *update {
		os.RemoveAll(dir)
		for name, b := range files {
			path := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var want []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			want = append(want, filepath.ToSlash(rel))
		}
		return err
	})
	if got := slices.Sorted(maps.Keys(files)); !slices.Equal(got, want) {
		t.Fatalf("Build wrote %q, golden has %q (go test -update rewrites it)", got, want)
	}
	for name, b := range files {
		w, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, w) {
			t.Errorf("%s differs from the golden file (go test -update rewrites it):\ngot:  %s\nwant: %s", name, b, w)
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	docs := syntheticDocs(300)
	a, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	// The order of the documents must not matter, nor the number of parts
	// built in parallel.
	slices.Reverse(docs)
	for _, parts := range []int{1, 2, 3, 7} {
		b, _, err := build(docs, parts, nil, parts%2 == 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != len(b) {
			t.Fatalf("%d files, then %d in %d parts", len(a), len(b), parts)
		}
		for name := range a {
			if !bytes.Equal(a[name], b[name]) {
				t.Errorf("%s differs between two builds, the second in %d parts", name, parts)
			}
		}
	}
}

// TestBuildTexts: documents whose texts come from Texts give the same
// files as with the texts in their sections, to Build and to an Index;
// Build leaves the caller's documents as they were; a failing Texts fails
// the build.
func TestBuildTexts(t *testing.T) {
	docs := syntheticDocs(50)
	want, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	lazy := make([]Document, len(docs))
	var asked atomic.Int64
	for i, d := range docs {
		heads := slices.Clone(d.Sections)
		var texts []string
		for j := range heads {
			texts = append(texts, heads[j].Text)
			heads[j].Text = ""
		}
		d.Sections, d.Size = heads, len(texts)
		d.Texts = func() ([]string, error) { asked.Add(1); return texts, nil }
		lazy[i] = d
	}
	same := func(what string, got map[string][]byte) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d files, want %d", what, len(got), len(want))
		}
		for name := range want {
			if !bytes.Equal(got[name], want[name]) {
				t.Errorf("%s: %s differs from the build with the texts in the sections", what, name)
			}
		}
	}
	got, err := Build(lazy)
	if err != nil {
		t.Fatal(err)
	}
	same("Build", got)
	if n := asked.Load(); n != int64(len(docs)) {
		t.Errorf("Build asked %d documents for their texts, want each once (%d)", n, len(docs))
	}
	for i := range docs {
		if !slices.Equal(docs[i].Sections, syntheticDocs(50)[i].Sections) {
			t.Fatalf("Build changed the caller's document %d", i)
		}
	}
	_, got, err = NewIndex(lazy)
	if err != nil {
		t.Fatal(err)
	}
	same("NewIndex", got)

	lazy[7].Texts = func() ([]string, error) { return nil, errors.New("spool gone") }
	if _, err := Build(lazy); err == nil || !strings.Contains(err.Error(), "spool gone") {
		t.Errorf("a failing Texts: error %v, want it passed on", err)
	}
	lazy[7].Texts = func() ([]string, error) { return []string{"one"}, nil }
	if _, err := Build(lazy); err == nil || !strings.Contains(err.Error(), "texts for") {
		t.Errorf("Texts giving too few texts: error %v, want one", err)
	}
}

func TestBuildChecksURLs(t *testing.T) {
	_, err := Build([]Document{{URL: "/abs/index.html", Title: "A"}, {URL: "", Title: "B"}, {URL: "ok/index.html#x", Title: "C"}})
	if err == nil || strings.Count(err.Error(), "must be a path relative") != 3 {
		t.Errorf("Build with bad URLs: %v, want three errors", err)
	}
}

func TestBuildFiles(t *testing.T) {
	files, err := Build(goldenDocs, testKinds...)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if !strings.HasPrefix(name, "search/") || !strings.HasSuffix(name, ".js") {
			t.Errorf("file %s is not search/*.js", name)
		}
		if !bytes.HasPrefix(b, []byte("P2PCSearch.load(")) {
			t.Errorf("%s does not call P2PCSearch.load", name)
		}
	}
	meta := string(files["search/meta.js"])
	for _, want := range []string{`"kinds":["lesson","glossary","card","page"]`, `"modules":["","The five steps","Values"]`, `"n":4`} {
		if !strings.Contains(meta, want) {
			t.Errorf("meta.js lacks %s: %s", want, meta)
		}
	}
}

func TestPiecesRoundTrip(t *testing.T) {
	for _, text := range []string{
		"Hello, world. Peer-to-peer (P2P) coaching: “talk story”!",
		"(start) and end.", "Hoʻohanohano 'quoted' don't", "a  b", "",
		"  a \n\t b  ", "x\u00a0\u00a0y. \r\n(  z  )", " \xff  b\u2028", " \n ",
	} {
		want := strings.Join(strings.Fields(text), " ")
		if got := collapseSpace(text); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", text, got, want)
		}
		var pieces []string
		splitPieces(text, func(p string, _ bool) { pieces = append(pieces, p) })
		if got := joinPieces(pieces); got != want {
			t.Errorf("pieces of %q join to %q, want %q", text, got, want)
		}
	}
}

func TestCodes(t *testing.T) {
	vals := []int{0, 1, 44, 45, 46, 2024, 2025, 91124, 91125, 1 << 30}
	var b []byte
	for _, v := range vals {
		b = appendCode(b, v)
	}
	if got := decodeCodes(string(b)); !slices.Equal(got, vals) {
		t.Errorf("decodeCodes(appendCode(%v)) = %v", vals, got)
	}
	if n := len(appendCode(nil, 44)); n != 1 {
		t.Errorf("44 takes %d characters, want 1", n)
	}
	if n := len(appendCode(nil, 2024)); n != 2 {
		t.Errorf("2024 takes %d characters, want 2", n)
	}
}

// TestDocFiles checks that the files under search/d each hold docsPerFile
// documents, in order, the last one the rest.
func TestDocFiles(t *testing.T) {
	c := newRandomCorpus(7, 50, 20)
	var docs []Document
	for range 2*docsPerFile + 1 {
		docs = append(docs, c.doc())
	}
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range files {
		if strings.HasPrefix(name, "search/d/") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	if want := []string{"search/d/0.js", "search/d/1.js", "search/d/2.js"}; !slices.Equal(names, want) {
		t.Fatalf("files under search/d: %q, want %q", names, want)
	}
	var last [][]any
	if err := loadScript(files, "d/2", &last); err != nil {
		t.Fatal(err)
	}
	sorted, _ := sortDocs(docs)
	if len(last) != 1 || last[0][0] != sorted[len(sorted)-1].URL {
		t.Errorf("search/d/2.js holds %d documents, the last %v; want 1, the last %s", len(last), last[len(last)-1][0], sorted[len(sorted)-1].URL)
	}
	if !strings.Contains(string(files["search/meta.js"]), `"per":`+strconv.Itoa(docsPerFile)) {
		t.Errorf("meta.js does not give the documents per file: %s", files["search/meta.js"])
	}
}
