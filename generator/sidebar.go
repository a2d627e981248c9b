package generator

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"html/template"
	"strings"
	"sync"
	"sync/atomic"
)

// sidebarCache renders the curriculum sidebar, which lists every module on
// every page, at a cost that does not grow with pages times modules:
//
//   - "sidebar" is rendered once per module (the pages of one module share
//     it), then the current page's link gets aria-current;
//   - each module's entry, which "sidebar" asks for with navModule, is
//     rendered once per module current inside it (none, for the collapsed
//     entry that most sidebars show).
//
// Pages at other depths see other .Root values ("../", "../../"): when the
// sidebar's templates print .Root only bare (rootsMarked), those are
// rendered once with rootMarker as .Root, which each page's own root then
// replaces; else once per depth as well. The home's root, "", is always
// rendered as it is: html/template's filters judge an empty value apart
// (an unquoted attribute prints it as ZgotmplZ). A non-empty relative root
// and the marker are alike to them: no scheme, a "/" in both; escapers
// work byte by byte, and one that changes "../" changes the marker's too,
// which render sees. (Rendering per depth was 493 sidebars of a
// 10,000-lesson course's 200 modules, 6% of its build; now 348.)
type sidebarCache struct {
	tmpl   *template.Template
	layout string // tmpl's
	// marked: the layouts let the sidebar be rendered with rootMarker
	marked  atomic.Bool
	site    uint64 // the site key of the run (see takeOver)
	limit   int    // sidebars kept at most
	mu      sync.Mutex
	html    map[sidebarKey]string
	entries htmlMemo[entryKey]
}

// maxSidebars bounds the sidebars kept at once: pages render in reading
// order, so the sidebars of modules done with need not be kept. A server's
// runs keep more (see takeOver): its edits touch any module.
const maxSidebars, maxKeptSidebars = 32, 1024

// sidebarKey identifies pages that share a sidebar: the same module and
// root (rootMarker for every root below the home, when the sidebar is
// marked). The module is named by its page's URL, which outlives a run.
type sidebarKey struct {
	module string
	root   string
}

// moduleID names module m in a sidebarKey: its page's URL, which no other
// module has ("\x00" for no module).
func moduleID(m *Module) string {
	switch {
	case m == nil:
		return "\x00"
	case m.Page == nil:
		return "\x00dir:" + m.Dir
	}
	return m.Page.URL
}

// takeOver makes the sidebars last, the last run's cache, rendered with
// the same layouts, c's own when the run's site key is last's. The site
// key digests all a sidebar shows (every module's and page's place, title
// and duration, the generated pages): a page whose own inputs and site key
// are unchanged is not rendered again at all, and its sidebar is no
// different. (A server's edit of one lesson's text rendered that module's
// sidebar again, and the all-in-one views': 2 ms of a 28 ms edit at
// 10,000 lessons.)
func (c *sidebarCache) takeOver(last *sidebarCache) {
	if last == nil || last.site != c.site || last.layout != c.layout {
		return
	}
	last.mu.Lock()
	defer last.mu.Unlock()
	c.html, last.html = last.html, map[sidebarKey]string{}
	c.marked.Store(last.marked.Load())
	c.limit = maxKeptSidebars
}

// entryKey identifies a module's entry in a sidebar: the module, the
// root, and the module of the current page when it is inside this one.
type entryKey struct {
	module, current *Module
	root            string
}

// rootNonce and rootMarker stand for .Root in a sidebar rendered for every
// depth but the home's: a nonce, so that no text can hold it, then "../",
// the bytes every such root is made of, so that a layout printing .Root
// where escaping would change those bytes (a URL's query, a script) is
// caught: there the nonce shows without the marker.
var rootNonce, rootMarker = func() (string, string) {
	b := make([]byte, 12)
	rand.Read(b)
	nonce := "p2pc-root-" + hex.EncodeToString(b)
	return nonce, nonce + "../"
}()

func newSidebarCache(tmpls map[string]*template.Template, layout string, marked bool) *sidebarCache {
	c := &sidebarCache{tmpl: tmpls[layout], layout: layout, limit: maxSidebars, html: map[sidebarKey]string{}, entries: htmlMemo[entryKey]{made: map[entryKey]template.HTML{}}}
	c.marked.Store(marked)
	return c
}

func (c *sidebarCache) render(d pageData) (template.HTML, error) {
	if d.nested >= maxNested {
		return "", tooNested("sidebar")
	}
	html, err := c.shared(d.Site, d.Page.Module, d.Root, d.nested+1)
	if err != nil {
		return "", err
	}
	link := `href="` + d.Root + d.Page.Path() + `"`
	if i := strings.Index(html, link); i >= 0 && d.Page.Kind != "404" {
		i += len(link)
		html = html[:i] + ` aria-current="page"` + html[i:]
	}
	return template.HTML(html), nil
}

// shared returns the sidebar the pages of module m at root share: made
// from the one rendered with rootMarker when the layouts allow, else
// rendered for root.
func (c *sidebarCache) shared(site *Site, m *Module, root string, nested int) (string, error) {
	key := sidebarKey{moduleID(m), root}
	c.mu.Lock()
	html, ok := c.html[key]
	c.mu.Unlock()
	if ok {
		return html, nil
	}
	if c.marked.Load() && belowHome(root) {
		marked, err := c.shared(site, m, rootMarker, nested)
		if err != nil {
			return "", err
		}
		if ok = strings.Count(marked, rootNonce) == strings.Count(marked, rootMarker); ok {
			html = strings.ReplaceAll(marked, rootMarker, root)
		} else {
			c.marked.Store(false) // printed where escaping changes it: render per root from now on
		}
	}
	if !ok {
		sidebarsRendered.Add(1)
		var buf bytes.Buffer
		d := pageData{Site: site, Page: &Page{Module: m}, Root: root, layout: c.layout, nested: nested}
		if err := c.tmpl.ExecuteTemplate(&buf, "sidebar", d); err != nil {
			return "", err
		}
		html = buf.String()
	}
	c.mu.Lock()
	if len(c.html) >= c.limit {
		clear(c.html) // pages render in reading order: the old ones are done with
	}
	c.html[key] = html
	c.mu.Unlock()
	return html, nil
}

// markSidebars lets sidebars be rendered for every depth at once (a
// variable for tests, which compare with rendering per depth).
var markSidebars = true

// sidebarsRendered counts the sidebars rendered, for tests.
var sidebarsRendered atomic.Int64

// belowHome reports whether root is "../" once or more: the root of a
// page below the home, relative.
func belowHome(root string) bool {
	return root != "" && strings.Count(root, "../")*3 == len(root)
}

// rootsMarked reports whether the sidebar's templates in layout t
// ("sidebar", "nav-module" and the templates they call) print .Root only
// bare, as {{.Root}} or {{$.Root}} (see printedBare).
func rootsMarked(t *template.Template) bool {
	seen := map[string]bool{}
	for todo := []string{"sidebar", "nav-module"}; len(todo) > 0; {
		name := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		tt := t.Lookup(name)
		if seen[name] || tt == nil || tt.Tree == nil {
			continue
		}
		seen[name] = true
		if !printedBare(tt.Tree.Root, []string{"Root"}, []string{"$", "Root"}) {
			return false
		}
		todo = append(todo, calledTemplates(tt.Tree.Root)...)
	}
	return true
}

// module renders the "nav-module" layout for module m in the sidebar of
// ctx (a page's data or a module entry's), once per entryKey.
func (c *sidebarCache) module(ctx any, m *Module) (template.HTML, error) {
	d, err := nav(ctx, m)
	if err != nil {
		return "", err
	}
	if d.nested >= maxNested {
		return "", tooNested("navModule")
	}
	d.nested++
	key := entryKey{module: m, root: d.Root}
	if d.Current.Within(m) {
		key.current = d.Current.Module
	}
	return c.entries.get(key, c.tmpl, "nav-module", d)
}
