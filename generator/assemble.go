package generator

import (
	"fmt"
	"html/template"
	"sync"

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

// assemble fills in the HTML of the pages features assemble from bodies.
func assemble(later []*Page, by []feature.Assembler, b *bodies) error {
	var firstErr error
	var once sync.Once
	err := parallel(len(later), func(i int) error {
		html := by[i].Assemble(later[i].URL, func(url string) []byte {
			body, err := b.get(url)
			if err != nil {
				once.Do(func() { firstErr = err })
			}
			return body
		})
		later[i].HTML = template.HTML(html)
		return nil
	})
	if err == nil {
		err = firstErr
	}
	if err != nil {
		return fmt.Errorf("assemble pages: %w", err)
	}
	return nil
}
