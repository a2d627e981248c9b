package search

import (
	"sort"
	"strings"
	"testing"
)

// maxIndexRatio bounds the size of the index against the text. The goal
// was 40%, but the index keeps every text for the snippets, phrases and
// section links, and a text's rare words alone, spelled once per document,
// are about a third of the text: see PERFORMANCE.md. The test keeps the
// size from growing.
const maxIndexRatio = 0.80

func TestIndexSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-lesson index")
	}
	docs := syntheticDocs(10000)
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	text := textSize(docs)
	by := map[string]int{}
	total := 0
	for name, b := range files {
		total += len(b)
		by[strings.SplitN(strings.TrimPrefix(name, "search/"), "/", 2)[0]] += len(b)
	}
	var keys []string
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%-8s %9d bytes %5.1f%%", k, by[k], 100*float64(by[k])/float64(text))
	}
	ratio := float64(total) / float64(text)
	t.Logf("text %d bytes, index %d bytes in %d files: %.1f%%", text, total, len(files), 100*ratio)
	if ratio > maxIndexRatio {
		t.Errorf("index is %.1f%% of the text, want at most %.0f%%", 100*ratio, 100*maxIndexRatio)
	}
}
