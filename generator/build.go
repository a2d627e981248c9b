package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"p2pc/generator/feature"
)

// Options change how a site is built.
type Options struct {
	Drafts bool // build pages marked draft: true
	// Format is the content's format: "auto" or "" (recognise a lesson set
	// of The Carpentries Workbench, mdBook or Hugo, else p2pc's own),
	// "p2pc", "workbench", "mdbook" or "hugo" (see package lessonset).
	Format  string
	BaseURL string // absolute URL of the site for sitemap.xml; overrides site.yaml
	// Static holds files copied as they are to the site root (the static/
	// folder beside the content folder); nil for none. A name the site
	// also makes is an error naming both. StaticLabel and ContentLabel are
	// how those messages name the two folders ("static", "content").
	Static                    fs.FS
	StaticLabel, ContentLabel string
	// Features replaces the built-in features (package builtin) when not nil;
	// tests use it to build with a chosen set.
	Features []feature.Feature
}

// Site is a built site: the parsed curriculum and, when built in memory, every output file.
type Site struct {
	Config Config
	Home   *Module
	Pages  []*Page           // every page: the home page, then modules and lessons in reading order, then top-level pages
	Files  map[string][]byte // output files by slash-separated path relative to the output folder (Build only)
	// Generated are the pages added by features.
	Generated []*Page
	// Warnings are the problems that did not stop the build, by place.
	Warnings []*FileError

	features    *featureSet
	searchExtra []feature.SearchDoc
	start       *Page      // where the course starts (FirstLesson)
	redirects   []redirect // an mdBook's pages at old addresses
	notFound    *Page      // 404.html's page
}

// TopGenerated are the features' top-level pages.
func (s *Site) TopGenerated() []*Page {
	var out []*Page
	for _, g := range s.Generated {
		if strings.Count(g.URL, "/") == 1 && !g.unlisted {
			out = append(out, g)
		}
	}
	return out
}

// FirstLesson is where the course starts, or nil: the first lesson in
// reading order; in a lesson set with an outline, the first page after the
// home page on the reading path (an mdBook's first chapter, a module's own
// page included).
func (s *Site) FirstLesson() *Page { return s.start }

// maxNavModules bounds the top-level modules a page's sidebar lists, so
// that a page's size does not grow with the number of modules: a course of
// more lists those around the page's own and links to contents/ for the rest.
const maxNavModules = 40

// NavList is the part of the course's top level a sidebar lists.
type NavList struct {
	// Items are the top-level modules, and in an outline the chapters and
	// drafts outside any (an mdBook's chapters without children), in
	// reading order; Modules are the modules among them
	Items         []Item
	Modules       []*Module
	Before, After int // items left out before and after
}

// NavModules returns the top level the sidebar of page p lists: all of
// it, or maxNavModules items around p's own module (from the start for a
// page outside any, so that the pages of one module share a sidebar).
func (s *Site) NavModules(p *Page) NavList {
	all := s.TopItems()
	if len(all) <= maxNavModules {
		return NavList{Items: all, Modules: modulesOf(all)}
	}
	at := 0
	if top := p.topModule(); top != nil {
		for i, it := range all {
			if it.Module == top {
				at = i
				break
			}
		}
	}
	from := min(max(at-maxNavModules/2, 0), len(all)-maxNavModules)
	part := all[from : from+maxNavModules]
	return NavList{Items: part, Modules: modulesOf(part), Before: from, After: len(all) - from - maxNavModules}
}

// modulesOf lists the modules among items.
func modulesOf(items []Item) []*Module {
	var out []*Module
	for _, it := range items {
		if it.Module != nil {
			out = append(out, it.Module)
		}
	}
	return out
}

// TopItems are the course's top level in reading order: its modules, and
// in a lesson set with an outline the chapters and drafts it lists
// outside any module too (an mdBook's chapters without children).
func (s *Site) TopItems() []Item {
	if s.Home.items != nil {
		return s.Home.items
	}
	items := make([]Item, len(s.Home.Modules))
	for i, m := range s.Home.Modules {
		items[i] = Item{Module: m}
	}
	return items
}

// AsidePages are the top-level pages off the course's path: p2pc's own
// pages beside the modules, an mdBook's prefix and suffix chapters, a
// Workbench lesson's learner pages; not the chapters TopItems holds.
func (s *Site) AsidePages() []*Page {
	if s.Home.items == nil {
		return s.Home.Lessons
	}
	listed := map[*Page]bool{}
	var walk func([]Item)
	walk = func(items []Item) {
		for _, it := range items {
			if it.Lesson != nil {
				listed[it.Lesson] = true
			}
			walk(it.Children)
		}
	}
	walk(s.Home.items)
	var out []*Page
	for _, p := range s.Home.Lessons {
		if !listed[p] {
			out = append(out, p)
		}
	}
	return out
}

// ID names the site for scripts that keep something in the reader's
// browser: pages opened from disk share one storage, so a script scopes its
// keys by the site's title, digested.
func (s *Site) ID() string {
	return fmt.Sprintf("%08x", uint32(fnvDigest("site id", s.Config.Title)))
}

// Modules are the top-level modules in order.
func (s *Site) Modules() []*Module { return s.Home.Modules }

// readingOrder lists the home page, each module's page followed by its
// lessons and submodules (the order of previous/next links), then the
// top-level pages, and links the middle part with Prev and Next. It also
// returns where the course starts: the first lesson. An outline's order
// is outlineOrder's.
func readingOrder(home *Module) (pages []*Page, start *Page) {
	if home.items != nil {
		return outlineOrder(home)
	}
	// made at its size, the modules' items walked without making their
	// lists: at 50,000 lessons these were 4 MB of garbage a run
	seq := make([]*Page, 1, countPages(home))
	seq[0] = home.Page
	var walk func(m *Module)
	walk = func(m *Module) {
		seq = append(seq, m.Page)
		for it := range m.eachItem {
			switch {
			case it.Lesson != nil:
				seq = append(seq, it.Lesson)
			case it.Module != nil:
				walk(it.Module)
			}
		}
	}
	for _, m := range home.Modules {
		walk(m)
	}
	link(seq[1:])
	for _, p := range seq[1:] {
		if p.Kind == "lesson" {
			start = p
			break
		}
	}
	return append(seq, home.Lessons...), start
}

// countPages counts the pages of module m and the modules below it.
func countPages(m *Module) int {
	n := 1 + len(m.Lessons)
	for _, sub := range m.Modules {
		n += countPages(sub)
	}
	return n
}

// outlineOrder is the reading order of a lesson set whose tool gives it (an
// mdBook's SUMMARY.md, a Workbench's config.yaml), as that tool reads it:
// the home page when it is a page of the set (mdBook's first prefix
// chapter, the Workbench's index.md), then every page of the outline in
// its order, a chapter's own page before the chapters under it, top-level
// chapters, suffix chapters and chapters under a draft included. The pages
// the builder makes (an mdBook part's, a Workbench group's) list their
// pages but are not on the path, nor are the pages an outline sets aside
// (a Workbench's licence): they have no Prev or Next. pages lists every
// page: the home page, the outline's in order, then the pages set aside.
// start is the first page after the home page on the path.
func outlineOrder(home *Module) (pages []*Page, start *Page) {
	pages = []*Page{home.Page}
	var path []*Page
	if home.Page.Source != "" {
		path = append(path, home.Page)
	}
	in := map[*Page]bool{home.Page: true}
	add := func(p *Page) {
		pages = append(pages, p)
		in[p] = true
		if p.Source != "" {
			path = append(path, p)
		}
	}
	var walk func([]Item)
	walk = func(items []Item) {
		for _, it := range items {
			switch {
			case it.Lesson != nil:
				add(it.Lesson)
			case it.Module != nil:
				add(it.Module.Page)
				walk(it.Module.Items())
			default:
				walk(it.Children) // a draft's
			}
		}
	}
	walk(home.items)
	for _, p := range pages {
		p.Prev, p.Next = nil, nil
	}
	for _, p := range home.Lessons {
		if !in[p] {
			pages = append(pages, p) // set aside
		}
	}
	link(path)
	for _, p := range path {
		if p != home.Page {
			return pages, p
		}
	}
	return pages, nil
}

// link chains seq with Prev and Next.
func link(seq []*Page) {
	for i, p := range seq {
		if i > 0 {
			p.Prev = seq[i-1]
		}
		if i+1 < len(seq) {
			p.Next = seq[i+1]
		}
	}
}

func allModules(m *Module) []*Module {
	out := []*Module{m}
	for _, s := range m.Modules {
		out = append(out, allModules(s)...)
	}
	return out
}

// pageData is what a layout sees.
type pageData struct {
	Site     *Site
	Page     *Page
	Root     string // relative path from the page to the site root
	IndexURL string // relative link to the list of all lessons (for search without JavaScript)
	// Styles and Scripts are the features' assets the page loads, as paths
	// from the site root (the layouts link their own).
	Styles, Scripts []string
	// StyleTags and ScriptTags are the same as <link> and <script defer>
	// elements, one a line, made once per set and depth (a layout that
	// ranges over Styles and Scripts instead costs a dozen template calls
	// a page).
	StyleTags, ScriptTags template.HTML
	layout                string // the layout whose templates run (cached runs its partials there)
	nested                int    // the template functions the data went through that run templates
}

// maxNested bounds how deep the template functions that run templates
// (sidebar, navModule, cached) may call one another: each starts a new
// execution, which text/template's own depth limit does not see, so a
// layout that calls one inside itself would recurse until the stack runs
// out. Module folders nest at most maxFolderDepth deep.
const maxNested = 4 * maxFolderDepth

// tooNested is the error of a template function called maxNested deep.
func tooNested(fn string) error {
	return fmt.Errorf("%s: called %d deep inside the templates it runs: does a layout call it inside itself?", fn, maxNested)
}

// navData is what the recursive navigation templates see.
type navData struct {
	Root    string
	Current *Page
	Module  *Module
	Items   []Item // what "lesson-items" and "nav-items" list: the module's items, or a draft's children
	nested  int    // as pageData's
}

// nav builds navData for module m from a page's or another module's data.
func nav(ctx any, m *Module) (navData, error) {
	switch c := ctx.(type) {
	case pageData:
		return navData{Root: c.Root, Current: c.Page, Module: m, nested: c.nested}, nil
	case navData:
		return navData{Root: c.Root, Current: c.Current, Module: m, nested: c.nested}, nil
	}
	return navData{}, fmt.Errorf("nav: unexpected %T", ctx)
}

// items builds navData listing items (a module's, or a draft's children)
// from a page's or a module's data.
func items(ctx any, list []Item) (navData, error) {
	d, err := nav(ctx, nil)
	if c, ok := ctx.(navData); ok {
		d.Module = c.Module
	}
	d.Items = list
	return d, err
}

// outputPath is the file a page is written to.
func outputPath(p *Page) string {
	if p.Kind == "404" {
		return "404.html"
	}
	return p.Path()
}

// pageRenderer runs the page layouts. It keeps the parsed templates and the
// sidebars rendered so far, so that a rebuild that changes no navigation
// can render single pages again.
type pageRenderer struct {
	site  *Site
	tmpls map[string]*template.Template
	// shells hold, by layout, the most it added to a page's body, to size buffers.
	shells map[string]*atomic.Int64
	// splices holds, by layout, whether a page's body may be spliced in
	splices map[string]bool
	tags    assetTags
}

// layoutSet is the parsed layouts, which a server's pipeline keeps while
// the layout files stay the same (parsing them was a few milliseconds of
// every run): the template functions find the run's sidebars through cur,
// and its cached partials through cached.
type layoutSet struct {
	key     uint64
	tmpls   map[string]*template.Template
	shells  map[string]*atomic.Int64
	splices map[string]bool // the kinds whose layouts print the body only bare (see splice.go)
	cur     atomic.Pointer[sidebarCache]
	cached  atomic.Pointer[partialCache] // the run's cached partials
	marked  bool                         // the sidebar may be rendered for every depth at once (rootsMarked)
}

// newPageRenderer returns the renderer of site s's pages with layouts
// (whose key is key), from the layouts last parsed when they are the same.
// site is the site key: the sidebars last rendered with the same layouts
// for the same site key (a server's edit of a lesson's text) are the run's.
func newPageRenderer(s *Site, layouts layoutFiles, key uint64, last *layoutSet, site uint64) (*pageRenderer, *layoutSet, error) {
	set := last
	if set == nil || set.key != key {
		set = &layoutSet{key: key, shells: map[string]*atomic.Int64{}}
		funcs := maps.Clone(layoutFuncs)
		funcs["sidebar"] = func(d pageData) (template.HTML, error) { return set.cur.Load().render(d) }
		funcs["navModule"] = func(ctx any, m *Module) (template.HTML, error) { return set.cur.Load().module(ctx, m) }
		funcs["cached"] = func(name string, key any, d pageData) (template.HTML, error) {
			return set.cached.Load().run(name, key, d)
		}
		tmpls, err := loadTemplates(layouts, funcs)
		if err != nil {
			return nil, nil, err
		}
		set.tmpls, set.splices = tmpls, map[string]bool{}
		for name, t := range tmpls {
			set.shells[name] = new(atomic.Int64)
			set.splices[name] = bareBody(t)
		}
		set.marked = markSidebars && rootsMarked(tmpls["lesson"])
	}
	sidebars := newSidebarCache(set.tmpls, "lesson", set.marked)
	sidebars.site = site
	if set == last {
		sidebars.takeOver(set.cur.Load())
	}
	set.cur.Store(sidebars)
	set.cached.Store(newPartialCache(set.tmpls))
	return &pageRenderer{site: s, tmpls: set.tmpls, shells: set.shells, splices: set.splices}, set, nil
}

// layoutFuncs are the layouts' template functions but sidebar, navModule
// and cached, which a run's caches answer.
var layoutFuncs = template.FuncMap{"nav": nav, "items": items, "lessons": lessonsText,
	"breadcrumbsHTML": breadcrumbsHTML, "pagerHTML": pagerHTML, "tocHTML": tocHTML}

// layoutOf names the layout of page p: its kind's.
func layoutOf(p *Page) string {
	if p.Kind == "page" {
		return "lesson"
	}
	return p.Kind
}

// renderTo runs the layout of p's kind into buf, which it empties first;
// the bytes it returns are buf's. It is safe to call from many goroutines.
func (r *pageRenderer) renderTo(buf *bytes.Buffer, p *Page) ([]byte, error) {
	return r.renderSized(buf, p, len(p.HTML))
}

// renderSized is renderTo for a page whose body will take about body bytes.
func (r *pageRenderer) renderSized(buf *bytes.Buffer, p *Page, body int) ([]byte, error) {
	name, out := layoutOf(p), outputPath(p)
	buf.Reset()
	shell := r.shells[name]
	if shell != nil {
		buf.Grow(body + int(min(shell.Load(), 256<<10))) // one allocation for the page, not a dozen
	}
	rt := feature.Root(p.URL)
	if out == "404.html" { // shown at any address: absolute under base_url, else found by its script (layouts/404.html)
		rt = ""
		if base := r.site.Config.BaseURL; base != "" {
			rt = strings.TrimSuffix(base, "/") + "/"
		}
	}
	data := pageData{Site: r.site, Page: p, Root: rt, IndexURL: rt + "contents/index.html", layout: name}
	data.Styles, data.Scripts = r.site.features.assets(p)
	data.StyleTags, data.ScriptTags = r.tags.get(rt, data.Styles, data.Scripts)
	if err := r.tmpls[name].ExecuteTemplate(buf, "base.html", data); err != nil {
		if fe, ok := layoutError(nil, err).(*FileError); ok {
			fe.Msg += " (rendering " + out + ")"
			return nil, fe
		}
		return nil, fmt.Errorf("layouts/%s.html: rendering %s: %w", name, out, err)
	}
	if n := int64(buf.Len() - len(p.HTML)); shell != nil && n > shell.Load() {
		shell.Store(n)
	}
	return buf.Bytes(), nil
}

func (s *Site) sitemap() []byte {
	base := strings.TrimSuffix(s.Config.BaseURL, "/") + "/"
	var urls [][2]string // URL, lastmod
	for _, p := range append(append([]*Page{}, s.Pages...), s.Generated...) {
		if !p.NoIndex {
			urls = append(urls, [2]string{base + p.URL, p.Updated()})
		}
	}
	sort.Slice(urls, func(i, j int) bool { return urls[i][0] < urls[j][0] })
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("  <url><loc>")
		template.HTMLEscape(&b, []byte(u[0]))
		b.WriteString("</loc>")
		if u[1] != "" {
			b.WriteString("<lastmod>" + u[1] + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// PageCount is the number of pages the site has: its own and the features'.
func (s *Site) PageCount() int { return len(s.Pages) + len(s.Generated) }

// lessonsText counts lessons in words: "1 lesson", "3 lessons" (the
// layouts' lessons function).
func lessonsText(n int) string {
	if n == 1 {
		return "1 lesson"
	}
	return strconv.Itoa(n) + " lessons"
}
