package generator

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputKeepByPlace keeps names by their places in the last build's
// call (keptCall): with copies of the same strings, in another order, with
// a name already Put, and after the names of the folder changed.
func TestOutputKeepByPlace(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{"a.html": []byte("a"), "b/index.html": []byte("b"), "c.txt": []byte("c"), "d.html": []byte("d"), "e.css": []byte("e")}
	run := func(do func(o *Output) error) (*Changes, error) {
		t.Helper()
		o, err := OpenOutput(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := do(o); err != nil {
			o.Abort()
			return nil, err
		}
		return o.Close()
	}
	fresh := func(names ...string) []string { // the same names, other strings
		var copies []string
		for _, n := range names {
			copies = append(copies, strings.Clone(n))
		}
		return copies
	}
	edit := func(first []string, d string) func(o *Output) error {
		return func(o *Output) error {
			if err := o.Keep(first...); err != nil {
				return err
			}
			if err := o.Put("d.html", []byte(d)); err != nil {
				return err
			}
			return o.Keep(fresh("e.css")...)
		}
	}
	if _, err := run(func(o *Output) error { return o.PutAll(files) }); err != nil {
		t.Fatal(err)
	}
	abc := fresh("a.html", "b/index.html", "c.txt")
	if _, err := run(edit(abc, "d2")); err != nil {
		t.Fatal(err)
	}
	before := keptPlaced.Load()
	c, err := run(edit(fresh(abc...), "d3"))
	if err != nil {
		t.Fatal(err)
	}
	if n := keptPlaced.Load() - before; n != 4 {
		t.Errorf("%d names kept by their place, want 4 (a, b, c and e)", n)
	}
	if len(c.Written) != 1 || len(c.Removed) != 0 {
		t.Errorf("written %q, removed %q; want d.html written alone", c.Written, c.Removed)
	}
	files["d.html"] = []byte("d3")
	wantTree(t, out, files)

	// b was Put before the call that keeps it by its place
	_, err = run(func(o *Output) error {
		if err := o.Put("b/index.html", []byte("b2")); err != nil {
			return err
		}
		return edit(fresh(abc...), "d4")(o)
	})
	if err == nil || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("a name Put, then kept by its place: %v, want written twice", err)
	}
	// the build that failed left b's new bytes and its pending file; the
	// next repairs the folder, its places not taken from the last build
	before = keptPlaced.Load()
	if _, err := run(edit(fresh(abc...), "d4")); err != nil {
		t.Fatal(err)
	}
	if n := keptPlaced.Load() - before; n != 0 {
		t.Errorf("%d names kept by their place after a build that failed", n)
	}
	files["b/index.html"], files["d.html"] = []byte("b2"), []byte("d4")
	wantTree(t, out, files)

	// another order: a name behind the last call's is looked up
	before = keptPlaced.Load()
	if _, err := run(edit(fresh("a.html", "c.txt", "b/index.html"), "d5")); err != nil {
		t.Fatal(err)
	}
	if n := keptPlaced.Load() - before; n != 3 {
		t.Errorf("%d names kept by their place, want 3 (a, c one name ahead, and e; not b, behind)", n)
	}
	files["d.html"] = []byte("d5")
	wantTree(t, out, files)

	// a name gone: the places change, and nothing is kept by them
	delete(files, "c.txt")
	if _, err := run(edit(fresh("a.html", "b/index.html"), "d6")); err != nil {
		t.Fatal(err)
	}
	files["d.html"] = []byte("d6")
	wantTree(t, out, files)
	before = keptPlaced.Load()
	if _, err := run(edit(fresh("a.html", "b/index.html"), "d7")); err != nil {
		t.Fatal(err)
	}
	if n := keptPlaced.Load() - before; n != 0 {
		t.Errorf("%d names kept by the places of a manifest with other names", n)
	}
	files["d.html"] = []byte("d7")
	wantTree(t, out, files)
}

// TestOutputKeepReusedSlice: a caller may reuse the slice it gave Keep;
// the next build's places are the names', not what the slice holds then.
func TestOutputKeepReusedSlice(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{"a.html": []byte("a"), "b.html": []byte("b"), "c.html": []byte("c"), "d.html": []byte("d")}
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
	buf := make([]string, 0, 4)
	for i, keep := range [][]string{{"a.html", "b.html", "c.html"}, {"a.html", "d.html", "c.html"}} {
		if o, err = OpenOutput(out); err != nil {
			t.Fatal(err)
		}
		buf = append(buf[:0], keep...)
		if err := o.Keep(buf...); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if err := o.Put("d.html", []byte("d2")); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := o.Close(); err != nil {
			t.Fatal(err)
		}
	}
	wantTree(t, out, map[string][]byte{"a.html": []byte("a"), "c.html": []byte("c"), "d.html": []byte("d2")})
}
