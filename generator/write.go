package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// MarkerFile sits at the root of every output folder this tool writes: it
// is the manifest of the files the tool wrote there (see Output). A folder
// without it that is not empty is refused by CheckOutput.
const MarkerFile = ".p2pc-site"

// CheckOutput refuses an output folder that is not empty and has no
// MarkerFile, one that contains one of the input folders (content,
// layouts), and one inside one of them.
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
		if strings.HasPrefix(abs, inAbs+string(filepath.Separator)) {
			return fmt.Errorf("output folder %s is inside the input folder %s: choose another --out", out, in)
		}
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder %s: %w", out, err)
	}
	if !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return !strings.HasPrefix(e.Name(), MarkerFile) }) {
		return nil // empty, or only what a first build stopped at its first step left
	}
	if _, err := os.Stat(filepath.Join(out, MarkerFile)); err != nil {
		return fmt.Errorf("output folder %s is not empty and was not written by this tool (no %s): refusing to replace it; choose an empty or new folder", out, MarkerFile)
	}
	return nil
}

// Write puts files into the folder out through an Output: it writes only
// the files whose bytes changed and removes the files of the previous build
// that are gone (see Output). A file whose path is not a clean relative
// path inside out is refused before anything is written; a file of the
// site that could not be written because a file p2pc did not write holds
// its name (left as it is) is an error too.
func Write(out string, files map[string][]byte) error {
	o, err := OpenOutput(out)
	if err != nil {
		return err
	}
	if err := o.PutAll(files); err != nil {
		o.Abort()
		return err
	}
	c, err := o.Close()
	if err == nil && len(c.Skipped) > 0 {
		err = fmt.Errorf("output folder %s: not written, as a file p2pc did not write holds the name (%d in all): %s",
			out, len(c.Skipped), strings.Join(c.Skipped[:min(3, len(c.Skipped))], ", "))
	}
	return err
}
