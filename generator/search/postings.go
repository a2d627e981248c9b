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

// writeShards writes the terms in byte order into shards of about
// shardSize, as search/t/N.js, and returns the first term of each shard.
// A shard is a flat list: term, postings, forms, term, postings, forms...
// where forms lists the words that stem to the term, each written as the
// number of letters to drop from the end of the term (left out if none)
// and the letters to add, separated by spaces: "coach" has "es ing".
func writeShards(terms []term, files map[string][]byte) []string {
	list := make([]*term, len(terms))
	for i := range terms {
		list[i] = &terms[i]
	}
	slices.SortFunc(list, func(a, b *term) int { return strings.Compare(a.term, b.term) })
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
	words = slices.Compact(words)
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
