package generator

import (
	"cmp"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"p2pc/generator/lessonset"
	"p2pc/generator/markdown"
)

// Item is one entry of a module's contents: a lesson, a submodule, or the
// title of a chapter an outline lists but that is not written yet (an
// mdBook draft), shown without a link, with the chapters the outline
// nests under it (Children; their pages are the module's lessons and
// submodules).
type Item struct {
	Lesson   *Page
	Module   *Module
	Draft    string
	Children []Item // a draft's
}

// Items lists the module's lessons and submodules in the order readers
// meet them: the order an outline (SUMMARY.md, config.yaml) gives, else
// the lessons, then the submodules.
func (m *Module) Items() []Item {
	if m.items != nil {
		return m.items
	}
	out := make([]Item, 0, len(m.Lessons)+len(m.Modules))
	for it := range m.eachItem {
		out = append(out, it)
	}
	return out
}

// eachItem yields the items Items lists, without making the list (the
// reading order walks every module on every run).
func (m *Module) eachItem(yield func(Item) bool) {
	if m.items != nil {
		for _, it := range m.items {
			if !yield(it) {
				return
			}
		}
		return
	}
	for _, l := range m.Lessons {
		if !yield(Item{Lesson: l}) {
			return
		}
	}
	for _, s := range m.Modules {
		if !yield(Item{Module: s}) {
			return
		}
	}
}

// useSet reads a lesson set written for another tool: its front matter
// leniently, its pages below its root, its settings where site.yaml gives
// none, its problems as errors.
func (l *loader) useSet(set *lessonset.Set, cfg *Config) {
	l.set, l.rules, l.root = set, frontMatterRules{lenient: true}, cmp.Or(set.Root, ".")
	if set.Format == lessonset.MdBook || set.Format == lessonset.Hugo {
		l.rules.directives = set.Format
	}
	l.rules.admonish, l.rules.listings, l.rules.shortcodes = set.Admonish, set.Listings, set.Shortcodes
	if set.Format == lessonset.Hugo {
		l.rules.contentRoot = set.Root
	}
	if set.Format == lessonset.Workbench {
		l.rules.links = l.workbenchLinks()
		l.rules.knitr, l.rules.markdownTitles = true, true
	}
	for _, p := range set.Problems {
		l.errs.add(p.Path, p.Line, p.Col, "%s", p.Msg)
	}
	for _, p := range set.Warnings {
		l.errs.warn(p.Path, p.Line, p.Col, "%s", p.Msg)
	}
	if set.Format == lessonset.Hugo && l.root != "." && !l.ignored("static") {
		if st, err := fs.Stat(l.fsys, "static"); err == nil && st.IsDir() {
			l.addAssets("static", "") // a Hugo site's files copied to its root
		}
	}
	cfg.Title = cmp.Or(cfg.Title, set.Title)
	cfg.Description = cmp.Or(cfg.Description, set.Description)
	cfg.Footer = cmp.Or(cfg.Footer, set.Footer)
	if set.Language != "" && cfg.Language == "en" { // site.yaml's default
		cfg.Language = set.Language
	}
	cfg.Direction = cmp.Or(cfg.Direction, set.Direction)
}

// workbenchLinks reads a Workbench lesson's links.md, which the Workbench
// adds to the end of every page so that they share its link reference
// definitions; "" when there is none or it cannot be used (reported).
func (l *loader) workbenchLinks() string {
	const name = "links.md"
	data, err := fs.ReadFile(l.fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ""
	case err != nil:
		l.errs.add(name, 1, 1, "cannot read file: %v", err)
		return ""
	case !utf8.Valid(data):
		line, col := markdown.Position(data, firstInvalidUTF8(data))
		l.errs.add(name, line, col, "invalid UTF-8 (save the file as UTF-8)")
		return ""
	}
	return string(lineFeeds(data))
}

// linkBases are the folders a relative link that leads nowhere from its
// page is tried from: a Workbench site puts every page at its root, with
// episodes/fig, episodes/data and episodes/files beside them.
func (l *loader) linkBases() []string {
	if l.set == nil || l.set.Format != lessonset.Workbench {
		return nil
	}
	return []string{"episodes", ".", "learners", "instructors", "profiles"}
}

// claimAliases checks each page's aliases (Hugo's old URLs of a page,
// "/old/place/"): each becomes a page that leads to the page. An alias
// without a "/" first is, as in Hugo, below the page's parent's URL
// ("callouts" of guide/callout/ is /guide/callouts/): the page's Aliases
// are made rooted so.
func (l *loader) claimAliases(pages []*Page) {
	for _, p := range pages {
		if slices.ContainsFunc(p.Aliases, func(a string) bool { return !strings.HasPrefix(a, "/") }) {
			rooted := make([]string, len(p.Aliases))
			for i, a := range p.Aliases {
				rooted[i] = a
				if !strings.HasPrefix(a, "/") {
					rooted[i] = path.Join("/", path.Dir(strings.TrimSuffix(p.URL, "/")), a)
				}
			}
			p.Aliases = rooted
		}
		for _, a := range p.Aliases {
			out, ok := aliasFile(a)
			if !ok {
				line, col := p.placeOf("aliases")
				l.errs.add(p.Source, line, col, "alias %q is not a path inside the site", a)
				continue
			}
			if first, _, _ := strings.Cut(out, "/"); l.reserved(first) {
				line, col := p.placeOf("aliases")
				l.errs.add(p.Source, line, col, "alias %q is in a folder of the generator's own pages", a)
				continue
			}
			l.claim(strings.TrimSuffix(out, "index.html"), p.Source+" (alias "+a+")")
		}
	}
}

// aliasFile is the file an alias URL is served from: "/old/" ->
// "old/index.html", "/old.html" -> "old.html".
func aliasFile(alias string) (string, bool) {
	a := strings.Trim(path.Clean("/"+alias), "/")
	if a == "" || strings.Contains(a, "\\") || !fs.ValidPath(a) {
		return "", false
	}
	if strings.HasSuffix(a, ".html") {
		return a, true
	}
	return a + "/index.html", true
}

// params are the lesson set's settings Hugo's {{< param >}} reads.
func (l *loader) params() map[string]any {
	if l.set == nil {
		return nil
	}
	return l.set.Params
}

// ignored reports whether the lesson set says a content path is neither a
// page nor a published file.
func (l *loader) ignored(p string) bool {
	return l.set != nil && slices.Contains(l.set.Ignore, p)
}

// leafBundle reports whether dir is a page bundle of a Hugo site: it has
// index.md (and no _index.md), the page; everything else in it, Markdown
// and folders too, is the page's own files, as Hugo reads a leaf bundle.
func (l *loader) leafBundle(dir string) bool {
	if !l.isHugo() {
		return false
	}
	d := l.listing(dir)
	index := false
	for _, e := range d.entries {
		switch e.Name() {
		case "_index.md":
			return false // a section's page: a branch bundle
		case "index.md":
			index = !e.IsDir()
		}
	}
	return index
}

// loadOutline reads a lesson set whose own tool gives its order (a
// Workbench's config.yaml, an mdBook's SUMMARY.md): the home page, then
// each entry of the outline; an entry with children (or a part, or a
// group folder) is a module. URLs come from the pages' paths below the
// set's root, as in p2pc's own format. Files of the root that are not
// Markdown are published at their paths; Markdown files the outline does
// not list are not pages (mdBook's included fragments).
func (l *loader) loadOutline(set *lessonset.Set) *Module {
	l.keepOrder = numberedTwins(set.Home)
	home := &Module{Dir: l.root}
	if src := set.Home.Source; src != "" {
		home.Page = l.readPage(src, "", "home", home, nil)
		if home.Page != nil {
			home.Page.outlineTitle = cmp.Or(set.Home.Title, set.Title) // its title without one of its own (a Workbench's index.md)
		}
	}
	if home.Page == nil {
		home.Page = &Page{Kind: "home", Module: home, anchors: map[string]bool{}}
		home.Page.Title = cmp.Or(set.Title, "Home")
	}
	l.claim("", home.Page.sourceOr(l.root))
	l.addEntries(home, set.Home.Children)
	l.placeMadePages()
	l.addOutlineAssets(set)
	return home
}

// addEntries adds an outline's entries to module m, in order.
func (l *loader) addEntries(m *Module, entries []*lessonset.Entry) {
	m.items = l.entryItems(m, entries)
}

// entryItems adds entries to module m and returns them as m's items. A
// draft keeps the entries under it as its Children, as mdBook nests them.
func (l *loader) entryItems(m *Module, entries []*lessonset.Entry) []Item {
	items := []Item{}
	for _, e := range entries {
		switch {
		case e.Draft:
			children := l.entryItems(m, e.Children)
			if e.Title == "" {
				items = append(items, children...)
			} else {
				items = append(items, Item{Draft: e.Title, Children: children})
			}
		case e.Separator:
		case e.Part || e.Dir != "" || len(listedChildren(e)) > 0:
			if sub := l.outlineModule(e, m); sub != nil {
				m.Modules = append(m.Modules, sub)
				items = append(items, Item{Module: sub})
			}
		case e.Source != "":
			kind := "lesson" // a chapter outside any part too: the course's text, not a page aside
			if m.Parent == nil && e.Aside {
				kind = "page"
			}
			p := l.readPage(e.Source, "", kind, m, nil)
			if p == nil {
				continue
			}
			p.URL = l.outlineURL(e.Source, &p.FrontMatter)
			if p.LinkTitle == "" {
				p.LinkTitle = e.Title
			}
			l.claim(p.URL, e.Source)
			m.Lessons = append(m.Lessons, p)
			if !e.Aside { // a page set aside is listed apart, off the reading path
				items = append(items, Item{Lesson: p})
			}
		}
	}
	return items
}

// listedChildren are the entries under e that its page lists: pages,
// drafts with a title, and entries that hold either.
func listedChildren(e *lessonset.Entry) []*lessonset.Entry {
	var out []*lessonset.Entry
	for _, c := range e.Children {
		if !c.Separator && (c.Source != "" || c.Draft && c.Title != "" || len(listedChildren(c)) > 0) {
			out = append(out, c)
		}
	}
	return out
}

// outlineModule makes the module of an entry with children: its page is
// the entry's page, or one the builder makes (a part, a group folder).
func (l *loader) outlineModule(e *lessonset.Entry, parent *Module) *Module {
	m := &Module{Parent: parent}
	switch {
	case e.Source != "":
		m.Dir = strings.TrimSuffix(e.Source, ".md")
		if l.outlineIndex(path.Base(e.Source)) {
			m.Dir = path.Dir(e.Source)
		}
		m.Page = l.readPage(e.Source, "", "module", m, nil)
		if m.Page == nil {
			return nil
		}
		m.Page.URL = l.outlineURL(e.Source, &m.Page.FrontMatter)
		if m.Page.LinkTitle == "" {
			m.Page.LinkTitle = e.Title
		}
	default:
		name := cmp.Or(e.Dir, e.Title)
		seg := "part" // a part whose title has no letters ASCII can spell (# Общая информация): part/, part-2/…
		if e.Dir != "" || l.slug(stripOrder(path.Base(name))) != "" {
			var ok bool
			if seg, ok = l.segment(cmp.Or(e.Dir, l.root), stripOrder(path.Base(name))); !ok {
				return nil
			}
		}
		m.Dir = path.Join(l.root, e.Dir) // a part's, which has no folder, once its URL is known
		m.Page = &Page{Kind: "module", Module: m, anchors: map[string]bool{}, FrontMatter: FrontMatter{Title: cmp.Or(e.Title, titleFromName(name))}}
		l.madePages = append(l.madePages, madePage{m, seg, e.Dir})
		l.addEntries(m, e.Children)
		return m
	}
	l.claim(m.Page.URL, m.Page.sourceOr(m.Dir))
	l.addEntries(m, e.Children)
	return m
}

// madePage is a module of the outline whose page the builder makes: seg
// is the URL segment its title or folder gives, dir its folder ("" for a
// part, which has none).
type madePage struct {
	m        *Module
	seg, dir string
}

// placeMadePages gives the pages the builder makes for an outline (an
// mdBook part, a Workbench group folder) their URLs, once every chapter
// has claimed its own: a part is a heading of the table of contents, not a
// page of the book, so it never takes a URL a chapter wants. Each gets its
// segment's URL ("overview/") when it is free and not one of the
// builder's folders, else the first free of "overview-2/", "overview-3/"…,
// in outline order, so the result depends only on the outline.
func (l *loader) placeMadePages() {
	for _, mp := range l.madePages {
		url := mp.seg + "/"
		for n := 2; l.taken(url, mp.m.Parent); n++ {
			url = mp.seg + "-" + strconv.Itoa(n) + "/"
		}
		mp.m.Page.URL = url
		if mp.dir == "" {
			mp.m.Dir = path.Join(l.root, "#"+strings.TrimSuffix(url, "/")) // a part: no folder
		}
		l.claim(url, mp.m.Page.sourceOr(mp.m.Dir))
	}
	l.madePages = nil
}

// taken reports whether a page of module parent cannot have url: a page
// has it, or it is a folder of the builder's or a feature's.
func (l *loader) taken(url string, parent *Module) bool {
	if _, ok := l.urls[url]; ok {
		return true
	}
	first, _, _ := strings.Cut(url, "/")
	return parent != nil && parent.Parent == nil && l.reserved != nil && l.reserved(first)
}

// outlineURL is the URL of the page at src: its path below the set's root,
// each segment a slug, an index file standing for its folder; a first
// segment that is one of the generator's folders (contents/, cards/, …)
// gets "-2", with a warning.
func (l *loader) outlineURL(src string, fm *FrontMatter) string {
	slug := fm.Slug
	rel := strings.TrimPrefix(src, l.root+"/")
	if l.root == "." {
		rel = src
	}
	dir, name := path.Split(rel)
	stem := strings.TrimSuffix(strings.TrimSuffix(name, ".md"), ".Rmd")
	var segs []string
	for _, d := range strings.Split(strings.Trim(dir, "/"), "/") {
		if d == "" {
			continue
		}
		seg, ok := l.segment(src, stripOrder(d))
		if !ok {
			return ""
		}
		segs = append(segs, seg)
	}
	if !l.outlineIndex(name) {
		if !l.keepOrder[src] {
			stem = stripOrder(stem)
		}
		seg, ok := l.segment(src, stem)
		if slug != "" {
			seg, ok = slug, l.checkSlug(src, fm)
		}
		if !ok {
			return ""
		}
		segs = append(segs, seg)
	}
	if len(segs) == 0 {
		return ""
	}
	if l.reserved != nil && l.reserved(segs[0]) {
		// The book's own name for it cannot change without breaking the
		// book for its own tool: the page moves aside instead.
		l.errs.warn(src, 0, 0, "its URL would be %s/, one of the generator's own folders; it is published under %s-2/ instead", segs[0], segs[0])
		segs[0] += "-2"
	}
	return strings.Join(segs, "/") + "/"
}

// outlineIndex reports whether an outline's page named name stands for its
// folder: an index file (see indexNames), or in an mdBook any README.md
// whatever its case (readme.md, Readme.md), as mdBook's index
// preprocessor matches it.
func (l *loader) outlineIndex(name string) bool {
	if l.set != nil && l.set.Format == lessonset.MdBook && strings.EqualFold(name, "README.md") {
		return true
	}
	return indexName(name)
}

// addOutlineAssets publishes every file below the set's root that is not
// Markdown, hidden or ignored, at its path below the root; Markdown files
// in the set's FileDirs too, as files (a Workbench's episodes/files/a.md).
func (l *loader) addOutlineAssets(set *lessonset.Set) {
	_ = fs.WalkDir(l.fsys, l.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.errs.add(p, 0, 0, "cannot read: %v", err)
			return nil
		}
		name := d.Name()
		if p != l.root && (strings.HasPrefix(name, ".") || slices.Contains(set.Ignore, p)) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || strings.HasSuffix(name, "~") {
			return nil
		}
		if (strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".Rmd")) && !inFileDirs(set, p) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if why := checkLink(l.fsys, p); why != "" {
				l.errs.add(p, 1, 1, "%s", why)
				return nil
			}
		}
		rel := strings.TrimPrefix(p, l.root+"/")
		if l.root == "." {
			rel = p
		}
		l.assets[rel] = p
		return nil
	})
}

// inFileDirs reports whether the content path p lies in one of the
// set's folders published whole as files.
func inFileDirs(set *lessonset.Set, p string) bool {
	return slices.ContainsFunc(set.FileDirs, func(dir string) bool { return within(p, dir) })
}

// numberedTwins are the pages of an outline whose file names differ only
// in their number (hw/01-hw.md, hw/02-hw.md): their URLs keep it (hw/01-hw/,
// hw/02-hw/), where others drop it (01-intro.md is intro/).
func numberedTwins(home *lessonset.Entry) map[string]bool {
	bySpot := map[string][]string{} // folder and name without its number -> sources
	var walk func([]*lessonset.Entry)
	walk = func(entries []*lessonset.Entry) {
		for _, e := range entries {
			if e.Source != "" {
				dir, name := path.Split(e.Source)
				stem := strings.TrimSuffix(strings.TrimSuffix(name, ".md"), ".Rmd")
				spot := dir + stripOrder(stem)
				bySpot[spot] = append(bySpot[spot], e.Source)
			}
			walk(e.Children)
		}
	}
	walk(home.Children)
	keep := map[string]bool{}
	for _, sources := range bySpot {
		if len(sources) > 1 {
			for _, src := range sources {
				keep[src] = true
			}
		}
	}
	return keep
}
