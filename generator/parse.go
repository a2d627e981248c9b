package generator

import (
	"bytes"
	"cmp"
	"maps"
	"path"
	"slices"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"p2pc/generator/markdown"
	"p2pc/generator/search"
)

// parseKey names one parse of a source: its path, bytes, kind of page and
// the Markdown settings (raw HTML, the features' divs).
type parseKey struct {
	src  string
	sum  uint64
	kind string
	md   uint64
	// names is the title the outline gives a page without one of its own
	// (parsePage takes it): from another file, so not in sum
	names string
}

// parsed is what checking a page needs of its Markdown, kept while the
// source stays the same: the page's title, anchors, table of contents, word
// count, fenced divs, links, search text and the problems found.
type parsed struct {
	title     string
	titleLine int
	titleID   string
	anchors   map[string]bool
	toc       []TOCEntry
	words     int
	divs      []string
	links     []linkRef
	sections  []search.Section
	anchorKey uint64 // digest of the anchors
	problems  []*FileError
}

// linkRef is a link or image as written in a page.
type linkRef struct {
	raw       string
	line, col int
	image     bool
	diagram   bool   // an .svg image alone in its paragraph, put into the page
	alt       string // an image's alt text
}

// parsePage parses a page's Markdown, takes its title from a leading #
// heading when the front matter has none, and records its anchors, table
// of contents, links and, with sections, search text. It returns the tree.
func parsePage(md *markdown.Markdown, p *Page, trainer map[string]bool, sections bool, errs *errorList) ast.Node {
	if p.body == nil {
		p.body = []byte{}
	}
	p.anchors = map[string]bool{}
	doc := md.Parse(p.body)
	if h, ok := firstH1(doc); ok {
		if p.Title == "" {
			p.Title = markdown.PlainText(p.body, h)
			p.titleLine, _ = p.position(markdown.NodeOffset(h))
		}
		if markdown.PlainText(p.body, h) == p.Title {
			if id, ok := h.AttributeString("id"); ok {
				p.TitleID = string(id.([]byte))
			}
			h.Parent().RemoveChild(h.Parent(), h)
		}
	}
	if p.Title == "" {
		p.Title = cmp.Or(p.LinkTitle, p.outlineTitle) // an outline's name for it (SUMMARY.md's link text, the lesson's title)
	}
	if p.Title == "" {
		name := path.Base(p.Source)
		if p.Kind == "module" || p.Kind == "home" {
			name = path.Base(path.Dir(p.Source))
		}
		p.Title = titleFromName(name)
	}
	p.shortcodeSeen = p.lenient || !bytes.Contains(p.body, []byte("{{")) // another tool's page: its own tool's rules
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			p.note(n, errs)
		}
		return ast.WalkContinue, nil
	})
	switch {
	case p.anchors[p.TitleID]: // an id the page gives something itself wins
		p.TitleID = ""
	case p.TitleID != "":
		p.anchors[p.TitleID] = true
	}
	for _, pr := range markdown.Problems(doc) {
		line, col := p.position(pr.Offset)
		errs.add(p.Source, line, col, "%s", pr.Msg)
	}
	for _, w := range markdown.Warnings(doc) {
		line, col := p.position(w.Offset)
		errs.warn(p.Source, line, col, "%s", w.Msg)
	}
	if sections {
		p.sections = pageSections(p, doc, trainer)
	}
	k := newKey("anchors")
	for _, a := range slices.Sorted(maps.Keys(p.anchors)) {
		k.str(a)
	}
	p.anchorKey = k.sum()
	p.lineIndex = nil // only parsing places things
	return doc
}

// position is the line and column of a byte offset in the page's body,
// found through an index of its lines made on first use.
func (p *Page) position(offset int) (line, col int) {
	if p.lineIndex == nil {
		p.lineIndex = markdown.NewLines(p.body)
	}
	return p.lineIndex.Position(offset)
}

// note records what one node of the tree tells about the page.
func (p *Page) note(n ast.Node, errs *errorList) {
	switch n := n.(type) {
	case *ast.Heading:
		id, _ := n.AttributeString("id")
		ids, _ := id.([]byte)
		p.anchors[string(ids)] = true
		if (n.Level == 2 || n.Level == 3) && !markdown.InsideDiv(n) {
			p.TOC = append(p.TOC, TOCEntry{Level: n.Level, ID: string(ids), Text: markdown.PlainText(p.body, n)})
		}
	case *markdown.FencedDiv:
		p.divs = append(p.divs, n.Name)
		line, col := p.position(n.Offset)
		switch {
		case n.Closed:
		case p.lenient: // Pandoc prints the line and builds
			errs.warn(p.Source, line, col, "fenced div ::: %s is never closed, so it ends where the page (or the block holding it) ends (add a line ::: after its content)", n.Name)
		default:
			errs.add(p.Source, line, col, "fenced div ::: %s is never closed (add a line ::: after its content)", n.Name)
		}
		if n.AttrErr != "" {
			errs.add(p.Source, line, col, "fenced div ::: %s: %s", n.Name, n.AttrErr)
		}
		if n.ID != "" {
			if p.anchors[n.ID] {
				errs.add(p.Source, line, col, "id %q is used twice on this page", n.ID)
			}
			p.anchors[n.ID] = true
		}
	case *ast.RawHTML, *ast.HTMLBlock:
		p.noteRawRefs(n)
	case *extast.DefinitionTerm: // given an id by {:auto_ids}
		if id, ok := n.AttributeString("id"); ok {
			p.anchors[string(id.([]byte))] = true
		}
	case *markdown.Span:
		if n.ID != "" {
			if p.anchors[n.ID] {
				line, col := p.position(n.Offset)
				errs.add(p.Source, line, col, "id %q is used twice on this page", n.ID)
			}
			p.anchors[n.ID] = true
		}
	case *ast.Text:
		p.WordCount += countWords(n.Segment.Value(p.body))
		if !p.shortcodeSeen {
			p.noteShortcode(n, errs)
		}
	case *ast.Link:
		p.links = append(p.links, p.linkRef(n, string(n.Destination), false))
	case *ast.Image:
		p.links = append(p.links, p.linkRef(n, string(n.Destination), true))
	}
}

func (p *Page) linkRef(n ast.Node, dest string, image bool) linkRef {
	line, col := p.position(nodeOffset(n))
	l := linkRef{raw: dest, line: line, col: col, image: image, diagram: image && isDiagram(n)}
	if l.diagram {
		l.alt = markdown.PlainText(p.body, n)
		if alt, ok := n.AttributeString("alt"); ok {
			if b, ok := alt.([]byte); ok {
				l.alt = string(b)
			}
		}
	}
	return l
}

// parseTree parses a checked page's Markdown again, to render it: the tree
// parsePage gave, before links were rewritten.
func parseTree(md *markdown.Markdown, p *Page) ast.Node {
	doc := md.Parse(p.body)
	if h, ok := firstH1(doc); ok && markdown.PlainText(p.body, h) == p.Title {
		h.Parent().RemoveChild(h.Parent(), h)
	}
	return doc
}

// summary is what parsePage found, to keep.
func (p *Page) summary(problems []*FileError) *parsed {
	return &parsed{title: p.Title, titleLine: p.titleLine, titleID: p.TitleID, anchors: p.anchors, toc: p.TOC, words: p.WordCount,
		divs: p.divs, links: p.links, sections: p.sections, anchorKey: p.anchorKey, problems: problems}
}

// apply gives a page what an earlier parse of the same source found.
func (p *Page) apply(s *parsed) {
	p.Title, p.titleLine, p.TitleID, p.anchors, p.TOC, p.WordCount = s.title, s.titleLine, s.titleID, s.anchors, s.toc, s.words
	p.divs, p.links, p.sections, p.anchorKey = s.divs, s.links, s.sections, s.anchorKey
}

func firstH1(doc ast.Node) (*ast.Heading, bool) {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && h.Level == 1 {
			return h, true
		}
	}
	return nil, false
}

// noteShortcode warns, once a page, of a Hugo shortcode ({{< or {{%) in
// text outside code: in a page not read as Hugo's it is printed as written.
func (p *Page) noteShortcode(n *ast.Text, errs *errorList) {
	if _, code := n.Parent().(*ast.CodeSpan); code {
		return
	}
	v := n.Segment.Value(p.body)
	for i := bytes.Index(v, []byte("{{")); i >= 0 && i+2 < len(v); {
		if v[i+2] == '<' || v[i+2] == '%' {
			p.shortcodeSeen = true
			line, col := p.position(n.Segment.Start + i)
			errs.warn(p.Source, line, col, "%s looks like a Hugo shortcode and is printed as written: if the content is a Hugo site, build it with --format hugo", shortcodeText(p.body[n.Segment.Start+i:]))
			return
		}
		j := bytes.Index(v[i+1:], []byte("{{"))
		if j < 0 {
			return
		}
		i += 1 + j
	}
}

// shortcodeText is the shortcode at the start of b as a message quotes it:
// up to its closing braces, on one line, at most 40 bytes.
func shortcodeText(b []byte) string {
	if i := bytes.Index(b, []byte("}}")); i >= 0 && i < 40 {
		b = b[:i+2]
	} else if len(b) > 40 {
		b = append(b[:40:40], "…"...)
	}
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// noteRawRefs records what raw HTML node n gives the page: its hrefs and
// srcs as links, checked as Markdown links are, and its ids as anchors
// (<a id="old-name"></a>, kept so old links still lead here).
func (p *Page) noteRawRefs(n ast.Node) {
	urls, ids := markdown.RawRefs(n, p.body)
	for _, u := range urls {
		line, col := p.position(u.Offset)
		p.links = append(p.links, linkRef{raw: u.Value, line: line, col: col, image: u.Image})
	}
	for _, id := range ids {
		p.anchors[id] = true
	}
}
