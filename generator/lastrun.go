package generator

import (
	"slices"
	"sync"

	"p2pc/generator/search"
)

// lastRun is what the next run of a Pipeline reuses: every file the run
// gave, with the fingerprint of the inputs that made it where it has one.
//
// The pages and the search index's files, thousands each, are kept as
// lists (pages in the order they were rendered), not put one by one into
// the maps: a server's next run goes through its pages in the same order
// and compares each with the one at its place. (Filling two maps with
// 20,000 names was a tenth of a one-lesson edit at 10,000 lessons.)
type lastRun struct {
	prints  map[string]uint64 // output path -> fingerprint, for the files not in pages
	outputs map[string]bool   // the files the run gave that are not in pages or indexNames

	pages      []string // the pages' output paths, in the order rendered
	pageKeys   []uint64 // their fingerprints
	indexNames []string // the search index's files

	byPage     map[string]int // pages' index by output path, made when first asked
	byPageOnce sync.Once

	feat     *featureRun   // the features' results and the trees they read
	index    *search.Index // with keep
	docs     uint64        // digest of the search documents
	assembly *assembly     // pages' bodies, with keep, when features assemble pages
}

// newLastRun returns an empty run, its maps sized for about n files.
func newLastRun(n int) *lastRun {
	return &lastRun{prints: make(map[string]uint64, n), outputs: make(map[string]bool, n)}
}

// print returns the fingerprint of the file name, and whether it has one.
func (r *lastRun) print(name string) (uint64, bool) {
	if k, ok := r.prints[name]; ok {
		return k, true
	}
	if i, ok := r.pageIndex(name); ok {
		return r.pageKeys[i], true
	}
	return 0, false
}

// pageIndex finds the page whose output path is name.
func (r *lastRun) pageIndex(name string) (int, bool) {
	r.byPageOnce.Do(func() {
		r.byPage = make(map[string]int, len(r.pages))
		for i, n := range r.pages {
			r.byPage[n] = i
		}
	})
	i, ok := r.byPage[name]
	return i, ok
}

// has reports whether the run gave the file name.
func (r *lastRun) has(name string) bool {
	if r.outputs[name] {
		return true
	}
	if _, ok := r.pageIndex(name); ok {
		return true
	}
	_, ok := slices.BinarySearch(r.indexNames, name)
	return ok
}

// files counts the files the run gave.
func (r *lastRun) files() int { return len(r.outputs) + len(r.pages) + len(r.indexNames) }

// names lists the files the run gave, sorted.
func (r *lastRun) names() []string {
	all := make([]string, 0, r.files())
	for name := range r.outputs {
		all = append(all, name)
	}
	all = append(append(all, r.pages...), r.indexNames...)
	slices.Sort(all)
	return all
}

// lastPrint is the last run's fingerprint of the file name, if there was a
// last run and the file had one.
func (p *Pipeline) lastPrint(name string) (uint64, bool) {
	if p.last == nil {
		return 0, false
	}
	return p.last.print(name)
}
