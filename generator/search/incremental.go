package search

import (
	"bytes"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
)

// An Index is a search index kept in memory so that it can be brought up
// to date after a few documents changed, writing only the files that
// change. What Update gives is always what Build gives for the same
// documents: it changes the files of the documents that changed, the term
// shards of the terms whose postings or forms changed and meta.js, and
// builds everything again (as Build) when the change reaches further: a
// document added or removed, the shared dictionary or the cuts between the
// term shards moving, or many documents changed.
type Index struct {
	names          []string   // the names of files, sorted; nil when to be made again
	kindOrder      []string   // as given to NewIndex
	raw            []Document // the documents, sorted, as given
	perm           []int      // raw[i] was docs[perm[i]] of the last call
	all            *part      // the tables of the whole index
	dict           []string
	dictIDs        []int32 // the pieces of dict
	dictOf         []int32 // per piece: its number in dict, -1 if none
	bound          dictKey // at least every piece that is not in dict but could be
	forms          map[string]int32
	formsEnc       []string // per term: formsOf
	order          []int32  // the terms that have postings, in byte order
	inOrder        []bool   // per term
	firsts         []string // the first term of each shard
	kinds, modules []string
	files          map[string][]byte
	payloads       [][]byte // per document: its data in its file under search/d
	rebuilds       int      // how many times Update built everything again (for tests)
}

// dictKey is a piece's place in the order of dictionary: count, then text.
type dictKey struct {
	count int32
	text  string
	ok    bool
}

// before reports whether a comes before b in the dictionary's order.
func (a dictKey) before(b dictKey) bool {
	return a.count > b.count || a.count == b.count && a.text < b.text
}

// maxIncremental is the number of changed documents above which Update
// builds everything again.
const maxIncremental = 64

// NewIndex builds the index of docs: it returns the Index and the same
// files as Build with the same kindOrder.
func NewIndex(docs []Document, kindOrder ...string) (*Index, map[string][]byte, error) {
	docs, err := allTexts(docs)
	if err != nil {
		return nil, nil, err
	}
	perm := sortedOrder(docs)
	raw := make([]Document, len(docs))
	for i, j := range perm {
		raw[i] = docs[j] // its Sections too: the caller does not change them
	}
	if err := checkDocs(raw); err != nil {
		return nil, nil, err
	}
	files, b, err := build(docs, runtime.GOMAXPROCS(0), kindOrder, true)
	if err != nil {
		return nil, nil, err
	}
	a := b.all
	ix := &Index{kindOrder: kindOrder, raw: raw, perm: perm, all: a, dict: b.dict, dictOf: b.dictOf, kinds: b.kinds, modules: b.modules,
		files: maps.Clone(files), payloads: b.payloads, forms: map[string]int32{}}
	ix.dictIDs = make([]int32, len(b.dict))
	for g, d := range b.dictOf {
		if d >= 0 {
			ix.dictIDs[d] = int32(g)
		}
	}
	for g := range a.pieces {
		if ix.dictOf[g] < 0 && a.counts[g].docs >= 3 {
			if k := ix.key(int32(g)); !ix.bound.ok || k.before(ix.bound) {
				ix.bound = k
			}
		}
	}
	// Forms: a term's forms are kept as a set, with the number of times
	// each is found (a document's distinct text pieces that normalize to it,
	// and its words in the title and headings).
	ix.formsEnc = make([]string, len(a.terms))
	formSet := map[string]bool{}
	for i := range a.terms {
		t := &a.terms[i]
		slices.Sort(t.forms)
		t.forms = slices.Compact(t.forms)
		for _, w := range t.forms {
			formSet[w] = true
		}
		ix.formsEnc[i] = formsOf(t.term, t.forms)
	}
	for g, text := range a.pieces {
		if a.counts[g].term != isGap && a.counts[g].docs > 0 {
			if w := Normalize(text); formSet[w] {
				ix.forms[w] += a.counts[g].docs
			}
		}
	}
	for i := range b.docs {
		headWords(&b.docs[i], func(w string) {
			if formSet[w] {
				ix.forms[w]++
			}
		})
	}
	ix.order = make([]int32, len(a.terms))
	ix.inOrder = make([]bool, len(a.terms))
	for i := range ix.order {
		ix.order[i] = int32(i)
		ix.inOrder[i] = true
	}
	slices.SortFunc(ix.order, func(x, y int32) int { return strings.Compare(a.terms[x].term, a.terms[y].term) })
	for _, s := range layoutShards(a.terms, ix.order, ix.formsEnc) {
		ix.firsts = append(ix.firsts, a.terms[ix.order[s]].term)
	}
	return ix, files, nil
}

// relayout returns the first term of each shard once the terms in changed
// were changed, added or removed, and the first shard that may differ. It
// cuts again only from the shard before the first changed term, up to
// where a shard starts at the same term as before after the last one.
func (ix *Index) relayout(changed []string) (firsts []string, from int) {
	a := ix.all
	if len(changed) == 0 || len(ix.firsts) == 0 {
		starts := layoutShards(a.terms, ix.order, ix.formsEnc)
		for _, s := range starts {
			firsts = append(firsts, a.terms[ix.order[s]].term)
		}
		return firsts, 0
	}
	lo, hi := slices.Min(changed), slices.Max(changed)
	h, found := slices.BinarySearch(ix.firsts, lo)
	if !found {
		h--
	}
	k0 := max(h-1, 0) // its first term is not changed, and neither are those before
	start := 0
	if k0 > 0 {
		start, _ = slices.BinarySearchFunc(ix.order, ix.firsts[k0], func(x int32, s string) int { return strings.Compare(a.terms[x].term, s) })
	}
	j := -1
	starts, _ := layoutFrom(a.terms, ix.order, ix.formsEnc, start, func(i int) bool {
		t := a.terms[ix.order[i]].term
		if t <= hi {
			return false
		}
		k, found := slices.BinarySearch(ix.firsts, t)
		if found {
			j = k
		}
		return found
	})
	firsts = slices.Clone(ix.firsts[:k0])
	for _, s := range starts {
		firsts = append(firsts, a.terms[ix.order[s]].term)
	}
	if j >= 0 {
		firsts = append(firsts, ix.firsts[j:]...)
	}
	return firsts, k0
}

// headWords calls f with the normalized words of a document's title and
// headings, once per occurrence.
func headWords(d *Document, f func(w string)) {
	each := func(text string) {
		splitPieces(text, func(p string, word bool) {
			if word {
				if w := Normalize(p); w != "" {
					f(w)
				}
			}
		})
	}
	each(d.Title)
	for _, s := range d.Sections {
		each(s.Heading)
	}
}

func (ix *Index) key(g int32) dictKey {
	return dictKey{count: ix.all.counts[g].count, text: ix.all.pieces[g], ok: true}
}

// Update brings the index up to date with docs, the whole set of documents
// as it is now. It returns the files that changed or are new, and the
// names of the files that are gone. On an error the index is unchanged.
//
// The index keeps the Sections slices it is given, and takes a slice it
// was given last time, at the same length, as the same sections without
// comparing them: the caller gives new sections in a new slice, and does
// not change a slice once given. The documents themselves are copied: the
// caller may make the next call's in the same docs slice.
func (ix *Index) Update(docs []Document) (files map[string][]byte, removed []string, err error) {
	if docs, err = allTexts(docs); err != nil {
		return nil, nil, err
	}
	// Usually the documents come in the same order as last time, and a
	// look at each is enough to know they sort the same way.
	perm := ix.perm
	if len(docs) != len(perm) || !sortedBy(docs, perm) {
		perm = sortedOrder(docs)
	}
	if len(docs) == len(ix.raw) {
		changed, news := ix.changes(docs, perm)
		if len(changed) <= maxIncremental {
			if err := checkDocs(news); err != nil {
				return nil, nil, err // the others were checked when given
			}
			ix.perm = perm
			if len(changed) == 0 {
				return map[string][]byte{}, nil, nil
			}
			if files, removed, ok := ix.update(news, changed); ok {
				return files, removed, nil
			}
		}
	}
	return ix.rebuild(docs)
}

// changes lists the places in the sorted order where docs differ from the
// index's, and the documents now there, up to one more than maxIncremental.
func (ix *Index) changes(docs []Document, perm []int) (changed []int, news []Document) {
	for i, j := range perm {
		if !sameDoc(&docs[j], &ix.raw[i]) {
			changed = append(changed, i)
			news = append(news, docs[j])
			if len(changed) > maxIncremental {
				break
			}
		}
	}
	return changed, news
}

// sortedOrder returns the order that sorts docs: docs[order[0]] first.
// Documents that compare equal stay in their order, as in sortDocs.
func sortedOrder(docs []Document) []int {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return compareDocs(&docs[a], &docs[b]) })
	return order
}

// sortedBy reports whether order is sortedOrder(docs).
func sortedBy(docs []Document, order []int) bool {
	seen := make([]bool, len(docs))
	for i, j := range order {
		if j < 0 || j >= len(docs) || seen[j] {
			return false
		}
		seen[j] = true
		if i > 0 {
			if c := compareDocs(&docs[order[i-1]], &docs[j]); c > 0 || c == 0 && order[i-1] > j {
				return false
			}
		}
	}
	return true
}

// rebuild builds the index again and returns what changed.
func (ix *Index) rebuild(docs []Document) (map[string][]byte, []string, error) {
	nix, all, err := NewIndex(docs, ix.kindOrder...)
	if err != nil {
		return nil, nil, err
	}
	files := map[string][]byte{}
	var removed []string
	for name, data := range all {
		if old, ok := ix.files[name]; !ok || !bytes.Equal(old, data) {
			files[name] = data
		}
	}
	for name := range ix.files {
		if _, ok := all[name]; !ok {
			removed = append(removed, name)
		}
	}
	slices.Sort(removed)
	nix.rebuilds = ix.rebuilds + 1
	*ix = *nix
	return files, removed, nil
}

func sameDoc(a, b *Document) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Module == b.Module && a.Kind == b.Kind &&
		(sameSlice(a.Sections, b.Sections) || slices.Equal(a.Sections, b.Sections))
}

// sameSlice reports whether a and b are the same slice: the same elements
// in memory.
func sameSlice(a, b []Section) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// readDoc reads one document as document number i.
func readDoc(d Document, i int) *part {
	d.Sections = slices.Clone(d.Sections)
	p := newPart(i, []Document{d}, docSize(&d))
	p.read(true)
	return p
}

// docTerms returns the flags of each term of a document read by readDoc.
func docTerms(p *part) map[string]int {
	m := make(map[string]int, len(p.terms))
	for i := range p.terms {
		v, _ := readCode(p.terms[i].postings)
		m[p.terms[i].term] = v % 8
	}
	return m
}

// docForms counts the forms of a document read by readDoc: its distinct
// text pieces that normalize to each, and each one in its title and
// headings. It also gives each form's term.
func docForms(p *part) (counts map[string]int32, termOf map[string]string) {
	counts, termOf = map[string]int32{}, map[string]string{}
	form := func(w string) bool {
		id, ok := p.termIDs[w]
		if ok && id >= 0 && p.terms[id].term != w {
			termOf[w] = p.terms[id].term
			return true
		}
		return false
	}
	for j, text := range p.pieces {
		if p.counts[j].term >= 0 {
			if w := Normalize(text); form(w) {
				counts[w]++
			}
		}
	}
	headWords(&p.docs[0], func(w string) {
		if form(w) {
			counts[w]++
		}
	})
	return counts, termOf
}

// setPosting sets the flags of doc in t's postings; flags -1 removes it.
func setPosting(t *term, doc int32, flags int) {
	var out []byte
	last, read, done := int32(-1), int32(-1), false
	put := func(d int32, f int) {
		out = appendCode(out, int(d-last-1)*8+f)
		last = d
	}
	for b := t.postings; len(b) > 0; {
		v, n := readCode(b)
		b = b[n:]
		d := read + 1 + int32(v/8)
		read = d
		if !done && d >= doc {
			done = true
			if flags >= 0 {
				put(doc, flags)
			}
			if d == doc {
				continue
			}
		}
		put(d, v%8)
	}
	if !done && flags >= 0 {
		put(doc, flags)
	}
	t.postings, t.last = out, last
}

// update changes the index for the documents at changed, which is all
// that differs from ix.raw: news[k] is the document now at changed[k]. ok is false when the change
// needs the whole index built again; the index is then in an unknown state.
func (ix *Index) update(news []Document, changed []int) (files map[string][]byte, removed []string, ok bool) {
	a := ix.all
	pieces := map[int32]bool{}
	terms := map[int32]bool{}
	read := make([]*part, len(changed))
	for k, i := range changed {
		old, nw := readDoc(ix.raw[i], i), readDoc(news[k], i)
		read[k] = nw
		for j, text := range old.pieces {
			g := a.pieceIDs[text]
			a.counts[g].count -= old.counts[j].count
			a.counts[g].docs--
			pieces[g] = true
		}
		for j, text := range nw.pieces {
			g, ok := a.pieceIDs[text]
			if !ok {
				g = int32(len(a.pieces))
				a.pieceIDs[text] = g
				a.pieces = append(a.pieces, text)
				a.counts = append(a.counts, pieceCount{term: nw.counts[j].term})
				ix.dictOf = append(ix.dictOf, -1)
			}
			a.counts[g].count += nw.counts[j].count
			a.counts[g].docs++
			pieces[g] = true
		}
		termID := func(t string) int32 {
			id := a.termID(t)
			for len(ix.formsEnc) < len(a.terms) {
				ix.formsEnc = append(ix.formsEnc, "")
				ix.inOrder = append(ix.inOrder, false)
			}
			return id
		}
		of, nf := docTerms(old), docTerms(nw)
		for t, f := range of {
			if g, ok := nf[t]; !ok || g != f {
				if !ok {
					g = -1
				}
				id := termID(t)
				setPosting(&a.terms[id], int32(i), g)
				terms[id] = true
			}
		}
		for t, f := range nf {
			if _, ok := of[t]; !ok {
				id := termID(t)
				setPosting(&a.terms[id], int32(i), f)
				terms[id] = true
			}
		}
		ofc, oterm := docForms(old)
		nfc, nterm := docForms(nw)
		maps.Copy(oterm, nterm)
		for w, t := range oterm {
			before := ix.forms[w]
			after := before - ofc[w] + nfc[w]
			if after == 0 {
				delete(ix.forms, w)
			} else {
				ix.forms[w] = after
			}
			if (before > 0) != (after > 0) {
				id := termID(t)
				ft := &a.terms[id]
				if after > 0 {
					j, _ := slices.BinarySearch(ft.forms, w)
					ft.forms = slices.Insert(ft.forms, j, w)
				} else if j, found := slices.BinarySearch(ft.forms, w); found {
					ft.forms = slices.Delete(ft.forms, j, j+1)
				}
				terms[id] = true
			}
		}
	}

	// The dictionary must stay as it is: the same pieces, and the same
	// ones among the first codeBase.
	full := len(ix.dict) == maxDict
	for g := range pieces {
		candidate := a.counts[g].docs >= 3
		if ix.dictOf[g] >= 0 {
			if !candidate {
				return nil, nil, false
			}
		} else if candidate {
			if !full {
				return nil, nil, false
			}
			if k := ix.key(g); !ix.bound.ok || k.before(ix.bound) {
				ix.bound = k
			}
		}
	}
	if len(ix.dictIDs) > codeBase || full {
		worst := func(ids []int32) dictKey {
			w := ix.key(ids[0])
			for _, g := range ids[1:] {
				if k := ix.key(g); w.before(k) {
					w = k
				}
			}
			return w
		}
		first, rest := ix.dictIDs[:min(codeBase, len(ix.dictIDs))], ix.dictIDs[min(codeBase, len(ix.dictIDs)):]
		if len(rest) > 0 {
			best := ix.key(rest[0])
			for _, g := range rest[1:] {
				if k := ix.key(g); k.before(best) {
					best = k
				}
			}
			if !worst(first).before(best) {
				return nil, nil, false
			}
		}
		if full && ix.bound.ok && !worst(ix.dictIDs).before(ix.bound) {
			return nil, nil, false
		}
	}

	// Terms: their forms, and their place among the terms with postings.
	for id := range terms {
		t := &a.terms[id]
		ix.formsEnc[id] = formsOf(t.term, t.forms)
		live := len(t.postings) > 0
		if live != ix.inOrder[id] {
			j, _ := slices.BinarySearchFunc(ix.order, t.term, func(x int32, s string) int { return strings.Compare(a.terms[x].term, s) })
			if live {
				ix.order = slices.Insert(ix.order, j, id)
			} else {
				ix.order = slices.Delete(ix.order, j, j+1)
			}
			ix.inOrder[id] = live
		}
	}
	var changedTerms []string
	for id := range terms {
		changedTerms = append(changedTerms, a.terms[id].term)
	}
	firsts, from := ix.relayout(changedTerms)
	starts := make([]int, len(firsts))
	for k, f := range firsts {
		starts[k], _ = slices.BinarySearchFunc(ix.order, f, func(x int32, s string) int { return strings.Compare(a.terms[x].term, s) })
	}
	write := map[int]bool{}
	for _, t := range changedTerms {
		k, found := slices.BinarySearch(firsts, t)
		if !found {
			k--
		}
		write[max(k, 0)] = true
	}
	if !slices.Equal(ix.firsts, firsts) { // the shards from the first that moved
		for k := max(from-1, 0); k < len(firsts); k++ {
			if len(firsts) == len(ix.firsts) && k > 0 && k+1 < len(firsts) && firsts[k] == ix.firsts[k] && firsts[k+1] == ix.firsts[k+1] {
				continue
			}
			write[k] = true
		}
	}

	files = map[string][]byte{}
	put := func(name string, data []byte) {
		if old, ok := ix.files[name]; !ok || !bytes.Equal(old, data) {
			files[name] = data
			if _, ok := ix.files[name]; !ok {
				ix.names = nil
			}
			ix.files[name] = data
		}
	}
	for k := range write {
		if k < len(starts) { // an index without terms has no shard to write
			put(shardFile(a.terms, ix.order, ix.formsEnc, starts, k))
		}
	}
	for k := len(starts); k < len(ix.firsts); k++ {
		name := "search/t/" + strconv.Itoa(k) + ".js"
		delete(ix.files, name)
		ix.names = nil
		removed = append(removed, name)
	}
	ix.firsts = firsts

	// The documents' files.
	for k, i := range changed {
		p := read[k]
		dictOf := make([]int32, len(p.pieces))
		p.global = make([]int32, len(p.pieces))
		for j, text := range p.pieces {
			p.global[j] = int32(j)
			dictOf[j] = ix.dictOf[a.pieceIDs[text]]
		}
		p.write(dictOf, len(ix.dict))
		ix.payloads[i] = p.files[0]
		ix.raw[i] = news[k]
	}
	for _, i := range changed { // a file twice when two of its documents changed: the same bytes
		put(docFileName(i), docFile(ix.payloads, i))
	}
	ix.kinds = names(ix.raw, func(d *Document) string { return d.Kind }, ix.kindOrder)
	ix.modules = names(ix.raw, func(d *Document) string { return d.Module }, []string{""})
	put("search/meta.js", metaFile(ix.raw, ix.kinds, ix.modules, indexOf(ix.kinds), indexOf(ix.modules), firsts, ix.dict))
	return files, removed, true
}

// Names lists the files the index is made of now, sorted. The caller
// must not change the list.
func (ix *Index) Names() []string {
	if ix.names == nil {
		ix.names = slices.Sorted(maps.Keys(ix.files))
	}
	return ix.names
}
