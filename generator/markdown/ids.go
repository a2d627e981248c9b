package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"
)

// headingIDs gives headings stable, readable ASCII ids: "Hoʻohanohano and
// respect" becomes "hoohanohano-and-respect"; repeats get "-1", "-2".
type headingIDs struct {
	used map[string]bool
	// next is, for each id a heading was given, the first suffix not yet
	// tried for a repeat of it. Ids are never given back, so every suffix
	// below it is still taken, and the N-th repeat of a heading costs one
	// look, not N: a page of N equal headings costs N, not N².
	next map[string]int
	// pandoc makes ids by Pandoc's rules (pandocSlug), as the Workbench's
	// pages have them and links to them are written
	pandoc bool
	// script: how letters other than ASCII's are written (see Dialect.UnicodeIDs)
	script idScript
	// smart: "--" is a dash, which mdBook's ids leave out (see
	// Dialect.PlainPunctuation)
	smart bool
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Slug folds text to a lowercase ASCII id: accents and ʻokina dropped,
// other runs of non-alphanumerics turned into single hyphens.
func Slug(s string) string { return slug(s, false, asciiIDs) }

// idScript is how heading ids spell letters other than ASCII's.
type idScript uint8

const (
	asciiIDs       idScript = iota // in ASCII, accents dropped, other letters left out (p2pc's)
	hugoIDs                        // Hugo's (see hugoSlug)
	hugoASCIIIDs                   // Hugo's github-ascii
	blackfridayIDs                 // Hugo's blackfriday
	mdBookIDs                      // mdBook's (see mdBookSlug)
)

// slug is Slug; with underscores, "_" is kept as a letter is, as GitHub,
// Hugo, mdBook and Pandoc keep it in heading ids ("my_var" links to
// #my_var in all of them); script says how other letters are written.
func slug(s string, underscores bool, script idScript) string {
	var b strings.Builder
	dash := false
	if script == asciiIDs {
		s = norm.NFKD.String(s)
	}
	for _, r := range s {
		mark := unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
		switch {
		case mark && script == mdBookIDs:
			b.WriteRune(r) // a vowel sign of हिन्दी: part of its letter
		case mark, r == 'ʻ', r == '\'', r == '’', r == '‘', r == 'ʼ':
			continue
		case (r < 128 || script != asciiIDs) && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '_' && underscores:
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if r < 128 || script != mdBookIDs {
				r = unicode.ToLower(r)
			}
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	// from the heading's text, as GitHub, Hugo and mdBook make ids from
	// the heading as shown: "[Fast](/docs/)" is fast, not fast-docs
	var base string
	switch {
	case h.pandoc:
		base = pandocSlug(string(dropAttrBlocks(value)))
	case h.script == hugoIDs || h.script == hugoASCIIIDs:
		base = hugoSlug(string(value), h.script == hugoASCIIIDs)
	case h.script == blackfridayIDs:
		base = blackfridaySlug(string(value))
	case h.script == mdBookIDs:
		base = mdBookSlug(string(value), h.smart)
	default:
		base = slug(headingText(string(dropAttrBlocks(value)), false), true, h.script)
	}
	if base == "" {
		base = "section"
		if h.script == hugoIDs || h.script == hugoASCIIIDs || h.script == blackfridayIDs {
			base = "heading" // Hugo's
		}
	}
	id := base
	if h.used[id] {
		i := max(h.next[base], 1)
		for ; h.used[id]; i++ {
			id = base + "-" + strconv.Itoa(i)
		}
		h.next[base] = i
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// dropAttrBlocks leaves out the {…} attribute blocks of spans and images
// in a heading's text, so "A [term]{.gloss} here" gets the id a-term-here,
// as in Pandoc.
func dropAttrBlocks(s []byte) []byte {
	if !bytes.Contains(s, []byte("]{")) && !bytes.Contains(s, []byte("){")) {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i])
		if (s[i] == ']' || s[i] == ')') && i+1 < len(s) && s[i+1] == '{' {
			if _, n, ok := scanAttrs(s[i+1:]); ok {
				i += n
			}
		}
	}
	return out
}

// pandocSlug makes a heading's id as Pandoc's auto_identifiers do, from
// its Markdown (headingText makes it near enough to Pandoc's text of the
// heading): the markup and other punctuation are dropped but for _, -
// and ., as are dashes written -- or --- (Pandoc's smart typography makes
// them en and em dashes first); letters of every script are kept,
// lowercased; runs of white space become one hyphen; and everything
// before the first letter goes. "1. Formulate / Outline" is
// formulate-outline, "Connection - Proxy" connection---proxy, "Python
// 3.10 & `pip`" python-3.10-pip, "Q&A -- done" qa-done.
func pandocSlug(s string) string {
	s = headingText(s, true)
	var words []string
	var b strings.Builder
	end := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '-' && i+1 < len(rs) && rs[i+1] == '-':
			for i+1 < len(rs) && rs[i+1] == '-' {
				i++
			}
		case unicode.IsSpace(r):
			end()
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_' || r == '-' || r == '.':
			b.WriteRune(unicode.ToLower(r))
		}
	}
	end()
	id := strings.Join(words, "-")
	if i := strings.IndexFunc(id, unicode.IsLetter); i > 0 {
		id = id[i:]
	} else if i < 0 {
		id = ""
	}
	return id
}

// headingText is roughly the text a heading's Markdown shows: link
// destinations left out, inline notes too with pandoc (elsewhere ^[ is
// text), and underscores that mark emphasis (at a word's edge, outside
// code spans) dropped; my_var keeps its own. With pandoc, as Pandoc reads
// it: raw HTML tags and comments are left out, their inner text kept
// (<kbd>Tab</kbd> is Tab); a backslash-escaped character is text; and
// only underscores that open and close emphasis go (_private and data_
// keep theirs, _emph_ does not).
func headingText(s string, pandoc bool) string {
	if !strings.ContainsAny(s, "_[`") && (!pandoc || !strings.ContainsAny(s, "<\\")) {
		return s
	}
	var emph []bool
	if pandoc {
		emph = pandocEmphasis(s)
	}
	var b strings.Builder
	code := false
	// the next ) and ] at or after i, len(s) when none: each is searched
	// for again only once passed, so a heading costs one pass
	nextParen, nextBracket := -1, -1
	nextComment := -1 // the next "-->", as rawHTMLLen keeps it
	next := func(at *int, i int, c byte) int {
		if *at < i {
			if j := strings.IndexByte(s[i:], c); j >= 0 {
				*at = i + j
			} else {
				*at = len(s)
			}
		}
		return *at
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case pandoc && !code && isEscape(s, i):
			i++
			c = s[i]
		case c == '`':
			code = !code
		case code:
		case c == ']' && i+1 < len(s) && s[i+1] == '(':
			if j := next(&nextParen, i, ')'); j < len(s) {
				i = j
				continue
			}
		case pandoc && c == '^' && i+1 < len(s) && s[i+1] == '[':
			if j := next(&nextBracket, i, ']'); j < len(s) {
				i = j
				continue
			}
		case pandoc && c == '<':
			if n := rawHTMLLen(s, i, &nextComment); n > 0 {
				i += n - 1
				continue
			}
		case pandoc && c == '_':
			if emph[i] {
				continue
			}
		case c == '_' && (i == 0 || !isWordByte(s[i-1]) || i+1 == len(s) || !isWordByte(s[i+1])):
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isEscape reports whether s[i] is a backslash escaping the ASCII
// punctuation after it, which is then text.
func isEscape(s string, i int) bool {
	return s[i] == '\\' && i+1 < len(s) && strings.IndexByte(asciiPunct, s[i+1]) >= 0
}

// asciiPunct is the ASCII punctuation a backslash escapes in Markdown.
const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// pandocEmphasis marks the underscores of s that open or close emphasis
// as Pandoc reads them: a run of _ that opens (at a word's start, not
// before a space) paired with a later one that closes (at a word's end,
// not after a space), outside code spans and escapes. An underscore inside
// a word (my_var) or with no partner (_private, data_) is text.
func pandocEmphasis(s string) []bool {
	emph := make([]bool, len(s))
	var open [][2]int // the runs that may still be closed: start, end
	code := false
	for i := 0; i < len(s); i++ {
		switch {
		case !code && isEscape(s, i):
			i++
		case s[i] == '`':
			code = !code
		case code || s[i] != '_':
		default:
			j := i
			for j < len(s) && s[j] == '_' {
				j++
			}
			canOpen := j < len(s) && s[j] != ' ' && s[j] != '\t' && (i == 0 || !isWordByte(s[i-1]))
			canClose := i > 0 && s[i-1] != ' ' && s[i-1] != '\t' && (j == len(s) || !isWordByte(s[j]))
			switch {
			case canClose && len(open) > 0:
				o := open[len(open)-1]
				open = open[:len(open)-1]
				for k := o[0]; k < o[1]; k++ {
					emph[k] = true
				}
				for k := i; k < j; k++ {
					emph[k] = true
				}
			case canOpen:
				open = append(open, [2]int{i, j})
			}
			i = j - 1
		}
	}
	return emph
}

// rawHTMLLen is the length of the raw HTML tag or comment that starts at
// s[at:] (<kbd>, </kbd>, <a href="…">, <br/>, <!-- … -->), 0 when none
// does (a < b, <https://…>, "<a <b>", whose < outside quotes ends the
// first). The next "-->" at or after some place is kept in commentEnd
// (len(s) for none), so that a heading of many tags or comment openers
// that are not closed costs one pass.
func rawHTMLLen(s string, at int, commentEnd *int) int {
	if strings.HasPrefix(s[at:], "<!--") {
		if *commentEnd < at+4 {
			*commentEnd = len(s)
			if j := strings.Index(s[at+4:], "-->"); j >= 0 {
				*commentEnd = at + 4 + j
			}
		}
		if *commentEnd == len(s) {
			return 0
		}
		return *commentEnd + 3 - at
	}
	s = s[at:]
	i := 1
	if i < len(s) && s[i] == '/' {
		i++
	}
	start := i
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' ||
		i > start && (s[i] >= '0' && s[i] <= '9' || s[i] == '-')) {
		i++
	}
	if i == start || i == len(s) || s[i] != '>' && s[i] != '/' && s[i] != ' ' && s[i] != '\t' {
		return 0
	}
	var quote byte
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		case c == '<':
			return 0 // no tag holds one outside quotes: "<a <b>x</b>" is text, then a tag
		}
	}
	return 0
}

// isWordByte reports whether c is part of a word: a letter or digit, or
// any byte of a letter beyond ASCII.
func isWordByte(c byte) bool {
	return c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
