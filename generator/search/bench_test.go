package search

import (
	"testing"
)

// BenchmarkBuild builds the index of a 10,000-lesson curriculum and reports
// the time per document and the size of the index against the text.
func BenchmarkBuild(b *testing.B) {
	docs := syntheticDocs(10000)
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
