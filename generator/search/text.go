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
// pieces go into one dictionary in meta.js, the rest into each document's
// own file, and a text is the sequence of piece numbers, written with
// appendCode: numbers below the dictionary's length are dictionary pieces,
// the others count on into the document's own pieces: first its words,
// stored as one string separated by spaces, then its gaps, stored as a list.

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// splitPieces calls piece for each word and gap piece of a collapsed text,
// leaving out single spaces between words.
func splitPieces(text string, piece func(p string, word bool)) {
	start, word := 0, false
	for i, r := range text {
		w := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '\'') ||
			r >= utf8.RuneSelf && isWordRune(r)
		if i > start && w != word {
			if p := text[start:i]; word || p != " " {
				piece(p, word)
			}
			start = i
		}
		word = w
	}
	if start < len(text) {
		piece(text[start:], word)
	}
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

// pieceTable numbers the distinct pieces of all texts.
type pieceTable struct {
	ids  map[string]int32
	list []pieceInfo
	// recent is a small cache in front of ids: the frequent pieces stay in
	// it, and it is much faster than a map of every piece.
	recent [1 << 13]struct {
		p  string
		id int32
	}
}

type pieceInfo struct {
	text          string
	word          bool
	term          int32 // for a word, its term; -1 for a stop word or a gap
	count, docs   int32
	lastDoc       int32
	dict, local   int32 // number in the dictionary, in the current document's pieces
	localDocStamp int32
}

func newPieceTable() *pieceTable { return &pieceTable{ids: map[string]int32{}} }

// add splits text into pieces, counts them for document doc and appends
// their numbers to out.
func (pt *pieceTable) add(text string, doc int32, ts *terms, out []int32) []int32 {
	splitPieces(text, func(p string, word bool) {
		h := uint32(2166136261) // FNV-1a
		for i := 0; i < len(p); i++ {
			h = (h ^ uint32(p[i])) * 16777619
		}
		slot := &pt.recent[h&(uint32(len(pt.recent))-1)]
		id, ok := slot.id, slot.p == p && slot.p != ""
		if !ok {
			id, ok = pt.ids[p]
			slot.p, slot.id = p, id
		}
		if !ok {
			id = int32(len(pt.list))
			pt.ids[p] = id
			term := int32(-1)
			if word {
				if w := Normalize(p); w != "" {
					term = ts.id(w)
				}
			}
			pt.list = append(pt.list, pieceInfo{text: p, word: word, term: term, lastDoc: -1, dict: -1, localDocStamp: -1})
			slot.id = id
		}
		pi := &pt.list[id]
		pi.count++
		if pi.lastDoc != doc {
			pi.lastDoc = doc
			pi.docs++
		}
		out = append(out, id)
	})
	return out
}

// maxDict bounds the shared dictionary: ids below it take at most two
// characters, and it keeps meta.js small enough to load on the first query.
const maxDict = 1800

// dictionary picks the shared pieces: those found in at least three
// documents, most frequent first (ties in byte order), at most maxDict.
func (pt *pieceTable) dictionary() []string {
	var ids []int32
	for i, p := range pt.list {
		if p.docs >= 3 {
			ids = append(ids, int32(i))
		}
	}
	slices.SortFunc(ids, func(a, b int32) int {
		pa, pb := &pt.list[a], &pt.list[b]
		return cmp.Or(cmp.Compare(pb.count, pa.count), strings.Compare(pa.text, pb.text))
	})
	ids = ids[:min(len(ids), maxDict)]
	dict := make([]string, len(ids))
	for i, id := range ids {
		pt.list[id].dict = int32(i)
		dict[i] = pt.list[id].text
	}
	return dict
}

// encode writes the texts of document doc, given as piece numbers, against
// the dictionary (of n pieces): it returns the document's own words, its
// gaps and the code of each text.
func (pt *pieceTable) encode(doc int32, n int, texts [][]int32) (words string, gaps []string, codes []string) {
	var ws []string
	gaps = []string{}
	var gapIDs []int32
	for _, text := range texts {
		for _, id := range text {
			p := &pt.list[id]
			if p.dict >= 0 || p.localDocStamp == doc {
				continue
			}
			p.localDocStamp = doc
			if p.word {
				p.local = int32(len(ws))
				ws = append(ws, p.text)
			} else {
				gapIDs = append(gapIDs, id)
				gaps = append(gaps, p.text)
			}
		}
	}
	for i, id := range gapIDs {
		pt.list[id].local = int32(len(ws) + i)
	}
	var b []byte
	for _, text := range texts {
		b = b[:0]
		for _, id := range text {
			p := &pt.list[id]
			if p.dict >= 0 {
				b = appendCode(b, int(p.dict))
			} else {
				b = appendCode(b, n+int(p.local))
			}
		}
		codes = append(codes, string(b))
	}
	return strings.Join(ws, " "), gaps, codes
}
