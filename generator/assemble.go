package generator

import (
	"fmt"
	"sync"
	"sync/atomic"

	"p2pc/generator/feature"
)

// bodies are the pages' bodies as rendered from their Markdown, by URL,
// for the features that assemble pages from them. A body the run did not
// render (its page was kept) comes from the last run when its page's key
// is the same, else is rendered when first asked for.
type bodies struct {
	mu     sync.Mutex
	html   map[string][]byte
	keys   map[string]uint64 // page key of each body
	pages  map[string]*Page  // content pages by URL
	pageKy map[string]uint64 // this run's page keys
	last   *bodies
	render func(pg *Page) ([]byte, error)
}

func newBodies(last *bodies, render func(pg *Page) ([]byte, error)) *bodies {
	return &bodies{html: map[string][]byte{}, keys: map[string]uint64{}, pages: map[string]*Page{},
		pageKy: map[string]uint64{}, last: last, render: render}
}

// put keeps the body of a page rendered with key k.
func (b *bodies) put(url string, k uint64, html []byte) {
	b.mu.Lock()
	b.html[url], b.keys[url] = html, k
	b.mu.Unlock()
}

// get returns the body of the content page at url, or nil.
func (b *bodies) get(url string) ([]byte, error) {
	b.mu.Lock()
	html, ok := b.html[url]
	pg, k := b.pages[url], b.pageKy[url]
	if !ok && pg != nil && b.last != nil && b.last.keys[url] == k {
		html, ok = b.last.html[url], b.last.html[url] != nil
		if ok {
			b.html[url], b.keys[url] = html, k
		}
	}
	b.mu.Unlock()
	if ok || pg == nil {
		return html, nil
	}
	html, err := b.render(pg)
	if err != nil {
		return nil, err
	}
	b.put(url, k, html)
	return html, nil
}

// assembled splits off the pages an Assembler makes from the others.
func assembled(pages []*Page, list []feature.Assembler) (rest, later []*Page, by []feature.Assembler) {
	for _, pg := range pages {
		var owner feature.Assembler
		for _, a := range list {
			if pg.Kind == "generated" && a.Assembles(pg.URL) {
				owner = a
				break
			}
		}
		if owner == nil {
			rest = append(rest, pg)
			continue
		}
		later, by = append(later, pg), append(by, owner)
	}
	return rest, later, by
}

// writeAssembled makes each page a feature assembles from bodies, then
// renders and writes it (or keeps it, when it is as in the last run), one
// page at a time on each core, so that no more than those are held.
func (p *Pipeline) writeAssembled(c *checked, r *pageRenderer, later []*Page, by []feature.Assembler, b *bodies, out Sink, run *lastRun, rendered *atomic.Int64) error {
	var mu sync.Mutex
	for _, pg := range later {
		run.outputs[outputPath(pg)] = true
	}
	return parallel(len(later), func(i int) error {
		pg, name := later[i], outputPath(later[i])
		var bodyErr error
		pg.HTML = by[i].Assemble(pg.URL, func(url string) []byte {
			body, err := b.get(url)
			if err != nil && bodyErr == nil {
				bodyErr = err
			}
			return body
		})
		defer func() { pg.HTML = "" }()
		if bodyErr != nil {
			return fmt.Errorf("assemble %s: %w", pg.URL, bodyErr)
		}
		k := newKey("generated").num(c.siteKey).str(pg.URL).str(string(pg.HTML)).str(pg.Kind).sum()
		mu.Lock()
		run.prints[name] = k
		mu.Unlock()
		if p.last != nil && p.last.prints[name] == k {
			return out.Keep(name)
		}
		data, err := r.render(pg)
		if err != nil {
			return err
		}
		rendered.Add(1)
		return out.Put(name, data)
	})
}
