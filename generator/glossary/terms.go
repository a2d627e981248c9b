package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxTermWords bounds a term's length in words, so that finding terms
// costs at most that many steps per word of text.
const maxTermWords = 8

// minTermLetters leaves out terms too short to find without noise.
const minTermLetters = 3

// word is one word of a text: its place, its folded form, and whether only
// spaces (or a line end) part it from the word before (a term's words must
// be so parted).
type word struct {
	start, end int
	folded     string
	spaced     bool
}

// fold gives the form a word is compared in: lower case, without accents
// or macrons, without ʻokina or apostrophes, so that "Hoʻohanohano",
// "Ho'ohanohano" and "hoohanohano" match, as do "Kākou" and "Kakou".
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf || w[i] == '\'' {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) || isOkina(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }

// isOkina reports whether r is the ʻokina or a mark written for it.
func isOkina(r rune) bool {
	return r == 'ʻ' || r == '\'' || r == '‘' || r == '’'
}

// words splits text into words: runs of letters, digits and marks, with
// an ʻokina or apostrophe inside a word or before its first letter.
func words(text string) []word {
	var out []word
	start, gapSpaces := -1, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		out = append(out, word{start: start, end: end, folded: fold(w), spaced: gapSpaces && len(out) > 0})
		start, gapSpaces = -1, true
	}
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if !inWord && isOkina(r) {
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			inWord = unicode.IsLetter(next)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			flush(i)
			gapSpaces = isSpace(r)
		case !inWord:
			gapSpaces = gapSpaces && isSpace(r)
		}
	}
	flush(len(text))
	return out
}

// trie finds terms by their folded words.
type trie struct {
	next map[string]*trie
	term int // index of the term ending here, or -1
}

func newTrie() *trie { return &trie{term: -1} }

// add files the term of index i under its words; it reports false for a
// term too long or too short to find, or the same as one before.
func (t *trie) add(ws []word, i int) bool {
	letters := 0
	for _, w := range ws {
		letters += utf8.RuneCountInString(w.folded)
	}
	if len(ws) == 0 || len(ws) > maxTermWords || letters < minTermLetters {
		return false
	}
	for _, w := range ws {
		if t.next == nil {
			t.next = map[string]*trie{}
		}
		n := t.next[w.folded]
		if n == nil {
			n = newTrie()
			t.next[w.folded] = n
		}
		t = n
	}
	if t.term >= 0 {
		return false
	}
	t.term = i
	return true
}

// match returns the longest term starting at ws[0] and how many words it
// takes, or -1.
func (t *trie) match(ws []word) (term, n int) {
	term = -1
	for i, w := range ws {
		if i > 0 && !w.spaced {
			break
		}
		t = t.next[w.folded]
		if t == nil {
			break
		}
		if t.term >= 0 {
			term, n = t.term, i+1
		}
	}
	return term, n
}
