package generator

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// benchSite is a site of n pages of about 20 KB each, in folders of 50
// pages, with a few shared assets: the shape of a big curriculum's output.
func benchSite(n int) map[string][]byte {
	files := map[string][]byte{
		"assets/style.css": []byte(strings.Repeat("body { margin: 0 }\n", 2000)),
		"assets/site.js":   []byte(strings.Repeat("function f() { return 1 }\n", 2000)),
	}
	para := strings.Repeat("<p>Peer coaching lesson text, with a few words of markup &amp; more.</p>\n", 280)
	for i := range n {
		files[fmt.Sprintf("module-%d/lesson-%d/index.html", i/50, i)] = fmt.Appendf(nil, "<!doctype html><title>Lesson %d</title>\n%s", i, para)
	}
	return files
}

// benchPages is the number of pages the write benchmarks use: a few
// thousand, a few hundred with -short (for CI's -benchtime=1x).
func benchPages() int {
	if testing.Short() {
		return 300
	}
	return 5000
}

// BenchmarkWriteUnchanged writes a site into a folder that already holds
// it: an unchanged rebuild's cost of writing. Each iteration is one more
// write of the same site.
//
//	go test ./generator -run XXX -bench WriteUnchanged -benchtime 10x
func BenchmarkWriteUnchanged(b *testing.B) {
	files := benchSite(benchPages())
	out := filepath.Join(b.TempDir(), "public")
	if err := Write(out, files); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := Write(out, files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteFirst writes a site into a new folder.
//
//	go test ./generator -run XXX -bench WriteFirst -benchtime 10x
func BenchmarkWriteFirst(b *testing.B) {
	files := benchSite(benchPages())
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		if err := Write(filepath.Join(dir, fmt.Sprint(i)), files); err != nil {
			b.Fatal(err)
		}
	}
}
