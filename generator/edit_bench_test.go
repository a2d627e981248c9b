package generator

import (
	"fmt"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"p2pc/generator/synthetic"
)

// BenchmarkEditSynthetic edits one lesson's text in the synthetic
// 10,000-lesson curriculum through a Pipeline that keeps its last run, into
// memory, and reports the median time of a run. With P2PC_CPUPROFILE set it
// writes a CPU profile of the edits only (not of the first build) there.
//
//	go test ./generator -run '^$' -bench EditSynthetic -benchtime 50x
func BenchmarkEditSynthetic(b *testing.B) {
	fsys := syntheticFS(synthetic.Size(10000))
	var names []string
	for name := range fsys {
		if strings.HasSuffix(name, ".md") && strings.Contains(name, "lesson") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		b.Fatal(err)
	}
	mem.Sweep()
	if f := os.Getenv("P2PC_CPUPROFILE"); f != "" {
		out, err := os.Create(f)
		if err != nil {
			b.Fatal(err)
		}
		defer out.Close()
		pprof.StartCPUProfile(out)
		defer pprof.StopCPUProfile()
	}
	var times []time.Duration
	i := 0
	for b.Loop() {
		i++
		name := names[(i*7919)%len(names)]
		fsys[name] = &fstest.MapFile{Data: append(append([]byte{}, fsys[name].Data...), fmt.Sprintf("\nEdit%d.\n", i)...)}
		start := time.Now()
		pl.Forget(name)
		if _, err := pl.Run(mem); err != nil {
			b.Fatal(err)
		}
		if changed := mem.Sweep(); !slices.ContainsFunc(changed, func(c string) bool { return strings.HasSuffix(c, "index.html") }) || len(changed) > 64 {
			b.Fatalf("one text edit of %s changed %d files: %q", name, len(changed), changed)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}
