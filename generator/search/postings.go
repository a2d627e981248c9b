package search

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
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
// A shard is one string of entries separated by "!", one per term:
//
//	shared rest postings forms...
//
// shared is one digit of appendCode: the number of characters (UTF-16
// code units, at most 44) that the term has in common with the start of
// the previous term in the shard; rest is the rest of the term. Postings
// and forms are separated by spaces (there may be no forms). Forms are the
// words that stem to the term, each written as the number of letters to
// drop from the end of the term (left out if none) and the letters to
// add: "coach" has "es ing".
func writeShards(terms []term, files map[string][]byte) []string {
	order := make([]int32, len(terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(terms[a].term, terms[b].term) })
	forms := make([]string, len(terms))
	for i := range terms {
		forms[i] = formsOf(terms[i].term, terms[i].forms)
	}
	starts := layoutShards(terms, order, forms)
	firsts := make([]string, len(starts))
	for k := range starts {
		firsts[k] = terms[order[starts[k]]].term
		name, data := shardFile(terms, order, forms, starts, k)
		files[name] = data
	}
	return firsts
}

// layoutShards cuts the terms, in the order of order, into shards of about
// shardSize, and returns where each shard starts in order.
func layoutShards(terms []term, order []int32, forms []string) []int {
	starts, _ := layoutFrom(terms, order, forms, 0, nil)
	return starts
}

// layoutFrom cuts the terms as layoutShards does from order[from], which
// must start a shard. When stop, given where a shard would start, says so,
// it returns the starts before that and where it stopped, else -1.
func layoutFrom(terms []term, order []int32, forms []string, from int, stop func(i int) bool) (starts []int, stopped int) {
	starts = []int{}
	size, prev := 0, ""
	for i := from; i < len(order); i++ {
		id := order[i]
		t := &terms[id]
		f := forms[id]
		if size > 0 && size+len(t.term)+len(t.postings)+len(f)+4 > shardSize {
			if stop != nil && stop(i) {
				return starts, i
			}
			size, prev = 0, ""
		}
		if size == 0 {
			starts = append(starts, i)
		} else {
			size++ // '!'
		}
		n, _ := sharedPrefix(prev, t.term)
		size += 1 + len(t.term) - n + 1 + len(t.postings) // one digit: at most 44 units
		if f != "" {
			size += 1 + len(f)
		}
		prev = t.term
	}
	return starts, -1
}

// shardFile returns the name and contents of shard k.
func shardFile(terms []term, order []int32, forms []string, starts []int, k int) (string, []byte) {
	end := len(order)
	if k+1 < len(starts) {
		end = starts[k+1]
	}
	var shard []byte
	prev := ""
	for _, id := range order[starts[k]:end] {
		t := &terms[id]
		if len(shard) > 0 {
			shard = append(shard, '!')
		}
		n, units := sharedPrefix(prev, t.term)
		shard = appendCode(shard, units)
		shard = append(shard, t.term[n:]...)
		shard = append(shard, ' ')
		shard = append(shard, t.postings...)
		if f := forms[id]; f != "" {
			shard = append(shard, ' ')
			shard = append(shard, f...)
		}
		prev = t.term
	}
	name := "t/" + strconv.Itoa(k)
	return "search/" + name + ".js", script(name, string(shard))
}

// sharedPrefix returns the length of the common start of a and b in bytes
// and in UTF-16 code units (as JavaScript counts), at most 44 units.
func sharedPrefix(a, b string) (n, units int) {
	for n < len(a) && n < len(b) {
		r, size := utf8.DecodeRuneInString(b[n:])
		u := utf16.RuneLen(r)
		if units+u >= codeBase || !strings.HasPrefix(a[n:], b[n:n+size]) {
			break
		}
		n, units = n+size, units+u
	}
	return n, units
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
