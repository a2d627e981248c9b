package generator

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
	"p2pc/generator/search"
)

// write renders every page whose inputs changed since the last run and
// streams it to out, keeps the others, then gives out the search index,
// the copied files, the features' files and assets, and the sitemap.
func (p *Pipeline) write(c *checked, out Sink) error {
	r := c.renderer
	n := 64 // the files that are neither pages nor the index's
	if p.last != nil {
		n = len(p.last.outputs)
	}
	run := newLastRun(n)
	run.feat = c.feat
	if err := p.writePagesAndIndex(c, r, out, run); err != nil {
		return err
	}
	if err := p.writeFiles(c, out, run); err != nil {
		return err
	}
	if err := p.writeStatic(c, out, run); err != nil {
		return err
	}
	p.stats.Files = run.files()
	p.last = run
	return nil
}

// writePagesAndIndex writes the pages, then the search index; a server's
// Pipeline writes them at the same time. After an edit, each is mostly
// bookkeeping over every page on one core (keys, kept names: 6 and 4 ms
// at 10,000 lessons), and they share nothing but the Sink, which takes
// files from many goroutines, and the pages, which neither changes once
// checked when the Pipeline keeps them. (In one build, rendering drops
// each page's source and early body, which the index reads: there they
// run one after the other, and rendering uses every core anyway.)
func (p *Pipeline) writePagesAndIndex(c *checked, r *pageRenderer, out Sink, run *lastRun) error {
	if !p.keep {
		if err := p.writePages(c, r, out, run); err != nil {
			return err
		}
		return p.writeIndex(c, out, run)
	}
	index := make(chan error, 1)
	go func() { index <- p.writeIndex(c, out, run) }()
	err := p.writePages(c, r, out, run)
	return cmp.Or(err, <-index)
}

// writePages renders the pages on all cores.
func (p *Pipeline) writePages(c *checked, r *pageRenderer, out Sink, run *lastRun) error {
	s := c.site
	pages := append(append([]*Page{}, s.Pages...), s.Generated...)
	notFound := s.notFound
	contents := &Page{Kind: "contents", URL: "contents/", Module: s.Home, NoIndex: true}
	contents.Title = "All lessons"
	pages = append(pages, contents, notFound)
	a, pages := newAssembly(p, c, r, out, run, pages)
	var rendered atomic.Int64
	defer func() { p.stats.Rendered = int(rendered.Load()) }()
	if err := p.renderAll(c, r, pages, out, run, a, &rendered); err != nil {
		return err
	}
	if a == nil {
		return nil
	}
	if err := a.finish(); err != nil {
		return err
	}
	p.stats.Assembled = int(a.count.Load())
	rendered.Add(a.count.Load())
	return nil
}

// renderAll renders pages on all cores, or keeps those whose inputs did
// not change, handing their bodies to a when it is not nil.
func (p *Pipeline) renderAll(c *checked, r *pageRenderer, pages []*Page, out Sink, run *lastRun, a *assembly, rendered *atomic.Int64) error {
	keys := make([]uint64, len(pages))
	run.pages, run.pageKeys = make([]string, len(pages)), keys
	kept := make([]string, 0, len(pages)) // the outputs of the last run that stand
	var todo []int                        // the pages to render
	last := p.last
	inOrder := last != nil && len(last.pages) == len(pages)
	for i, pg := range pages {
		switch {
		case pg.Source != "":
			keys[i] = c.pageKey(pg)
			if a != nil {
				a.page(pg, keys[i])
			}
		default:
			keys[i] = newKey("generated").num(c.siteKey).str(pg.URL).str(pg.Title).str(string(pg.HTML)).str(pg.Kind).sum()
		}
		name := outputPath(pg)
		var was uint64
		var had bool
		switch {
		case inOrder && last.pages[i] == name:
			name = last.pages[i] // the same string each run: see keptCall
			was, had = last.pageKeys[i], true
		case last != nil:
			was, had = last.print(name)
		}
		run.pages[i] = name
		if had && was == keys[i] {
			kept = append(kept, name)
		} else {
			todo = append(todo, i)
		}
	}
	if err := out.Keep(kept...); err != nil {
		return err
	}
	return parallel(len(todo), func(j int) error {
		i := todo[j]
		pg, name := pages[i], outputPath(pages[i])
		buf, done := pageBuffer(out)
		defer done()
		var made error
		data, err := p.renderPage(c, r, pg, buf, func(html []byte) {
			if a != nil {
				made = a.put(pg.URL, keys[i], html)
			}
		})
		if err != nil {
			return err
		}
		rendered.Add(1)
		if err := out.Put(name, data); err != nil {
			return err
		}
		return made
	})
}

// pageBuffers holds buffers to render pages into. Making a new one for
// each page was a sixth of the bytes a 10,000-lesson build allocated
// (bytes.growSlice under pageRenderer.render: 280 MB of 1.67 GB).
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// A forgetfulSink keeps none of the bytes Put gives it once Put returns
// (an Output writes them and keeps their digest).
type forgetfulSink interface{ forgetsBytes() }

func (o *Output) forgetsBytes() {}

// pageBuffer returns a buffer to render a page into and give to out, and
// what to call once out has it: when out forgets the bytes, the buffer is
// one of pageBuffers and goes back; else it is a new one, left to out.
func pageBuffer(out Sink) (*bytes.Buffer, func()) {
	if _, ok := out.(forgetfulSink); ok {
		buf := pageBuffers.Get().(*bytes.Buffer)
		return buf, func() { pageBuffers.Put(buf) }
	}
	return new(bytes.Buffer), func() {}
}

// renderBody renders one page's Markdown, marked by the features.
func (p *Pipeline) renderBody(c *checked, pg *Page) ([]byte, error) {
	html, err := c.earlyBody(pg)
	if html != nil || err != nil {
		return html, err
	}
	if pg.body, err = c.source(pg); err != nil {
		return nil, err
	}
	doc := c.tree(pg, p)
	for _, m := range c.marks {
		if !m.marks.Idle() {
			m.marks.Mark(pg.URL, pg.body, doc, m.uses)
		}
	}
	html, err = c.md.Render(pg.body, doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pg.Source, err)
	}
	return html, nil
}

// renderPage renders one page's Markdown (handing it to body), then its
// layout into buf.
func (p *Pipeline) renderPage(c *checked, r *pageRenderer, pg *Page, buf *bytes.Buffer, body func([]byte)) ([]byte, error) {
	if pg.Source == "" {
		return r.renderTo(buf, pg)
	}
	html, err := p.renderBody(c, pg)
	if err != nil {
		return nil, err
	}
	body(html)
	// the page's body is on its way out: not held after (nor every page's)
	data, err := r.renderWith(buf, pg, len(html), func(b *bytes.Buffer) { b.Write(html) },
		func() template.HTML { return template.HTML(html) })
	if !p.keep && c.feat.fed[pg.Source] == nil {
		pg.body, pg.early, pg.spooled = nil, earlyRef{}, earlyRef{} // nor its source
	}
	return data, err
}

// writeIndex makes the search index: updated in place when the pipeline
// keeps it, else built anew.
func (p *Pipeline) writeIndex(c *checked, out Sink, run *lastRun) error {
	if !p.keep {
		run.docs = docsKey(c) // for the BuildCache
	}
	if p.resumed && p.last.docs == run.docs {
		return keepIndex(p.last, out, run) // the documents are the last build's
	}
	if err := p.searchText(c); err != nil {
		return err
	}
	docs := c.site.searchDocuments(c.early, p.docs)
	if p.keep {
		// the index copies what it keeps: the next run makes its
		// documents in the same slice, not in 5 MB of new memory at
		// 50,000 lessons
		p.docs = docs
	}
	kinds := c.site.features.kinds
	var files map[string][]byte
	var names []string
	var err error
	switch {
	case !p.keep:
		// The documents hold the only other references to the pages'
		// texts: search.Build lets them go once read (a tenth of a
		// 10,000-lesson build's peak of memory).
		for _, pg := range c.site.Pages {
			pg.sections = nil
		}
		files, err = search.Build(docs, kinds...)
	case p.last != nil && p.last.index != nil:
		run.index = p.last.index
		files, _, err = run.index.Update(docs)
		names = run.index.Names()
	default:
		run.index, files, err = search.NewIndex(docs, kinds...)
	}
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	if names == nil {
		for name := range files {
			names = append(names, name)
		}
		sort.Strings(names)
	}
	kept := make([]string, 0, len(names))
	var put []string
	run.indexNames = names
	for _, name := range names {
		if _, ok := files[name]; ok {
			put = append(put, name)
		} else {
			kept = append(kept, name)
		}
	}
	if err := out.Keep(kept...); err != nil {
		return err
	}
	// On all cores: a document's file each, thousands of small files whose
	// cost is mostly the kernel's, making them (10,000 lessons: 2.7 s of a
	// 14 s build on one core).
	return parallel(len(put), func(i int) error { return out.Put(put[i], files[put[i]]) })
}

// writeCopies gives out the content's own files (pictures, downloads): kept
// when the pipeline knows they did not change, else read and put.
func (p *Pipeline) writeCopies(c *checked, out Sink, run *lastRun) error {
	for _, name := range sortedNames(c.assetsIn) {
		src := c.assetsIn[name]
		run.outputs[name] = true
		if _, known := p.assets[src]; known && p.last != nil && p.last.has(name) {
			if err := out.Keep(name); err != nil {
				return err
			}
			continue
		}
		data, err := fs.ReadFile(p.content, src)
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		p.assets[src] = hashBytes(data)
		if err := out.Put(name, data); err != nil {
			return err
		}
	}
	return nil
}

// keepIndex keeps the index files of the last run.
func keepIndex(last *lastRun, out Sink, run *lastRun) error {
	for _, name := range last.names() {
		if strings.HasPrefix(name, "search/") {
			run.indexNames = append(run.indexNames, name)
		}
	}
	return out.Keep(run.indexNames...)
}

// searchText parses again, on all cores, the pages that were kept without
// their search text (a build resumed from a BuildCache).
func (p *Pipeline) searchText(c *checked) error {
	var todo []*Page
	for _, pg := range c.site.Pages {
		if pg.Source != "" && pg.sections == nil && c.feat.fed[pg.Source] == nil {
			todo = append(todo, pg)
		}
	}
	return parallel(len(todo), func(i int) error {
		pg := todo[i]
		pg.sections = pageSections(pg, parseTree(c.md, pg), c.site.features.trainer)
		return nil
	})
}

// docsKey digests what the search documents are made of: every page's
// source, title, summary, kind, place and module, and the features'.
func docsKey(c *checked) uint64 {
	k := newKey("docs").num(c.mdKey).num(c.featKey)
	for _, kind := range c.site.features.kinds {
		k.str(kind)
	}
	for _, pg := range c.site.Pages {
		k.str(pg.Source).num(pg.sum).str(pg.URL).str(pg.Title).str(pg.Summary).str(pg.Kind)
		if top := pg.topModule(); top != nil {
			k.str(top.Title())
		}
	}
	return k.sum()
}

// writeFiles gives out the files that are not pages: the content's own
// files (kept when the pipeline knows they did not change), the features'
// files and assets, the layouts' assets, the highlighting styles and the
// sitemap.
func (p *Pipeline) writeFiles(c *checked, out Sink, run *lastRun) error {
	put := func(name string, data []byte) error {
		run.outputs[name] = true
		return out.Put(name, data)
	}
	if err := p.writeCopies(c, out, run); err != nil {
		return err
	}
	for _, name := range sortedNames(c.feat.files) {
		if err := put(name, c.feat.files[name]); err != nil {
			return err
		}
	}
	for _, pg := range c.site.Pages {
		for _, a := range pg.Aliases {
			name, _ := aliasFile(a)
			if err := put(name, redirectPage(feature.Root(name[:strings.LastIndex(name, "/")+1])+pg.Path(), pg.Title)); err != nil {
				return err
			}
		}
	}
	for _, r := range c.site.redirects {
		if err := put(r.file, redirectPage(r.target())); err != nil {
			return err
		}
	}
	assets := map[string][]byte{}
	for _, m := range c.site.features.manifests {
		for name, data := range m.Assets {
			assets["assets/"+name] = data
		}
	}
	c.layouts.assets(assets)
	var css bytes.Buffer
	if err := markdown.WriteHighlightCSS(&css); err != nil {
		return err
	}
	assets["assets/highlight.css"] = css.Bytes()
	// The sitemap lists every page: made again only when the site key,
	// which covers every page's place and the base URL, changed.
	run.prints["sitemap.xml"] = c.siteKey
	if was, ok := p.lastPrint("sitemap.xml"); ok && was == c.siteKey && p.last.has("sitemap.xml") {
		run.outputs["sitemap.xml"] = true
		if err := out.Keep("sitemap.xml"); err != nil {
			return err
		}
	} else {
		assets["sitemap.xml"] = c.site.sitemap()
	}
	for _, name := range sortedNames(assets) {
		if err := put(name, assets[name]); err != nil {
			return err
		}
	}
	return nil
}

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// redirectPage is the page left at an alias (an old URL of a page): it
// sends the reader on to target, a relative link, so it works from disk.
func redirectPage(target, title string) []byte {
	t := template.HTMLEscapeString(target)
	return []byte(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>` + template.HTMLEscapeString(title) + `</title>
<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=` + t + `">
<link rel="canonical" href="` + t + `"></head>
<body><p>This page has moved to <a href="` + t + `">` + template.HTMLEscapeString(title) + `</a>.</p></body></html>
`)
}
