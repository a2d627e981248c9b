package markdown

import (
	"html"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mdBookSlug makes a heading's id as mdBook's id_from_content does, from
// the HTML pulldown-cmark makes of the heading's Markdown (mdBookHTML):
// each tag (from "<" to the next ">") left out, then the entities &lt;
// &gt; &amp; &#39; &quot; and no others, the rest trimmed (a leading "#"
// too); then each white space and hyphen is a hyphen, each letter, number
// and "_" is kept (with the vowel signs and other marks Unicode counts as
// alphabetic, not a virama), ASCII letters lowercased, and everything else
// is left out. "Q&A -- done" is qa----done; "Vec<T> here" (a raw tag)
// vec-here, but "`Box<T>` here" (code, Box&lt;T&gt;) boxt-here, "`&str`"
// str; an image leaves nothing but its place. With smart punctuation,
// "--" and "---" are dashes, left out: "Q&A -- done" is qa--done.
func mdBookSlug(markdown string, smart bool) string {
	s := anyTag.ReplaceAllString(mdBookHTML(markdown, smart), "")
	for _, e := range []string{"&lt;", "&gt;", "&amp;", "&#39;", "&quot;"} {
		s = strings.ReplaceAll(s, e, "")
	}
	s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "#"))
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

// anyTag is what mdBook takes for a tag in a heading's HTML: "<" to the
// next ">" on the line.
var anyTag = regexp.MustCompile(`<.*?>`)

// escapeText escapes text as pulldown-cmark does: & < > and ".
var escapeText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// mdBookHTML is near enough the HTML pulldown-cmark makes of a heading's
// Markdown, as mdBook's ids see it: code spans' text escaped (their "<"
// is &lt;), raw HTML tags as written, autolinks as their text, link
// destinations and images left out, entities and backslash escapes
// undone and the text escaped again, and the underscores of emphasis
// (mdBookEmphasis) dropped; with smart, two hyphens or more are a dash.
// Its cost is in proportion to the heading's length, times a logarithm,
// whatever the heading holds (see headingScan).
func mdBookHTML(s string, smart bool) string {
	var b strings.Builder
	h := &headingScan{s: s, dest: -1}
	drop := mdBookEmphasis(h)
	for i := 0; i < len(s); {
		n := 1
		switch c := s[i]; {
		case drop[i]:
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			escapeText.WriteString(&b, s[i+1:i+2])
			n = 2
		case c == '`':
			n = h.writeCodeSpan(&b, i)
		case c == '!' && strings.HasPrefix(s[i:], "!["):
			n = h.imageLen(i)
		case c == ']' && strings.HasPrefix(s[i:], "]("):
			n = h.linkDestLen(i)
		case c == '<':
			n = h.writeAngle(&b, i)
		case c == '&':
			n = writeEntity(&b, s[i:])
		case smart && strings.HasPrefix(s[i:], "--"):
			n = len(s[i:]) - len(strings.TrimLeft(s[i:], "-"))
			b.WriteString("–")
		default:
			escapeText.WriteString(&b, s[i:i+1])
		}
		i += n
	}
	return b.String()
}

// isASCIIPunct reports whether c is ASCII punctuation, which a backslash
// escapes in CommonMark.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// headingScan is a heading's Markdown with what mdBookHTML looks up in it
// more than once, each made on first use, so that no heading costs more
// than a few passes over it: a search that runs far and fails is never
// run again from further on.
type headingScan struct {
	s string
	// runs are the places of the backtick runs, by length, in order
	runs map[int][]int
	// closes[i] is where the ")" that closes the "(" at i is, -1 when none
	closes []int
	// dest is the first "](" at or after the last image looked at,
	// len(s) when there is none, -1 before the first
	dest int
	// last is where each closer of raw HTML last is (strings.LastIndex)
	last map[string]int
}

// codeSpan is where the code span that the backticks at i open ends, its
// closing backticks included, and where its text starts and ends; ok is
// false when no later run of backticks is as long (they are text, n of
// them).
func (h *headingScan) codeSpan(i int) (n, start, end int, ok bool) {
	open := len(h.s[i:]) - len(strings.TrimLeft(h.s[i:], "`"))
	if h.runs == nil {
		h.runs = map[int][]int{}
		for j := 0; j < len(h.s); {
			k := strings.IndexByte(h.s[j:], '`')
			if k < 0 {
				break
			}
			at := j + k
			run := len(h.s[at:]) - len(strings.TrimLeft(h.s[at:], "`"))
			h.runs[run] = append(h.runs[run], at)
			j = at + run
		}
	}
	same := h.runs[open]
	if k := sort.SearchInts(same, i+open); k < len(same) {
		return same[k] + open - i, i + open, same[k], true
	}
	return open, 0, 0, false
}

// writeCodeSpan writes the code span at i as pulldown-cmark does (one
// space stripped from each end when both have one, the text escaped) and
// says how much of the heading it took; backticks that open no span are
// written as text.
func (h *headingScan) writeCodeSpan(b *strings.Builder, i int) int {
	n, start, end, ok := h.codeSpan(i)
	if !ok {
		b.WriteString(h.s[i : i+n])
		return n
	}
	code := strings.ReplaceAll(h.s[start:end], "\n", " ")
	if len(code) > 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
		code = code[1 : len(code)-1]
	}
	b.WriteString("<code>")
	escapeText.WriteString(b, code)
	b.WriteString("</code>")
	return n
}

// closeParen is where the ")" that closes the "(" at i is (parentheses
// balanced, escaped ones not counted), -1 when none does.
func (h *headingScan) closeParen(i int) int {
	if h.closes == nil {
		h.closes = make([]int, len(h.s))
		var open []int
		for j := 0; j < len(h.s); j++ {
			h.closes[j] = -1
			switch h.s[j] {
			case '\\':
				if j+1 < len(h.s) {
					j++
					h.closes[j] = -1
				}
			case '(':
				open = append(open, j)
			case ')':
				if len(open) > 0 {
					h.closes[open[len(open)-1]] = j
					open = open[:len(open)-1]
				}
			}
		}
	}
	return h.closes[i]
}

// imageLen is the length of the image ![alt](src) at i, which leaves
// nothing in an id (its alt text is an attribute), or 1 when none starts
// there.
func (h *headingScan) imageLen(i int) int {
	if h.dest < i {
		h.dest = len(h.s)
		if j := strings.Index(h.s[i:], "]("); j >= 0 {
			h.dest = i + j
		}
	}
	if h.dest == len(h.s) {
		return 1
	}
	if k := h.closeParen(h.dest + 1); k >= 0 {
		return k + 1 - i
	}
	return 1
}

// linkDestLen is the length of the "](dest)" at i, its parentheses
// balanced, or 1 when it does not close (the "]" is text).
func (h *headingScan) linkDestLen(i int) int {
	if k := h.closeParen(i + 1); k >= 0 {
		return k + 1 - i
	}
	return 1
}

var (
	// autolink is CommonMark's URI or email autolink, its text the group
	autolink = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\x00-\x20]*|` +
		`[a-zA-Z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>`)
	// tag is CommonMark's open or closing tag (the rest of raw HTML is
	// rawOther's)
	tag = regexp.MustCompile(`^(?:<[A-Za-z][A-Za-z0-9-]*` +
		`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^"'=<>` + "`" + `\x00-\x20]+|'[^']*'|"[^"]*"))?)*\s*/?>` +
		`|</[A-Za-z][A-Za-z0-9-]*\s*>)`)
	// entityRef is an entity or numeric character reference
	entityRef = regexp.MustCompile(`^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});`)
)

// writeAngle writes what the "<" at i is in HTML: an autolink's text,
// raw HTML as written, or else &lt;, and says how much of the heading it
// took.
func (h *headingScan) writeAngle(b *strings.Builder, i int) int {
	rest := h.s[i:]
	if m := autolink.FindStringSubmatch(rest); m != nil {
		escapeText.WriteString(b, m[1])
		return len(m[0])
	}
	n := len(tag.FindString(rest))
	if n == 0 {
		n = h.rawOther(i)
	}
	if n == 0 {
		b.WriteString("&lt;")
		return 1
	}
	b.WriteString(rest[:n])
	return n
}

// rawOther is the length of the HTML comment, processing instruction,
// CDATA section or declaration at i, 0 when none is.
func (h *headingScan) rawOther(i int) int {
	rest := h.s[i:]
	switch {
	case strings.HasPrefix(rest, "<!-->"):
		return 5
	case strings.HasPrefix(rest, "<!--->"):
		return 6
	case strings.HasPrefix(rest, "<!--"):
		return h.upTo(i, 4, "-->")
	case strings.HasPrefix(rest, "<?"):
		return h.upTo(i, 2, "?>")
	case strings.HasPrefix(rest, "<![CDATA["):
		return h.upTo(i, 9, "]]>")
	case len(rest) > 2 && rest[1] == '!' && ('A' <= rest[2] && rest[2] <= 'Z' || 'a' <= rest[2] && rest[2] <= 'z'):
		return h.upTo(i, 2, ">")
	}
	return 0
}

// upTo is the length from i to the end of the first closer at or after
// i+from, 0 when there is none.
func (h *headingScan) upTo(i, from int, closer string) int {
	if h.last == nil {
		h.last = map[string]int{}
	}
	last, ok := h.last[closer]
	if !ok {
		last = strings.LastIndex(h.s, closer)
		h.last[closer] = last
	}
	if last < i+from {
		return 0
	}
	return from + strings.Index(h.s[i+from:], closer) + len(closer)
}

// writeEntity writes the character the entity s starts with stands for,
// escaped, or "&amp;" when s starts no entity HTML knows, and says how
// much of s it took.
func writeEntity(b *strings.Builder, s string) int {
	m := entityRef.FindString(s)
	if m != "" {
		// html.UnescapeString reads "&notit;" as "¬it;": a name it only
		// knows the start of is no entity
		if c := html.UnescapeString(m); c != m && (!strings.HasSuffix(c, ";") || c == ";") {
			escapeText.WriteString(b, c)
			return len(m)
		}
	}
	b.WriteString("&amp;")
	return 1
}

// mdBookEmphasis marks the underscores of s that open or close emphasis
// by CommonMark's rules (outside code spans, unescaped, flanking a word
// and paired): "_git_" and "__init__" lose theirs, "my_var" and
// "_private" alone keep them.
func mdBookEmphasis(h *headingScan) []bool {
	s := h.s
	drop := make([]bool, len(s))
	if !strings.Contains(s, "_") {
		return drop
	}
	type run struct{ at, n int }
	var openers []run
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
			continue
		case '`':
			n, _, _, _ := h.codeSpan(i)
			i += n - 1
			continue
		case '_':
		default:
			continue
		}
		r := run{i, len(s[i:]) - len(strings.TrimLeft(s[i:], "_"))}
		i += r.n - 1
		open, close := underscoreFlanks(s, r.at, r.at+r.n)
		for close && r.n > 0 && len(openers) > 0 {
			o := &openers[len(openers)-1]
			k := min(o.n, r.n)
			for j := 0; j < k; j++ {
				drop[o.at+o.n-1-j], drop[r.at+j] = true, true
			}
			o.n -= k
			r.at, r.n = r.at+k, r.n-k
			if o.n == 0 {
				openers = openers[:len(openers)-1]
			}
		}
		if open && r.n > 0 {
			openers = append(openers, r)
		}
	}
	return drop
}

// underscoreFlanks says whether the run of underscores s[i:j] can open
// and close emphasis: it opens when left-flanking and not right-flanking
// (or after punctuation), closes the other way round.
func underscoreFlanks(s string, i, j int) (open, close bool) {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if j < len(s) {
		after, _ = utf8.DecodeRuneInString(s[j:])
	}
	punct := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
	left := !unicode.IsSpace(after) && (!punct(after) || unicode.IsSpace(before) || punct(before))
	right := !unicode.IsSpace(before) && (!punct(before) || unicode.IsSpace(after) || punct(after))
	return left && (!right || punct(before)), right && (!left || punct(after))
}
