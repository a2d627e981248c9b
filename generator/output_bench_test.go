package generator

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
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
// write of the same site. With "manifest" a file of the manifest's size,
// older than the manifest, is taken for the manifest's bytes when the new
// bytes have its hash; with "read" every file is read and compared.
//
//	go test ./generator -run XXX -bench WriteUnchanged -benchtime 10x
func BenchmarkWriteUnchanged(b *testing.B) {
	files := benchSite(benchPages())
	for _, trust := range []bool{true, false} {
		b.Run(map[bool]string{true: "manifest", false: "read"}[trust], func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "public")
			if err := Write(out, files); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				o, err := OpenOutput(out)
				if err != nil {
					b.Fatal(err)
				}
				o.noTrust = !trust
				if err := o.PutAll(files); err != nil {
					b.Fatal(err)
				}
				c, err := o.Close()
				if err != nil {
					b.Fatal(err)
				}
				if len(c.Written)+len(c.Removed) > 0 {
					b.Fatalf("an unchanged site wrote %d files", len(c.Written)+len(c.Removed))
				}
			}
		})
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

// BenchmarkOutputEdit is a server's rebuild after one lesson's edit: of a
// site of 20,000 files (2,000 with -short), 3 are Put and every other is
// kept.
//
//	go test ./generator -run XXX -bench OutputEdit -benchtime 100x
func BenchmarkOutputEdit(b *testing.B) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	files := map[string][]byte{}
	for i := range n {
		files[fmt.Sprintf("module-%d/lesson-%d/index.html", i/50, i)] = fmt.Appendf(nil, "page %d", i)
	}
	names := slices.Sorted(maps.Keys(files))
	out := filepath.Join(b.TempDir(), "public")
	if err := Write(out, files); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		o, err := OpenOutput(out)
		if err != nil {
			b.Fatal(err)
		}
		edited := names[i%n]
		for _, name := range names {
			if name == edited {
				err = o.Put(name, fmt.Appendf(nil, "edit %d", i))
			} else {
				err = o.Keep(name)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		c, err := o.Close()
		if err != nil {
			b.Fatal(err)
		}
		if len(c.Written) != 1 {
			b.Fatalf("wrote %v", c.Written)
		}
	}
}
