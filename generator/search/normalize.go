package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// isApostrophe reports whether r is one of the apostrophes that are dropped
// from words: ' ’ ‘ and the Hawaiian ʻokina ʻ (U+02BB) and ʼ (U+02BC).
// search.js has the same list.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02BB', '\u02BC':
		return true
	}
	return false
}

// Normalize folds a word for matching: it is lowercased, decomposed (NFD),
// and apostrophes and combining marks are removed,
// so "Hoʻohanohano", "ho'ohanohano" and "hoohanohano" are all "hoohanohano"
// and "Lōkahi" is "lokahi". search.js normalizes the same way.
func Normalize(s string) string {
	if ascii := asciiLower(s); ascii != "" || s == "" {
		return ascii
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if isApostrophe(r) || unicode.Is(unicode.M, r) {
			continue
		}
		if r == 'ς' { // final sigma: JavaScript lowercases by context, Go does not
			r = 'σ'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// asciiLower lowercases s if it has only ASCII letters and digits, and
// returns "" otherwise: the fast path of Normalize.
func asciiLower(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		default:
			return ""
		}
	}
	if !upper {
		return s
	}
	return strings.ToLower(s)
}
