package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// MarkerFile sits at the root of every output folder this tool writes. A
// folder without it that is not empty is never replaced.
const MarkerFile = ".p2pc-site"

// CheckOutput refuses an output folder that holds anything this tool did not
// write, and one that contains the content or layouts folders.
func CheckOutput(out string, inputs ...string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", out, err)
	}
	for _, in := range inputs {
		if in == "" {
			continue
		}
		inAbs, err := filepath.Abs(in)
		if err != nil {
			continue
		}
		if inAbs == abs || strings.HasPrefix(inAbs+string(filepath.Separator), abs+string(filepath.Separator)) {
			return fmt.Errorf("output folder %s contains the input folder %s: choose another --out", out, in)
		}
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder %s: %w", out, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, MarkerFile)); err != nil {
		return fmt.Errorf("output folder %s is not empty and was not written by this tool (no %s): refusing to replace it; choose an empty or new folder", out, MarkerFile)
	}
	return nil
}

// Write puts files into the folder out: it writes them all into a new
// folder beside out and swaps it into place only when every file is
// written, so out is never left half-written. A file whose path is not a
// clean relative path inside out is refused before anything is written.
func Write(out string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
			return fmt.Errorf("refusing to write %q: not a clean path inside the output folder", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	abs, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", out, err)
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("output folder %s: %w", out, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".new-")
	if err != nil {
		return fmt.Errorf("output folder %s: %w", out, err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	err = parallel(len(names), func(i int) error {
		dst := filepath.Join(tmp, filepath.FromSlash(names[i]))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", names[i], err)
		}
		if err := os.WriteFile(dst, files[names[i]], 0o644); err != nil {
			return fmt.Errorf("write %s: %w", names[i], err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, MarkerFile), []byte("Written by the p2pc site generator; the next build replaces this whole folder.\n"), 0o644); err != nil {
		return fmt.Errorf("write marker: %w", err)
	}
	old := ""
	if _, err := os.Stat(abs); err == nil {
		old = tmp + ".old"
		if err := os.Rename(abs, old); err != nil {
			return fmt.Errorf("move old output %s aside: %w", out, err)
		}
	}
	if err := os.Rename(tmp, abs); err != nil {
		if old != "" {
			os.Rename(old, abs)
		}
		return fmt.Errorf("put new output in place at %s: %w", out, err)
	}
	done = true
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove old output: %w", err)
		}
	}
	return nil
}
