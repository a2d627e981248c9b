package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTrash(t *testing.T) {
	work := t.TempDir()
	out := filepath.Join(work, "out")
	if err := os.MkdirAll(filepath.Join(out, "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "a", "index.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(work, "trash", "1"), 0o755); err != nil { // a killed run's
		t.Fatal(err)
	}
	tr := &trash{in: work}
	if err := tr.discard(out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("after discard, %s: %v (want it gone)", out, err)
	}
	if _, err := os.Stat(filepath.Join(tr.dir, "1", "a", "index.html")); err != nil {
		t.Errorf("discarded file not in the trash: %v", err)
	}
	if err := tr.discard(out); err != nil { // gone already: nothing to do
		t.Errorf("discard of a missing folder: %v", err)
	}
	if err := tr.empty(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tr.dir); !os.IsNotExist(err) {
		t.Errorf("after empty, %s: %v (want it gone)", tr.dir, err)
	}
}
