package generator

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"p2pc/generator/directive"
	"p2pc/generator/lessonset"
	"p2pc/generator/markdown"
)

// indexNames are the files that give a module its title and introduction, in order of preference.
var indexNames = []string{"_index.md", "index.md", "README.md"}

// orderPrefix finds a numeric prefix such as "02-" on a name: its digits
// and its length with the separator (-, _, . or a space).
func orderPrefix(name string) (digits string, length int, ok bool) {
	i := 0
	for i < len(name) && name[i] >= '0' && name[i] <= '9' {
		i++
	}
	if i == 0 || i == len(name) || !strings.ContainsRune("-_. ", rune(name[i])) {
		return "", 0, false
	}
	return name[:i], i + 1, true
}

// loader reads the content tree into modules and pages.
type loader struct {
	fsys   fs.FS
	opts   Options
	errs   *errorList
	urls   map[string]string // URL -> source that claimed it
	assets map[string]string // output path -> content path of files copied as they are
	pages  map[string]*Page  // content path -> page
	drafts map[string]bool   // content paths of drafts left out
	// reserved reports whether a top-level name is an output folder of
	// the builder's or a feature's.
	reserved func(seg string) bool
	cache    map[string]*sourceFile // files read before and unchanged since (a Pipeline's)
	// remember: cache and dirs are a Pipeline's, kept for its next run, and
	// the folder plans in dirs remember the files their steps read
	remember bool
	// run counts the Pipeline's runs, and turn is the number of its
	// successful ones mod 2, when remember (see slab)
	run  uint64
	turn int
	// includers names the cached files that include others (a Pipeline's), or nil
	includers map[string]bool
	// prefetching: read each folder's files on all cores (see prefetch)
	prefetching bool
	dirs        dirCache          // folders listed before and unchanged since (a Pipeline's), or nil
	slugs       map[string]string // names already made URL segments (a Pipeline's), or nil
	reported    map[string]bool   // folders whose refused symbolic links this run reported
	rules       frontMatterRules
	set         *lessonset.Set // the lesson set of another tool's, or nil
	root        string         // the folder the pages live under ("." or an mdBook's "src")
	// keepOrder are the outline's pages whose URLs keep their file
	// names' numbers (see numberedTwins)
	keepOrder map[string]bool
	// hidden are the pages left out of navigation (see navHideKeys), in
	// the order they were read
	hidden []*Page
	// unused counts, per front-matter key kept unused, the files that have
	// it, and the first of them, to warn once per key
	unused map[string]*unusedUse
	// madePages are the outline's modules whose page the builder makes (an
	// mdBook part, a Workbench group), waiting for their URL until every
	// chapter has claimed its own (placeMadePages)
	madePages []madePage
}

// unusedUse is where a front-matter key p2pc does not use was found.
type unusedUse struct {
	first     string
	line, col int
	files     int
}

// maxFolderDepth bounds how deep module folders nest: every page lists
// the modules above it, so a deeper course costs more than its size.
const maxFolderDepth = 16

// loadModule reads the folder dir as a module at url (the home when
// parent is nil): its index page, lessons and files, and its subfolders
// as modules. What its listing alone decides is planned once per listing
// (see folderPlan); the pages are read and claim their URLs every run.
func (l *loader) loadModule(dir string, parent *Module, url string) *Module {
	m := &Module{Dir: dir, Parent: parent}
	d := l.openDir(dir)
	if d.err != nil {
		switch {
		case errors.Is(d.err, fs.ErrNotExist) && l.isHugo() && dir == l.root:
			// the site's configuration names the folder, and said so
		case errors.Is(d.err, fs.ErrNotExist):
			l.errs.add(dir, 0, 0, "no such folder: the content's pages are looked for there")
		default:
			l.errs.add(dir, 0, 0, "cannot read folder: %v", d.err)
		}
		m.Page = l.modulePage(m, &folderPlan{}, url) // a module has a page, even one that failed
		return m
	}
	plan := l.plan(dir, d, url, parent == nil)
	for _, e := range plan.extraIndex {
		l.errs.add(path.Join(dir, e), 1, 1, "%s is a second index file for this folder: %s is its index (keep only one of %s and %s)", e, path.Join(dir, plan.index), plan.index, e)
	}
	m.Page = l.modulePage(m, plan, url)
	l.claim(url, m.Page.sourceOr(dir))
	l.prefetch(dir, d.entries)
	// the folder's lessons are made in one block, not one by one (a
	// tenth of loading 10,000 lessons went to allocating their pages)
	slab := l.slab(plan)
	for i := range plan.steps {
		switch st := &plan.steps[i]; st.kind {
		case stepBundle:
			l.addBundle(m, st.full, url, st.name)
		case stepFiles:
			l.addAssets(st.full, st.url)
		case stepFile:
			l.assets[st.url] = st.full
		case stepModule:
			l.addModule(m, st)
		case stepLesson:
			l.addLesson(m, st, url, &slab[0])
			slab = slab[1:]
		}
	}
	if l.isHugo() {
		sortHugo(m)
		return m
	}
	sortModule(m)
	return m
}

// slab returns the block of zero pages a folder's lessons are made in. A
// server's folder plan keeps two blocks and takes turns (turn is the
// number of successful runs, mod 2), so that the pages of the last
// successful run, which the server still shows and looks at, stay as they
// are, and a run reuses the block of the run before that: clearing 50,000
// pages the processor has seen cost less than a new block (an edit at
// 50,000 lessons went from 181 to 151 ms, most of it page faults on the
// new blocks).
func (l *loader) slab(plan *folderPlan) []Page {
	if !l.remember || plan.slabRun[l.turn] == l.run {
		return make([]Page, plan.lessons) // a folder loaded twice in one run gets a block of its own
	}
	s := plan.slabs[l.turn]
	if len(s) != plan.lessons {
		s = make([]Page, plan.lessons)
		plan.slabs[l.turn] = s
	} else {
		clear(s)
	}
	plan.slabRun[l.turn] = l.run
	return s
}

// modulePage reads module m's index page, or makes a page without a source.
func (l *loader) modulePage(m *Module, plan *folderPlan, url string) *Page {
	kind := "module"
	if m.Parent == nil {
		kind = "home"
	}
	if plan.index != "" {
		if p := l.readPage(path.Join(m.Dir, plan.index), url, kind, m, &plan.indexFile); p != nil {
			return p
		}
	}
	p := &Page{URL: url, Kind: kind, Module: m, anchors: map[string]bool{}}
	p.Title = titleFromName(path.Base(m.Dir))
	if m.Parent == nil {
		p.Title = "Home"
	}
	return p
}

// addModule loads the subfolder a step names as a module of m.
func (l *loader) addModule(m *Module, st *planStep) {
	seg, ok := st.seg, st.seg != ""
	if !ok {
		seg, ok = l.segment(st.full, st.stem) // reports why not
	}
	switch {
	case !ok:
		return
	case m.Parent == nil && l.reserved(seg):
		l.errs.add(st.full, 0, 0, "the folder name %q is used by the generator's own pages; rename it", seg)
		return
	case depth(m) >= maxFolderDepth:
		l.errs.add(st.full, 0, 0, "module folders nest %d deep here; the limit is %d: move this folder up", depth(m)+1, maxFolderDepth)
		return
	}
	sub := l.loadModule(st.full, m, st.url)
	sub.order, sub.name = orderOf(st.name, sub.Page.Weight), st.name
	if m.Parent != nil && sub.Page.Source == "" && l.isHugo() {
		l.mergeFolder(m, sub) // no _index.md below the top: not a section in Hugo
		return
	}
	if sub.Page.navHidden {
		l.hide(sub)
		return
	}
	if m.Parent != nil && l.isHugo() && sub.Page.Source != "" && len(sub.Lessons) == 0 && len(sub.Modules) == 0 {
		// a section below the top with an _index.md and no pages: a page
		// of its parent's, as Hugo's documentation themes show it
		p := sub.Page
		p.Kind, p.Module = "lesson", m
		m.Lessons = append(m.Lessons, p)
		return
	}
	m.Modules = append(m.Modules, sub)
}

// addLesson reads the Markdown file a step names as a lesson of m at its
// URL, into the page into, unless it is left out.
func (l *loader) addLesson(m *Module, st *planStep, url string, into *Page) {
	kind := "lesson"
	if m.Parent == nil {
		kind = "page"
	}
	p := l.readPageInto(into, st.full, "", kind, m, &st.file)
	if p == nil {
		return
	}
	seg, ok := st.seg, st.seg != ""
	if !ok {
		seg, ok = l.segment(st.full, st.stem) // reports why not
	}
	if p.Slug != "" {
		seg, ok = p.Slug, l.checkSlug(st.full, &p.FrontMatter)
	}
	if !ok {
		return
	}
	if m.Parent == nil && l.reserved(seg) {
		l.errs.add(st.full, 1, 1, "the page name %q is used by the generator's own pages; rename it or set a slug", seg)
		return
	}
	p.URL = st.url
	if seg != st.seg {
		p.URL = url + seg + "/"
	}
	p.URL = l.ownURL(p, p.URL)
	l.claim(p.URL, st.full)
	l.place(m, p)
}

// ownURL is the URL page p's front matter gives it (Hugo's url:
// "/getting-started/" is getting-started/), else url. A url that is not a
// folder's inside the site, or is in one of the generator's own, is
// reported, and the page keeps url.
func (l *loader) ownURL(p *Page, url string) string {
	if p.hugoURL == "" {
		return url
	}
	own := strings.Trim(path.Clean("/"+p.hugoURL), "/")
	first, _, _ := strings.Cut(own, "/")
	if own == "" || !fs.ValidPath(own) || strings.ContainsAny(own, "\\?#") || path.Ext(own) == ".html" || l.reserved(first) {
		line, col := p.placeOf("url")
		l.errs.warn(p.Source, line, col, "url %q is not a folder's address inside the site that p2pc can give the page: it stays at /%s", p.hugoURL, url)
		return url
	}
	return own + "/"
}

// place adds page p to module m's lessons, or to the pages left out of
// navigation (see navHideKeys).
func (l *loader) place(m *Module, p *Page) {
	if p.navHidden {
		l.hidden = append(l.hidden, p)
	} else {
		m.Lessons = append(m.Lessons, p)
	}
}

// hide leaves module m out of navigation: its pages are built, as the
// loader's hidden pages.
func (l *loader) hide(m *Module) {
	for _, p := range append([]*Page{m.Page}, m.Lessons...) {
		p.navHidden = true
		l.hidden = append(l.hidden, p)
	}
	for _, sub := range m.Modules {
		l.hide(sub)
	}
}

// sortModule puts m's lessons (by weight, else by their names' numbers,
// then by name) and its modules in p2pc's order.
func sortModule(m *Module) {
	type ranked struct {
		order int
		p     *Page
	}
	list := make([]ranked, len(m.Lessons))
	for i, p := range m.Lessons {
		list[i] = ranked{orderOf(path.Base(p.Source), p.Weight), p}
	}
	slices.SortStableFunc(list, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(a.order, b.order), strings.Compare(a.p.Source, b.p.Source))
	})
	for i, r := range list {
		m.Lessons[i] = r.p
	}
	slices.SortStableFunc(m.Modules, func(a, b *Module) int {
		return cmp.Or(cmp.Compare(a.order, b.order), strings.Compare(a.name, b.name))
	})
}

// mergeFolder gives module m the pages and sections of sub, a folder of a
// Hugo site below the top without an _index.md: Hugo makes no section of
// it, and its pages are m's (at their URLs below the folder's).
func (l *loader) mergeFolder(m, sub *Module) {
	if l.urls[sub.Page.URL] == sub.Page.sourceOr(sub.Dir) {
		delete(l.urls, sub.Page.URL) // no page has it: a page "sub.md" beside the folder may
	}
	for _, p := range sub.Lessons {
		p.Module = m
		m.Lessons = append(m.Lessons, p)
	}
	for _, s := range sub.Modules {
		s.Parent = m
		m.Modules = append(m.Modules, s)
	}
	for _, p := range l.hidden { // sub's hidden pages and sections are m's too
		switch {
		case p.Module == sub:
			p.Module = m
		case p.Module != nil && p.Module.Parent == sub:
			p.Module.Parent = m
		}
	}
}

// depth counts the modules from the home down to m.
func depth(m *Module) int {
	n := 0
	for ; m != nil && m.Parent != nil; m = m.Parent {
		n++
	}
	return n
}

// addBundle adds a Hugo page bundle (a folder holding index.md and the
// page's files) to module m as a lesson.
func (l *loader) addBundle(m *Module, dir, url, name string) {
	p := l.readPage(path.Join(dir, "index.md"), "", "lesson", m, nil)
	if p == nil {
		return
	}
	if p.headless {
		delete(l.pages, p.Source) // neither the page nor its files are published
		return
	}
	seg, ok := l.segment(dir, l.stem(name))
	if p.Slug != "" {
		seg, ok = p.Slug, l.checkSlug(p.Source, &p.FrontMatter)
	}
	if !ok {
		return
	}
	if m.Parent == nil && l.reserved(seg) {
		l.errs.add(p.Source, 1, 1, "the page name %q is used by the generator's own pages; rename its folder or set a slug", seg)
		return
	}
	p.URL = l.ownURL(p, url+seg+"/")
	l.claim(p.URL, p.Source)
	l.place(m, p)
	l.addBundleFiles(dir, p.URL, true)
}

// addBundleFiles publishes the files of the page bundle folder dir (at
// the top, top: without its index.md) at url, and those of its folders:
// the Markdown in it is no page and is not published, as in Hugo (a page
// includes it).
func (l *loader) addBundleFiles(dir, url string, top bool) {
	entries, _ := l.readDir(dir)
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, ".") || top && name == "index.md":
		case e.IsDir():
			l.addBundleFiles(path.Join(dir, name), path.Join(url, name)+"/", false)
		case !strings.HasSuffix(name, ".md"):
			l.assets[url+name] = path.Join(dir, name)
		}
	}
}

func (p *Page) sourceOr(dir string) string {
	if p.Source != "" {
		return p.Source
	}
	return dir + "/"
}

func indexName(name string) bool {
	for _, n := range indexNames {
		if n == name {
			return true
		}
	}
	return false
}

// claim records that src produces url, reporting a clash with an earlier claim.
func (l *loader) claim(url, src string) {
	if prev, ok := l.urls[url]; ok {
		line, col := 0, 0
		if !strings.HasSuffix(src, "/") {
			line, col = 1, 1 // the file as a whole
		}
		l.errs.add(src, line, col, "wants the URL /%s, which %s already has (rename one or give it a slug)", url, prev)
		return
	}
	l.urls[url] = src
}

var safeSlug = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// segment turns a file or folder name into one URL path segment: lowercase
// ASCII with accents and ʻokina folded ("ʻIke loa" becomes "ike-loa").
func (l *loader) segment(src, name string) (string, bool) {
	seg := l.slug(name)
	if seg == "" {
		l.errs.add(src, 0, 0, "%q cannot be a URL segment: name it with letters or digits", name)
		return "", false
	}
	return seg, true
}

// slug is markdown.Slug(name), or in a Hugo site hugoSegment(name), from
// the names made segments before.
func (l *loader) slug(name string) string {
	key := name
	if l.isHugo() {
		key = "hugo\x00" + name
	}
	seg, ok := l.slugs[key]
	if !ok {
		seg = markdown.Slug(name)
		if l.isHugo() {
			seg = hugoSegment(name)
		}
		if l.slugs != nil {
			l.slugs[key] = seg
		}
	}
	return seg
}

// isHugo reports whether the content is a Hugo site's.
func (l *loader) isHugo() bool { return l.set != nil && l.set.Format == lessonset.Hugo }

// stem is the name of a file (without .md) or folder that its URL segment
// is made from: without its order prefix ("02-five-steps" is five-steps),
// but as it is in a Hugo site, whose URLs keep it (10_setup/ stays).
func (l *loader) stem(name string) string {
	if l.isHugo() {
		return name
	}
	return stripOrder(name)
}

// hugoSegment is the URL segment Hugo makes of a file or folder name:
// lowercase, letters, digits, ".", "_" and "-" kept, other marks left out,
// and a run of spaces one "-", none beside a "-" of the name, as Hugo's
// UnicodeSanitize writes them ("10_Setup Guide" is 10_setup-guide, "Part
// 1 - Intro" part-1-intro). A name with other letters than ASCII's gets
// p2pc's segment, in ASCII, as one that would not start with a letter or
// digit does.
func hugoSegment(name string) string {
	var b strings.Builder
	space, hyphen := false, false // a space is pending; the last byte written is "-"
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return markdown.Slug(name)
		case c == ' ', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			space = space || !hyphen
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '.', c == '_', c == '-':
		default:
			continue
		}
		if space && c != '-' {
			b.WriteByte('-')
		}
		b.WriteByte(c)
		space, hyphen = false, c == '-'
	}
	if space {
		b.WriteByte('-') // Hugo's "tr " is tr-
	}
	seg := b.String()
	if !safeSlug.MatchString(seg) || strings.Contains(seg, "..") {
		return markdown.Slug(name)
	}
	return seg
}

// checkSlug accepts a front-matter slug that is one safe URL segment.
func (l *loader) checkSlug(src string, fm *FrontMatter) bool {
	if !safeSlug.MatchString(fm.Slug) || strings.Contains(fm.Slug, "..") {
		line, col := fm.placeOf("slug")
		l.errs.add(src, line, col, "slug %q must be one URL segment of lowercase letters, digits, '-', '_' or '.' (no '/' or '..')", fm.Slug)
		return false
	}
	return true
}

// readPage reads a Markdown file and its front matter; it returns nil for a
// draft that is left out or a file that cannot be read. memo, when not
// nil, is where a folder's plan remembers the file (see source).
func (l *loader) readPage(src, url, kind string, m *Module, memo **sourceFile) *Page {
	return l.readPageInto(nil, src, url, kind, m, memo)
}

// readPageInto is readPage, making the page in into, a zero Page, when it
// is not nil.
func (l *loader) readPageInto(into *Page, src, url, kind string, m *Module, memo **sourceFile) *Page {
	f := l.source(src, memo)
	l.errs.errs = append(l.errs.errs, f.problems...)
	for _, u := range f.unused {
		if l.unused == nil {
			l.unused = map[string]*unusedUse{}
		}
		if use := l.unused[u.key]; use != nil {
			use.files++
		} else {
			l.unused[u.key] = &unusedUse{first: src, line: u.line, col: u.col, files: 1}
		}
	}
	if !f.ok {
		return nil
	}
	if f.fm.Draft && kind != "home" && l.leavesOutDraft(src, &f.fm) {
		l.drafts[src] = true
		return nil
	}
	if f.fm.unpublished && kind != "home" {
		return nil // Hugo would not publish it (see readPublishKeys)
	}
	p := into // a zero Page: its fields are set one by one, not cleared again
	if p == nil {
		p = new(Page)
	}
	p.FrontMatter, p.Source, p.URL, p.Kind, p.Module = f.fm, src, url, kind, m
	p.body, p.sum, p.lines, p.lenient = f.body, f.sum, f.lines, l.set != nil
	if l.remember {
		p.file = f
	}
	if p.Summary == "" {
		p.Summary = p.Description // Hugo's
	}
	if p.Duration == 0 {
		p.Duration = p.Teaching + p.Exercises // the Workbench's
	}
	if l.pages != nil {
		l.pages[src] = p
	}
	return p
}

// leavesOutDraft reports whether a page whose front matter says draft:
// true is left out: it is, unless --drafts builds drafts, in p2pc's own
// format and Hugo's. The Workbench has no draft key (config.yaml alone
// decides what is built), so a Workbench lesson's page is built, with a
// warning at the key.
func (l *loader) leavesOutDraft(src string, fm *FrontMatter) bool {
	if l.set != nil && l.set.Format == lessonset.Workbench {
		line, col := fm.placeOf("draft")
		l.errs.warn(src, line, col, "front-matter key \"draft\" means nothing to the Workbench (config.yaml decides what it builds): this page is built")
		return false
	}
	return !l.opts.Drafts
}

// sourceFile is a Markdown file as read: its bytes' hash, front matter and
// body, and the problems reading them found.
type sourceFile struct {
	sum uint64
	fm  FrontMatter
	// dropped: the Pipeline forgot the file, so a plan's memo of it is stale
	dropped bool
	// parse and linked are what a server's Pipeline keeps of the page's
	// last parse and link check (its parses and links maps, by the file's
	// path), found without looking the path up in them. Each is checked
	// as the map's entry is: a stale one is not used.
	parse    *keptParse
	linked   *linkResult
	body     []byte
	problems []*FileError
	ok       bool // readable and valid UTF-8
	rules    frontMatterRules
	unused   []unusedKey // front-matter keys kept in Params, unused
	lines    []int       // body line -> line of the file, when directives changed the body
	includes []string    // content files the body includes
	// pagePath is the Path of the page last read from the file, made
	// once while its URL stays the same (see notePaths)
	pagePath string
}

// expand expands the body's directives (mdBook's includes, Hugo's
// shortcodes), with the page's own params and the site's params. An
// included file's bytes count as the page's own.
func (f *sourceFile) expand(fsys fs.FS, src string, rules frontMatterRules, params map[string]any, errs *errorList) {
	read := func(name string) ([]byte, error) { return readInside(fsys, name) }
	r := directive.Expand(src, f.body, directive.Env{Format: rules.directives, Read: read, Params: params, PageParams: f.fm.Params,
		Admonish: rules.admonish, Listings: rules.listings, SiteShortcodes: rules.shortcodes, ContentRoot: rules.contentRoot, KnitrChildren: knitted(src, rules)})
	for _, p := range r.Problems {
		if p.Warning {
			errs.warn(src, p.Line, p.Col, "%s", p.Msg)
		} else {
			errs.add(src, p.Line, p.Col, "%s", p.Msg)
		}
	}
	if len(r.Includes) > 0 || !bytes.Equal(r.Body, f.body) {
		// what the page's Markdown is depends on more than its file: the
		// included files, the set's settings (admonish, params)
		f.sum = newKey("expanded").num(f.sum).num(hashBytes(r.Body)).sum()
	}
	f.body, f.lines, f.includes = r.Body, r.Lines, r.Includes
	if f.fm.Title == "" {
		f.fm.Title = r.Title
	}
}

// knitted reports whether knitr reads the file at src: an R Markdown page
// of a lesson whose tool knits it.
func knitted(src string, rules frontMatterRules) bool {
	return rules.knitr && strings.HasSuffix(src, ".Rmd")
}

// source returns the file at src as read now, or as a Pipeline kept it.
// A server's folder plans remember the files their steps read (memo): a
// remembered file the Pipeline has not forgotten since is the one its
// cache holds, found without looking src up. (Looking up each of 10,000
// lessons was 3 ms of a 42 ms edit: a cache miss or two per file.)
func (l *loader) source(src string, memo **sourceFile) *sourceFile {
	if memo != nil && l.remember {
		if f := *memo; f != nil && !f.dropped && f.rules == l.rules {
			return f
		}
	}
	f := l.cache[src]
	if f == nil || f.rules != l.rules {
		f = readSource(l.fsys, src, l.rules, l.params())
		if l.cache != nil {
			l.keepSource(src, f)
		}
	}
	if memo != nil && l.remember {
		*memo = f
	}
	return f
}

// keepSource puts f in the cache, noting it when it includes other files.
func (l *loader) keepSource(src string, f *sourceFile) {
	l.cache[src] = f
	if len(f.includes) > 0 && l.includers != nil {
		l.includers[src] = true
	}
}

// prefetch reads and splits the Markdown files among a folder's entries
// on all cores, into the cache source reads from, so that the walk over
// the folders, which stays in one goroutine and in order, finds them
// read. (One goroutine reading 10,000 lessons took 0.9 s of a 5.7 s
// build; reading is half of it, the front matter's YAML the other half.)
// A file read here but never asked for is only a cache entry: its
// problems are reported by readPage, when and if it is read. A server's
// later runs, which find all but the files just saved in the cache, do
// not prefetch: looking every file up took 7 ms of a one-lesson edit at
// 10,000 lessons.
func (l *loader) prefetch(dir string, entries []fs.DirEntry) {
	if !l.prefetching {
		return
	}
	var todo []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, ".") {
			continue
		}
		if f := l.cache[path.Join(dir, name)]; f == nil || f.rules != l.rules {
			todo = append(todo, path.Join(dir, name))
		}
	}
	if len(todo) < 2 {
		return
	}
	found := make([]*sourceFile, len(todo))
	rules, params := l.rules, l.params()
	_ = parallel(len(todo), func(i int) error {
		found[i] = readSource(l.fsys, todo[i], rules, params)
		return nil
	})
	for i, src := range todo {
		l.keepSource(src, found[i])
	}
}

// readSource reads and splits one Markdown file.
func readSource(fsys fs.FS, src string, rules frontMatterRules, params map[string]any) *sourceFile {
	errs := &errorList{}
	f := &sourceFile{rules: rules}
	data, err := fs.ReadFile(fsys, src)
	switch {
	case err != nil:
		errs.add(src, 1, 1, "cannot read file: %v", err)
	case !utf8.Valid(data):
		line, col := markdown.Position(data, firstInvalidUTF8(data))
		errs.add(src, line, col, "invalid UTF-8 (save the file as UTF-8)")
	default:
		f.ok, f.sum = true, hashBytes(data)
		data = bytes.TrimPrefix(data, []byte("\ufeff"))
		data = lineFeeds(data)
		if line := headlessFrontMatter(data); line > 0 {
			errs.warn(src, line, 1, "these lines look like front matter, but the file does not start with a line ---: add one above them (else they are the page's first heading)")
		}
		f.fm, f.body, f.unused = splitFrontMatter(src, data, rules, errs)
		if rules.directives == "hugo" {
			f.unused = f.fm.readThemeKeys(f.unused)
		}
		if rules.markdownTitles { // "Using `git` with *RStudio*", as sandpaper renders it
			f.fm.Title, f.fm.LinkTitle = lessonset.PlainTitle(f.fm.Title), lessonset.PlainTitle(f.fm.LinkTitle)
		}
		if rules.directives != "" && bytes.Contains(f.body, []byte("{{")) || rules.admonish && bytes.Contains(f.body, []byte("admonish")) ||
			rules.listings && bytes.Contains(f.body, []byte("<Listing")) ||
			knitted(src, rules) && (bytes.Contains(f.body, []byte("child")) || bytes.Contains(f.body, []byte("file")) ||
				bytes.Contains(f.body, []byte("readLines")) || bytes.Contains(f.body, []byte("`r "))) {
			f.expand(fsys, src, rules, params, errs)
		}
		if rules.links != "" { // after the page's own lines, which keep their numbers
			if used := linksFor(f.body, linkDefsOf(rules.links)); len(used) > 0 {
				f.body = slices.Concat(f.body, []byte("\n\n"), used)
				f.sum = newKey("with links").num(f.sum).str(string(used)).sum()
			}
		}
	}
	f.problems = errs.errs
	return f
}

// lineFeeds ends every line with a line feed: a carriage return alone (old
// Mac files) becomes one, so lines count right in messages; CR LF stays.
func lineFeeds(b []byte) []byte {
	i := bytes.IndexByte(b, '\r')
	if i < 0 {
		return b
	}
	out := append([]byte{}, b...)
	for ; i < len(out); i++ {
		if out[i] == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func stripOrder(name string) string {
	if _, n, ok := orderPrefix(name); ok && n < len(name) {
		return name[n:]
	}
	return name
}

// orderOf sorts by front-matter weight, else by a numeric name prefix; unnumbered last.
func orderOf(name string, weight int) int {
	if weight != 0 {
		return weight
	}
	if digits, _, ok := orderPrefix(name); ok {
		n, _ := strconv.Atoi(digits)
		return n
	}
	return 1 << 30
}

// titleFromName makes "02-five-steps.md" read "Five steps".
func titleFromName(name string) string {
	s := strings.TrimSuffix(stripOrder(name), ".md")
	s = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(s))
	if s == "" {
		return name
	}
	r, size := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[size:]
}

// warnUnused warns once per front-matter key that p2pc does not use.
func (l *loader) warnUnused() {
	for key, use := range l.unused {
		if l.set != nil && toolOnlyKeys[l.set.Format][key] {
			continue
		}
		also := ""
		if use.files > 1 {
			also = fmt.Sprintf("; %d files have it", use.files)
		}
		l.errs.warn(use.first, use.line, use.col, "front-matter key %q is not used by p2pc (layouts can read it as .Params.%s)%s", key, key, also)
	}
}

// toolOnlyKeys are front-matter keys a format's own tool reads to build,
// or ignores, which mean nothing to readers: every Workbench lesson's
// index.md has site: sandpaper::sandpaper_site, lessons converted from the
// Jekyll template keep permalink, start and break, and RStudio adds
// editor_options to R Markdown. They are kept in Params, without the
// warning other unused keys give.
var toolOnlyKeys = map[string]map[string]bool{
	lessonset.Workbench: {"site": true, "permalink": true, "source": true, "math": true, "editor_options": true,
		"start": true, "break": true, "layout": true, "root": true},
}

// String helps debugging.
func (m *Module) String() string { return fmt.Sprintf("module %s (%d lessons)", m.Dir, len(m.Lessons)) }

// notePaths gives each page its Path once, so that the steps after loading,
// which ask for it many times on all cores, do not each make the string. A
// server's page takes the one its source kept from the last run when its
// URL is the same (a one-lesson edit at 10,000 lessons made 10,000 of them
// twice).
func notePaths(pages []*Page) {
	for _, pg := range pages {
		if pg.file != nil {
			pg.path = pg.file.pagePath
		}
		if p := pg.Path(); p != pg.path { // made anew: pg.path was not for this URL
			pg.path = p
			if pg.file != nil {
				pg.file.pagePath = p
			}
		}
	}
}
