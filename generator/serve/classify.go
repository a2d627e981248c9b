package serve

import (
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// ignoredName reports whether a file name is one an editor or the system
// writes beside the real files: swap, lock, backup and temporary files.
// Their events never start a rebuild; the build skips most of them too
// (names starting with "." or ending with "~").
func ignoredName(name string) bool {
	switch {
	case name == "" || name == "4913": // vim checks that it may write in the folder
		return true
	case strings.HasPrefix(name, "."): // .lesson.md.swp, .#lesson.md, .DS_Store, hidden temp files
		return true
	case strings.HasSuffix(name, "~"): // vim, emacs and nano backups
		return true
	case strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"): // emacs auto-save
		return true
	case strings.Contains(name, "___jb_"): // JetBrains safe write: ___jb_tmp___, ___jb_old___
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".swp", ".swo", ".swx", ".tmp", ".bck", ".bak", ".orig", ".crdownload", ".part":
		return true // .bck: helix renames the old file to NAME<random>.bck while saving
	}
	return false
}

// classify tells whether a file-system event may change the site, and
// returns the path it concerns. Events on editors' temporary files and
// changes of permissions or times alone (Chmod) are dropped; every other
// event on any other file counts, whatever the editor did to it (write,
// create, rename over, remove): the rebuild reads the file as it is then.
func classify(ev fsnotify.Event) (string, bool) {
	if ev.Op&^fsnotify.Chmod == 0 {
		return "", false
	}
	if ignoredName(filepath.Base(ev.Name)) {
		return "", false
	}
	return ev.Name, true
}
