package generator

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReplaceFile: the new bytes take the place of a file, of no file, or
// of a symbolic link (whose target is left as it is); a folder is never
// moved aside, and no temporary file stays behind.
func TestReplaceFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	want := func(p, text string) {
		t.Helper()
		if got, err := os.ReadFile(p); err != nil || string(got) != text {
			t.Errorf("%s holds %q (%v), want %q", filepath.Base(p), got, err, text)
		}
	}
	outside := write("outside", "not ours")
	link := filepath.Join(dir, "link")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, dst string }{
		{"over a file", write("page", "old")},
		{"no file yet", filepath.Join(dir, "new")},
		{"over a link", link},
	} {
		tmp := write(".tmp", "new bytes "+c.name)
		if err := replaceFile(tmp, c.dst); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		want(c.dst, "new bytes "+c.name)
		if st, err := os.Lstat(c.dst); err != nil || !st.Mode().IsRegular() {
			t.Errorf("%s: not a regular file (%v)", c.name, err)
		}
		if _, err := os.Lstat(tmp); !os.IsNotExist(err) {
			t.Errorf("%s: the temporary file stayed (%v)", c.name, err)
		}
	}
	want(outside, "not ours")
	folder := filepath.Join(dir, "folder")
	if err := os.MkdirAll(filepath.Join(folder, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := write(".tmp", "a page")
	if err := replaceFile(tmp, folder); err == nil {
		t.Error("a file took the place of a folder")
	}
	if st, err := os.Stat(filepath.Join(folder, "inside")); err != nil || !st.IsDir() {
		t.Errorf("the folder moved: %v", err)
	}
	want(tmp, "a page")
}
