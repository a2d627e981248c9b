package generator

import (
	"path"
	"strings"

	"p2pc/generator/lessonset"
)

// A folderPlan is what a folder's listing alone says of it as a module:
// its index file and, entry by entry, what each is (a lesson, a
// subfolder's module, a file copied as it is...) with its content path and
// URL. It is a function of the listing, the folder's URL, whether it is
// the home and the lesson set, and is kept with the listing (a Pipeline's
// dirCache) while those are the same: Forget drops the listing of a folder
// when anything in it or below it changes. What the files say (a slug, a
// weight, a draft) is read every run (loadModule).
type folderPlan struct {
	url  string
	home bool
	set  *lessonset.Set
	// index is the index file's name ("" for none); extraIndex the other
	// index files, each reported every run
	index      string
	extraIndex []string
	indexFile  *sourceFile // the index file as last read (see loader.source)
	steps      []planStep
	lessons    int // steps of kind stepLesson
	// slabs are a server's two blocks of lesson pages, and slabRun the
	// run each was last handed to (see loader.slab)
	slabs   [2][]Page
	slabRun [2]uint64
}

// stepKind is what a folder's entry is.
type stepKind uint8

const (
	stepLesson stepKind = iota // a Markdown file
	stepModule                 // a subfolder with Markdown below it
	stepBundle                 // a Hugo page bundle
	stepFiles                  // a subfolder without Markdown: files copied as they are
	stepFile                   // a file copied as it is
)

// planStep is one entry of a folder, in the listing's order.
type planStep struct {
	kind       stepKind
	name, full string      // the entry's name and content path
	stem       string      // a lesson's or module's name without order prefix (and .md)
	seg        string      // its URL segment; "" when it makes none (reported every run)
	url        string      // a lesson's or module's URL with seg, or a file's output path
	file       *sourceFile // a lesson's file as last read (see loader.source)
}

// plan returns the plan of the folder dir, listed as d, as a module at url:
// d's kept plan, or a new one kept with d.
func (l *loader) plan(dir string, d *listing, url string, home bool) *folderPlan {
	if p := d.plan; p != nil && p.url == url && p.home == home && p.set == l.set {
		return p
	}
	p := &folderPlan{url: url, home: home, set: l.set}
	for _, name := range indexNames {
		for _, e := range d.entries {
			if e.Name() == name && !e.IsDir() {
				if p.index != "" {
					p.extraIndex = append(p.extraIndex, name)
					continue
				}
				p.index = name
			}
		}
	}
	for _, e := range d.entries {
		if st, ok := l.planStep(dir, e.Name(), e.IsDir(), p); ok {
			p.steps = append(p.steps, st)
		}
	}
	d.plan = p
	return p
}

// planStep plans the entry name of folder dir, a subfolder when isDir; ok
// is false for an entry the module leaves out.
func (l *loader) planStep(dir, name string, isDir bool, p *folderPlan) (st planStep, ok bool) {
	full := path.Join(dir, name)
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || name == p.index || (p.home && name == configFile) || l.ignored(full) {
		return st, false
	}
	st = planStep{name: name, full: full}
	switch {
	case isDir && l.leafBundle(full):
		st.kind = stepBundle
	case isDir && !l.hasMarkdown(full):
		st.kind, st.url = stepFiles, path.Join(p.url, name)
	case isDir:
		st.kind, st.stem = stepModule, l.stem(name)
		st.seg = l.slug(st.stem)
	case !strings.HasSuffix(name, ".md"):
		st.kind, st.url = stepFile, path.Join(p.url, name)
	case indexName(name):
		return st, false // a lower-priority index file, reported with the plan
	default:
		st.kind, st.stem = stepLesson, l.stem(strings.TrimSuffix(name, ".md"))
		p.lessons++
		st.seg = l.slug(st.stem)
	}
	if st.seg != "" {
		st.url = p.url + st.seg + "/"
	}
	return st, true
}
