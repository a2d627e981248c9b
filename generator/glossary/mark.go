package glossary

import (
	"hash/fnv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// maxUsedIn bounds the pages an entry lists as using its term, so that the
// glossary's size does not grow with the course's.
const maxUsedIn = 12

// definitionBytes bounds a tooltip's text.
const definitionBytes = 200

// term is one entry's name as the lessons may write it.
type term struct {
	url, anchor, name, definition string
}

// marks are the glossary's feature.Marks: its terms, kept between runs.
type marks struct {
	terms      []term
	trie       *trie
	glossaries map[string]bool // URLs of the glossary pages
	key        uint64
}

var _ feature.Marks = (*marks)(nil)

// newMarks files the terms to find; a term whose name cannot be found
// (too short or long, or the same as an earlier one's) is left out.
func newMarks(entries []term) *marks {
	m := &marks{trie: newTrie(), glossaries: map[string]bool{}}
	h := fnv.New64a()
	for _, e := range entries {
		m.glossaries[e.url] = true
		if !m.trie.add(words(e.name), len(m.terms)) {
			continue
		}
		m.terms = append(m.terms, e)
		for _, s := range []string{e.url, e.anchor, e.name, e.definition} {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
	}
	for u := range m.glossaries {
		h.Write([]byte(u)) // order does not matter much: a sum of the same set
	}
	m.key = h.Sum64()
	return m
}

// Key implements feature.Marks.
func (m *marks) Key() uint64 { return m.key }

// Idle implements feature.Marks: without terms there is nothing to link,
// and without a glossary nowhere to list uses.
func (m *marks) Idle() bool { return len(m.terms) == 0 && len(m.glossaries) == 0 }

// Gathers implements feature.Marks: a glossary lists where its terms are used.
func (m *marks) Gathers(url string) bool { return m.glossaries[url] }

// Scan implements feature.Marks: the anchors of the terms a page names.
func (m *marks) Scan(url string, body []byte) []string {
	if len(m.terms) == 0 || m.glossaries[url] {
		return nil
	}
	return m.scan(body)
}

// Mark implements feature.Marks: on a glossary, it closes each entry with
// the pages that use it; elsewhere it links the first use of each term.
func (m *marks) Mark(url string, source []byte, d any, uses []feature.Use) {
	doc, ok := d.(ast.Node)
	if !ok || len(m.terms) == 0 {
		return
	}
	if m.glossaries[url] {
		m.listUses(url, doc, uses)
		return
	}
	if marked(doc) {
		return // a tree kept from the last run, marked by the same terms
	}
	l := &linker{m: m, root: feature.Root(url), source: source, used: make([]bool, len(m.terms))}
	l.walk(doc)
}

// marked reports whether doc holds a Term already.
func marked(doc ast.Node) bool {
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == KindTerm {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// linker links the first use of each term in one page.
type linker struct {
	m      *marks
	root   string
	source []byte
	used   []bool
	left   int // terms linked so far
}

// prose are the nodes whose text is prose to link terms in; headings,
// links, code and the nodes of features (cards, questions) are left as
// they are.
var prose = map[ast.NodeKind]bool{
	ast.KindDocument: true, ast.KindParagraph: true, ast.KindTextBlock: true,
	ast.KindList: true, ast.KindListItem: true, ast.KindBlockquote: true, ast.KindEmphasis: true,
	markdown.KindFencedDiv: true, markdown.KindAlert: true, markdown.KindSpan: true,
	east.KindTable: true, east.KindTableHeader: true, east.KindTableRow: true, east.KindTableCell: true,
	east.KindDefinitionList: true, east.KindDefinitionDescription: true,
}

func (l *linker) walk(n ast.Node) {
	var run []*ast.Text // Text siblings in a row, parted by nothing but line ends
	for c := n.FirstChild(); c != nil && l.left < len(l.used); {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		if ok && !t.IsRaw() {
			run = append(run, t)
		} else {
			l.run(run)
			run = run[:0]
			if prose[c.Kind()] {
				l.walk(c)
			}
		}
		c = next
	}
	l.run(run)
}

// run links the first uses in a row of Text nodes, read as one text (a
// term may run across a line end), splitting the nodes around each use.
func (l *linker) run(nodes []*ast.Text) {
	if len(nodes) == 0 || l.left == len(l.used) {
		return
	}
	var b strings.Builder
	offsets := make([]int, len(nodes))
	for j, t := range nodes {
		if j > 0 {
			prev := nodes[j-1]
			switch {
			case prev.SoftLineBreak():
				b.WriteByte('\n')
			case prev.HardLineBreak() || prev.Segment.Stop != t.Segment.Start:
				b.WriteByte(0)
			}
		}
		offsets[j] = b.Len()
		b.Write(t.Segment.Value(l.source))
	}
	joined := b.String()
	ws := words(joined)
	j := 0 // the node that holds the word looked at
	for i := 0; i < len(ws) && l.left < len(l.used); {
		ti, n := l.m.trie.match(ws[i:])
		start := ws[i].start
		if ti < 0 || l.used[ti] || (start > 0 && (joined[start-1] == '&' || joined[start-1] == '\\')) {
			i++
			continue
		}
		end := ws[i+n-1].end
		for j+1 < len(nodes) && offsets[j+1] <= start {
			j++
		}
		k := j
		for k+1 < len(nodes) && end > offsets[k]+nodes[k].Segment.Len() {
			k++
		}
		l.used[ti], l.left = true, l.left+1
		l.wrap(nodes, offsets, j, k, start, end, l.m.terms[ti])
		j, i = k, i+n
	}
}

// wrap puts the text from start to end (in the joined text of nodes, from
// node j to node k) into a Term, splitting nodes j and k at its ends.
func (l *linker) wrap(nodes []*ast.Text, offsets []int, j, k, start, end int, t term) {
	first, last := nodes[j], nodes[k]
	parent := first.Parent()
	s := first.Segment.Start + start - offsets[j]
	e := last.Segment.Start + end - offsets[k]
	if s > first.Segment.Start {
		parent.InsertBefore(parent, first, ast.NewTextSegment(text.NewSegment(first.Segment.Start, s)))
		first.Segment = text.NewSegment(s, first.Segment.Stop)
		offsets[j] = start
	}
	node := &Term{Href: l.root + t.url + "index.html#" + t.anchor, Anchor: t.anchor, Definition: t.definition}
	parent.InsertBefore(parent, first, node)
	for _, mid := range nodes[j:k] {
		parent.RemoveChild(parent, mid)
		node.AppendChild(node, mid) // keeps its line end
	}
	head := last.Segment.Start
	node.AppendChild(node, ast.NewTextSegment(text.NewSegment(head, e)))
	last.Segment = text.NewSegment(e, last.Segment.Stop) // last keeps the rest, and its line break
	offsets[k] = end
}

// listUses closes each entry of the glossary at url with the pages that
// use its term, replacing the lists of an earlier run.
func (m *marks) listUses(url string, doc ast.Node, uses []feature.Use) {
	for c := doc.FirstChild(); c != nil; {
		next := c.NextSibling()
		if c.Kind() == KindUsedIn {
			doc.RemoveChild(doc, c)
		}
		c = next
	}
	byAnchor := map[string]*UsedIn{}
	for _, t := range m.terms {
		if t.url == url {
			byAnchor[t.anchor] = &UsedIn{}
		}
	}
	for _, u := range uses {
		for _, a := range u.Found {
			if ui := byAnchor[a]; ui != nil {
				if len(ui.Links) == maxUsedIn {
					ui.More++
					continue
				}
				ui.Links = append(ui.Links, usedLink{Href: feature.Root(url) + u.URL + "index.html", Title: u.Title})
			}
		}
	}
	var open *UsedIn
	var level int
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if !ok {
			continue
		}
		if open != nil && h.Level <= level {
			doc.InsertBefore(doc, c, open)
			open = nil
		}
		if id, ok := h.AttributeString("id"); ok {
			if ui := byAnchor[string(toBytes(id))]; ui != nil && len(ui.Links) > 0 && open == nil {
				open, level = ui, h.Level
			}
		}
	}
	if open != nil {
		doc.AppendChild(doc, open)
	}
}

func toBytes(v any) []byte {
	switch v := v.(type) {
	case []byte:
		return v
	case string:
		return []byte(v)
	}
	return nil
}
