package generator

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOutputPatchedManifest rebuilds a folder many times in one process,
// as a server does: each build keeps most files, puts some with new bytes
// (of other lengths, so that lines move) and now and then adds or removes
// one. After each, the manifest must be byte for byte the one made whole
// from the files, whether it was patched from the last one (in memory,
// as a server keeps it) or made whole; most must have been patched.
func TestOutputPatchedManifest(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 10))
	out := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{}
	for i := range 40 {
		files[fmt.Sprintf("m%d/p%02d/index.html", i%4, i)] = []byte(strings.Repeat("x", i))
	}
	writeOutput(t, out, files)
	patched := manifestsPatched.Load()
	for step := range 60 {
		names := slices.Sorted(func(yield func(string) bool) {
			for n := range files {
				if !yield(n) {
					return
				}
			}
		})
		put := map[string]bool{}
		for range rng.IntN(4) {
			name := names[rng.IntN(len(names))]
			files[name] = []byte(strings.Repeat("y", rng.IntN(20000)))
			put[name] = true
		}
		switch rng.IntN(8) {
		case 0:
			name := fmt.Sprintf("new/%d.html", step)
			files[name], put[name] = []byte("new"), true
		case 1:
			if name := names[rng.IntN(len(names))]; !put[name] {
				delete(files, name)
			}
		}
		o, err := OpenOutput(out)
		if err != nil {
			t.Fatal(err)
		}
		var kept []string
		for name := range files {
			if put[name] {
				if err := o.Put(name, files[name]); err != nil {
					t.Fatal(err)
				}
			} else {
				kept = append(kept, name)
			}
		}
		if err := o.Keep(kept...); err != nil {
			t.Fatal(err)
		}
		if _, err := o.Close(); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(out, MarkerFile))
		if err != nil {
			t.Fatal(err)
		}
		entries := map[string]entry{} // as a clean build has them
		for name, data := range files {
			entries[name] = entry{size: int64(len(data)), hash: sum(data), known: true}
		}
		want, _ := renderManifest(slices.Sorted(maps.Keys(entries)), entries)
		if string(got) != string(want) {
			t.Fatalf("step %d: the manifest is\n%s\nwant (as a clean build writes it)\n%s", step, got, want)
		}
		wantTree(t, out, files)
	}
	if n := manifestsPatched.Load() - patched; n < 30 {
		t.Errorf("%d of 60 manifests were patched; want most (every build without a file added or removed)", n)
	}
}

// TestOutputEmptyManifest: a manifest left empty or cut short (as a power
// cut soon after a build may leave it) makes the next build refuse the
// folder and change nothing in it: nothing says which files are the
// tool's, and a file put there by hand must not go.
func TestOutputEmptyManifest(t *testing.T) {
	for _, manifest := range []string{"", "p2pc-si"} {
		out := filepath.Join(t.TempDir(), "public")
		writeOutput(t, out, siteFiles("index.html", "home", "a/index.html", "a"))
		if err := os.WriteFile(filepath.Join(out, "mine.txt"), []byte("put there by hand"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, MarkerFile), []byte(manifest), 0o644); err != nil {
			t.Fatal(err)
		}
		before := tree(t, out)
		if _, err := OpenOutput(out); err == nil || !strings.Contains(err.Error(), "remove the output folder and build again") {
			t.Errorf("manifest %q: OpenOutput gave %v, want a refusal that says what to do", manifest, err)
		}
		if after := tree(t, out); !maps.Equal(after, before) {
			t.Errorf("manifest %q: the folder changed", manifest)
		}
	}
}
