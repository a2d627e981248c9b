package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"

	"p2pc/generator/markdown"
	"p2pc/generator/search"
)

// A Rebuilder builds a site again after some of its files changed, doing
// only the work the change needs, for a server that rebuilds on every save.
// What it gives is byte for byte what Build gives for the same files.
//
// When only the text of lessons changed, it reads, parses and renders those
// lessons alone, with the same steps as Build, and keeps every other page.
// That needs the rest of the site to be unaffected: the lessons keep their
// navigation (title, summary, minutes, weight, slug, draft: what other
// pages show of them), keep every anchor another page links to, link to no
// page of a feature's that does not exist. The built-in layouts show of
// other pages only their navigation; a layout that showed more would need
// the full build.
//
// When such a lesson had or has a fenced div a feature reads (its
// Manifest.Divs), or is a lesson a feature reads whole (Manifest.Reads),
// it also parses again, from their kept bodies, every other such page (the
// features' last run changed their trees), runs fresh features over all pages as
// Build does, and renders those pages, the features' pages and files, and
// their search items again. That needs the features to make the same pages
// with the same titles and summaries (what the navigation and the sitemap
// show), and the built-in features: Options.Features are the caller's and
// hold state, so with them such an edit is built with Build.
// A draft that stays a draft changes nothing. Anything else (a new,
// removed or renamed file, site.yaml, a layout, an asset) is built with
// Build.
//
// The search index is kept in memory (search.Index): after a rebuild of
// single lessons whose text changed it is brought up to date in the same
// call, writing only the index files that change (the lessons' document
// files, the term shards of the words they gained or lost, meta.js).
type Rebuilder struct {
	content, layouts fs.FS
	opts             Options

	site     *Site            // the last good build; nil before the first
	bySource map[string]*Page // its pages by content path
	pending  map[string]bool  // content paths changed since the last good build
	full     bool             // something changed that only Build handles

	// featureRebuilds counts the rebuilds that ran the features again
	// over the kept pages instead of building everything (for tests).
	featureRebuilds int
}

// NewRebuilder returns a Rebuilder of the site in content and layouts.
func NewRebuilder(content, layouts fs.FS, opts Options) *Rebuilder {
	return &Rebuilder{content: content, layouts: layouts, opts: opts, pending: map[string]bool{}}
}

// Rebuild builds the site after the files at contentPaths and layoutsPaths
// changed (slash-separated paths in content and layouts; a folder stands
// for everything in it; the first call builds everything, whatever the
// paths). It returns the site and the output files that changed since the
// last successful build, written or removed, sorted. After an error the
// last good site is kept, and the next call rebuilds for every change
// since it.
func (r *Rebuilder) Rebuild(contentPaths, layoutsPaths []string) (*Site, []string, error) {
	for _, p := range contentPaths {
		r.pending[path.Clean(p)] = true
	}
	if len(layoutsPaths) > 0 || r.site == nil {
		r.full = true
	}
	if !r.full {
		if changed, err, ok := r.lessons(); ok {
			if err != nil {
				return nil, nil, err
			}
			clear(r.pending)
			return r.site, changed, nil
		}
	}
	site, err := build(r.content, r.layouts, r.opts, true)
	if err != nil {
		return nil, nil, err
	}
	var old map[string][]byte
	if r.site != nil {
		old = r.site.Files
	}
	r.site, r.full = site, false
	r.bySource = map[string]*Page{}
	for _, p := range site.Pages {
		if p.Source != "" {
			r.bySource[p.Source] = p
		}
	}
	clear(r.pending)
	return site, changedFiles(old, site.Files), nil
}

// sameNavigation reports whether two versions of a page show the same in
// other pages and keep their place and URL.
func sameNavigation(a, b *Page) bool {
	return a.Title == b.Title && a.Summary == b.Summary && a.Minutes() == b.Minutes() &&
		a.Weight == b.Weight && a.Slug == b.Slug && a.Draft == b.Draft
}

// lessons rebuilds the pending pages alone when the change allows it (see
// Rebuilder); ok is false when it does not, with nothing changed.
func (r *Rebuilder) lessons() (changed []string, err error, ok bool) {
	st := r.site.state
	errs := &errorList{}
	feat := false // a page edited feeds the features: run them again
	l := &loader{fsys: r.content, opts: r.opts, errs: errs, pages: map[string]*Page{}, drafts: map[string]bool{}}
	var olds, news []*Page
	for _, src := range slices.Sorted(maps.Keys(r.pending)) {
		old := r.bySource[src]
		if old == nil && st.targets.drafts[src] {
			// A draft that is still one shows nowhere.
			n := len(errs.errs)
			if l.readPage(src, "", "lesson", nil) == nil && len(errs.errs) == n && l.drafts[src] {
				continue
			}
		}
		if old == nil {
			return nil, nil, false // a new file, a folder, an asset, site.yaml
		}
		p := l.readPage(src, old.URL, old.Kind, old.Module)
		if p == nil || p.Weight != old.Weight || p.Slug != old.Slug || p.Draft != old.Draft {
			return nil, nil, false
		}
		parsePage(st.md, p, errs)
		if r.site.features.feeds(old) || r.site.features.feeds(p) {
			if r.opts.Features != nil {
				return nil, nil, false // the caller's features hold state
			}
			feat = true
		}
		for a := range st.targets.linked[old] {
			if !p.anchors[a] {
				return nil, nil, false // a link elsewhere loses its anchor
			}
		}
		olds, news = append(olds, old), append(news, p)
	}
	if feat {
		// The features' last Collect changed the trees of every page that
		// feeds them: parse those again from their kept bodies.
		for _, old := range r.site.Pages {
			if old.Source == "" || old.doc == nil || r.pending[old.Source] || !r.site.features.feeds(old) {
				continue
			}
			p := &Page{FrontMatter: old.FrontMatter, Source: old.Source, URL: old.URL, Kind: old.Kind,
				Module: old.Module, body: old.body, anchors: map[string]bool{}, titleLine: old.titleLine}
			parsePage(st.md, p, errs)
			olds, news = append(olds, old), append(news, p)
		}
	}

	// Links between the pages rebuilt see their new anchors.
	t := st.targets
	generated := len(t.generated)
	swap := func(to func(i int) *Page) {
		for i, old := range olds {
			t.pages[old.Source] = to(i)
			if old.Kind == "module" || old.Kind == "home" {
				t.modules[old.Module.Dir] = to(i)
			}
		}
	}
	swap(func(i int) *Page { return news[i] })
	defer func() {
		swap(func(i int) *Page { return olds[i] })
		t.generated = t.generated[:generated]
	}()
	for _, p := range news {
		resolveLinks(p, t, errs)
		inlineDiagrams(p, r.content, t, errs)
	}
	if err := errs.err(); err != nil {
		return nil, err, true // the errors Build would report: the other pages have none
	}
	made := map[string]bool{}
	for _, g := range r.site.Generated {
		made[g.URL] = true
	}
	for _, g := range t.generated[generated:] {
		if !made[g.url] {
			return nil, nil, false // Build reports it
		}
	}
	for i, p := range news {
		if !sameNavigation(olds[i], p) {
			return nil, nil, false
		}
	}
	var fsite *Site // what the features make, when they run again
	if feat {
		byOld := make(map[*Page]*Page, len(olds))
		for i, old := range olds {
			byOld[old] = news[i]
		}
		pages := make([]*Page, len(r.site.Pages))
		for i, p := range r.site.Pages {
			if n := byOld[p]; n != nil {
				p = n
			}
			pages[i] = p
		}
		fsite = &Site{Pages: pages, Files: map[string][]byte{}}
		features, err := newFeatureSet(Builtin())
		if err != nil {
			return nil, err, true
		}
		fsite.features = features
		if err := fsite.runFeatures(features, nil, errs); err != nil {
			return nil, err, true
		}
		if !sameGenerated(r.site.Generated, fsite.Generated) {
			return nil, nil, false // the navigation or the sitemap changes
		}
	}
	for _, p := range news {
		html, err := st.md.Render(p.body, p.doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Source, err), true
		}
		p.HTML = template.HTML(html)
	}

	// Put the new versions in place of the old ones, which every other
	// page points at, then render them.
	saved := make([]Page, len(olds))
	for i, old := range olds {
		p := news[i]
		saved[i] = *old
		p.Prev, p.Next, p.Parents, p.NoIndex = old.Prev, old.Next, old.Parents, old.NoIndex
		*old = *p
		if anchors := t.linked[p]; anchors != nil {
			for a := range anchors {
				t.link(old, a)
			}
			delete(t.linked, p)
		}
	}
	rendered := olds
	var savedHTML []template.HTML
	if feat {
		for i, g := range r.site.Generated {
			savedHTML = append(savedHTML, g.HTML)
			g.HTML = fsite.Generated[i].HTML
		}
		rendered = append(slices.Clip(olds), r.site.Generated...)
	}
	outputs := make([][]byte, len(rendered))
	err = parallel(len(rendered), func(i int) error {
		var err error
		outputs[i], err = st.renderer.render(rendered[i])
		return err
	})
	if err != nil {
		for j, old := range olds {
			*old = saved[j]
		}
		for i, h := range savedHTML {
			r.site.Generated[i].HTML = h
		}
		return nil, err, true
	}
	for i, p := range rendered {
		name := outputPath(p)
		if !bytes.Equal(r.site.Files[name], outputs[i]) {
			r.site.Files[name] = outputs[i]
			changed = append(changed, name)
		}
	}
	if feat {
		// The features' files, those gone removed, and their search items.
		for name, data := range fsite.Files {
			if prev, ok := r.site.Files[name]; !ok || !bytes.Equal(prev, data) {
				r.site.Files[name] = data
				changed = append(changed, name)
			}
		}
		for _, name := range r.site.featureFiles {
			if _, ok := fsite.Files[name]; !ok {
				delete(r.site.Files, name)
				changed = append(changed, name)
			}
		}
		r.site.featureFiles = fsite.featureFiles
		r.site.searchExtra = fsite.searchExtra
		st.docs.extra = extraDocs(fsite.searchExtra)
		r.featureRebuilds++
	}
	// The search index, brought up to date: nothing to do unless a text changed.
	for _, old := range olds {
		st.docs.page(old)
	}
	files, removed, err := st.index.Update(st.docs.all(r.site))
	if err != nil { // not expected: the documents are those of a good build
		r.full = true
		return nil, fmt.Errorf("search index: %w", err), true
	}
	for name, data := range files {
		r.site.Files[name] = data
		changed = append(changed, name)
	}
	for _, name := range removed {
		delete(r.site.Files, name)
		changed = append(changed, name)
	}

	slices.Sort(changed)
	return changed, nil, true
}

// sameGenerated reports whether two runs of the features made the same
// pages as other pages and the sitemap see them: URL, title, summary.
func sameGenerated(a, b []*Page) bool {
	return slices.EqualFunc(a, b, func(a, b *Page) bool {
		return a.URL == b.URL && a.Title == b.Title && a.Summary == b.Summary && a.NoIndex == b.NoIndex
	})
}

// changedFiles lists the files that differ between two builds: new,
// changed and removed, sorted.
func changedFiles(old, files map[string][]byte) []string {
	var changed []string
	for name, data := range files {
		if prev, ok := old[name]; !ok || !bytes.Equal(prev, data) {
			changed = append(changed, name)
		}
	}
	for name := range old {
		if _, ok := files[name]; !ok {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	return changed
}

// searchDocs are the search documents of each page and of the features,
// kept so that a rebuild of single pages makes only theirs again.
type searchDocs struct {
	byPage  map[*Page][]search.Document
	extra   []search.Document
	trainer map[string]bool // divs left out of the search
}

// newSearchDocs returns the search documents of s by page.
func newSearchDocs(s *Site) *searchDocs {
	d := &searchDocs{byPage: make(map[*Page][]search.Document, len(s.Pages)),
		extra: extraDocs(s.searchExtra), trainer: s.features.trainer}
	for _, p := range s.Pages {
		d.page(p)
	}
	return d
}

// page makes the documents of page p again.
func (d *searchDocs) page(p *Page) {
	d.byPage[p] = pageDocs(p, d.trainer)
}

// all returns what s.searchDocuments returns.
func (d *searchDocs) all(s *Site) []search.Document {
	n := len(d.extra)
	for _, docs := range d.byPage {
		n += len(docs)
	}
	docs := make([]search.Document, 0, n)
	for _, p := range s.Pages {
		docs = append(docs, d.byPage[p]...)
	}
	return append(docs, d.extra...)
}

// buildState is what a Rebuilder needs of the build that made a site.
type buildState struct {
	md       *markdown.Markdown
	targets  *linkTargets
	renderer *pageRenderer
	index    *search.Index // nil unless built for a Rebuilder
	docs     *searchDocs   // the documents of index
}
