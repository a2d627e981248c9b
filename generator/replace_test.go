package generator

import (
	"errors"
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
	cases := []struct{ name, dst string }{
		{"over a file", write("page", "old")},
		{"no file yet", filepath.Join(dir, "new")},
	}
	if link := filepath.Join(dir, "link"); os.Symlink(outside, link) == nil { // (Windows may not let us)
		cases = append(cases, struct{ name, dst string }{"over a link", link})
	}
	for _, c := range cases {
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

// TestCreateFile: a new file appears whole under its name, and nothing is
// left when the build stops before naming it; over an existing name it
// makes nothing (the caller replaces the file instead).
func TestCreateFile(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "index.html")
	none := func() error { return nil }
	done, err := createFile(dst, []byte("whole page"), none)
	if err != nil {
		t.Fatal(err)
	}
	if !done {
		t.Skip("this system cannot make a file without a name (O_TMPFILE)")
	}
	if got, err := os.ReadFile(dst); err != nil || string(got) != "whole page" {
		t.Errorf("the new file holds %q (%v)", got, err)
	}
	if done, _ := createFile(dst, []byte("other"), none); done {
		t.Error("a file with that name already there was replaced")
	}
	if got, _ := os.ReadFile(dst); string(got) != "whole page" {
		t.Errorf("the file changed to %q", got)
	}
	killed := errors.New("killed")
	other := filepath.Join(dir, "other.html")
	if _, err := createFile(other, []byte("half"), func() error { return killed }); err != killed {
		t.Errorf("stopped before naming the file: error %v, want %v", err, killed)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "index.html" {
		t.Errorf("the folder holds %v, want only index.html", entries)
	}
}
