package generator

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"p2pc/generator/blocks"
	"p2pc/generator/cards"
	"p2pc/generator/feature"
	"p2pc/generator/glossary"
	"p2pc/generator/markdown"
	"p2pc/generator/worksheet"
)

// Builtin returns fresh instances of the built-in features, in the order
// their search kinds are listed; each build gets its own. This is the one
// place that names them.
func Builtin() []feature.Feature {
	return []feature.Feature{blocks.New(), glossary.New(), cards.New(), worksheet.New()}
}

// coreDirs are the top-level output folders the builder itself writes.
var coreDirs = []string{"assets", "search"}

// coreKinds are the search kinds of the builder's own pages: lessons and
// modules first in the search filter, other pages last.
var coreKinds, lastKinds = []string{"lesson", "module"}, []string{"page"}

// featureSet is the features of one build with what their manifests
// declare, checked for clashes.
type featureSet struct {
	list      []feature.Feature
	manifests []feature.Manifest
	dirs      map[string]string // reserved top-level folder -> its owner ("" for the builder)
	reads     map[string]bool   // div names a feature reads in Collect
	trainer   map[string]bool   // div names that hold trainer notes
	render    map[string]markdown.DivFunc
	kinds     []string // search kinds in filter order
}

func newFeatureSet(list []feature.Feature) (*featureSet, error) {
	fs := &featureSet{list: list, dirs: map[string]string{}, reads: map[string]bool{},
		trainer: map[string]bool{}, render: map[string]markdown.DivFunc{}}
	for _, d := range coreDirs {
		fs.dirs[d] = ""
	}
	fs.kinds = slices.Clone(coreKinds)
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
		fs.manifests = append(fs.manifests, m)
		for _, d := range m.Dirs {
			if owner, ok := fs.dirs[d]; ok {
				return nil, fmt.Errorf("feature %s claims the folder %s/, which %s", m.Name, d, ownerName(owner))
			}
			fs.dirs[d] = m.Name
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
			fs.reads[d] = true
		}
		for name, f := range m.Render {
			fs.render[name] = f
		}
		for name, heading := range m.TrainerNotes {
			fs.trainer[name] = true
			fs.render[name] = markdown.Box("trainer-note "+name, heading)
		}
		for _, k := range m.SearchKinds {
			if !slices.Contains(fs.kinds, k) {
				fs.kinds = append(fs.kinds, k)
			}
		}
	}
	fs.kinds = append(fs.kinds, lastKinds...)
	return fs, nil
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
// collide with the builder's or a feature's output folder.
func (fs *featureSet) reserved(seg string) bool {
	_, ok := fs.dirs[seg]
	return ok
}

// generatedDir reports whether a top-level folder holds pages a feature
// makes: content links to them are checked after the features ran.
func (fs *featureSet) generatedDir(seg string) bool {
	owner, ok := fs.dirs[seg]
	return ok && owner != ""
}

// assets lists the feature stylesheets and scripts page p loads, as paths
// from the site root, in the order of the features.
func (fs *featureSet) assets(p *Page) (styles, scripts []string) {
	first, _, _ := strings.Cut(p.URL, "/")
	for _, m := range fs.manifests {
		if !m.Uses(p.divs) && !(p.Kind == "generated" && slices.Contains(m.Dirs, first)) {
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
func (fs *featureSet) feeds(p *Page) bool {
	for _, d := range p.divs {
		if fs.reads[d] {
			return true
		}
	}
	for _, m := range fs.manifests {
		if m.Reads != nil && m.Reads(p.URL) {
			return true
		}
	}
	return false
}

// runFeatures hands every parsed page to each feature, then adds the pages
// and files they make, and checks the content's links to those pages.
// Content problems are reported with the others.
func (s *Site) runFeatures(features *featureSet, links []generatedLink, errs *errorList) error {
	var pages []*feature.Page
	for _, p := range s.Pages {
		if p.doc == nil {
			continue
		}
		fp := &feature.Page{Source: p.Source, URL: p.URL, Title: p.Title, Body: p.body, Doc: p.doc, Hidden: features.trainer}
		if top := p.topModule(); top != nil {
			fp.Module, fp.ModuleURL = top.Title(), top.Page.URL
			fp.ModuleKey = strings.TrimSuffix(top.Page.URL, "/")
		}
		pages = append(pages, fp)
	}
	for _, f := range features.list {
		for _, pr := range f.Collect(pages) {
			errs.add(pr.Path, pr.Line, pr.Col, "%s", pr.Msg)
		}
	}
	if err := errs.err(); err != nil {
		return err
	}
	for _, f := range features.list {
		for _, g := range f.Pages() {
			p := &Page{URL: g.URL, Kind: "generated", HTML: g.HTML, NoIndex: g.NoIndex, anchors: map[string]bool{}}
			p.Title, p.Summary = g.Title, g.Summary
			s.Generated = append(s.Generated, p)
		}
		for name, data := range f.Files() {
			s.Files[name] = data
			s.featureFiles = append(s.featureFiles, name)
		}
		s.searchExtra = append(s.searchExtra, f.Search()...)
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
