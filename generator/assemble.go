package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"
	"sync/atomic"

	"p2pc/generator/feature"
)

// assembly makes the pages features assemble from other pages' bodies.
// In one build each such page is made as soon as the bodies it shows are
// rendered (by the core that rendered the last of them), and a body is
// dropped once every page that shows it is made, so that the bodies of a
// few modules are held at a time, not the whole course's. A server keeps
// every body for its next run anyway, so it makes them all at the end,
// without counting who waits for what. A page whose
// bodies were not all rendered in this run (their pages were kept) is
// made at the end: a body the run did not render comes from the last run
// when its page's key is the same (a server keeps them: the next run takes
// over the map and overwrites what it renders again), else is rendered
// when first asked for.
type assembly struct {
	p   *Pipeline
	c   *checked
	r   *pageRenderer
	out Sink
	run *lastRun

	later   []*Page
	by      []feature.Assembler
	shows   [][]string       // URLs of the bodies each later page shows
	readers map[string][]int // body URL -> later pages that show it
	waiting []int            // bodies each later page still waits for
	left    map[string]int   // body URL -> later pages not made yet that show it
	made    []bool

	mu     sync.Mutex
	html   map[string][]byte
	keys   map[string]uint64        // page key of each body
	busy   map[string]chan struct{} // bodies being rendered by get
	pages  map[string]keyedPage     // content pages by URL, with this run's keys
	seen   map[string]bool          // bodies put in this run
	prints sync.Mutex               // guards run.prints
	count  atomic.Int64
}

// newAssembly splits off from pages those a feature assembles; it returns
// nil when there are none.
func newAssembly(p *Pipeline, c *checked, r *pageRenderer, out Sink, run *lastRun, pages []*Page) (*assembly, []*Page) {
	n := len(c.site.Pages)
	a := &assembly{p: p, c: c, r: r, out: out, run: run, busy: map[string]chan struct{}{}}
	reuse := p.keep && p.last != nil && p.last.assembly != nil && len(p.last.assembly.html) < 2*len(pages)+64
	switch {
	case reuse: // this run's keys tell which of the last run's bodies still hold
		a.html, a.keys = p.last.assembly.html, p.last.assembly.keys
		a.pages = p.last.assembly.pages // read by no one once its run ended
		clear(a.pages)
	case p.keep: // every body is kept for the next run
		a.html, a.keys = make(map[string][]byte, n), make(map[string]uint64, n)
	default:
		a.html, a.keys, a.readers, a.left, a.seen = map[string][]byte{}, map[string]uint64{}, make(map[string][]int, n), make(map[string]int, n), map[string]bool{}
	}
	if a.pages == nil {
		a.pages = make(map[string]keyedPage, n)
	}
	rest := make([]*Page, 0, len(pages))
	for _, pg := range pages {
		shows, owner := []string(nil), feature.Assembler(nil)
		for _, f := range c.feat.assemble {
			if pg.Kind != "generated" {
				break
			}
			if s, ok := f.Assembles(pg.URL); ok {
				shows, owner = s, f
				break
			}
		}
		if owner == nil {
			rest = append(rest, pg)
			continue
		}
		i := len(a.later)
		a.later, a.by, a.shows = append(a.later, pg), append(a.by, owner), append(a.shows, shows)
		run.outputs[outputPath(pg)] = true
		if p.keep {
			continue // every body is kept: the pages are made once all are rendered (finish)
		}
		a.waiting = append(a.waiting, len(shows))
		for _, u := range shows {
			a.readers[u] = append(a.readers[u], i)
			a.left[u]++
		}
	}
	if len(a.later) == 0 {
		return nil, pages
	}
	a.made = make([]bool, len(a.later))
	if p.keep {
		run.assembly = a
	}
	return a, rest
}

// page notes a content page and its key, before rendering starts.
func (a *assembly) page(pg *Page, k uint64) { a.pages[pg.URL] = keyedPage{pg, k} }

// keyedPage is a content page and its key.
type keyedPage struct {
	pg  *Page
	key uint64
}

// put keeps the body of a page rendered with key k, and makes the pages
// that waited for it last.
func (a *assembly) put(url string, k uint64, html []byte) error {
	a.mu.Lock()
	if a.p.keep { // kept for the next run; the pages are made at the end
		a.html[url], a.keys[url] = html, k
		a.mu.Unlock()
		return nil
	}
	var ready []int
	if !a.seen[url] {
		a.seen[url] = true
		for _, i := range a.readers[url] {
			if a.waiting[i]--; a.waiting[i] == 0 {
				ready = append(ready, i)
			}
		}
	}
	if a.left[url] > 0 {
		a.html[url], a.keys[url] = html, k
	}
	a.mu.Unlock()
	for _, i := range ready {
		if err := a.make(i); err != nil {
			return err
		}
	}
	return nil
}

// finish makes the pages not made yet.
func (a *assembly) finish() error {
	var todo []int
	for i, done := range a.made {
		if !done {
			todo = append(todo, i)
		}
	}
	return parallel(len(todo), func(j int) error { return a.make(todo[j]) })
}

// get returns the body of the content page at url, or nil when no page
// of this run has Markdown there. A body is
// rendered once, however many pages ask for it at the same time (a tree a
// feature keeps must not be marked and rendered twice at once).
func (a *assembly) get(url string) ([]byte, error) {
	a.mu.Lock()
	for a.busy[url] != nil {
		wait := a.busy[url]
		a.mu.Unlock()
		<-wait
		a.mu.Lock()
	}
	html, ok := a.html[url]
	kp := a.pages[url]
	pg, k := kp.pg, kp.key
	if pg == nil { // no Markdown in this run (a module without its index file): no body, whatever the last run's was
		a.mu.Unlock()
		return nil, nil
	}
	if ok && a.keys[url] == k {
		a.mu.Unlock()
		return html, nil
	}
	done := make(chan struct{})
	a.busy[url] = done
	a.mu.Unlock()
	html, err := a.p.renderBody(a.c, pg)
	a.mu.Lock()
	if err == nil {
		a.html[url], a.keys[url] = html, k
	}
	delete(a.busy, url)
	close(done)
	a.mu.Unlock()
	return html, err
}

// release drops, in one build, the bodies no page left to make shows.
func (a *assembly) release(i int) {
	if a.p.keep {
		return
	}
	a.mu.Lock()
	for _, u := range a.shows[i] {
		if a.left[u]--; a.left[u] == 0 {
			delete(a.html, u)
		}
	}
	a.mu.Unlock()
}

// make assembles page i, renders it and writes it, or keeps it when what it
// is made of is as in the last run (then no body is needed).
func (a *assembly) make(i int) error {
	pg, name := a.later[i], outputPath(a.later[i])
	a.mu.Lock()
	a.made[i] = true
	a.mu.Unlock()
	// What the page is made of: the site, what the features read, and the
	// keys of the pages it shows (their bodies follow from them).
	k := newKey("assembled").num(a.c.siteKey).num(a.c.featKey).str(pg.URL)
	for _, u := range a.shows[i] {
		k.str(u).num(a.pages[u].key)
	}
	key := k.sum()
	a.prints.Lock()
	a.run.prints[name] = key
	a.prints.Unlock()
	if was, ok := a.p.lastPrint(name); ok && was == key {
		a.release(i)
		return a.out.Keep(name)
	}
	var bodyErr error
	html := a.by[i].Assemble(pg.URL, func(url string) []byte {
		body, err := a.get(url)
		if err != nil && bodyErr == nil {
			bodyErr = err
		}
		return body
	})
	if bodyErr != nil {
		return fmt.Errorf("assemble %s: %w", pg.URL, bodyErr)
	}
	a.release(i)
	buf, done := pageBuffer(a.out)
	defer done()
	data, err := a.r.renderWith(buf, pg, len(html), func(b *bytes.Buffer) { b.WriteString(string(html)) },
		func() template.HTML { return html })
	if err != nil {
		return err
	}
	a.count.Add(1)
	return a.out.Put(name, data)
}
