package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"
	"sync/atomic"
)

// partialCache answers the layouts' cached function, {{cached "name" key
// .}}: it runs the partial name with the page's data once per run, layout
// and key (a few times at most, when pages with one key render at once),
// and prints what it gave on every page with that key. It is for markup
// that depends on little but is printed on every page, such as base.html's
// links to the site's stylesheets, which depend on .Root alone: each value
// a layout prints costs two or three escapers called through reflection,
// and those links were a fifth of a lesson page's template time. What the
// partial prints must depend on nothing but the key and the site (the
// run), or pages get the print of whichever page came first; the cache is
// dropped after every run.
type partialCache struct {
	tmpls map[string]*template.Template // by layout, as pageRenderer's
	made  htmlMemo[partialKey]
}

type partialKey struct {
	layout, name string
	key          any
}

func newPartialCache(tmpls map[string]*template.Template) *partialCache {
	return &partialCache{tmpls: tmpls, made: htmlMemo[partialKey]{made: map[partialKey]template.HTML{}, runs: countPartial}}
}

func (c *partialCache) run(name string, key any, d pageData) (template.HTML, error) {
	if key != nil && !reflect.ValueOf(key).Comparable() {
		return "", fmt.Errorf("cached %q: the key must be a string, a number or a pointer, not %T", name, key)
	}
	if d.nested >= maxNested {
		return "", tooNested("cached " + name)
	}
	k := partialKey{layout: d.layout, name: name, key: key}
	t := c.tmpls[k.layout]
	if t == nil {
		return "", fmt.Errorf("cached %q: no layout %q", name, k.layout)
	}
	d.nested++
	return c.made.get(k, t, name, d)
}

// htmlMemo keeps what templates printed, by key, for many goroutines.
type htmlMemo[K comparable] struct {
	mu   sync.Mutex
	made map[K]template.HTML
	runs func(name string) // told of each template run, when not nil (for tests)
}

// partialRuns counts the runs of each cached partial, by name, for tests.
var partialRuns sync.Map // name -> *atomic.Int64

func countPartial(name string) {
	n, _ := partialRuns.LoadOrStore(name, new(atomic.Int64))
	n.(*atomic.Int64).Add(1)
}

// get returns what t's template name printed with data, the first time
// it was asked for with key.
func (m *htmlMemo[K]) get(key K, t *template.Template, name string, data any) (template.HTML, error) {
	m.mu.Lock()
	html, ok := m.made[key]
	m.mu.Unlock()
	if ok {
		return html, nil
	}
	if m.runs != nil {
		m.runs(name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	html = template.HTML(buf.String())
	m.mu.Lock()
	m.made[key] = html
	m.mu.Unlock()
	return html, nil
}
