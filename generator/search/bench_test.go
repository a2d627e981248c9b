package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"p2pc/generator/synthetic"
)

// BenchmarkBuild builds the index of a 10,000-lesson curriculum and reports
// the time per document and the size of the index against the text.
func BenchmarkBuild(b *testing.B) {
	docs := syntheticDocs(synthetic.Size(10000))
	text := textSize(docs)
	b.ResetTimer()
	var size int
	for b.Loop() {
		files, err := Build(docs)
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, f := range files {
			size += len(f)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
	b.ReportMetric(100*float64(size)/float64(text), "%text")
}

// BenchmarkIndexUpdate edits one word of one document of the 10,000 of
// the search corpus per iteration (a different document each time) and
// brings an Index up to date. It reports the files written per edit and
// the share of edits that built everything again.
//
//	go test -run XXX -bench IndexUpdate -benchtime 200x ./generator/search/
func BenchmarkIndexUpdate(b *testing.B) {
	docs := syntheticDocs(synthetic.Size(10000))
	ix, _, err := NewIndex(docs)
	if err != nil {
		b.Fatal(err)
	}
	written := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d := &docs[(i*7919+13)%len(docs)]
		d.Sections = slices.Clone(d.Sections)
		s := &d.Sections[len(d.Sections)-1]
		_, rest, _ := strings.Cut(s.Text, " ")
		s.Text = fmt.Sprintf("edit%d %s", i, rest)
		files, removed, err := ix.Update(docs)
		if err != nil {
			b.Fatal(err)
		}
		written += len(files) + len(removed)
	}
	b.ReportMetric(float64(written)/float64(b.N), "files/edit")
	b.ReportMetric(100*float64(ix.rebuilds)/float64(b.N), "%rebuilt")
}
