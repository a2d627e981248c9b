package generator

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"p2pc/generator/lessonset"
)

// TestLangFS: the default language's pages under their names without it,
// a plain page winning over its language twin, other languages' pages and
// unknown codes as they are.
func TestLangFS(t *testing.T) {
	raw := fstest.MapFS{
		"a.en.md": {}, "b.md": {}, "b.en.md": {}, "c.fr.md": {}, "d.xx.md": {}, "fig.en.png": {}, "dir.en.md/x.md": {},
	}
	fsys := newLangFS(raw, &lessonset.Set{Format: lessonset.Hugo, ContentLanguage: "en", Languages: []string{"fr"}})
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"a.md", "b.md", "d.xx.md", "dir.en.md", "fig.en.png"}; !slices.Equal(names, want) {
		t.Errorf("entries %q, want %q", names, want)
	}
	if _, err := fs.Stat(fsys, "a.md"); err != nil {
		t.Errorf("a.md: %v", err)
	}
	for _, hidden := range []string{"a.en.md", "c.fr.md", "c.md"} {
		if _, err := fs.Stat(fsys, hidden); err == nil {
			t.Errorf("%s is there", hidden)
		}
	}
	rename := realPath(fsys)
	for in, want := range map[string]string{"a.md": "a.en.md", "b.md": "b.md", "d.xx.md": "d.xx.md", "fig.en.png": "fig.en.png"} {
		if got := rename(in); got != want {
			t.Errorf("real(%q) = %q, want %q", in, got, want)
		}
	}
	if newLangFS(raw, nil) == nil || realPath(newLangFS(raw, &lessonset.Set{Format: lessonset.MdBook})) != nil {
		t.Error("only a Hugo site's folder is seen by language")
	}
}
