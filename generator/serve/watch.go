package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/fsnotify/fsnotify"
)

// watcher watches folders and every folder below them, including folders
// created or moved in later, and sends the path of each event that may
// change the site (see classify).
//
// fsnotify watches one folder at a time, and a folder renamed inside the
// tree keeps its old watches under the old names; so the watcher drops the
// watches of a folder that is removed or renamed and watches the folder
// that appears under the new name afresh.
type watcher struct {
	fsw     *fsnotify.Watcher
	changes chan string
	errs    chan error

	mu   sync.Mutex
	dirs map[string]bool // watched folders
	// skip is a folder never watched (absolute): the output folder, when
	// it is inside a watched one (a Hugo site's public/)
	skip string
}

// watch starts watching roots (folders) recursively, but not the folder
// skip and what is in it. Changes arrive on w.changes and problems on
// w.errs until close.
func watch(roots []string, skip string) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch for changes: %w", err)
	}
	w := &watcher{fsw: fsw, changes: make(chan string, 64), errs: make(chan error, 8), dirs: map[string]bool{}}
	if abs, err := filepath.Abs(skip); err == nil && skip != "" {
		w.skip = abs
	}
	for _, root := range roots {
		if err := w.addTree(filepath.Clean(root)); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	go w.run()
	return w, nil
}

// close stops watching; w.changes is closed once the last event is sent.
func (w *watcher) close() error { return w.fsw.Close() }

func (w *watcher) run() {
	defer close(w.changes)
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.handle(ev)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.report(err)
		}
	}
}

func (w *watcher) handle(ev fsnotify.Event) {
	name := filepath.Clean(ev.Name)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(name)
	}
	path, ok := classify(ev)
	if !ok {
		return
	}
	if ev.Has(fsnotify.Create) {
		if st, err := os.Lstat(name); err == nil && st.IsDir() {
			// Files may have been put in before the watch: the rebuild
			// reads the whole new folder because its path is sent.
			if err := w.addTree(name); err != nil {
				w.report(err)
			}
		}
	}
	w.changes <- path
}

// report passes a problem on without ever blocking the events.
func (w *watcher) report(err error) {
	select {
	case w.errs <- err:
	default: // nobody is listening: the next event still works
	}
}

// addTree watches dir and every folder below it, skipping hidden folders
// (.git, an editor's) that the build skips too.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p != dir {
				return nil // removed while we walked
			}
			return fmt.Errorf("watch %s: %w", p, err)
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && ignoredName(d.Name()) || w.skipped(p) {
			return fs.SkipDir
		}
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.dirs[p] {
			return nil
		}
		if err := w.fsw.Add(p); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return fmt.Errorf("watch %s: %w", p, err)
		}
		w.dirs[p] = true
		return nil
	})
}

// forget drops the watches of a folder that was removed or renamed, and
// of the folders below it.
func (w *watcher) forget(dir string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			_ = w.fsw.Remove(d) // already gone when the folder was deleted
			delete(w.dirs, d)
		}
	}
}

// skipped reports whether p is the folder the watcher skips.
func (w *watcher) skipped(p string) bool {
	abs, err := filepath.Abs(p)
	return err == nil && w.skip != "" && abs == w.skip
}
