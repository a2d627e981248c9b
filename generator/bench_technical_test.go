package generator

import (
	"testing"
	"testing/fstest"

	"p2pc/generator/synthetic"
)

// BenchmarkBuildTechnical builds 1,000 synthetic technical lessons (shell
// sessions, output blocks, long listings; see synthetic.Size for other
// sizes) in memory:
//
//	go test ./generator -run '^$' -bench BuildTechnical -benchtime 3x
func BenchmarkBuildTechnical(b *testing.B) {
	n := synthetic.Size(1000)
	fsys := fstest.MapFS{}
	for name, data := range synthetic.Technical(n) {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	b.ResetTimer()
	for b.Loop() {
		site, err := Build(fsys, layoutsFS, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(site.Pages)), "pages")
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/lesson")
}
