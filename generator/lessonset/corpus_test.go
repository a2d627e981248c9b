package lessonset

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

const corpora = "/work/shared/corpora"

// corpus opens a sample lesson set, or skips the test when it is missing.
func corpus(t *testing.T, name string) fs.FS {
	t.Helper()
	dir := filepath.Join(corpora, filepath.FromSlash(name))
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus %s: %v", name, err)
	}
	return os.DirFS(dir)
}
