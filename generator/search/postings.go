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

// invertedIndex maps each term (a stemmed, normalized word that is not a
// stop word) to the documents that contain it.
type invertedIndex struct {
	terms map[string]*termData
	stems map[string]string // normalized word -> term, "" for stop words
}

type termData struct {
	postings []byte          // appendCode((doc-last-1)*8 + flags) per document
	last     int             // last document added, -1 before the first
	forms    map[string]bool // normalized words other than the term itself
}

func newInvertedIndex() *invertedIndex {
	return &invertedIndex{terms: map[string]*termData{}, stems: map[string]string{}}
}

// term returns the term for a normalized word, "" for a stop word.
func (ix *invertedIndex) term(word string) string {
	t, ok := ix.stems[word]
	if ok {
		return t
	}
	if !isStopWord(word) {
		t = Stem(word)
		td := ix.terms[t]
		if td == nil {
			td = &termData{last: -1, forms: map[string]bool{}}
			ix.terms[t] = td
		}
		if t != word {
			td.forms[word] = true
		}
	}
	ix.stems[word] = t
	return t
}

// add indexes document id; documents must be added in order.
func (ix *invertedIndex) add(id int, d *Document) {
	flags := map[string]int{} // term -> flags, with body count << 3
	mark := func(text string, f int) {
		for _, tok := range Tokenize(text) {
			if t := ix.term(tok.Word); t != "" {
				flags[t] |= f
				if f == 0 {
					flags[t] += 8
				}
			}
		}
	}
	mark(d.Title, inTitle)
	for _, s := range d.Sections {
		mark(s.Heading, inHeading)
		mark(s.Text, 0)
	}
	for t, f := range flags {
		td := ix.terms[t]
		v := f & (inTitle | inHeading)
		if f>>3 >= 2 {
			v |= inBodyOften
		}
		td.postings = appendCode(td.postings, (id-td.last-1)*8+v)
		td.last = id
	}
}

// writeShards writes the terms in byte order into shards of about
// shardSize, as search/t/N.js, and returns the first term of each shard.
// A shard is a flat list: term, postings, forms, term, postings, forms...
// where forms lists the words that stem to the term, each written as the
// number of letters to drop from the end of the term (left out if none)
// and the letters to add, separated by spaces: "coach" has "ing es".
func (ix *invertedIndex) writeShards(files map[string][]byte) []string {
	terms := make([]string, 0, len(ix.terms))
	for t, td := range ix.terms {
		if len(td.postings) > 0 {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)
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
	for _, t := range terms {
		td := ix.terms[t]
		entry := []string{t, string(td.postings), formsOf(t, td.forms)}
		n := len(entry[0]) + len(entry[1]) + len(entry[2]) + 9
		if size > 0 && size+n > shardSize {
			flush()
		}
		if size == 0 {
			firsts = append(firsts, t)
		}
		shard = append(shard, entry...)
		size += n
	}
	flush()
	return firsts
}

// formsOf encodes the words that stem to term.
func formsOf(term string, forms map[string]bool) string {
	words := make([]string, 0, len(forms))
	for w := range forms {
		words = append(words, w)
	}
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
