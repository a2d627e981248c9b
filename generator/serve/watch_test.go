package serve

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestWatchEditorSaves does what editors do when they save, on real files,
// and reads what the watcher passes on: the lesson's path and nothing of
// the temporary files. Each sequence ends by writing a marker file; events
// arrive in order, so when the marker's path is read everything before it
// has been too.
func TestWatchEditorSaves(t *testing.T) {
	dir := t.TempDir()
	lesson := filepath.Join(dir, "lesson.md")
	do := func(ops ...func() error) {
		t.Helper()
		for _, op := range ops {
			if err := op(); err != nil {
				t.Fatal(err)
			}
		}
	}
	write := func(name, data string) func() error {
		return func() error { return os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644) }
	}
	rename := func(from, to string) func() error {
		return func() error { return os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)) }
	}
	remove := func(name string) func() error { return func() error { return os.Remove(filepath.Join(dir, name)) } }
	chmod := func(name string) func() error {
		return func() error { return os.Chmod(filepath.Join(dir, name), 0o600) }
	}
	do(write("lesson.md", "v0"))

	w, err := watch([]string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()

	for _, tc := range []struct {
		name string
		ops  []func() error
		want []string // besides the marker
	}{
		{"write in place", []func() error{write("lesson.md", "v1")}, []string{lesson}},
		{"atomic save", []func() error{write(".lesson.md.tmp1", "v2"), rename(".lesson.md.tmp1", "lesson.md")}, []string{lesson}},
		{"vim", []func() error{write(".lesson.md.swp", "s"), write("4913", ""), remove("4913"),
			rename("lesson.md", "lesson.md~"), write("lesson.md", "v3"), remove("lesson.md~"), remove(".lesson.md.swp")}, []string{lesson}},
		{"helix", []func() error{rename("lesson.md", "lesson.mdU77clA.bck"), write("lesson.md", "v4"), chmod("lesson.md"),
			remove("lesson.mdU77clA.bck")}, []string{lesson}},
		{"JetBrains", []func() error{write("lesson.md___jb_tmp___", "v5"), rename("lesson.md", "lesson.md___jb_old___"),
			rename("lesson.md___jb_tmp___", "lesson.md"), remove("lesson.md___jb_old___")}, []string{lesson}},
		{"emacs", []func() error{write(".#lesson.md", "lock"), write("#lesson.md#", "auto"), rename("lesson.md", "lesson.md~"),
			write("lesson.md", "v6"), remove("#lesson.md#"), remove(".#lesson.md"), remove("lesson.md~")}, []string{lesson}},
		{"temporary files only", []func() error{write("x.tmp", "t"), remove("x.tmp"), write("x.swp", "s"), remove("x.swp"),
			write(".hidden", "h"), remove(".hidden")}, nil},
		{"permissions only", []func() error{chmod("lesson.md")}, nil},
		{"delete and re-create", []func() error{remove("lesson.md"), write("lesson.md", "v7")}, []string{lesson}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			do(tc.ops...)
			marker := filepath.Join(dir, "marker-"+filepath.Base(t.Name())+".md")
			do(func() error { return os.WriteFile(marker, nil, 0o644) })
			var got []string
			timeout := time.After(10 * time.Second)
			for !slices.Contains(got, marker) {
				select {
				case p := <-w.changes:
					if !slices.Contains(got, p) {
						got = append(got, p)
					}
				case <-timeout:
					t.Fatalf("marker not seen; got %q", got)
				}
			}
			if want := append(tc.want, marker); !slices.Equal(got, want) {
				t.Errorf("paths %q, want %q", got, want)
			}
		})
	}
}

// TestWatchNewAndMovedFolders: folders made, moved in or renamed are
// watched under their new names.
func TestWatchNewAndMovedFolders(t *testing.T) {
	dir := t.TempDir()
	w, err := watch([]string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	await := func(want string) {
		t.Helper()
		timeout := time.After(10 * time.Second)
		for {
			select {
			case p := <-w.changes:
				if p == want {
					return
				}
			case <-timeout:
				t.Fatalf("no event for %s", want)
			}
		}
	}
	mk := func(p string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	touch := func(p string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, p), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mk("a")
	await(filepath.Join(dir, "a"))
	mk("a/b/c") // made at once: b is seen, c is watched with b or on its own event
	await(filepath.Join(dir, "a/b"))
	// c may be created after b's tree was walked; then its own event (handled
	// in the background) adds the watch, and the rebuild for that event reads
	// the folder. Wait for the watch before writing into it.
	watched := func(p string) bool {
		w.mu.Lock()
		defer w.mu.Unlock()
		return w.dirs[p]
	}
	for end := time.Now().Add(10 * time.Second); !watched(filepath.Join(dir, "a/b/c")); time.Sleep(time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("a/b/c is not watched")
		}
	}
	touch("a/b/c/lesson.md")
	await(filepath.Join(dir, "a/b/c/lesson.md"))

	if err := os.Rename(filepath.Join(dir, "a"), filepath.Join(dir, "z")); err != nil {
		t.Fatal(err)
	}
	await(filepath.Join(dir, "z"))
	touch("z/b/c/lesson.md")
	await(filepath.Join(dir, "z/b/c/lesson.md")) // not the old name a/b/c

	outside := t.TempDir()
	if err := os.MkdirAll(filepath.Join(outside, "m/n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(outside, "m"), filepath.Join(dir, "m")); err != nil {
		t.Fatal(err)
	}
	await(filepath.Join(dir, "m"))
	touch("m/n/lesson.md")
	await(filepath.Join(dir, "m/n/lesson.md"))
}

// TestWatchSkipsOutput: the output folder inside a watched folder (a Hugo
// site's public/), there at the start or made later, is not watched:
// writing the site does not look like an edit.
func TestWatchSkipsOutput(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "public", "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := watch([]string{dir}, filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	if err := os.WriteFile(filepath.Join(dir, "public", "old", "page.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "marker.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	timeout := time.After(10 * time.Second)
	for {
		select {
		case p := <-w.changes:
			if strings.Contains(p, "public") {
				t.Fatalf("an event from the output folder: %s", p)
			}
			if filepath.Base(p) == "marker.md" {
				return
			}
		case <-timeout:
			t.Fatal("no event for marker.md")
		}
	}
}
