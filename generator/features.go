package generator

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
	"p2pc/generator/search"
)

// coreDirs are the top-level output folders the builder itself writes.
var coreDirs = []string{"assets", "search", "contents"}

// coreKinds are the search kinds of the builder's own pages: lessons and
// modules first in the search filter, other pages last.
var coreKinds, lastKinds = []string{"lesson", "module"}, []string{"page"}

// featureSet is the features of one build with what their manifests
// declare, checked for clashes.
type featureSet struct {
	list       []feature.Feature
	manifests  []feature.Manifest
	dirs       map[string]string // reserved top-level folder -> its owner ("" for the builder)
	reads      map[string]bool   // div names a feature reads in Collect
	trainer    map[string]bool   // div names that hold trainer notes
	readsNotes bool              // a feature reads every page with a trainer note
	render     map[string]markdown.DivFunc
	kinds      []string // search kinds in filter order
	// foreign: the content is a lesson set of another tool, where the
	// features of p2pc's own format only (Manifest.OwnFormat) are off
	foreign bool
}

// off reports whether the i-th feature is off in this build: one of p2pc's
// own format only, in a lesson set of another tool.
func (set *featureSet) off(i int) bool {
	return set.foreign && set.manifests[i].OwnFormat
}

// readsWhole reports whether the i-th feature, when on, reads the page at url whole.
func (set *featureSet) readsWhole(i int, url string) bool {
	m := set.manifests[i]
	return m.Reads != nil && !set.off(i) && m.Reads(url)
}

func newFeatureSet(list []feature.Feature) (*featureSet, error) {
	set := &featureSet{list: list, dirs: map[string]string{}, reads: map[string]bool{},
		trainer: map[string]bool{}, render: map[string]markdown.DivFunc{}}
	for _, d := range coreDirs {
		set.dirs[d] = ""
	}
	set.kinds = slices.Clone(coreKinds)
	divOwner, assetOwner := map[string]string{}, map[string]string{}
	claim := func(owners map[string]string, what, name, owner string) error {
		if prev, ok := owners[name]; ok && prev != owner {
			return fmt.Errorf("features %s and %s both claim the %s %q", prev, owner, what, name)
		}
		owners[name] = owner
		return nil
	}
	for _, f := range list {
		m := f.Manifest()
		set.manifests = append(set.manifests, m)
		for _, d := range m.Dirs {
			if owner, ok := set.dirs[d]; ok {
				return nil, fmt.Errorf("feature %s claims the folder %s/, which %s", m.Name, d, ownerName(owner))
			}
			set.dirs[d] = m.Name
		}
		for _, d := range divNames(m) {
			if err := claim(divOwner, "fenced div", d, m.Name); err != nil {
				return nil, err
			}
		}
		for name := range m.Assets {
			if err := claim(assetOwner, "asset", name, m.Name); err != nil {
				return nil, err
			}
		}
		for _, d := range m.Divs {
			set.reads[d] = true
		}
		set.readsNotes = set.readsNotes || m.ReadsTrainerNotes
		for name, f := range m.Render {
			set.render[name] = f
		}
		for name, heading := range m.TrainerNotes {
			set.trainer[name] = true
			set.render[name] = markdown.Box("trainer-note "+name, heading)
		}
		for _, k := range m.SearchKinds {
			if !slices.Contains(set.kinds, k) {
				set.kinds = append(set.kinds, k)
			}
		}
	}
	set.kinds = append(set.kinds, lastKinds...)
	return set, nil
}

// mayMark reports whether a feature's Marks may change the trees of this
// course's pages: a Marker marks from what its Collect found, so one that
// reads none of these pages marks nothing. The divs a page holds are not
// known before it is parsed: a Marker that reads divs or trainer notes
// may mark.
func (set *featureSet) mayMark(pages []*Page) bool {
	for i, f := range set.list {
		if _, ok := f.(feature.Marker); !ok {
			continue
		}
		m := set.manifests[i]
		if len(m.Divs) > 0 || m.ReadsTrainerNotes {
			return true
		}
		for _, pg := range pages {
			if set.readsWhole(i, pg.URL) {
				return true
			}
		}
	}
	return false
}

func ownerName(owner string) string {
	if owner == "" {
		return "the builder writes itself"
	}
	return "feature " + owner + " claims too"
}

// divNames lists every fenced-div name a manifest claims, sorted.
func divNames(m feature.Manifest) []string {
	names := slices.Clone(m.Divs)
	for d := range m.Render {
		names = append(names, d)
	}
	for d := range m.TrainerNotes {
		names = append(names, d)
	}
	sort.Strings(names)
	return slices.Compact(names)
}

// reserved reports whether a top-level content folder or page name would
// collide with the builder's or a feature's output folder, or with a file
// the builder writes at the site's root (see rootFiles).
func (set *featureSet) reserved(seg string) bool {
	_, ok := set.dirs[seg]
	return ok || slices.Contains(rootFiles, seg) || strings.HasPrefix(seg, MarkerFile)
}

// rootFiles are the files the builder writes at the site's root: a page,
// module or alias of one of these names (a Hugo site's sitemap.xml.md, or
// url: /sitemap.xml/) would be a folder where the file goes.
var rootFiles = []string{"index.html", "404.html", "sitemap.xml"}

// generatedDir reports whether a top-level folder holds pages a feature
// makes: content links to them are checked after the features ran.
func (set *featureSet) generatedDir(seg string) bool {
	owner, ok := set.dirs[seg]
	return ok && owner != ""
}

// assets lists the feature stylesheets and scripts page p loads, as paths
// from the site root, in the order of the features.
func (set *featureSet) assets(p *Page) (styles, scripts []string) {
	first, _, _ := strings.Cut(p.URL, "/")
	for i, m := range set.manifests {
		if set.off(i) || !m.EveryPage && !m.Uses(p.divs) && !(p.Kind == "generated" && slices.Contains(m.Dirs, first)) {
			continue
		}
		for _, s := range m.Styles {
			styles = append(styles, "assets/"+s)
		}
		for _, s := range m.Scripts {
			scripts = append(scripts, "assets/"+s)
		}
	}
	return styles, scripts
}

// feeds reports whether a feature reads page p: p has a fenced div one
// reads, or one reads p whole.
func (set *featureSet) feeds(p *Page) bool {
	if set.keepsTree(p) {
		return true
	}
	for _, d := range p.divs {
		if set.trainer[d] && set.readsNotes {
			return true
		}
	}
	return false
}

// keepsTree reports whether a feature may change page p's tree in Collect:
// p has a div a feature reads, or a feature reads p whole. A page fed only
// for its trainer notes is read, not changed, and rendered from its source
// like any other page (so that its tree need not be kept).
func (set *featureSet) keepsTree(p *Page) bool {
	for _, d := range p.divs {
		if set.reads[d] {
			return true
		}
	}
	for i := range set.manifests {
		if set.readsWhole(i, p.URL) {
			return true
		}
	}
	return false
}

// featureRun is what the features made of the pages they read, kept while
// those pages and the site's structure stay the same.
type featureRun struct {
	key       uint64
	fed       map[string]ast.Node // content path -> tree as rendered (links rewritten, as the features left it)
	sections  map[string][]search.Section
	generated []feature.Generated
	files     map[string][]byte
	search    []feature.SearchDoc
	marks     []feature.Marks
	assemble  []feature.Assembler // the features that ran, kept with their results
}

// features runs the features over the pages they read, unless those pages
// and what their links point at are as in the last run, then adds the
// features' pages to the site and checks the content's links to them.
func (p *Pipeline) features(c *checked, errs *errorList) error {
	site, fed := c.site, fedPages(c.site)
	k := featureKey(c, fed)
	run := (*featureRun)(nil)
	if p.last != nil && p.last.feat != nil && p.last.feat.key == k {
		run = p.last.feat
	} else {
		var problems []feature.Problem
		run, problems = collect(c, fed, p.content)
		for _, pr := range problems {
			errs.add(pr.Path, pr.Line, pr.Col, "%s", pr.Msg)
		}
		if err := errs.err(); err != nil {
			return err
		}
		run.key = k
		p.stats.Features = true
	}
	c.feat, c.featKey = run, k
	for _, pg := range fed {
		if s, ok := run.sections[pg.Source]; ok { // else rendered early, with its sections
			pg.sections = s
		}
	}
	site.searchExtra = run.search
	var err error
	if c.marks, err = p.scanPages(c, run.marks); err != nil {
		return err
	}
	generated := append(slices.Clone(run.generated), taxonomyPages(site, errs)...)
	return site.addGenerated(generated, c.targets.generated, errs)
}

// collect hands every page a feature reads, parsed again and with its
// links rewritten, to each feature, and gathers what they make.
func collect(c *checked, fed []*Page, content fs.FS) (*featureRun, []feature.Problem) {
	run := &featureRun{fed: map[string]ast.Node{}, sections: map[string][]search.Section{}, files: map[string][]byte{}}
	features := c.site.features
	pages, docs := make([]*feature.Page, len(fed)), make([]ast.Node, len(fed))
	notes := make([]bool, len(fed))            // cut to its notes, rendered and in the search already
	_ = parallel(len(fed), func(i int) error { // the trees, on all cores
		pg := fed[i]
		doc := pg.checkTree
		notes[i], pg.checkTree, pg.notesTree = pg.notesTree, nil, false
		switch {
		case doc != nil:
		case c.early != nil && !features.keepsTree(pg): // its parse was the cache's: rendered now, as parseAll would
			doc, notes[i] = c.early.noted(c, pg, parseTree(c.md, pg)), true
		default:
			doc = parseTree(c.md, pg)
		}
		if !notes[i] {
			resolveLinks(pg, doc, c.targets)
			inlineDiagrams(pg, doc, content, c.targets)
		}
		docs[i] = doc
		pages[i] = &feature.Page{Source: pg.Source, URL: pg.URL, Title: pg.Title, Body: pg.body, Doc: doc, Hidden: features.trainer}
		return nil
	})
	for i, pg := range fed {
		run.fed[pg.Source] = docs[i]
		if top := pg.topModule(); top != nil {
			pages[i].Module, pages[i].ModuleURL = top.Title(), top.Page.URL
			pages[i].ModuleKey = strings.TrimSuffix(top.Page.URL, "/")
		}
	}
	lookup := lessonLookup(c.site)
	var problems []feature.Problem
	for i, f := range features.list {
		if r, ok := f.(feature.LessonReader); ok {
			r.Lessons(lookup)
		}
		if r, ok := f.(feature.OutlineReader); ok {
			r.Outline(outline(c.site))
		}
		seen := pages
		if features.off(i) {
			seen = nil // it makes nothing, and forgets what a last run made
		}
		problems = append(problems, f.Collect(seen)...)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	for _, f := range features.list {
		run.generated = append(run.generated, f.Pages()...)
		maps.Copy(run.files, f.Files())
		run.search = append(run.search, f.Search()...)
		if m, ok := f.(feature.Marker); ok {
			run.marks = append(run.marks, m.Marks())
		}
		if a, ok := f.(feature.Assembler); ok {
			run.assemble = append(run.assemble, a)
		}
	}
	sections := make([][]search.Section, len(fed))
	_ = parallel(len(fed), func(i int) error {
		if notes[i] {
			if fed[i].spooled.n > 0 {
				fed[i].body = nil // read back from the spool when wanted
			}
			return nil
		}
		sections[i] = pageSections(fed[i], docs[i], features.trainer)
		return nil
	})
	for i, pg := range fed {
		if !notes[i] {
			run.sections[pg.Source] = sections[i]
		}
		if !features.keepsTree(pg) {
			delete(run.fed, pg.Source)
		}
	}
	return run, nil
}

// lessonLookup finds what a page declares by its content path.
func lessonLookup(s *Site) func(string) (feature.Lesson, bool) {
	bySource := make(map[string]*Page, len(s.Pages))
	for _, pg := range s.Pages {
		if pg.Source != "" {
			bySource[pg.Source] = pg
		}
	}
	return func(src string) (feature.Lesson, bool) {
		pg := bySource[src]
		if pg == nil {
			return feature.Lesson{}, false
		}
		return feature.Lesson{Title: pg.Title, URL: pg.URL, Objectives: pg.Objectives}, true
	}
}

// outline lists the site's modules and lessons in reading order, not
// those left out of navigation (see navHideKeys). The
// feature key digests every page's URL and title in that order, so a
// feature's result from it is kept while they stay the same.
func outline(s *Site) []feature.OutlinePage {
	var out []feature.OutlinePage
	for _, pg := range s.Pages {
		if (pg.Kind == "module" || pg.Kind == "lesson") && !pg.navHidden {
			op := feature.OutlinePage{Kind: pg.Kind, Title: pg.Title, URL: pg.URL, Divs: pg.divs}
			if top := pg.topModule(); top != nil {
				op.ModuleURL = top.Page.URL
			} else if pg.Kind == "module" {
				op.ModuleURL = pg.URL
			}
			out = append(out, op)
		}
	}
	return out
}

// featureKey digests what the features read: the pages they read, where
// those pages' links lead, what every lesson declares (for a
// LessonReader), and the Markdown settings.
func featureKey(c *checked, fed []*Page) uint64 {
	k := newKey("features").num(c.mdKey)
	for _, pg := range c.site.Pages {
		k.str(pg.Source).str(pg.URL).str(pg.Title).str(pg.Kind).int(len(pg.Objectives)).flag(pg.navHidden)
		for _, d := range pg.divs {
			k.str(d)
		}
		for _, o := range pg.Objectives {
			k.str(o)
		}
	}
	for _, out := range slices.Sorted(maps.Keys(c.assetsIn)) {
		k.str(out).str(c.assetsIn[out])
	}
	for _, d := range slices.Sorted(maps.Keys(c.targets.drafts)) {
		k.str(d)
	}
	for _, pg := range fed {
		k.str(pg.Source).num(pg.sum).str(pg.Title).num(pg.diagrams)
		if top := pg.topModule(); top != nil {
			k.str(top.Title()).str(top.Page.URL)
		}
	}
	return k.sum()
}

// addGenerated adds the features' pages to the site, in URL order, and
// checks the content's links to them.
func (s *Site) addGenerated(gen []feature.Generated, links []generatedLink, errs *errorList) error {
	views := map[string][]*Page{}
	for _, g := range gen {
		p := &Page{URL: g.URL, Kind: "generated", HTML: g.HTML, NoIndex: g.NoIndex, anchors: map[string]bool{}, divs: g.Divs}
		p.Title, p.Summary, p.unlisted = g.Title, g.Summary, g.Unlisted
		s.Generated = append(s.Generated, p)
		if g.Of != "" {
			views[g.Of] = append(views[g.Of], p)
		}
	}
	for _, pg := range s.Pages {
		pg.Views = views[pg.URL]
	}
	sort.SliceStable(s.Generated, func(i, j int) bool { return s.Generated[i].URL < s.Generated[j].URL })
	byURL := map[string]*Page{}
	for _, g := range s.Generated {
		byURL[g.URL] = g
	}
	for _, l := range links {
		if byURL[l.url] == nil {
			errs.add(l.src, l.line, l.col, "link to %s, but no such page is made (%s)", l.url, pagesUnder(s.Generated, l.url))
		}
	}
	if err := errs.err(); err != nil {
		return err
	}
	for _, g := range s.Generated {
		parts := strings.Split(strings.TrimSuffix(g.URL, "/"), "/")
		for i := 1; i < len(parts); i++ {
			if parent := byURL[strings.Join(parts[:i], "/")+"/"]; parent != nil {
				g.Parents = append(g.Parents, parent)
			}
		}
	}
	return nil
}

// key digests the Markdown settings a parse depends on: raw HTML, and the
// features' div renderers and trainer notes.
func (set *featureSet) key(rawHTML bool) uint64 {
	k := newKey("markdown").flag(rawHTML)
	for _, m := range set.manifests {
		k.str(m.Name)
		for _, d := range divNames(m) {
			k.str(d)
		}
	}
	return k.sum()
}

// pagesUnder lists the generated pages in the top folder of url, for a hint.
func pagesUnder(pages []*Page, url string) string {
	top, _, _ := strings.Cut(url, "/")
	var urls []string
	for _, g := range pages {
		if strings.HasPrefix(g.URL, top+"/") {
			urls = append(urls, g.URL)
		}
	}
	switch {
	case len(urls) == 0:
		return "no page is made under " + top + "/"
	case len(urls) > 8:
		urls = append(urls[:8], "...")
	}
	return "the pages under " + top + "/ are " + strings.Join(urls, ", ")
}

// topModule is the top-level module a page belongs to, or nil for pages outside the modules.
func (p *Page) topModule() *Module {
	m := p.Module
	if m == nil || m.Parent == nil {
		return nil
	}
	for m.Parent.Parent != nil {
		m = m.Parent
	}
	return m
}
