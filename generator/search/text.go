package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Texts are stored as pieces: runs of word runes ("words") and the runs of
// other characters between them ("gaps"). A single space between two words
// is not stored: a reader puts it back between any two word pieces. Common
// pieces go into one dictionary in meta.js, the rest into a list in each
// document's file, and a text is the sequence of piece numbers, written with
// appendCode: numbers below the dictionary's length are dictionary pieces,
// the others count on into the document's own pieces: first its words,
// stored as one string separated by spaces, then its gaps, stored as a list.

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// splitPieces splits a collapsed text into word and gap pieces, leaving out
// single spaces between words.
func splitPieces(text string) []string {
	var out []string
	start, word := 0, false
	for i, r := range text {
		w := isWordRune(r)
		if i > start && w != word {
			if p := text[start:i]; word || p != " " {
				out = append(out, p)
			}
			start = i
		}
		word = w
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// joinPieces is the inverse of splitPieces.
func joinPieces(pieces []string) string {
	var b strings.Builder
	prevWord := false
	for _, p := range pieces {
		r, _ := utf8.DecodeRuneInString(p)
		w := isWordRune(r)
		if w && prevWord {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		prevWord = w
	}
	return b.String()
}

// maxDict bounds the shared dictionary: ids below it take at most two
// characters, and it keeps meta.js small enough to load on the first query.
const maxDict = 1800

// buildDict picks the shared pieces: those found in at least three
// documents, most frequent first (ties in byte order), at most maxDict.
// docPieces holds each document's pieces.
func buildDict(docPieces [][]string) []string {
	type stat struct{ docs, count int }
	stats := map[string]*stat{}
	seen := map[string]int{}
	for d, pieces := range docPieces {
		for _, p := range pieces {
			s := stats[p]
			if s == nil {
				s = &stat{}
				stats[p] = s
			}
			s.count++
			if last, ok := seen[p]; !ok || last != d {
				seen[p] = d
				s.docs++
			}
		}
	}
	var dict []string
	for p, s := range stats {
		if s.docs >= 3 {
			dict = append(dict, p)
		}
	}
	slices.SortFunc(dict, func(a, b string) int {
		if c := cmp.Compare(stats[b].count, stats[a].count); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if len(dict) > maxDict {
		dict = dict[:maxDict]
	}
	return dict
}

// textEncoder writes the texts of one document against the shared dictionary.
type textEncoder struct {
	dict        map[string]int
	words, gaps []string       // the document's own pieces
	local       map[string]int // index in words, or ^index in gaps
	texts       [][]string     // the texts added so far
}

func newTextEncoder(dict map[string]int) *textEncoder {
	return &textEncoder{dict: dict, gaps: []string{}, local: map[string]int{}}
}

// add adds a text, given as pieces; encode returns them all.
func (e *textEncoder) add(pieces []string) {
	e.texts = append(e.texts, pieces)
	for _, p := range pieces {
		if _, ok := e.dict[p]; ok {
			continue
		}
		if _, ok := e.local[p]; ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(p); isWordRune(r) {
			e.local[p] = len(e.words)
			e.words = append(e.words, p)
		} else {
			e.local[p] = ^len(e.gaps)
			e.gaps = append(e.gaps, p)
		}
	}
}

// encode returns the document's words, its gaps and the piece numbers of
// each text added.
func (e *textEncoder) encode() (words string, gaps []string, codes []string) {
	for _, pieces := range e.texts {
		var b []byte
		for _, p := range pieces {
			id, ok := e.dict[p]
			if !ok {
				id = e.local[p]
				if id < 0 {
					id = len(e.words) + ^id
				}
				id += len(e.dict)
			}
			b = appendCode(b, id)
		}
		codes = append(codes, string(b))
	}
	return strings.Join(e.words, " "), e.gaps, codes
}
