package generator

import (
	"io/fs"
	"path"
	"slices"
	"strings"
)

// dirCache holds the content folder's listings, so that a run after a
// change reads again only the folders the change touched (Forget drops
// them and the folders above).
type dirCache map[string]*listing

// listing is one folder as read: its entries, or the error reading it,
// whether a Markdown file lies anywhere below it, and what the folder is
// as a module (see folderPlan).
type listing struct {
	entries []fs.DirEntry
	err     error
	md      int8 // 0 not known yet, 1 yes, -1 no
	// refused are the symbolic links left out: path and why
	refused [][2]string
	plan    *folderPlan // what the folder is as a module, once loaded as one
}

// readDir lists dir, from the cache when the loader has one, and reports
// the symbolic links in it that are not followed.
func (l *loader) readDir(dir string) ([]fs.DirEntry, error) {
	d := l.openDir(dir)
	return d.entries, d.err
}

// openDir is readDir's listing of dir, with the plan kept with it.
func (l *loader) openDir(dir string) *listing {
	d := l.listing(dir)
	if len(d.refused) > 0 && !l.reported[dir] {
		if l.reported == nil {
			l.reported = map[string]bool{}
		}
		l.reported[dir] = true
		for _, r := range d.refused {
			l.errs.add(r[0], 1, 1, "%s", r[1])
		}
	}
	return d
}

func (l *loader) listing(dir string) *listing {
	if d := l.dirs[dir]; d != nil {
		return d
	}
	entries, err := fs.ReadDir(l.fsys, dir)
	d := &listing{entries: entries, err: err}
	for i, e := range entries {
		if e.Type()&fs.ModeSymlink == 0 {
			continue
		}
		full := path.Join(dir, e.Name())
		if why := checkLink(l.fsys, full); why != "" {
			d.refused = append(d.refused, [2]string{full, why})
			entries[i] = nil
		}
	}
	if d.refused != nil {
		d.entries = slices.DeleteFunc(entries, func(e fs.DirEntry) bool { return e == nil })
	}
	if l.dirs != nil {
		l.dirs[dir] = d
	}
	return d
}

// hasMarkdown reports whether a Markdown file lies anywhere below dir.
func (l *loader) hasMarkdown(dir string) bool {
	d := l.listing(dir)
	if d.md == 0 {
		d.md = -1
		for _, e := range d.entries {
			if e.IsDir() && l.hasMarkdown(path.Join(dir, e.Name())) || !e.IsDir() && strings.HasSuffix(e.Name(), ".md") {
				d.md = 1
				break
			}
		}
	}
	return d.md == 1
}

// addAssets records every file below dir (hidden ones left out) as a file
// copied as it is to url.
func (l *loader) addAssets(dir, url string) {
	entries, err := l.readDir(dir)
	if err != nil {
		l.errs.add(dir, 0, 0, "cannot read: %v", err)
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := path.Join(dir, e.Name())
		if e.IsDir() {
			l.addAssets(p, path.Join(url, e.Name()))
		} else {
			l.assets[path.Join(url, e.Name())] = p
		}
	}
}

// forget drops the listings of c, of every folder below it and of every
// folder above it.
func (d dirCache) forget(c string) {
	for name := range d {
		if within(name, c) {
			delete(d, name)
		}
	}
	d.forgetAbove(c)
}

// forgetAbove drops the listings of every folder above c.
func (d dirCache) forgetAbove(c string) {
	for p := c; p != "." && p != "/" && p != ""; {
		p = path.Dir(p)
		delete(d, p)
	}
}
