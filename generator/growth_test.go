package generator

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

// growthShapes are content folders of one shape at size n.
var growthShapes = map[string]func(n int) fstest.MapFS{
	"lessons in one module": func(n int) fstest.MapFS {
		fsys := files("m/_index.md", "# M\n")
		for i := range n {
			fsys[fmt.Sprintf("m/l%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# L%d\n\nText.\n", i))}
		}
		return fsys
	},
	"modules": func(n int) fstest.MapFS {
		fsys := files("_index.md", "# Home\n")
		for i := range n {
			fsys[fmt.Sprintf("m%d/a.md", i)] = &fstest.MapFile{Data: []byte("# A\n")}
		}
		return fsys
	},
	"links to one page": func(n int) fstest.MapFS {
		return files("a.md", "# A\n\n"+strings.Repeat("[b](b.md#x) ", n)+"\n", "b.md", "# B\n\n## X {#x}\n")
	},
	"broken links, a line each": func(n int) fstest.MapFS {
		return files("a.md", "# A\n\n"+strings.Repeat("[b](nowhere.md) and text\n\n", n))
	},
	"headings": func(n int) fstest.MapFS {
		return files("a.md", "# A\n\n"+strings.Repeat("## Same\n\ntext\n\n", n))
	},
	"mdBook redirects": func(n int) fstest.MapFS {
		var toml strings.Builder
		toml.WriteString("[book]\ntitle = \"B\"\n[output.html.redirect]\n")
		for i := range 25 * n { // a redirect is cheaper than a page: enough of them to see how they grow
			fmt.Fprintf(&toml, "\"/old/p%d.html\" = \"../a.html\"\n", i)
		}
		return files("book.toml", toml.String(), "src/SUMMARY.md", "- [A](a.md)\n", "src/a.md", "# A\n")
	},
	"folders nested": func(n int) fstest.MapFS {
		dir, fsys := "", fstest.MapFS{}
		for i := range n {
			dir += fmt.Sprintf("d%d/", i)
			fsys[dir+"a.md"] = &fstest.MapFile{Data: []byte("# A\n")}
		}
		return fsys
	},
}

// TestGrowth builds each shape at size n and 10n and fails when the work
// (counted as heap allocations and bytes, not time, so a busy machine
// cannot make it flake) grows more than 15 times.
func TestGrowth(t *testing.T) {
	const n = 40
	for name, shape := range growthShapes {
		t.Run(name, func(t *testing.T) {
			small, big := shape(n), shape(10*n)
			allocs := func(fsys fstest.MapFS) (uint64, uint64, error) {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				_, err := Build(fsys, layoutsFS, Options{})
				runtime.ReadMemStats(&after)
				return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc, err
			}
			a1, b1, err1 := allocs(small)
			a10, b10, err10 := allocs(big)
			if (err1 == nil) != (err10 == nil) {
				t.Fatalf("size %d: %v; size %d: %v", n, err1, 10*n, err10)
			}
			t.Logf("%d -> %d: allocations ×%.1f, bytes ×%.1f", n, 10*n, float64(a10)/float64(a1), float64(b10)/float64(b1))
			if float64(a10) > 15*float64(a1) || float64(b10) > 15*float64(b1) {
				t.Errorf("10 times the input costs %.1f times the allocations and %.1f times the bytes (want at most 15)", float64(a10)/float64(a1), float64(b10)/float64(b1))
			}
		})
	}
}
