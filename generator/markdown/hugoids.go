package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// hugoSlug makes a heading's id as Hugo's Goldmark does (its
// autoHeadingIDType "github", or with ascii "github-ascii"), from the
// heading's line of Markdown as written, markup and link destinations
// included: each space and hyphen is a hyphen, each letter, digit and
// "_" is kept, lowercased, and everything else (marks, punctuation) is
// left out. "1. Formulate / Outline" is 1-formulate--outline, "See
// [docs](a_b.md)" see-docsa_bmd, "Hoʻohanohano" hoʻohanohano. With
// ascii, accents are dropped first and every other letter left out
// ("Größe" is groe).
func hugoSlug(s string, ascii bool) string {
	if ascii {
		s = dropMarks(s)
	}
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case ascii && r >= utf8.RuneSelf:
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// dropMarks leaves out the accents of s: its nonspacing marks once
// decomposed.
func dropMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// blackfridaySlug makes a heading's id as Hugo 0.59 and earlier did
// (autoHeadingIDType "blackfriday"), from its Markdown as written:
// letters and numbers lowercased, and each run of anything else one
// hyphen between them.
func blackfridaySlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
