package generator

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// layoutsFS is the real layouts folder, so goldens show what users get.
var layoutsFS = os.DirFS("../layouts")

// TestGoldenSites builds each testdata/sites/*.txtar (files under content/)
// and compares every page and the sitemap with the archive's public/ files.
// Stylesheets, scripts and the search index (it has goldens of its own in
// package search) are left out of the comparison.
func TestGoldenSites(t *testing.T) {
	archives, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no golden sites in testdata/sites")
	}
	for _, file := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			content := fstest.MapFS{}
			want := map[string][]byte{}
			var inputs []txtar.File
			for _, f := range ar.Files {
				switch {
				case strings.HasPrefix(f.Name, "content/"):
					content[strings.TrimPrefix(f.Name, "content/")] = &fstest.MapFile{Data: f.Data}
					inputs = append(inputs, f)
				case strings.HasPrefix(f.Name, "public/"):
					want[strings.TrimPrefix(f.Name, "public/")] = f.Data
				}
			}
			site, err := Build(content, layoutsFS, Options{BaseURL: "https://example.org/p2pc/"})
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			got := map[string][]byte{}
			for name, data := range site.Files {
				if !strings.HasPrefix(name, "assets/") && !strings.HasPrefix(name, "search/") {
					got[name] = data
				}
			}
			if *update {
				ar.Files = inputs
				for _, name := range sortedKeys(got) {
					ar.Files = append(ar.Files, txtar.File{Name: "public/" + name, Data: got[name]})
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range sortedKeys(got) {
				if w, ok := want[name]; !ok {
					t.Errorf("unexpected output file %s (run go test ./generator -update)", name)
				} else if !bytes.Equal(got[name], w) {
					t.Errorf("%s differs from the golden file (run go test ./generator -update and review the diff):\n%s", name, firstDiff(got[name], w))
				}
			}
			for name := range want {
				if _, ok := got[name]; !ok {
					t.Errorf("missing output file %s", name)
				}
			}
		})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// firstDiff shows the first differing line of got and want.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + gl + "\n  want: " + wl
		}
	}
	return ""
}
