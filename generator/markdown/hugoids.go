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

// mdBookSlug makes a heading's id as mdBook does, from the heading's
// HTML with its tags and the entities &lt; &gt; &amp; &#39; &quot; left
// out, trimmed: each white space and hyphen is a hyphen, each letter,
// number and "_" is kept (with the vowel signs and other marks Unicode
// counts as alphabetic, not a virama), ASCII letters lowercased, and
// everything else is left out. "Q&A -- done" is qa----done, "Vec<T>"
// vec, and an image leaves nothing but its place. The HTML is made
// from the heading's Markdown (mdBookText).
func mdBookSlug(markdown string) string {
	s := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(mdBookText(markdown)), "#"))
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '-':
			b.WriteByte('-')
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Other_Alphabetic, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdBookText is near enough the text of the HTML mdBook makes of a
// heading's Markdown, as its ids see it: link destinations and images
// left out (an image's alt text is an attribute), raw tags dropped, the
// five entities mdBook drops dropped (the others stand for a sign that is
// no letter), backslash escapes undone, and emphasis underscores at a
// word's edge dropped (headingText).
func mdBookText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!<>&|~", s[i+1]) >= 0:
			i++
			b.WriteByte(s[i])
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if j := strings.Index(s[i:], "]("); j > 0 {
				if k := strings.IndexByte(s[i+j:], ')'); k > 0 {
					i += j + k
					continue
				}
			}
		case c == '<':
			if j := strings.IndexByte(s[i:], '>'); j > 0 && !strings.ContainsAny(s[i+1:i+j], "<\n") {
				i += j
				continue
			}
		case c == '&':
			if j := strings.IndexByte(s[i:], ';'); j > 1 && j < 10 && isEntityName(s[i+1:i+j]) {
				switch s[i+1 : i+j] {
				case "lt", "gt", "amp", "#39", "quot": // dropped by mdBook
				default:
					b.WriteString("·") // another sign, left out of the id, not trimmed
				}
				i += j
				continue
			}
		}
		b.WriteByte(c)
	}
	return headingText(b.String(), false)
}

// isEntityName reports whether s may name an HTML entity: letters and
// digits, or # and a number.
func isEntityName(s string) bool {
	for i, r := range s {
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) || i == 0 && r == '#') {
			return false
		}
	}
	return true
}
