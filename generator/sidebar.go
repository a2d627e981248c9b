package generator

import (
	"bytes"
	"html/template"
	"strings"
	"sync"
)

// sidebarCache renders the curriculum sidebar, which lists every module on
// every page, at a cost that does not grow with pages times modules:
//
//   - "sidebar" is rendered once per module and depth (the pages of one
//     module at one depth share it), then the current page's link gets
//     aria-current;
//   - each module's entry, which "sidebar" asks for with navModule, is
//     rendered once per depth and per module current inside it (none, for
//     the collapsed entry that most sidebars show).
type sidebarCache struct {
	tmpl    *template.Template
	mu      sync.Mutex
	html    map[sidebarKey]string
	entries htmlMemo[entryKey]
}

// maxSidebars bounds the sidebars kept at once: each lists every module,
// so keeping one per module would hold modules² bytes.
const maxSidebars = 32

// sidebarKey identifies pages that share a sidebar: the same module and depth.
type sidebarKey struct {
	module *Module
	root   string
}

// entryKey identifies a module's entry in a sidebar: the module, the
// depth, and the module of the current page when it is inside this one.
type entryKey struct {
	module, current *Module
	root            string
}

func newSidebarCache() *sidebarCache {
	return &sidebarCache{html: map[sidebarKey]string{}, entries: htmlMemo[entryKey]{made: map[entryKey]template.HTML{}}}
}

func (c *sidebarCache) render(d pageData) (template.HTML, error) {
	key := sidebarKey{d.Page.Module, d.Root}
	c.mu.Lock()
	html, ok := c.html[key]
	c.mu.Unlock()
	if !ok {
		var buf bytes.Buffer
		shared := pageData{Site: d.Site, Page: &Page{Module: d.Page.Module}, Root: d.Root}
		if err := c.tmpl.ExecuteTemplate(&buf, "sidebar", shared); err != nil {
			return "", err
		}
		html = buf.String()
		c.mu.Lock()
		if len(c.html) >= maxSidebars {
			clear(c.html) // pages render in reading order: the old ones are done with
		}
		c.html[key] = html
		c.mu.Unlock()
	}
	link := `href="` + d.Root + d.Page.Path() + `"`
	if i := strings.Index(html, link); i >= 0 && d.Page.Kind != "404" {
		i += len(link)
		html = html[:i] + ` aria-current="page"` + html[i:]
	}
	return template.HTML(html), nil
}

// module renders the "nav-module" layout for module m in the sidebar of
// ctx (a page's data or a module entry's), once per entryKey.
func (c *sidebarCache) module(ctx any, m *Module) (template.HTML, error) {
	d, err := nav(ctx, m)
	if err != nil {
		return "", err
	}
	key := entryKey{module: m, root: d.Root}
	if d.Current.Within(m) {
		key.current = d.Current.Module
	}
	return c.entries.get(key, c.tmpl, "nav-module", d)
}
