package directive

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
)

// corpora holds real books and sites, when the machine has them.
const corpora = "/work/shared/corpora"

// mdbookDirective matches the directives the mdBook pass expands.
var mdbookDirective = regexp.MustCompile(`\{\{\s*#(include|rustdoc_include|playground|playpen|title)[ \t]+[^}\n]+\}\}`)

// TestCorpusMdbook expands every page of mdBook's own guide: no panic,
// Lines as long as the body, and no directive left but the escaped ones.
func TestCorpusMdbook(t *testing.T) {
	root := corpora + "/mdbook-guide/src"
	fsys := os.DirFS(root)
	read := dirReader(fsys)
	pages := markdownFiles(t, fsys)
	for _, name := range pages {
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		res := Expand(name, body, Env{Format: "mdbook", Read: read})
		for _, p := range res.Problems {
			t.Logf("%s:%v", name, p)
		}
		checkLines(t, res, countLines(string(body)))
		// Escaped directives print as directives; count them in the page
		// and in what it includes.
		escaped := countEscaped(body)
		for _, inc := range res.Includes {
			data, _ := read(inc)
			escaped += countEscaped(data)
		}
		if left := len(mdbookDirective.FindAll(res.Body, -1)); left != escaped {
			t.Errorf("%s: %d directives left in the output, %d escaped in the input", name, left, escaped)
		}
		for _, p := range res.Problems {
			if !p.Warning || !strings.Contains(p.Msg, "outside the content folder") {
				t.Errorf("%s:%v", name, p)
			}
		}
	}
}

// TestCorpusHugo expands every page of Hugo's documentation: no panic,
// Lines as long as the body, the param shortcodes expanded, and no
// problem but unknown shortcodes.
func TestCorpusHugo(t *testing.T) {
	root := corpora + "/hugo-docs/content/en"
	fsys := os.DirFS(root)
	env := Env{Format: "hugo", Read: dirReader(fsys), Params: map[string]any{"minVersion": "0.144.0"}}
	for _, name := range markdownFiles(t, fsys) {
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		res := Expand(name, body, env)
		checkLines(t, res, countLines(string(body)))
		if strings.Contains(string(res.Body), "{{% param") {
			t.Errorf("%s: a param shortcode is left", name)
		}
		for _, p := range res.Problems {
			if !strings.HasPrefix(p.Msg, "unknown shortcode") {
				t.Errorf("%s:%v", name, p)
			}
			m := regexp.MustCompile(`"([^"]+)"`).FindStringSubmatch(p.Msg)
			if strings.Contains(string(res.Body), "{{< "+m[1]+" ") {
				t.Errorf("%s: unknown shortcode %s left in the output", name, m[1])
			}
		}
	}
}

func countEscaped(b []byte) int {
	n := 0
	for _, loc := range mdbookDirective.FindAllIndex(b, -1) {
		if loc[0] > 0 && b[loc[0]-1] == '\\' {
			n++
		}
	}
	return n
}

// dirReader reads the content files of fsys as the builder does.
func dirReader(fsys fs.FS) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if !fs.ValidPath(name) {
			return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
		}
		return fs.ReadFile(fsys, name)
	}
}

// markdownFiles lists the .md files of fsys, skipping the test when the
// corpus is not on this machine.
func markdownFiles(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && path.Ext(name) == ".md" {
			names = append(names, name)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("no corpus on this machine:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Skip("no pages in the corpus")
	}
	t.Logf("%d pages", len(names))
	return names
}
