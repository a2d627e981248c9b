//go:build !linux

package generator

import "os"

// replaceFile puts the file at tmp in place of dst, which has at every
// moment its old bytes or its new ones.
func replaceFile(tmp, dst string) error { return os.Rename(tmp, dst) }
