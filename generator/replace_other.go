//go:build !linux

package generator

import "os"

// replaceFile puts the file at tmp in place of dst, which has at every
// moment its old bytes or its new ones.
func replaceFile(tmp, dst string) error { return os.Rename(tmp, dst) }

// createFile makes nothing here: the caller writes a temporary file and
// renames it.
func createFile(dst string, data []byte, stopped func() error) (done bool, err error) {
	return false, nil
}
