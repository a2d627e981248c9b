package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.txtar")

// TestGolden renders the input.md of each testdata/*.txtar archive and
// compares the result with the archive's safe.html (raw HTML off),
// raw.html (raw HTML on), pandoc.html (read as Pandoc's Markdown, raw HTML
// off; each only when the archive has one) and warnings.txt (line:col:
// message, raw HTML off). go test -update rewrites them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var src []byte
			for _, f := range ar.Files {
				if f.Name == "input.md" {
					src = f.Data
				}
			}
			if src == nil {
				t.Fatal("no input.md")
			}
			got := map[string][]byte{}
			safe := New(false, nil)
			doc := safe.Parse(src)
			if got["safe.html"], err = safe.Render(src, doc); err != nil {
				t.Fatal(err)
			}
			var ws bytes.Buffer
			for _, w := range Warnings(doc) {
				line, col := Position(src, w.Offset)
				fmt.Fprintf(&ws, "%d:%d: %s\n", line, col, w.Msg)
			}
			got["warnings.txt"] = ws.Bytes()
			raw := New(true, nil)
			if got["raw.html"], err = raw.Render(src, raw.Parse(src)); err != nil {
				t.Fatal(err)
			}
			pandoc := NewDialect(Pandoc, false, nil)
			if got["pandoc.html"], err = pandoc.Render(src, pandoc.Parse(src)); err != nil {
				t.Fatal(err)
			}
			changed := false
			for i, f := range ar.Files {
				out, ok := got[f.Name]
				if !ok || bytes.Equal(out, f.Data) {
					continue
				}
				if *update {
					ar.Files[i].Data, changed = out, true
					continue
				}
				t.Errorf("%s differs:\n%s\nwant:\n%s", f.Name, out, f.Data)
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
