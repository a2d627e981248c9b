package markdown

import (
	"html"
	"regexp"
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
func mdBookHTML(s string, smart bool) string {
	var b strings.Builder
	drop := mdBookEmphasis(s)
	for i := 0; i < len(s); {
		n := 1
		switch c := s[i]; {
		case drop[i]:
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			escapeText.WriteString(&b, s[i+1:i+2])
			n = 2
		case c == '`':
			n = writeCodeSpan(&b, s[i:])
		case c == '!' && strings.HasPrefix(s[i:], "!["):
			n = imageLen(s[i:])
		case c == ']' && strings.HasPrefix(s[i:], "]("):
			n = linkDestLen(s[i:])
		case c == '<':
			n = writeAngle(&b, s[i:])
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

// codeSpanLen is the length of the code span s starts with, its backticks
// included, and where its text starts and ends; ok is false when s's
// opening backticks have no closing run of the same length (they are
// text).
func codeSpanLen(s string) (n, start, end int, ok bool) {
	open := len(s) - len(strings.TrimLeft(s, "`"))
	for i := open; i < len(s); {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			break
		}
		k := i + j
		run := len(s[k:]) - len(strings.TrimLeft(s[k:], "`"))
		if run == open {
			return k + run, open, k, true
		}
		i = k + run
	}
	return open, 0, 0, false
}

// writeCodeSpan writes the code span s starts with as pulldown-cmark
// does (one space stripped from each end when both have one, the text
// escaped) and says how much of s it took; backticks that open no span
// are written as text.
func writeCodeSpan(b *strings.Builder, s string) int {
	n, start, end, ok := codeSpanLen(s)
	if !ok {
		b.WriteString(s[:n])
		return n
	}
	code := strings.ReplaceAll(s[start:end], "\n", " ")
	if len(code) > 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
		code = code[1 : len(code)-1]
	}
	b.WriteString("<code>")
	escapeText.WriteString(b, code)
	b.WriteString("</code>")
	return n
}

// imageLen is the length of the image ![alt](src) s starts with, which
// leaves nothing in an id (its alt text is an attribute), or 1 when s
// starts no image.
func imageLen(s string) int {
	if j := strings.Index(s, "]("); j > 0 {
		if k := strings.IndexByte(s[j:], ')'); k > 0 {
			return j + k + 1
		}
	}
	return 1
}

// linkDestLen is the length of the "](dest)" that s starts with, its
// parentheses balanced, or 1 when it does not close (the "]" is text).
func linkDestLen(s string) int {
	depth := 0
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return 1
}

var (
	// autolink is CommonMark's URI or email autolink, its text the group
	autolink = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\x00-\x20]*|` +
		`[a-zA-Z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>`)
	// rawTag is CommonMark's raw HTML: an open or closing tag, a comment,
	// a processing instruction, a declaration or CDATA
	rawTag = regexp.MustCompile(`^(?:<[A-Za-z][A-Za-z0-9-]*` +
		`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^"'=<>` + "`" + `\x00-\x20]+|'[^']*'|"[^"]*"))?)*\s*/?>` +
		`|</[A-Za-z][A-Za-z0-9-]*\s*>|<!-->|<!--->|<!--(?s:.*?)-->|<\?(?s:.*?)\?>|<![A-Za-z][^>]*>|<!\[CDATA\[(?s:.*?)\]\]>)`)
	// entityRef is an entity or numeric character reference
	entityRef = regexp.MustCompile(`^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});`)
)

// writeAngle writes what the "<" s starts with is in HTML: an autolink's
// text, a raw tag as written, or else &lt;, and says how much of s it
// took.
func writeAngle(b *strings.Builder, s string) int {
	if m := autolink.FindStringSubmatch(s); m != nil {
		escapeText.WriteString(b, m[1])
		return len(m[0])
	}
	if m := rawTag.FindString(s); m != "" {
		b.WriteString(m)
		return len(m)
	}
	b.WriteString("&lt;")
	return 1
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
func mdBookEmphasis(s string) []bool {
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
			n, _, _, _ := codeSpanLen(s[i:])
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
