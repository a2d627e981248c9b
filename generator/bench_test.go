package generator

import (
	"testing"
	"testing/fstest"

	"p2pc/generator/synthetic"
)

func syntheticFS(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range synthetic.Files(n) {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// BenchmarkBuild10000 builds a synthetic 10,000-lesson curriculum in memory
// (everything but writing the files): go test ./generator -bench Build10000 -benchtime 3x
func BenchmarkBuild10000(b *testing.B) {
	fsys := syntheticFS(synthetic.Size(10000))
	b.ResetTimer()
	for b.Loop() {
		site, err := Build(fsys, layoutsFS, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(site.Pages)), "pages")
	}
}
