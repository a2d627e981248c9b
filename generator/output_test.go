package generator

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// tree reads every file below dir, by slash-separated name.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// folders lists every folder below dir.
func folders(t *testing.T, dir string) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != dir {
			rel, _ := filepath.Rel(dir, p)
			dirs = append(dirs, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// mtimes gives every file's modification time below dir.
func mtimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	times := map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		times[p] = info.ModTime()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return times
}

// age sets every file's and folder's modification time below dir an hour
// back, and the manifest's a minute later, as if the last build had run an
// hour ago (files written in the same clock tick as the manifest are read
// again by the next build).
func age(t *testing.T, dir string) {
	t.Helper()
	past := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == MarkerFile {
			return os.Chtimes(p, past, past.Add(time.Minute))
		}
		return os.Chtimes(p, past, past)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// write writes files into out with an Output and returns what changed.
func writeOutput(t *testing.T, out string, files map[string][]byte) *Changes {
	t.Helper()
	o, err := OpenOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.PutAll(files); err != nil {
		t.Fatal(err)
	}
	c, err := o.Close()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func siteFiles(kv ...string) map[string][]byte {
	files := map[string][]byte{}
	for i := 0; i+1 < len(kv); i += 2 {
		files[kv[i]] = []byte(kv[i+1])
	}
	return files
}

// wantTree checks that out holds exactly files and a manifest of them.
func wantTree(t *testing.T, out string, files map[string][]byte) {
	t.Helper()
	got := tree(t, out)
	manifest, ok := got[MarkerFile]
	if !ok {
		t.Errorf("no %s", MarkerFile)
	}
	delete(got, MarkerFile)
	for name, data := range files {
		if got[name] != string(data) {
			t.Errorf("%s: %q, want %q", name, got[name], data)
		}
		if !strings.Contains(manifest, " "+name+"\n") {
			t.Errorf("the manifest does not list %s:\n%s", name, manifest)
		}
	}
	for name := range got {
		if _, ok := files[name]; !ok {
			t.Errorf("%s is in the folder but not in the site", name)
		}
	}
}

func TestOutputUnchangedWritesNothing(t *testing.T) {
	files := benchSite(40)
	for _, trust := range []bool{true, false} {
		t.Run(fmt.Sprintf("trust=%v", trust), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			writeOutput(t, out, files)
			age(t, out)
			before := mtimes(t, out)
			dirTime := func() time.Time {
				st, err := os.Stat(out)
				if err != nil {
					t.Fatal(err)
				}
				return st.ModTime()
			}
			rootBefore := dirTime()

			o, err := OpenOutput(out)
			if err != nil {
				t.Fatal(err)
			}
			o.noTrust = !trust
			if err := o.PutAll(files); err != nil {
				t.Fatal(err)
			}
			c, err := o.Close()
			if err != nil {
				t.Fatal(err)
			}
			if n := len(c.Written) + len(c.Removed); n != 0 {
				t.Errorf("an unchanged site wrote or removed %d files: %v", n, c.Changed())
			}
			if after := mtimes(t, out); !maps.Equal(before, after) {
				t.Error("an unchanged rebuild changed files' modification times")
			}
			if !dirTime().Equal(rootBefore) {
				t.Error("an unchanged rebuild changed the output folder (a file made or removed in it)")
			}
			wantTree(t, out, files)
		})
	}
}

// TestOutputTrustsTheManifest shows that a file older than the manifest,
// of the manifest's size, is not read: its bytes changed behind the
// tool's back (keeping size and time) and the unchanged site does not see
// it. Reading every file would.
func TestOutputTrustsTheManifest(t *testing.T) {
	files := siteFiles("a.html", "aaaa", "b/index.html", "bbbb")
	out := filepath.Join(t.TempDir(), "public")
	writeOutput(t, out, files)
	age(t, out)
	p := filepath.Join(out, "b", "index.html")
	st, _ := os.Stat(p)
	if err := os.WriteFile(p, []byte("XXXX"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(p, st.ModTime(), st.ModTime())
	if c := writeOutput(t, out, files); len(c.Written) != 0 {
		t.Errorf("wrote %v: the file was read, not trusted", c.Written)
	}
	// Newer than the manifest: read, found changed, written back.
	os.Chtimes(p, time.Now(), time.Now())
	if c := writeOutput(t, out, files); !slices.Equal(c.Written, []string{"b/index.html"}) {
		t.Errorf("wrote %v, want b/index.html", c.Written)
	}
	wantTree(t, out, files)
}

func TestOutputChanges(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first := siteFiles(
		"index.html", "home",
		"a/index.html", "a",
		"a/img.png", "png",
		"gone/deep/index.html", "gone",
		"gone/deep/x.css", "x",
		"same/index.html", "same",
	)
	c := writeOutput(t, out, first)
	if want := slices.Sorted(maps.Keys(first)); !slices.Equal(c.Written, want) {
		t.Errorf("first write: written %v, want %v", c.Written, want)
	}
	wantTree(t, out, first)
	age(t, out)

	second := siteFiles(
		"index.html", "home, changed",
		"a/index.html", "b", // same size, other bytes
		"same/index.html", "same",
		"new/deeper/index.html", "new",
	)
	c = writeOutput(t, out, second)
	if want := []string{"a/index.html", "index.html", "new/deeper/index.html"}; !slices.Equal(c.Written, want) {
		t.Errorf("written %v, want %v", c.Written, want)
	}
	if want := []string{"a/img.png", "gone/deep/index.html", "gone/deep/x.css"}; !slices.Equal(c.Removed, want) {
		t.Errorf("removed %v, want %v", c.Removed, want)
	}
	wantTree(t, out, second)
	if got, want := folders(t, out), []string{"a", "new", "new/deeper", "same"}; !slices.Equal(got, want) {
		t.Errorf("folders %v, want %v (empty folders must go)", got, want)
	}
	if _, err := os.Stat(filepath.Join(out, PendingFile)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s left after a build: %v", PendingFile, err)
	}

	// A file becomes a folder and a folder a file.
	third := siteFiles("index.html/x", "now a folder", "a", "now a file", "same/index.html", "same")
	writeOutput(t, out, third)
	wantTree(t, out, third)

	// Nothing: the folder keeps only the manifest.
	writeOutput(t, out, nil)
	wantTree(t, out, nil)
}

func TestOutputManifestNames(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := siteFiles("with space/a b.html", "1", "\"quoted\".html", "2", "line\nbreak.html", "3", "#hash.html", "4", "é/ʻokina.html", "5")
	writeOutput(t, out, files)
	o, err := OpenOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := slices.Sorted(maps.Keys(o.old)), slices.Sorted(maps.Keys(files)); !slices.Equal(got, want) {
		t.Errorf("the manifest reads back as %q, want %q", got, want)
	}
	o.Abort()
	if c := writeOutput(t, out, nil); len(c.Removed) != len(files) {
		t.Errorf("removed %q, want all of %d", c.Removed, len(files))
	}
}

func TestOutputForeignFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := siteFiles("index.html", "home", "m/a/index.html", "a", "m/b/index.html", "b")
	writeOutput(t, out, files)
	hand := map[string]string{
		"notes.txt":        "mine",   // beside the site
		"m/a/extra.html":   "mine",   // in a folder whose page goes away
		"m/b/index.html":   "edited", // a page replaced by hand: it is ours, so rebuilt
		"new/index.html":   "mine",   // where the next build puts a page
		"m/.hidden/x.html": "mine",
	}
	for name, data := range hand {
		p := filepath.Join(out, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	next := siteFiles("index.html", "home", "m/b/index.html", "b", "new/index.html", "site's")
	o, err := OpenOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.PutAll(next); err != nil {
		t.Fatal(err)
	}
	c, err := o.Close()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"new/index.html"}; !slices.Equal(c.Skipped, want) {
		t.Errorf("skipped %v, want %v", c.Skipped, want)
	}
	if want := []string{"m/b/index.html"}; !slices.Equal(c.Written, want) {
		t.Errorf("written %v, want %v", c.Written, want)
	}
	foreign, err := o.Foreign()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"m/.hidden/x.html", "m/a/extra.html", "new/index.html", "notes.txt"}; !slices.Equal(foreign, want) {
		t.Errorf("foreign %v, want %v", foreign, want)
	}
	got := tree(t, out)
	for name, data := range hand {
		if name != "m/b/index.html" && got[name] != data {
			t.Errorf("%s was changed: %q", name, got[name])
		}
	}
	if _, err := os.Stat(filepath.Join(out, "m/a/index.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the page that went away is still there")
	}
	if err := Write(out, next); err == nil || !strings.Contains(err.Error(), "holds the name (1 in all): new/index.html") {
		t.Errorf("Write over a foreign file: %v", err)
	}
	// The next build still does not take them.
	writeOutput(t, out, nil)
	for name, data := range hand {
		if name != "m/b/index.html" && tree(t, out)[name] != data {
			t.Errorf("%s was changed by the next build", name)
		}
	}
}

func TestOutputRefusesNamesOutside(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	for _, name := range []string{"../x.html", "/etc/x", "a/../../x", `a\..\x`, ".", "", "a//b", "./a", MarkerFile, PendingFile, "a/.b.html" + tmpSuffix} {
		err := Write(out, siteFiles("ok.html", "ok", name, "bad"))
		if err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("%q: %v, want a refusal", name, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("something was written: %v", entries)
	}
}

func TestOutputRefusesSymlinkedFolder(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	elsewhere := filepath.Join(dir, "elsewhere")
	os.MkdirAll(elsewhere, 0o755)
	os.WriteFile(filepath.Join(elsewhere, "index.html"), []byte("keep"), 0o644)
	writeOutput(t, out, siteFiles("m/index.html", "m", "m/x.html", "x"))

	// The folder m, written by the last build, is now a link out of the
	// output folder.
	os.RemoveAll(filepath.Join(out, "m"))
	if err := os.Symlink(elsewhere, filepath.Join(out, "m")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, files := range []map[string][]byte{
		siteFiles("m/index.html", "written through the link"),
		siteFiles("other.html", "removing m/index.html and m/x.html would go through the link"),
	} {
		err := Write(out, files)
		if err == nil || !strings.Contains(err.Error(), "m in the output folder is a symbolic link") {
			t.Errorf("write through a symlinked folder: %v", err)
		}
		if data, _ := os.ReadFile(filepath.Join(elsewhere, "index.html")); string(data) != "keep" {
			t.Fatalf("a file outside the output folder was changed: %q", data)
		}
		if entries, _ := os.ReadDir(elsewhere); len(entries) != 1 {
			t.Fatalf("files written outside the output folder: %v", entries)
		}
	}
}

func TestOutputLegacyMarker(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	old := siteFiles(MarkerFile, "Written by the p2pc site generator; the next build replaces this whole folder.\n", "index.html", "old", "gone/index.html", "gone")
	for name, data := range old {
		p := filepath.Join(out, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, data, 0o644)
	}
	files := siteFiles("index.html", "new")
	writeOutput(t, out, files)
	wantTree(t, out, files)
}

func TestOutputPutTwiceAndAfterClose(t *testing.T) {
	o, err := OpenOutput(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Put("a.html", []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := o.Put("a.html", []byte("a")); err == nil {
		t.Error("a name Put twice was accepted")
	}
	if _, err := o.Close(); err == nil {
		t.Error("Close after a failed Put succeeded")
	}
	if err := o.Put("b.html", []byte("b")); err == nil {
		t.Error("Put after Close was accepted")
	}
}

// TestOutputKeepMany: one Keep call keeps many files of the last build,
// and fails, as Put does, on a name given twice in the build.
func TestOutputKeepMany(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{"a.html": []byte("a"), "b/index.html": []byte("b"), "c.txt": []byte("c")}
	o, err := OpenOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.PutAll(files); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Close(); err != nil {
		t.Fatal(err)
	}
	if o, err = OpenOutput(out); err != nil {
		t.Fatal(err)
	}
	if err := o.Keep("a.html", "b/index.html"); err != nil {
		t.Fatal(err)
	}
	c, err := o.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Written) != 0 || !slices.Equal(c.Removed, []string{"c.txt"}) {
		t.Errorf("written %q, removed %q; want nothing written and c.txt removed", c.Written, c.Removed)
	}
	delete(files, "c.txt")
	wantTree(t, out, files)
	if o, err = OpenOutput(out); err != nil {
		t.Fatal(err)
	}
	if err := o.Keep("a.html", "a.html"); err == nil {
		t.Error("a name kept twice in one call was accepted")
	}
	if _, err := o.Close(); err == nil {
		t.Error("Close after a failed Keep succeeded")
	}
	// a name of the last build, Put and kept in either order
	for _, order := range []string{"put, keep", "keep, put"} {
		if o, err = OpenOutput(out); err != nil {
			t.Fatal(err)
		}
		put := func() error { return o.Put("b/index.html", []byte("b2")) }
		keep := func() error { return o.Keep("b/index.html") }
		first, second := put, keep
		if order == "keep, put" {
			first, second = keep, put
		}
		if err := first(); err != nil {
			t.Fatal(err)
		}
		if err := second(); err == nil {
			t.Errorf("%s of one name was accepted", order)
		}
		o.Abort()
	}
}

// TestOutputConcurrentPuts puts a site from many goroutines at once (run
// with -race).
func TestOutputConcurrentPuts(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := benchSite(200)
	names := slices.Sorted(maps.Keys(files))
	for round := range 2 {
		if round == 1 {
			for _, name := range names[:50] {
				files[name] = append([]byte("changed "), files[name]...)
			}
		}
		o, err := OpenOutput(out)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, len(names))
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := g; i < len(names); i += 8 {
					if i%5 == 4 && round == 1 && i >= 50 {
						errs <- o.Keep(names[i])
						continue
					}
					errs <- o.Put(names[i], files[names[i]])
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		c, err := o.Close()
		if err != nil {
			t.Fatal(err)
		}
		if want := map[int]int{0: len(files), 1: 50}[round]; len(c.Written) != want {
			t.Errorf("round %d: %d written, want %d", round, len(c.Written), want)
		}
		wantTree(t, out, files)
	}
}

var errKilled = errors.New("killed")

// killAfter makes o stop, as if killed, at its k-th point where a kill
// may land (k from 0), and returns the count of such points passed.
func killAfter(o *Output, k int64) *atomic.Int64 {
	var n atomic.Int64
	o.stop = func() error {
		if n.Add(1) > k {
			return errKilled
		}
		return nil
	}
	return &n
}

// TestOutputKilledAndRepaired stops a build at every point a kill may land
// (after k steps: a file written to its temporary name, a folder made, a
// name noted as pending, a file or folder removed, the manifest written),
// and checks that the folder then holds only whole files, that the output
// folder is still recognised as the tool's, and that the next full build,
// of the same site or of another, leaves exactly what a clean build
// leaves, byte for byte, manifest included.
func TestOutputKilledAndRepaired(t *testing.T) {
	first := siteFiles(
		"index.html", "home 1",
		"a/index.html", "a 1",
		"a/img.png", "png",
		"gone/deep/index.html", "gone",
		"gone/deep/x.css", "x",
		"same/index.html", "same",
		"file-then-folder", "file",
	)
	second := siteFiles(
		"index.html", "home 2, longer",
		"a/index.html", "a 2",
		"same/index.html", "same",
		"new/deeper/index.html", "new",
		"new/deeper/more.html", "more",
		"new2/index.html", "new2",
		"file-then-folder/index.html", "folder",
	)
	clean := func(t *testing.T, files map[string][]byte) map[string]string {
		out := filepath.Join(t.TempDir(), "clean")
		if err := Write(out, files); err != nil {
			t.Fatal(err)
		}
		return tree(t, out)
	}
	cleanSecond, cleanFirst := clean(t, second), clean(t, first)
	whole := map[string]map[string]bool{} // each name's possible contents
	for _, files := range []map[string][]byte{first, second} {
		for name, data := range files {
			if whole[name] == nil {
				whole[name] = map[string]bool{}
			}
			whole[name][string(data)] = true
		}
	}

	for _, start := range []string{"empty", "first"} {
		for k := int64(0); ; k++ {
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			if start == "first" {
				if err := Write(out, first); err != nil {
					t.Fatal(err)
				}
			}
			o, err := OpenOutput(out)
			if err != nil {
				t.Fatal(err)
			}
			steps := killAfter(o, k)
			err = o.PutAll(second)
			if err == nil {
				_, err = o.Close()
			} else {
				o.Abort()
			}
			if err != nil && !errors.Is(err, errKilled) {
				t.Fatalf("%s, killed after %d steps: %v", start, k, err)
			}
			finished := err == nil
			if finished && steps.Load() <= k {
				break // every step passed
			}
			name := fmt.Sprintf("%s/killed after %d steps", start, k)

			// Every file whole: old or new bytes, or a temporary file.
			for file, data := range tree(t, out) {
				switch {
				case file == MarkerFile || file == PendingFile:
				case strings.HasSuffix(file, tmpSuffix):
				case !whole[file][data]:
					t.Errorf("%s: %s holds %q, neither version", name, file, data)
				}
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				if err := CheckOutput(out); err != nil {
					t.Errorf("%s: the folder is no longer the tool's: %v", name, err)
				}
			}
			// A stray temporary file, as a kill in the middle of writing it leaves.
			if start == "first" {
				os.WriteFile(filepath.Join(out, "a", ".index.html"+tmpSuffix), []byte("half"), 0o644)
			}

			// Repair by building the same site, or going back to the first.
			next, want := second, cleanSecond
			if k%2 == 1 {
				next, want = first, cleanFirst
			}
			if err := Write(out, next); err != nil {
				t.Fatalf("%s: the next build: %v", name, err)
			}
			if got := tree(t, out); !maps.Equal(got, want) {
				t.Errorf("%s: the next build is not a clean build:\n got %q\nwant %q", name, got, want)
			}
			for _, d := range folders(t, out) {
				if entries, _ := os.ReadDir(filepath.Join(out, d)); len(entries) == 0 {
					t.Errorf("%s: empty folder %s left", name, d)
				}
			}
		}
	}
}

// killSite is version v of a site for TestOutputSIGKILL: most pages change
// between versions, and some are only in one.
func killSite(v int) map[string][]byte {
	files := map[string][]byte{}
	body := strings.Repeat("<p>text</p>\n", 400)
	for i := range 300 {
		if i%10 == v {
			continue
		}
		files[fmt.Sprintf("m%d/v%d-%d/index.html", i/40, i%3*v, i)] = fmt.Appendf(nil, "page %d version %d\n%s", i, v, body[:i*7])
	}
	return files
}

// TestOutputSIGKILL kills (SIGKILL) a process writing a site over another,
// at moments from the start of the write to its end, and checks that each
// time the files are whole and the next build leaves what a clean build
// leaves, byte for byte.
func TestOutputSIGKILL(t *testing.T) {
	if out := os.Getenv("P2PC_KILL_HELPER_OUT"); out != "" {
		fmt.Println("writing")
		if err := Write(out, killSite(2)); err != nil {
			fmt.Println(err)
		}
		fmt.Println("done")
		return
	}
	if testing.Short() {
		t.Skip("starts processes")
	}
	before, after := killSite(1), killSite(2)
	clean := filepath.Join(t.TempDir(), "clean")
	if err := Write(clean, after); err != nil {
		t.Fatal(err)
	}
	want := tree(t, clean)
	finished := 0
	for round, delay := range []time.Duration{0, time.Millisecond, 3 * time.Millisecond, 10 * time.Millisecond, 30 * time.Millisecond, 100 * time.Millisecond, 300 * time.Millisecond} {
		out := filepath.Join(t.TempDir(), "public")
		if err := Write(out, before); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestOutputSIGKILL$")
		cmd.Env = append(os.Environ(), "P2PC_KILL_HELPER_OUT="+out)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(stdout)
		if !lines.Scan() || lines.Text() != "writing" {
			t.Fatalf("the writing process says %q", lines.Text())
		}
		time.Sleep(delay)
		cmd.Process.Kill() // SIGKILL
		var said []string
		for lines.Scan() {
			said = append(said, lines.Text())
		}
		cmd.Wait()
		if slices.Contains(said, "done") {
			finished++
		}

		for name, data := range tree(t, out) {
			if name == MarkerFile || name == PendingFile || strings.HasSuffix(name, tmpSuffix) {
				continue
			}
			if data != string(before[name]) && data != string(after[name]) {
				t.Errorf("round %d: %s is not whole: %.40q", round, name, data)
			}
		}
		if err := CheckOutput(out); err != nil {
			t.Errorf("round %d: %v", round, err)
		}
		if err := Write(out, after); err != nil {
			t.Fatalf("round %d: the next build: %v", round, err)
		}
		if got := tree(t, out); !maps.Equal(got, want) {
			t.Errorf("round %d (killed after %v): the next build is not a clean build", round, delay)
		}
		for _, d := range folders(t, out) {
			if entries, _ := os.ReadDir(filepath.Join(out, d)); len(entries) == 0 {
				t.Errorf("round %d: empty folder %s left", round, d)
			}
		}
	}
	t.Logf("%d of 7 writes finished before the kill", finished)
}

// TestOutputFailedBuildChangesNothing opens an output folder that a killed
// build left (temporary files, PendingFile) and gives up before any Put,
// as a build with content errors does: the folder must stay byte for byte
// and time for time as it was.
func TestOutputFailedBuildChangesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	writeOutput(t, out, siteFiles("index.html", "old", "a/index.html", "old"))
	o, err := OpenOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	killAfter(o, 2)
	if err := o.PutAll(siteFiles("index.html", "new", "a/index.html", "new", "b/index.html", "new")); !errors.Is(err, errKilled) {
		t.Fatalf("not killed: %v", err)
	}
	o.Abort()
	before, times := tree(t, out), mtimes(t, out)
	if _, ok := before[PendingFile]; !ok {
		t.Fatalf("the killed build left no %s: %q", PendingFile, slices.Sorted(maps.Keys(before)))
	}
	o, err = OpenOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	o.Abort()
	if !maps.Equal(tree(t, out), before) || !maps.Equal(mtimes(t, out), times) {
		t.Error("opening the output folder and giving up changed it")
	}
}
