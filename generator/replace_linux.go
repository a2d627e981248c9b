//go:build linux

package generator

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// replaceFile puts the file at tmp in place of dst, which has at every
// moment its old bytes or its new ones. Over a regular file, the two are
// exchanged (renameat2's RENAME_EXCHANGE) and tmp, which then holds the
// old bytes, removed: ext4 writes back a file renamed over another at
// once (its auto_da_alloc), which made replacing a 30 KB page take
// 0.48 ms against 0.03 ms (1.4 MB: 1.37 against 0.46 ms). Files are not
// synced either way (see Output). Anything else, or a file system that
// cannot exchange, gets a plain rename.
func replaceFile(tmp, dst string) error {
	if st, err := os.Lstat(dst); err == nil && st.Mode().IsRegular() {
		if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dst, unix.RENAME_EXCHANGE); err == nil {
			if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			return nil
		}
	}
	return os.Rename(tmp, dst)
}
