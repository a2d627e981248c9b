package generator

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"p2pc/generator/lessonset"
	"p2pc/generator/search"
)

// A Sink receives a build's output files as they are made, by
// slash-separated path from the site root. Keep says that the files the
// last run gave those names are still right, as they are (a run that
// changed one page keeps thousands of files, and says so in one call). An
// Output is a Sink, and so is the map Build fills.
type Sink interface {
	Put(name string, data []byte) error
	Keep(names ...string) error
}

// A Pipeline builds a site from its content and layouts, again after every
// change, with the same steps each time: read the sources, parse them,
// check links and run the features, then render each page and stream it to
// a Sink, and make the search index. Each step is a function of its inputs,
// and a Pipeline keeps the results of its last successful run: a source
// whose bytes did not change is not parsed again, and a page whose inputs
// did not change is not rendered again (the Sink keeps it). What a run
// gives is byte for byte what a first run gives for the same files.
//
// Checking (reading, parsing, links, features) finds every content error
// before the first file reaches the Sink. To keep memory flat, a lesson's
// tree is dropped after checking: in one build its body is rendered from
// it first and waits in a spool file (see earlyBodies); a server, which
// keeps what parsing found instead, parses a page again to render it.
// Only the lessons a feature reads keep their trees, and of a lesson read
// only for its trainer notes, a build keeps its headings and notes alone.
type Pipeline struct {
	content, layouts fs.FS
	// pages is the content as the last run read its pages (see langFS)
	pages fs.FS
	opts  Options
	// keep makes the pipeline keep what the next run can reuse (a server's):
	// the sources, every page's search text, the search index in memory.
	// Without it (one build) a page's source and tree are dropped once it
	// is rendered, and its search text is taken from the tree then.
	keep bool
	// keepParses keeps what parsing each page found between runs: with
	// keep, and in a build with a BuildCache, whose parse cache saves them
	keepParses bool

	sources map[string]*sourceFile // by content path: bytes and front matter
	// includers names the kept sources that include other files (and
	// some that no longer do), so that Forget need not look at every one
	includers map[string]bool
	parses    map[string]keptParse   // by content path: its last parse and what it was made of
	assets    map[string]uint64      // content path -> hash of the bytes last copied
	dirs      dirCache               // content folders as listed, with their plans (folderPlan)
	slugs     map[string]string      // file and folder names as URL segments
	links     map[string]*linkResult // by content path: the last check of its links
	scans     map[scanID][]string    // the features' Marks' Scan results, with keep
	// set is the lesson set the content was recognised as (nil: p2pc's
	// own format), when setKnown
	set      *lessonset.Set
	setKnown bool
	// languages is the languageView the kept folders and sources were
	// read under
	languages string
	last      *lastRun // the last run whose output the Sink holds; nil before
	resumed   bool     // last came from a BuildCache
	spool     string   // the folder a build spools rendered bodies into (see earlyBodies), or ""
	// docs is the last run's search documents, with keep: the next run
	// makes its own in the same slice
	docs []search.Document
	// layoutSet is the layouts as last parsed, with keep
	layoutSet *layoutSet
	stats     Stats
	// runs counts the runs, and succeeded those whose site the caller
	// kept (Run returned it and no Reset followed), for the loader's
	// blocks of pages (see loader.slab); lastOK: the last run returned
	// its site
	runs, succeeded uint64
	lastOK          bool
}

// Stats counts what a run did, for tests and benchmarks.
type Stats struct {
	Parsed   int // sources parsed (not taken from the last run)
	Rendered int // pages rendered (the others were kept)
	Early    int // bodies rendered from the tree checking parsed (see earlyBodies)
	// Assembled counts the pages rendered among those features assemble
	// from other pages' bodies (they change with any page they show).
	Assembled int
	Files     int  // files the site has
	Features  bool // the features ran (else their last results stood)
}

// Stats returns what the last run did.
func (p *Pipeline) Stats() Stats { return p.stats }

// NewPipeline returns a pipeline over content and layouts. With keep, it
// keeps between runs what the next run may reuse (for a server); without,
// it holds as little as it can (for one build).
func NewPipeline(content, layouts fs.FS, opts Options, keep bool) *Pipeline {
	return &Pipeline{content: content, layouts: layouts, opts: opts, keep: keep, keepParses: keep,
		sources: map[string]*sourceFile{}, includers: map[string]bool{}, parses: map[string]keptParse{}, assets: map[string]uint64{}, dirs: dirCache{}, slugs: map[string]string{}, links: map[string]*linkResult{}}
}

// Forget tells the pipeline that the content files at these slash-separated
// paths may have changed (a folder stands for everything in it; "." for
// all): the next run reads them again. Files it was not told of are taken
// to be as they were; a file whose bytes are the same is not parsed again.
// A path the last run read as a file costs a few map look-ups; any other
// (a folder, a new or removed file) is looked for in every kept source.
func (p *Pipeline) Forget(paths ...string) {
	for _, c := range paths {
		c = path.Clean(c)
		if l, ok := p.pages.(langFS); ok {
			c = l.logical(c) // a Hugo page of the default language: read under its name without it
		}
		if p.setKnown && p.saysFormat(c) {
			p.setKnown = false
		}
		p.forgetIncluders(c)
		if p.readAsFile(c) {
			p.dropSource(c)
			delete(p.assets, c)
			p.dirs.forgetAbove(c)
			continue
		}
		p.dirs.forget(c)
		for name := range p.sources {
			if within(name, c) {
				p.dropSource(name)
			}
		}
		for name := range p.assets {
			if within(name, c) {
				delete(p.assets, name)
			}
		}
	}
}

// dropSource forgets the kept source at name, and marks it dropped for
// the folder plans that remember it (see loader.source).
func (p *Pipeline) dropSource(name string) {
	if f := p.sources[name]; f != nil {
		f.dropped = true
	}
	delete(p.sources, name)
}

// readAsFile reports whether the last run read c as a file (a page or a
// file copied as it is) and not as a folder: nothing kept lies below it.
func (p *Pipeline) readAsFile(c string) bool {
	_, src := p.sources[c]
	_, asset := p.assets[c]
	return c != "." && (src || asset) && p.dirs[c] == nil
}

// within reports whether the content path name is c or lies below it.
func within(name, c string) bool {
	return c == "." || name == c || strings.HasPrefix(name, c+"/")
}

// forgetIncluders forgets the kept sources that include the file at c
// (and drops the names of those that include nothing any more).
func (p *Pipeline) forgetIncluders(c string) {
	for name := range p.includers {
		f := p.sources[name]
		switch {
		case f == nil || len(f.includes) == 0:
			delete(p.includers, name)
		case slices.ContainsFunc(f.includes, func(in string) bool { return within(in, c) }):
			p.dropSource(name)
			delete(p.includers, name)
		}
	}
}

// saysFormat reports whether a change to the content file or folder at c
// may change what the content is recognised as, or its outline: a file at
// the top or under config/, an _index.md, SUMMARY.md or book.toml, or a
// file that came or went (the Workbench lists episodes/, mdBook's outline
// marks chapters whose files are missing). The bytes of a page the
// pipeline had read, still there, say nothing of it.
func (p *Pipeline) saysFormat(c string) bool {
	if !strings.Contains(c, "/") || strings.HasPrefix(c, "config/") {
		return true
	}
	switch path.Base(c) {
	case "_index.md", "SUMMARY.md", "book.toml":
		return true
	}
	if _, known := p.sources[c]; !known {
		return true
	}
	fi, err := fs.Stat(p.content, c)
	return err != nil || !fi.Mode().IsRegular()
}

// Reset makes the next run render and write every file again, as after a
// run that failed half-way through writing. The caller does not keep the
// site the last run returned: the one before it is still the one shown
// (see loader.slab).
func (p *Pipeline) Reset() {
	if p.lastOK {
		p.succeeded--
		p.lastOK = false
	}
	p.last = nil
}

// Run builds the site and streams its files to out. On a content error it
// returns every problem, each a *FileError, joined, and has given out
// nothing. An error while writing leaves out to the caller (an Output is
// aborted); the next run renders everything again.
func (p *Pipeline) Run(out Sink) (*Site, error) {
	p.stats, p.lastOK = Stats{}, false
	var early *earlyBodies
	if !p.keep { // a server keeps its parses, not its trees
		early = newEarlyBodies(p.spool)
		defer func() {
			p.stats.Early = int(early.used.Load())
			early.close()
		}()
	}
	r, err := p.check(early)
	if err != nil {
		return nil, err
	}
	if err := p.write(r, out); err != nil {
		p.last = nil
		return nil, err
	}
	p.succeeded, p.lastOK = p.succeeded+1, true
	return r.site, nil
}

// Build reads content and layouts and renders the whole site in memory.
// Every problem in the content is reported, each as a *FileError, joined.
func Build(content, layouts fs.FS, opts Options) (*Site, error) {
	files := NewMemory()
	site, err := NewPipeline(content, layouts, opts, false).Run(files)
	if err != nil {
		return nil, err
	}
	site.Files = files.Files
	return site, nil
}

// Memory is a Sink that holds the files in memory. Keep keeps a file of
// the last run, so that a Pipeline can run again into the same Memory.
type Memory struct {
	mu      sync.Mutex
	Files   map[string][]byte
	touched map[string]bool // put or kept since the last Sweep
	changed []string        // put with new bytes since the last Sweep
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{Files: map[string][]byte{}, touched: map[string]bool{}} }

// Sweep ends a run: it removes the files that were neither put nor kept
// since the last Sweep, and returns the names of the files that changed,
// written or removed, sorted.
func (m *Memory) Sweep() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	for name := range m.Files {
		if !m.touched[name] {
			delete(m.Files, name)
			m.changed = append(m.changed, name)
		}
	}
	changed := m.changed
	sort.Strings(changed)
	m.touched, m.changed = make(map[string]bool, len(m.Files)), nil
	return changed
}

// Put implements Sink.
func (m *Memory) Put(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
		return fmt.Errorf("refusing to write %q: not a clean path inside the output folder", name)
	}
	m.mu.Lock()
	if old, ok := m.Files[name]; !ok || !bytes.Equal(old, data) {
		m.changed = append(m.changed, name)
	}
	m.Files[name] = data
	m.touched[name] = true
	m.mu.Unlock()
	return nil
}

// Keep implements Sink.
func (m *Memory) Keep(names ...string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, name := range names {
		if _, ok := m.Files[name]; !ok {
			return fmt.Errorf("keep %s: no such file from the last run", name)
		}
		m.touched[name] = true
	}
	return nil
}
