package generator

import (
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/builtin"
	"p2pc/generator/lessonset"
	"p2pc/generator/markdown"
)

// checked is a run up to its first byte of output: the site with every
// page's metadata, and what rendering needs.
type checked struct {
	site     *Site
	md       *markdown.Markdown
	targets  *linkTargets // frozen
	layouts  layoutFiles
	renderer *pageRenderer
	static   []string // files of Options.Static
	feat     *featureRun
	siteKey  uint64 // what every page's output depends on besides its own source
	featKey  uint64
	marks    []*markRun // the features' Marks with what every page uses
	// early renders bodies while parsing and keeps them (see earlyBodies);
	// nil in a server's run, or when a feature's Marks may change the pages
	early    *earlyBodies
	mdKey    uint64
	assetsIn map[string]string // output path -> content path of files copied as they are
}

// check reads, parses and checks the content and runs the features. It
// returns every content problem. With early, it renders the bodies it
// can as it parses them.
func (p *Pipeline) check(early *earlyBodies) (*checked, error) {
	list := p.opts.Features
	if list == nil {
		list = builtin.Features()
	}
	features, err := newFeatureSet(list)
	if err != nil {
		return nil, err
	}
	errs := &errorList{}
	c, l := p.load(features, errs)
	features.foreign = l.set != nil
	t := newLinkTargets(c, l)
	c.site.redirects = l.placeRedirects(t)
	if early != nil && !features.mayMark(c.site.Pages) { // else the pages are parsed again to be marked
		early.start(t, p.content)
		c.early = early
	}
	p.parseAll(c, errs)
	c.targets = p.checkAllLinks(c, l, t, errs)
	c.site.notFound = p.notFoundPage(c, l, c.targets, errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	if err := p.features(c, errs); err != nil {
		return nil, err
	}
	c.static = staticFiles(c, p.opts, errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	if c.layouts, err = readLayouts(p.layouts); err != nil {
		return nil, err
	}
	layoutsKey := c.layouts.key()
	c.siteKey = siteKey(c, layoutsKey)
	var set *layoutSet
	if c.renderer, set, err = newPageRenderer(c.site, c.layouts, layoutsKey, p.layoutSet, c.siteKey); err != nil {
		return nil, err
	}
	if p.keep {
		p.layoutSet = set
	}
	c.site.Warnings = errs.warnings()
	return c, nil
}

// load reads the settings and the content tree (from what the pipeline
// kept, for what did not change) and sets up the Markdown of the run.
func (p *Pipeline) load(features *featureSet, errs *errorList) (*checked, *loader) {
	cfg := loadConfig(p.content, errs)
	if p.opts.BaseURL != "" {
		if msg := checkBaseURL(p.opts.BaseURL); msg != "" {
			errs.add("--base-url", 0, 0, "%s", msg)
		} else {
			cfg.BaseURL = p.opts.BaseURL
		}
	}
	n := len(p.sources) // with keep, about as many pages as the last run had
	l := &loader{fsys: p.content, opts: p.opts, errs: errs, urls: make(map[string]string, n), assets: map[string]string{},
		pages: make(map[string]*Page, n), drafts: map[string]bool{}, reserved: features.reserved, dirs: dirCache{}}
	if p.keep {
		l.cache, l.dirs, l.includers, l.remember = p.sources, p.dirs, p.includers, true
		p.runs++
		l.run, l.turn = p.runs, int(p.succeeded%2)
		if len(p.slugs) > 4*len(p.sources)+1024 {
			clear(p.slugs) // names of files long gone
		}
		l.slugs = p.slugs
	} else {
		l.cache = map[string]*sourceFile{} // for this run's prefetch only
	}
	l.prefetching = len(l.cache) == 0
	site := &Site{Config: cfg, features: features}
	set, err := p.lessonSet()
	if err != nil {
		errs.add(".", 0, 0, "%v", err)
	}
	l.fsys = newLangFS(p.content, set) // a Hugo site's pages of its default language
	p.pages = l.fsys
	if view := languageView(l.fsys); p.keep && view != p.languages {
		// The site's languages changed (its settings, or an _index.LANG.md
		// at the content root): the folders kept were listed, and the
		// pages read, under the old ones ("a.de.md" a page of its own
		// before de was a language, none after).
		known := p.setKnown
		p.Forget(".")
		p.setKnown, p.languages = known, view
		l.prefetching = true
	}
	errs.rename = realPath(l.fsys)
	switch {
	case set == nil && p.opts.Format != "p2pc" && lessonset.IsStyles(p.content):
		// one error, not one for every episode's front matter
		errs.add("_config.yml", 1, 1, "this is a lesson in The Carpentries' older template (styles: _config.yml and _episodes/), which p2pc does not read; "+
			"it reads lessons of The Carpentries Workbench (config.yaml and episodes/): convert the lesson to the Workbench first, as The Carpentries' transition guide shows, "+
			"or build it as p2pc's own format with --format p2pc")
		site.Home = &Module{Dir: "."}
		site.Home.Page = l.modulePage(site.Home, &folderPlan{}, "")
	case set == nil:
		site.Home = l.loadModule(".", nil, "")
	default:
		l.useSet(set, &site.Config)
		site.Config.RawHTML = site.Config.RawHTML || set.RawHTML // Hugo's markup.goldmark.renderer.unsafe
		if set.Home != nil {
			site.Home = l.loadOutline(set)
		} else {
			site.Home = l.loadModule(l.root, nil, "")
		}
	}
	l.warnUnused()
	if !p.keep {
		l.cache = nil // the pages hold what they need of it: let a page's source go with it
	}
	site.Pages, site.start = readingOrder(site.Home)
	site.Pages = append(site.Pages, l.hidden...) // built, in no order of reading
	l.claimAliases(site.Pages)
	notePaths(site.Pages)
	if site.Config.Title == "" {
		site.Config.Title = site.Home.Page.Title // without site.yaml's title, the home page's
	}
	if site.Config.Footer != "" {
		site.Config.FooterHTML = footerHTML(site.Config.Footer)
	}
	var renderers []util.PrioritizedValue
	for _, f := range features.list {
		renderers = append(renderers, f.Renderers()...)
	}
	dialect := markdown.GitHub
	if l.set != nil {
		dialect.Pandoc = l.set.Format == lessonset.Workbench
		dialect.UnicodeIDs = l.set.Format == lessonset.Hugo
		dialect.HugoIDs = l.set.HeadingIDs
		dialect.MdBookIDs = l.set.Format == lessonset.MdBook
		dialect.HideLines = l.set.HideLines
		dialect.RawHTMLSetting = l.set.RawHTMLSetting
		dialect.BlockAttributes = l.set.BlockAttributes
		dialect.Dollars = l.set.DollarMath
		dialect.PlainPunctuation = l.set.PlainPunctuation
		dialect.TOCMarker, dialect.TOCMaxLevel = l.set.TOCMarker, l.set.TOCMaxLevel
		for _, d := range l.set.Math {
			dialect.Math = append(dialect.Math, markdown.MathDelims(d))
		}
	}
	rawHTML := site.Config.RawHTML
	c := &checked{site: site, md: markdown.NewDialect(dialect, rawHTML, features.render, renderers...), assetsIn: l.assets}
	k := newKey("markdown").num(features.key(rawHTML)).flag(dialect.Pandoc).str(dialect.RawHTMLSetting).flag(dialect.BlockAttributes).flag(dialect.Dollars).flag(dialect.PlainPunctuation).str(dialect.TOCMarker).num(uint64(dialect.TOCMaxLevel)).flag(dialect.UnicodeIDs).flag(dialect.MdBookIDs).str(dialect.HugoIDs).flag(l.set != nil) // lenient pages warn where others fail
	for _, d := range dialect.Math {
		k.str(d.Open).str(d.Close).flag(d.Display)
	}
	for _, lang := range slices.Sorted(maps.Keys(dialect.HideLines)) {
		k.str(lang).str(dialect.HideLines[lang])
	}
	c.mdKey = k.sum()
	return c, l
}

// lessonSet recognises the content's format, or gives what the last run
// recognised when kept: only the files at the top of the content folder
// and one level down say what it is (see Forget).
func (p *Pipeline) lessonSet() (*lessonset.Set, error) {
	if p.keep && p.setKnown {
		return p.set, nil
	}
	set, err := lessonset.DetectAs(p.content, p.opts.Format)
	if err == nil && p.keep {
		p.set, p.setKnown = set, true
	}
	return set, err
}

// newLinkTargets gathers what links can lead to, from what loading found:
// the pages, the modules and the files copied as they are.
func newLinkTargets(c *checked, l *loader) *linkTargets {
	t := &linkTargets{generatedDir: c.site.features.generatedDir, pages: l.pages, modules: map[string]*Page{},
		assets: make(map[string]string, len(l.assets)), drafts: l.drafts, sources: map[string]string{}, urls: make(map[string]*Page, len(c.site.Pages)), root: l.root, bases: l.linkBases(), byOutput: l.assets,
		unchecked: l.set != nil, urlLinks: l.isHugo(), bookLinks: l.set != nil && l.set.Format == lessonset.MdBook}
	for _, m := range allModules(c.site.Home) {
		t.modules[m.Dir] = m.Page
	}
	if t.urlLinks {
		t.byBase = pagesByName(l.pages)
	}
	for _, pg := range c.site.Pages {
		t.urls[pg.URL] = pg
	}
	if l.set != nil && l.set.Format == lessonset.MdBook {
		t.readmes = mdBookReadmes(c.site.Pages)
	}
	for out, src := range l.assets {
		t.assets[src] = out
	}
	return t
}

// checkAllLinks checks every page's links (again only where the page or
// what links can point at changed) and returns the targets, frozen.
func (p *Pipeline) checkAllLinks(c *checked, l *loader, t *linkTargets, errs *errorList) *linkTargets {
	world := linkWorld(c.site, t)
	var cache map[string]*linkResult
	if p.keep {
		cache = p.links
	}
	for _, pg := range c.site.Pages {
		if pg.Source != "" {
			checkLinksOnce(pg, p.content, t, errs, world, cache)
		}
	}
	if len(p.links) > 2*len(c.site.Pages)+64 {
		clear(p.links) // sources long gone
	}
	t.frozen = true
	return t
}

// parseAll gives every page with a source what parsing it finds: from the
// last parse of the same bytes, or parsing it now, on all cores.
func (p *Pipeline) parseAll(c *checked, errs *errorList) {
	var todo []*Page
	results := make([]*parsed, len(c.site.Pages))
	for i, pg := range c.site.Pages {
		if pg.Source == "" {
			continue
		}
		var e keptParse
		var ok bool
		if f := pg.file; f != nil && f.parse != nil {
			e, ok = *f.parse, true // what the map holds, found without a look-up
		} else {
			e, ok = p.parses[pg.Source]
		}
		if ok && c.sameParse(e.key, pg) {
			pg.apply(e.parsed)
			results[i] = e.parsed
			continue
		}
		todo = append(todo, pg)
	}
	p.stats.Parsed = len(todo)
	found := make([]*parsed, len(todo))
	_ = parallel(len(todo), func(i int) error {
		pe := &errorList{}
		doc := parsePage(c.md, todo[i], c.site.features.trainer, p.keep, pe)
		todo[i].placeProblems(pe.errs)
		found[i] = todo[i].summary(pe.errs) // before an early body's sections, which keep no texts
		switch pg, set := todo[i], c.site.features; {
		case !set.feeds(pg):
			c.early.render(c, pg, doc)
		case c.early != nil && !set.keepsTree(pg): // read for its notes, not changed: render it now
			pg.checkTree, pg.notesTree = c.early.noted(c, pg, doc), true
		default:
			pg.checkTree = doc // the features read it next: not parsed a third time
		}
		return nil
	})
	next := found
	for i, pg := range c.site.Pages {
		if results[i] == nil && pg.Source != "" {
			results[i], next = next[0], next[1:]
		}
		if results[i] != nil {
			errs.errs = append(errs.errs, results[i].problems...)
		}
	}
	if !p.keepParses {
		return
	}
	for i, pg := range todo {
		kp := keptParse{c.parseKey(pg), found[i]}
		p.parses[pg.Source] = kp
		if pg.file != nil {
			pg.file.parse = &kp
		}
	}
	if len(p.parses) > len(c.site.Pages)+64 {
		p.prune(c)
	}
}

// keptParse is the last parse of a source, with what it was made of.
type keptParse struct {
	key    parseKey
	parsed *parsed
}

// parseKey names the parse of page pg's source with this run's Markdown.
func (c *checked) parseKey(pg *Page) parseKey {
	return parseKey{src: pg.Source, sum: pg.sum, kind: pg.Kind, md: c.mdKey, names: pg.LinkTitle + "\x00" + pg.outlineTitle}
}

// sameParse reports whether k is c.parseKey(pg), without making that key.
func (c *checked) sameParse(k parseKey, pg *Page) bool {
	n, a, b := k.names, pg.LinkTitle, pg.outlineTitle
	return k.src == pg.Source && k.sum == pg.sum && k.kind == pg.Kind && k.md == c.mdKey &&
		len(n) == len(a)+1+len(b) && n[:len(a)] == a && n[len(a)] == 0 && n[len(a)+1:] == b
}

// prune drops the parses of sources this run did not read.
func (p *Pipeline) prune(c *checked) {
	used := make(map[string]keptParse, len(c.site.Pages))
	for _, pg := range c.site.Pages {
		if e, ok := p.parses[pg.Source]; ok && pg.Source != "" {
			used[pg.Source] = e
		}
	}
	p.parses = used
}

// fedPages are the pages a feature reads, in reading order.
func fedPages(s *Site) []*Page {
	var out []*Page
	for _, pg := range s.Pages {
		if pg.Source != "" && s.features.feeds(pg) {
			out = append(out, pg)
		}
	}
	return out
}

// siteKey digests everything a page's output depends on besides its own
// source and diagrams: the layouts, the settings, where every page and
// file goes, and what the layouts show of other pages (their navigation:
// title, summary, minutes, place) and of the features' pages.
func siteKey(c *checked, layouts uint64) uint64 {
	s := c.site
	k := newKey("site").num(layouts).num(c.mdKey)
	cfg := s.Config
	k.str(cfg.Title).str(cfg.Description).str(cfg.Language).str(cfg.Direction).str(cfg.BaseURL).flag(cfg.RawHTML).str(cfg.Footer)
	for _, pg := range s.Pages {
		k.str(pg.Source).str(pg.URL).str(pg.Kind).str(pg.Title).str(pg.LinkTitle).str(pg.Summary).int(pg.Minutes()).int(pg.Weight).str(pg.Updated()).flag(pg.navHidden)
		if pg.Module != nil {
			k.str(pg.Module.Dir)
		}
		for _, v := range pg.Views {
			k.str(v.URL)
		}
	}
	for _, g := range s.Generated {
		k.str(g.URL).str(g.Title).str(g.Summary).flag(g.NoIndex).flag(g.unlisted)
	}
	for _, m := range allModules(s.Home) { // the drafts an outline lists, where it nests them
		k.str(m.Dir)
		draftKey(k, m.items)
	}
	for _, out := range slices.Sorted(maps.Keys(c.assetsIn)) {
		k.str(out).str(c.assetsIn[out])
	}
	for _, d := range slices.Sorted(maps.Keys(c.targets.drafts)) {
		k.str(d)
	}
	redirectsKey(k, s.redirects) // links to old addresses lead where they do
	return k.sum()
}

// draftKey digests the drafts of items and the chapters under them, with
// their places among the items (a draft moved past a lesson moves in
// every list that shows it).
func draftKey(k *key, items []Item) {
	for i, it := range items {
		if it.Draft != "" || len(it.Children) > 0 {
			k.int(i).str(it.Draft).int(len(it.Children))
			draftKey(k, it.Children)
		}
	}
}

// pageKey digests what page pg's output depends on.
func (c *checked) pageKey(pg *Page) uint64 {
	k := newKey("page").num(c.siteKey).str(pg.Source).num(pg.sum).num(pg.diagrams)
	if c.feat.fed[pg.Source] != nil {
		k.num(c.featKey)
	}
	markKey(k, c.marks, pg.URL)
	return k.sum()
}

// tree returns the tree to render page pg from, links rewritten and
// diagrams in: the one the features read, or the source parsed again.
// A page whose search text was not kept takes it from the tree.
func (c *checked) tree(pg *Page, p *Pipeline) ast.Node {
	if doc := c.feat.fed[pg.Source]; doc != nil {
		return doc
	}
	doc := parseTree(c.md, pg)
	if _, fed := c.feat.sections[pg.Source]; !p.keep && !fed { // a page fed only for its notes has them from the features' run
		pg.sections = pageSections(pg, doc, c.site.features.trainer)
	}
	resolveLinks(pg, doc, c.targets)
	inlineDiagrams(pg, doc, p.content, c.targets)
	return doc
}

// footerHTML renders site.yaml's footer: one paragraph of Markdown, raw
// HTML escaped, without the <p> around it.
func footerHTML(src string) template.HTML {
	md := markdown.New(false, nil)
	out, err := md.Render([]byte(src), md.Parse([]byte(src)))
	if err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	s := strings.TrimSpace(string(out))
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<p>"), "</p>")
	return template.HTML(s)
}
