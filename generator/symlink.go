package generator

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// maxLinkHops bounds a chain of symbolic links, so a loop is an error.
const maxLinkHops = 40

// checkLink follows the symbolic link at name (a slash path in fsys) to
// the file it leads to, and says why it may not be read, or "": a link is
// followed only when it and every link after it stay inside the folder,
// and lead to a file; a folder reached through a link is not read (it
// could hold the folder itself).
func checkLink(fsys fs.FS, name string) string {
	at := name
	for hop := 0; hop < maxLinkHops; hop++ {
		target, err := fs.ReadLink(fsys, at)
		if err != nil {
			return "is a symbolic link that cannot be read: " + err.Error()
		}
		if path.IsAbs(target) || strings.HasPrefix(target, `\`) {
			return "is a symbolic link to " + target + ", outside the folder; only links to files inside it are followed"
		}
		next := path.Join(path.Dir(at), target)
		if !fs.ValidPath(next) {
			return "is a symbolic link to " + target + ", outside the folder; only links to files inside it are followed"
		}
		info, err := fs.Lstat(fsys, next)
		switch {
		case err != nil:
			return "is a symbolic link to " + target + ", which does not exist"
		case info.Mode()&fs.ModeSymlink != 0:
			at = next
			continue
		case info.IsDir():
			return "is a symbolic link to the folder " + target + "; links to folders are not followed (move or copy the folder)"
		}
		return ""
	}
	return "is a symbolic link in a loop (more than 40 links one after another)"
}

// readInside reads the file name (a slash path in fsys) for an include,
// only when the file is inside the folder: no folder on the way is a
// symbolic link, and the file itself is one only when checkLink follows
// it. A name that leaves the folder is fs.ErrNotExist.
func readInside(fsys fs.FS, name string) ([]byte, error) {
	if !fs.ValidPath(name) || name == "." {
		return nil, fs.ErrNotExist // outside the content folder: never read
	}
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '/' {
			continue
		}
		info, err := fs.Lstat(fsys, name[:i])
		switch {
		case err != nil:
			return nil, err
		case info.Mode()&fs.ModeSymlink == 0:
			continue
		case i < len(name):
			return nil, fmt.Errorf("%s is a symbolic link to a folder; links to folders are not followed (move or copy the folder)", name[:i])
		}
		if why := checkLink(fsys, name); why != "" {
			return nil, fmt.Errorf("%s %s", name, why)
		}
	}
	return fs.ReadFile(fsys, name)
}
