package search

import "unicode"

// A Token is one word of a text: Word is its normalized form, and
// text[Start:End] the word as written.
type Token struct {
	Word       string
	Start, End int
}

// isWordRune reports whether r belongs to a word: letters, digits, combining
// marks and apostrophes. Everything else (spaces, punctuation, hyphens)
// separates words, so "peer-to-peer" is three words.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.M, r) || isApostrophe(r)
}

// Tokenize splits text into words and normalizes each one. Runs of word
// runes that normalize to nothing (a lone apostrophe) are skipped.
func Tokenize(text string) []Token {
	var toks []Token
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = appendToken(toks, text, start, i)
			start = -1
		}
	}
	if start >= 0 {
		toks = appendToken(toks, text, start, len(text))
	}
	return toks
}

func appendToken(toks []Token, text string, start, end int) []Token {
	if w := Normalize(text[start:end]); w != "" {
		toks = append(toks, Token{Word: w, Start: start, End: end})
	}
	return toks
}
