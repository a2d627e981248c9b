package cards_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var mainElement = regexp.MustCompile(`(?s)<main[^>]*>.*</main>`)

// TestGolden builds each testdata/*.txtar site (files under content/) and
// compares what the cards feature makes with the archive's public/ files:
// print pages whole, and the <main> element of the deck pages and of the
// lessons with cards (the rest of those pages is the site's layout).
func TestGolden(t *testing.T) {
	archives, _ := filepath.Glob("testdata/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no golden sites in testdata")
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
				if name, ok := strings.CutPrefix(f.Name, "content/"); ok {
					content[name] = &fstest.MapFile{Data: f.Data}
					inputs = append(inputs, f)
				} else if name, ok := strings.CutPrefix(f.Name, "public/"); ok {
					want[name] = f.Data
				}
			}
			site, _, err := build(content)
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			got := map[string][]byte{}
			for name, data := range site.Files {
				switch {
				case strings.Contains(name, "/print-"):
					got[name] = data
				case strings.HasSuffix(name, ".html") && (strings.HasPrefix(name, "cards/") || bytes.Contains(data, []byte(`class="card"`)) || bytes.Contains(data, []byte(`class="deck-box"`))):
					got[name] = append(mainElement.Find(data), '\n')
				}
			}
			var names []string
			for name := range got {
				names = append(names, name)
			}
			sort.Strings(names)
			if *update {
				ar.Files = inputs
				for _, name := range names {
					ar.Files = append(ar.Files, txtar.File{Name: "public/" + name, Data: got[name]})
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range names {
				w, ok := want[name]
				switch {
				case !ok:
					t.Errorf("unexpected output %s (run go test ./generator/cards -run Golden -update)", name)
				case !bytes.Equal(got[name], w):
					t.Errorf("%s differs from the golden file (run go test ./generator/cards -run Golden -update and review the diff):\n%s", name, firstDiff(got[name], w))
				}
			}
			for name := range want {
				if _, ok := got[name]; !ok {
					t.Errorf("missing output %s", name)
				}
			}
		})
	}
}

// firstDiff shows the first line where got and want differ.
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
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}
