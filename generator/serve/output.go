package serve

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// update brings the output folder out, which holds a build, to files by
// writing or removing only the files named in changed. Each file is written
// to a temporary file beside it and renamed into place, so a page being
// served is never seen half-written; folders left empty are removed. The
// folder then holds what generator.Write would have written (the marker
// file stays).
func update(out string, files map[string][]byte, changed []string) error {
	for _, name := range changed {
		if !validName(name) {
			return fmt.Errorf("refusing to write %q: not a clean path inside the output folder", name)
		}
	}
	for _, name := range changed {
		dst := filepath.Join(out, filepath.FromSlash(name))
		data, ok := files[name]
		if !ok {
			if err := os.Remove(dst); err != nil && !os.IsNotExist(err) {
				return err
			}
			removeEmptyDirs(out, filepath.Dir(dst))
			continue
		}
		if err := writeFile(dst, data); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}

// writeFile writes data to a temporary file beside dst and renames it over dst.
func writeFile(dst string, data []byte) error {
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(dst)+".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), dst)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// removeEmptyDirs removes dir and the folders above it, up to out, while they are empty.
func removeEmptyDirs(out, dir string) {
	for dir != out && strings.HasPrefix(dir, out+string(filepath.Separator)) {
		if os.Remove(dir) != nil { // not empty
			return
		}
		dir = filepath.Dir(dir)
	}
}

// validName accepts a clean slash-separated path inside the output folder.
func validName(name string) bool {
	return fs.ValidPath(name) && name != "." && !strings.Contains(name, `\`)
}
