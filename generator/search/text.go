package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
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

// collapseSpace trims s and turns every run of white space into one space,
// as strings.Join(strings.Fields(s), " ") does.
func collapseSpace(s string) string {
	return oneSpace(strings.TrimFunc(s, unicode.IsSpace))
}

// oneSpace turns every run of white space in s into one space. It returns
// s itself when there is nothing to change, as is usual.
func oneSpace(s string) string {
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) && (space || r != ' ') {
			return oneSpaceSlow(s)
		}
		space = r == ' '
	}
	return s
}

func oneSpaceSlow(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteString(s[i : i+n]) // as written, even if not valid UTF-8
		} else if !space {
			b.WriteByte(' ')
		}
		space = unicode.IsSpace(r)
		i += n
	}
	return b.String()
}

// splitPieces calls piece for each word and gap piece of collapseSpace(text),
// leaving out single spaces between words.
func splitPieces(text string, piece func(p string, word bool)) {
	text = strings.TrimFunc(text, unicode.IsSpace)
	start, word := 0, false
	emit := func(p string) {
		if word {
			piece(p, true)
		} else if p = oneSpace(p); p != " " {
			piece(p, false)
		}
	}
	for i, r := range text {
		w := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '\'') ||
			r >= utf8.RuneSelf && isWordRune(r)
		if i > start && w != word {
			emit(text[start:i])
			start = i
		}
		word = w
	}
	if start < len(text) {
		emit(text[start:])
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

// maxDict bounds the shared dictionary: ids below it take at most two
// characters, and it keeps meta.js small enough to load on the first query.
const maxDict = 1800

// dictionary picks the shared pieces: those found in at least three
// documents, the most frequent (ties in byte order), at most maxDict. The
// codeBase most frequent come first, as their numbers take one character;
// within those and within the rest the pieces are in byte order, so that
// an edit that changes how often a piece is found does not move the
// others' numbers unless the piece leaves or joins a group (see Index).
// It returns them, and for each piece its number among them, -1 if none.
func dictionary(pieces []string, counts []pieceCount) (dict []string, dictOf []int32) {
	var ids []int32
	dictOf = make([]int32, len(pieces))
	for i := range pieces {
		dictOf[i] = -1
		if counts[i].docs >= 3 {
			ids = append(ids, int32(i))
		}
	}
	slices.SortFunc(ids, func(a, b int32) int {
		return cmp.Or(cmp.Compare(counts[b].count, counts[a].count), strings.Compare(pieces[a], pieces[b]))
	})
	ids = ids[:min(len(ids), maxDict)]
	byText := func(a, b int32) int { return strings.Compare(pieces[a], pieces[b]) }
	slices.SortFunc(ids[:min(len(ids), codeBase)], byText)
	if len(ids) > codeBase {
		slices.SortFunc(ids[codeBase:], byText)
	}
	dict = make([]string, len(ids))
	for i, id := range ids {
		dictOf[id] = int32(i)
		dict[i] = pieces[id]
	}
	return dict, dictOf
}
