package directive

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ files of testdata/*.txtar")

// TestGolden expands the page of each testdata/*.txtar archive and
// compares the result with the archive's want/ files. The archive's
// comment names the page and the format ("page: a/b.md", "format:
// mdbook"); content/ holds the content files, params.json the site
// params; want/body.md is the expanded body, want/lines.txt the body with
// each line's source line, want/problems.txt the problems, one a line.
func TestGolden(t *testing.T) {
	archives, _ := filepath.Glob("testdata/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var page string
			env := Env{}
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if v, ok := strings.CutPrefix(line, "page: "); ok {
					page = v
				}
				if v, ok := strings.CutPrefix(line, "format: "); ok {
					env.Format = v
				}
			}
			files := map[string]string{}
			want := map[string]string{}
			var inputs []txtar.File
			for _, f := range ar.Files {
				switch name, _ := strings.CutPrefix(f.Name, "content/"); {
				case strings.HasPrefix(f.Name, "want/"):
					want[f.Name] = string(f.Data)
					continue
				case f.Name == "params.json":
					if err := json.Unmarshal(f.Data, &env.Params); err != nil {
						t.Fatalf("params.json: %v", err)
					}
				case name != f.Name:
					files[name] = string(f.Data)
				default:
					t.Fatalf("unexpected file %s: want content/, params.json or want/", f.Name)
				}
				inputs = append(inputs, f)
			}
			body, ok := files[page]
			if !ok {
				t.Fatalf("no content/%s (the comment's page: line)", page)
			}
			env.Read = reader(files)
			res := Expand(page, []byte(body), env)
			checkLines(t, res, countLines(body))

			got := map[string]string{
				"want/body.md":      string(res.Body),
				"want/lines.txt":    annotate(res),
				"want/problems.txt": strings.Join(append(problems(res.Problems), ""), "\n"),
			}
			if res.Title != "" || len(res.Includes) > 0 {
				got["want/meta.txt"] = fmt.Sprintf("title: %s\nincludes: %s\n", res.Title, strings.Join(res.Includes, " "))
			}
			names := []string{"want/body.md", "want/lines.txt", "want/problems.txt", "want/meta.txt"}
			if *update {
				ar.Files = inputs
				for _, name := range names {
					if s, ok := got[name]; ok {
						ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(s)})
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range names {
				if got[name] != want[name] {
					t.Errorf("%s differs (go test ./generator/directive -run Golden -update rewrites it)\n got:\n%s\nwant:\n%s", name, got[name], want[name])
				}
			}
		})
	}
}

// annotate returns the body with each line's source line before it.
func annotate(res Result) string {
	var b bytes.Buffer
	for i, line := range strings.SplitAfter(string(res.Body), "\n") {
		if i >= len(res.Lines) {
			break
		}
		fmt.Fprintf(&b, "%3d| %s", res.Lines[i], line)
	}
	if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
		b.WriteString("⏎ (no newline at the end)\n")
	}
	return b.String()
}
