package search

import (
	"slices"
	"strconv"
	"strings"
)

// Where a term occurs in a document, kept with each posting.
const (
	inBodyOften = 1 // twice or more in the text of the sections
	inHeading   = 2
	inTitle     = 4
)

// shardSize is the size at which a term shard is cut. Every term's entry
// is whole in one shard, so a term found in most documents makes a shard
// of its own that can be bigger.
const shardSize = 8 << 10

// terms maps each term (a stemmed, normalized word that is not a stop
// word) to the documents that contain it.
type terms struct {
	byWord map[string]int32 // normalized word -> term number, -1 for stop words
	byTerm map[string]int32
	list   []termData
	// per document: flags of each term seen (with the text count << 3), and which
	seen  []int32
	flags []int32
	doc   int32
}

type termData struct {
	term     string
	postings []byte   // appendCode((doc-last-1)*8 + flags) per document
	last     int32    // last document added, -1 before the first
	forms    []string // normalized words other than the term itself
}

func newTerms() *terms {
	return &terms{byWord: map[string]int32{}, byTerm: map[string]int32{}}
}

// id returns the number of the term for a normalized word, -1 for a stop word.
func (ts *terms) id(word string) int32 {
	if id, ok := ts.byWord[word]; ok {
		return id
	}
	id := int32(-1)
	if !isStopWord(word) {
		t := Stem(word)
		var ok bool
		if id, ok = ts.byTerm[t]; !ok {
			id = int32(len(ts.list))
			ts.list = append(ts.list, termData{term: t, last: -1})
			ts.flags = append(ts.flags, 0)
			ts.byTerm[t] = id
		}
		if t != word {
			ts.list[id].forms = append(ts.list[id].forms, word)
		}
	}
	ts.byWord[word] = id
	return id
}

// mark records that term id occurs in the current document: flag is
// inTitle or inHeading, 0 for the text of a section.
func (ts *terms) mark(id int32, flag int32) {
	if id < 0 {
		return
	}
	if ts.flags[id] == 0 {
		ts.seen = append(ts.seen, id)
	}
	ts.flags[id] |= flag | 1<<8 // 1<<8: seen, so a text-only term is not 0
	if flag == 0 {
		ts.flags[id] += 8
	}
}

// endDoc writes the postings of the current document and starts the next.
func (ts *terms) endDoc() {
	for _, id := range ts.seen {
		f := ts.flags[id]
		v := f & (inTitle | inHeading)
		if f>>3&31 >= 2 {
			v |= inBodyOften
		}
		td := &ts.list[id]
		td.postings = appendCode(td.postings, int(ts.doc-td.last-1)*8+int(v))
		td.last = ts.doc
		ts.flags[id] = 0
	}
	ts.seen = ts.seen[:0]
	ts.doc++
}

// writeShards writes the terms in byte order into shards of about
// shardSize, as search/t/N.js, and returns the first term of each shard.
// A shard is a flat list: term, postings, forms, term, postings, forms...
// where forms lists the words that stem to the term, each written as the
// number of letters to drop from the end of the term (left out if none)
// and the letters to add, separated by spaces: "coach" has "es ing".
func (ts *terms) writeShards(files map[string][]byte) []string {
	list := make([]*termData, 0, len(ts.list))
	for i := range ts.list {
		if len(ts.list[i].postings) > 0 {
			list = append(list, &ts.list[i])
		}
	}
	slices.SortFunc(list, func(a, b *termData) int { return strings.Compare(a.term, b.term) })
	firsts := []string{}
	var shard []string
	size := 0
	flush := func() {
		if len(shard) > 0 {
			name := "t/" + strconv.Itoa(len(firsts)-1)
			files["search/"+name+".js"] = script(name, shard)
			shard, size = nil, 0
		}
	}
	for _, td := range list {
		entry := []string{td.term, string(td.postings), formsOf(td.term, td.forms)}
		n := len(entry[0]) + len(entry[1]) + len(entry[2]) + 9
		if size > 0 && size+n > shardSize {
			flush()
		}
		if size == 0 {
			firsts = append(firsts, td.term)
		}
		shard = append(shard, entry...)
		size += n
	}
	flush()
	return firsts
}

// formsOf encodes the words that stem to term.
func formsOf(term string, forms []string) string {
	words := slices.Clone(forms)
	slices.Sort(words)
	for i, w := range words {
		n := 0
		for n < len(w) && n < len(term) && w[n] == term[n] {
			n++
		}
		drop := ""
		if len(term) > n {
			drop = strconv.Itoa(len(term) - n)
		}
		words[i] = drop + w[n:]
	}
	return strings.Join(words, " ")
}
