package generator

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/search"
)

// earlyBudget bounds the bytes of rendered bodies a build holds in memory
// between checking and rendering when it has no spool file. A page past it
// is parsed a second time when its layout is rendered.
const earlyBudget = 16 << 20

// earlyBodies renders, in one build, each page's body from the tree
// checking parsed, instead of parsing the page again to render it: goldmark
// parsing was a fifth of a build's CPU time, and every page was parsed
// twice. Only what the body depends on must be known while the pages are
// still being parsed:
//
//   - where links lead: the pages' URLs and the files, known once the
//     content is loaded (links are checked after parsing, as before; a
//     body whose links fail the check is never written);
//   - the page's own tree: a page a feature reads (and may change) is not
//     rendered early, but one it reads only for its trainer notes is,
//     once the features read it; the diagrams a page shows are read from
//     the files its links lead to;
//   - the features' Marks, which change the trees of the pages they mark:
//     a course where a Marker reads a page (a glossary) is not rendered
//     early at all, and if Marks turn out not to be Idle all the same, the
//     early bodies are not used and every page is parsed again.
//
// The bodies wait in a spool file in the build cache's folder (written and
// read at offsets, from all cores, removed when the run ends), so that
// memory does not grow with the course; without one, up to earlyBudget
// bytes of them wait in memory. They are the bytes the second parse gave
// (the golden and pipeline tests compare whole builds).
type earlyBodies struct {
	targets *linkTargets // frozen, with noAnchors
	content fs.FS        // where diagrams are read from
	dir     string       // where the spool is made, or ""
	spool   *os.File     // or nil
	name    string       // the spool's, to remove
	end     atomic.Int64 // bytes spooled, or held in memory
	buffers sync.Pool    // of *bytes.Buffer, to render bodies into
	used    atomic.Int64 // bodies taken by rendering
}

// earlyRef is where a page's early body waits.
type earlyRef struct {
	html []byte // in memory
	off  int64  // else at this offset of the spool
	n    int
}

// newEarlyBodies returns early bodies for one build, to be spooled into a
// file in the folder dir ("" for none) once started.
func newEarlyBodies(dir string) *earlyBodies { return &earlyBodies{dir: dir} }

// openSpool makes the spool, unless there is no folder for it or it
// cannot be made (then the bodies wait in memory).
func (e *earlyBodies) openSpool() {
	dir := e.dir
	if dir == "" || os.MkdirAll(dir, 0o755) != nil {
		return
	}
	if old, _ := filepath.Glob(filepath.Join(dir, "bodies-*.tmp")); len(old) > 0 {
		for _, name := range old { // a killed build's, where an open file keeps its name (Windows); one in use stays
			os.Remove(name)
		}
	}
	f, err := os.CreateTemp(dir, "bodies-*.tmp")
	if err != nil {
		return
	}
	e.spool, e.name = f, f.Name()
	if os.Remove(e.name) == nil { // where a file can go while open: nothing is left behind
		e.name = ""
	}
}

// close ends the spool.
func (e *earlyBodies) close() {
	if e == nil || e.spool == nil {
		return
	}
	e.spool.Close()
	if e.name != "" {
		os.Remove(e.name)
	}
}

// start gives the bodies the link targets loading found, and makes the
// spool (a run that renders nothing early makes none).
func (e *earlyBodies) start(t *linkTargets, content fs.FS) {
	view := *t
	view.frozen, view.noAnchors = true, true
	e.targets, e.content = &view, content
	e.openSpool()
}

// render gives page pg, whose checking tree is doc and which no feature
// reads, its body now; doc is not used again.
func (e *earlyBodies) render(c *checked, pg *Page, doc ast.Node) {
	if e == nil {
		return
	}
	pg.sections = pageSections(pg, doc, c.site.features.trainer)
	e.resolve(pg, doc)
	e.keep(c, pg, doc)
}

// noted renders the body of page pg, which the features read only for its
// trainer notes and do not change, as render does, and returns its tree
// cut to what they read of it (notesOnly). Its sections are taken once its
// links are rewritten and its diagrams in, as collect takes those of every
// page the features read; its Markdown stays until they have read it.
func (e *earlyBodies) noted(c *checked, pg *Page, doc ast.Node) ast.Node {
	body := pg.body
	e.resolve(pg, doc)
	pg.sections = pageSections(pg, doc, c.site.features.trainer)
	e.keep(c, pg, doc)
	pg.body = body
	return notesOnly(doc, c.site.features.trainer)
}

// resolve rewrites the links of page pg's tree and puts its diagrams in.
func (e *earlyBodies) resolve(pg *Page, doc ast.Node) {
	t := *e.targets // with the files its links lead to, for its diagrams
	t.found = map[string]string{}
	t.sources = t.found
	resolveLinks(pg, doc, &t)
	inlineDiagrams(pg, doc, e.content, &t)
}

// keep renders page pg's body from doc, whose links are rewritten and
// diagrams in, and keeps it for rendering the page. In the spool, the
// Markdown waits with it (only the features' Marks read it again), and the
// texts of the page's search sections: most of what a page keeps until the
// search index is made (a third of a 10,000-lesson build's live memory).
// All three go in one write.
func (e *earlyBodies) keep(c *checked, pg *Page, doc ast.Node) {
	if e == nil {
		return
	}
	if e.spool == nil && e.end.Load() > earlyBudget {
		return
	}
	buf := e.buffer()
	if e.spool != nil {
		defer e.buffers.Put(buf)
	}
	if err := c.md.RenderTo(buf, pg.body, doc); err != nil || buf.Len() == 0 {
		return // rendered again later, which reports a failure
	}
	if e.spool == nil {
		html := buf.Bytes()
		e.end.Add(int64(len(html)))
		pg.early = earlyRef{html: html, n: len(html)}
		return
	}
	n, md := buf.Len(), len(pg.body)
	buf.Write(pg.body)
	texts := len(pg.sections) > 0
	if texts {
		var u [binary.MaxVarintLen64]byte
		for _, s := range pg.sections {
			buf.Write(u[:binary.PutUvarint(u[:], uint64(len(s.Text)))])
			buf.WriteString(s.Text)
		}
	}
	all, ok := e.write(buf.Bytes())
	if !ok {
		return
	}
	pg.early = earlyRef{off: all.off, n: n}
	pg.spooled, pg.body = earlyRef{off: all.off + int64(n), n: md}, nil
	if texts {
		pg.texts = earlyRef{off: all.off + int64(n+md), n: all.n - n - md}
		heads := make([]search.Section, len(pg.sections))
		for i, s := range pg.sections {
			heads[i] = search.Section{Anchor: s.Anchor, Heading: s.Heading}
		}
		pg.sections = heads
	}
}

// spooledTexts reads back the texts of the sections heads of the page at
// url, spooled at r, and gives those of ownSections(heads, items), for
// search.Document.Texts.
func (e *earlyBodies) spooledTexts(r earlyRef, url string, heads []search.Section, items map[string]bool) func() ([]string, error) {
	return func() ([]string, error) {
		b, err := e.read(r)
		if err != nil {
			return nil, err
		}
		all, rest := string(b), 0
		full := slices.Clone(heads) // the spool's order: before ownSections
		for i := range full {
			n, k := binary.Uvarint(b[rest:])
			if k <= 0 || uint64(len(b)-rest-k) < n {
				return nil, fmt.Errorf("reading back the search text of %s: the spool is damaged", url)
			}
			rest += k
			full[i].Text = all[rest : rest+int(n)]
			rest += int(n)
		}
		own := ownSections(full, items)
		texts := make([]string, len(own))
		for i, s := range own {
			texts[i] = s.Text
		}
		return texts, nil
	}
}

// buffer returns a buffer to render a body into: one of the pool's, to
// write to the spool and give back (a build renders thousands of bodies,
// and growing a new buffer for each made most of its garbage), or a new
// one, to hold.
func (e *earlyBodies) buffer() *bytes.Buffer {
	if e.spool == nil {
		return new(bytes.Buffer)
	}
	if b, ok := e.buffers.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}

// write spools b.
func (e *earlyBodies) write(b []byte) (earlyRef, bool) {
	off := e.end.Add(int64(len(b))) - int64(len(b))
	if _, err := e.spool.WriteAt(b, off); err != nil {
		return earlyRef{}, false
	}
	return earlyRef{off: off, n: len(b)}, true
}

// read returns what r refers to.
func (e *earlyBodies) read(r earlyRef) ([]byte, error) {
	if r.html != nil || r.n == 0 {
		return r.html, nil
	}
	b := make([]byte, r.n)
	if _, err := e.spool.ReadAt(b, r.off); err != nil {
		return nil, fmt.Errorf("reading back the rendered pages: %w", err)
	}
	return b, nil
}

// earlyBody returns page pg's early body, or nil when there is none or a
// feature's Marks change its tree.
func (c *checked) earlyBody(pg *Page) ([]byte, error) {
	if pg.early.n == 0 || c.marksPages() {
		return nil, nil
	}
	html, err := c.early.read(pg.early)
	if err == nil {
		c.early.used.Add(1)
	}
	return html, err
}

// source returns page pg's Markdown, read back when it was spooled.
func (c *checked) source(pg *Page) ([]byte, error) {
	if pg.body != nil || pg.spooled.n == 0 {
		return pg.body, nil
	}
	return c.early.read(pg.spooled)
}

// spoolDir is where a build with this cache spools early bodies.
func (c *BuildCache) spoolDir() string { return filepath.Dir(c.path) }
