package search

import (
	"strings"
)

// A part is a run of the sorted documents that one goroutine reads, and
// later writes, on its own. It numbers the distinct pieces and terms of
// its texts itself: looking up a piece is one map access, and a new piece
// is normalized and stemmed once. Build then merges the later parts into
// the first (absorb), whose tables become those of the whole index.
type part struct {
	first int32 // the number of its first document
	docs  []Document

	pieceIDs map[string]int32 // piece -> its number
	pieces   []string         // piece number -> piece
	counts   []pieceCount     // piece number -> its counts and term
	termIDs  map[string]int32 // normalized word -> its term's number, or noTerm
	stemIDs  map[string]int32 // term -> its number
	terms    []term

	ids  []int32 // the piece numbers of every section's text, one after the other
	ends []int32 // where each section ends in ids

	doc   int32   // the document being read, counted in the part
	flags []int32 // per term: its flags in the document being read
	seen  []int32 // the terms with flags

	global []int32  // piece number -> number in the first part, set by Build
	files  [][]byte // each document's data in its file under search/d, set by write
	err    error    // from a document's Texts
}

// pieceCount is what reading the texts updates for each piece, kept
// small so that a piece's is quick to reach.
type pieceCount struct {
	count, docs int32 // occurrences, and documents that have it
	lastDoc     int32 // the last document that had it, counted in the part
	term        int32 // for a word, its term in the part or noTerm; isGap for a gap
}

const (
	noTerm = -1 // the term of a stop word (or of a word that normalizes to nothing)
	isGap  = -2
)

// A term is a stemmed, normalized word that is not a stop word.
type term struct {
	term     string
	forms    []string // normalized words other than the term that stem to it, maybe repeated
	postings []byte   // appendCode((doc-last-1)*8 + flags) per document that has it
	last     int32    // the last document in postings, -1 before the first
}

// Flags while reading a document, beside inTitle and inHeading.
const (
	inTextOnce = 8  // in the text of a section once so far
	flagged    = 16 // in the document: so that a term in the text is not 0
)

// newPart makes a part of docs, which have size bytes of text.
func newPart(first int, docs []Document, size int) *part {
	return &part{first: int32(first), docs: docs, pieceIDs: map[string]int32{},
		termIDs: map[string]int32{}, stemIDs: map[string]int32{},
		ids: make([]int32, 0, size/5)} // about one piece in 5 to 6 bytes of English
}

// read collapses the white space of the documents' titles, headings and
// texts, splits the texts into pieces and finds the terms of each document.
// Without keepText it empties each text once split: the pieces stand for it.
func (p *part) read(keepText bool) {
	for i := range p.docs {
		d := &p.docs[i]
		if d.Texts != nil { // sortDocs gave each document sections of its own
			if p.err = fillTexts(d); p.err != nil {
				return
			}
		}
		d.Title = collapseSpace(d.Title)
		p.markWords(d.Title, inTitle)
		for j := range d.Sections {
			s := &d.Sections[j]
			s.Heading = collapseSpace(s.Heading)
			p.markWords(s.Heading, inHeading)
			splitPieces(s.Text, p.add)
			if !keepText {
				s.Text = ""
			}
			p.ends = append(p.ends, int32(len(p.ids)))
		}
		p.endDoc()
	}
}

// add adds a piece of text of the current document.
func (p *part) add(text string, word bool) {
	id, ok := p.pieceIDs[text]
	if !ok {
		text = strings.Clone(text) // not the document's text: the map's keys stay close together
		id = int32(len(p.pieces))
		p.pieceIDs[text] = id
		t := int32(isGap)
		if word {
			t = noTerm
			if w := Normalize(text); w != "" {
				t = p.term(w)
			}
		}
		p.pieces = append(p.pieces, text)
		p.counts = append(p.counts, pieceCount{term: t, lastDoc: -1})
	}
	c := &p.counts[id]
	c.count++
	if c.lastDoc != p.doc {
		c.lastDoc = p.doc
		c.docs++
	}
	p.ids = append(p.ids, id)
	p.mark(c.term, 0)
}

// markWords marks the terms of a title or heading.
func (p *part) markWords(text string, flag int32) {
	splitPieces(text, func(w string, word bool) {
		if !word {
			return
		}
		if id, ok := p.pieceIDs[w]; ok { // normalized already
			p.mark(p.counts[id].term, flag)
		} else if n := Normalize(w); n != "" {
			p.mark(p.term(n), flag)
		}
	})
}

// term returns the number of the term of a normalized word, -1 for a stop word.
func (p *part) term(w string) int32 {
	if id, ok := p.termIDs[w]; ok {
		return id
	}
	id := int32(noTerm)
	if !isStopWord(w) {
		id = p.termID(Stem(w))
		if p.terms[id].term != w {
			p.terms[id].forms = append(p.terms[id].forms, w)
		}
	}
	p.termIDs[w] = id
	return id
}

// termID returns the number of term t, adding it if it is new.
func (p *part) termID(t string) int32 {
	id, ok := p.stemIDs[t]
	if !ok {
		id = int32(len(p.terms))
		p.stemIDs[t] = id
		p.terms = append(p.terms, term{term: t, last: -1})
		p.flags = append(p.flags, 0)
	}
	return id
}

// mark records that term id occurs in the current document: flag is
// inTitle or inHeading, 0 for the text of a section.
func (p *part) mark(id int32, flag int32) {
	if id < 0 { // noTerm or isGap
		return
	}
	f := p.flags[id]
	if f == 0 {
		p.seen = append(p.seen, id)
	}
	f |= flag | flagged
	if flag == 0 {
		if f&inTextOnce != 0 {
			f |= inBodyOften
		}
		f |= inTextOnce
	}
	p.flags[id] = f
}

// endDoc ends the current document: it adds it to the postings of its terms.
func (p *part) endDoc() {
	doc := p.first + p.doc
	for _, id := range p.seen {
		t := &p.terms[id]
		t.postings = appendCode(t.postings, int(doc-t.last-1)*8+int(p.flags[id]&(inTitle|inHeading|inBodyOften)))
		t.last = doc
		p.flags[id] = 0
	}
	p.seen = p.seen[:0]
	p.doc++
}

// absorb adds the pieces and terms of q, the next part, to p's, and sets
// q.global.
func (p *part) absorb(q *part) {
	q.global = make([]int32, len(q.pieces))
	for i, text := range q.pieces {
		g, ok := p.pieceIDs[text]
		if !ok {
			g = int32(len(p.pieces))
			p.pieceIDs[text] = g
			p.pieces = append(p.pieces, text)
			p.counts = append(p.counts, pieceCount{term: q.counts[i].term}) // only isGap or not matters
		}
		p.counts[g].count += q.counts[i].count
		p.counts[g].docs += q.counts[i].docs
		q.global[i] = g
	}
	for _, qt := range q.terms {
		t := &p.terms[p.termID(qt.term)]
		t.forms = append(t.forms, qt.forms...)
		if t.last < 0 {
			t.postings = qt.postings
		} else { // q's first posting counts from document -1, not t.last
			v, n := readCode(qt.postings)
			t.postings = appendCode(t.postings, v-int(t.last+1)*8)
			t.postings = append(t.postings, qt.postings[n:]...)
		}
		t.last = qt.last
	}
}

// write encodes each document for its file under search/d:
// [url, title, words, gaps, sections], given each piece's number in the
// dictionary of n pieces (-1 if it is not in it), by its number in the
// first part. A document's own pieces are numbered in the order they
// first occur, its words before its gaps.
func (p *part) write(dictOf []int32, n int) {
	p.files = make([][]byte, len(p.docs))
	type pieceCode struct {
		dict  int32 // number in the dictionary, -1 if not in it
		doc   int32 // 1 + the last document that has it among its own pieces
		local int32 // its number among that document's own pieces
		word  bool
	}
	codes := make([]pieceCode, len(p.pieces))
	for i, g := range p.global {
		codes[i] = pieceCode{dict: dictOf[g], word: p.counts[i].term != isGap}
	}
	var words []string
	var gapIDs []int32
	var code []byte
	start := int32(0) // where the document's pieces start in ids
	sec := 0          // its first section in ends
	for i := range p.docs {
		d := &p.docs[i]
		ends := p.ends[sec : sec+len(d.Sections)]
		sec += len(d.Sections)
		end := start
		if len(ends) > 0 {
			end = ends[len(ends)-1]
		}
		words, gapIDs = words[:0], gapIDs[:0]
		for _, id := range p.ids[start:end] {
			c := &codes[id]
			if c.dict >= 0 || c.doc == int32(i+1) {
				continue
			}
			c.doc = int32(i + 1)
			if c.word {
				c.local = int32(len(words))
				words = append(words, p.pieces[id])
			} else {
				gapIDs = append(gapIDs, id)
			}
		}
		gaps := make([]string, len(gapIDs))
		for j, id := range gapIDs {
			codes[id].local = int32(len(words) + j)
			gaps[j] = p.pieces[id]
		}
		secs := make([]string, 0, 3*len(d.Sections))
		for j, s := range d.Sections {
			code = code[:0]
			for _, id := range p.ids[start:ends[j]] {
				if c := &codes[id]; c.dict >= 0 {
					code = appendCode(code, int(c.dict))
				} else {
					code = appendCode(code, n+int(c.local))
				}
			}
			secs = append(secs, s.Anchor, s.Heading, string(code))
			start = ends[j]
		}
		p.files[i] = encodeJSON([]any{d.URL, d.Title, strings.Join(words, " "), gaps, secs})
	}
}
