package directive

import (
	"fmt"
	"strings"
)

// shortcode is one parsed {{< name args >}} or {{% name args %}}.
type shortcode struct {
	start, end  int  // offsets of its "{{" and just after its "}}"
	delim       byte // '<' or '%'
	name        string
	closing     bool // {{< /name >}}
	selfClosing bool // {{< name />}}
	args        []arg
}

// arg is a positional (key "") or named argument.
type arg struct{ key, val string }

// get returns the named argument key, or else the positional one at
// index pos (pos < 0: none).
func (sc *shortcode) get(key string, pos int) (string, bool) {
	n := 0
	for _, a := range sc.args {
		if a.key == key && key != "" {
			return a.val, true
		}
	}
	for _, a := range sc.args {
		if a.key == "" {
			if n == pos {
				return a.val, true
			}
			n++
		}
	}
	return "", false
}

// tag is how messages show the shortcode: {{< name >}}.
func (sc *shortcode) tag() string { return tag(sc.delim, sc.name) }

func tag(delim byte, name string) string {
	if delim == '%' {
		return "{{% " + name + " %}}"
	}
	return "{{< " + name + " >}}"
}

// parse results.
const (
	notShortcode = iota // literal text: go on after the "{{"
	malformed           // a broken shortcode: report it, go on at resume
	parsed
)

// parseShortcode reads the shortcode at in[k:], which starts "{{<" or
// "{{%". A name (a letter, digit or _, then those and . - /) must follow,
// else it is not a shortcode. Arguments are "quoted" (with \" inside),
// `raw` (may span lines), or bare words, each optionally key=; they may
// span lines but not a blank line.
func parseShortcode(in []byte, k int) (sc shortcode, status, resume int, msg string) {
	sc = shortcode{start: k, delim: in[k+2]}
	closer := ">}}"
	if sc.delim == '%' {
		closer = "%}}"
	}
	p := skipBlank(in, k+3)
	if p < len(in) && in[p] == '/' {
		sc.closing = true
		p = skipBlank(in, p+1)
	}
	s := p
	if p < len(in) && isWordByte(in[p]) {
		for p < len(in) && (isWordByte(in[p]) || in[p] == '.' || in[p] == '-' || in[p] == '/') {
			p++
		}
	}
	if p == s {
		return sc, notShortcode, 0, ""
	}
	sc.name = string(in[s:p])
	if strings.HasSuffix(sc.name, "/") && hasPrefixAt(in, p, closer) {
		sc.name, sc.selfClosing = strings.TrimRight(sc.name, "/"), true
		sc.end = p + len(closer)
		return sc, parsed, 0, ""
	}
	notClosed := func(p int) (shortcode, int, int, string) {
		return sc, malformed, p, fmt.Sprintf("shortcode %q is not closed with %s", sc.name, closer)
	}
	for {
		q, ok := skipSpace(in, p)
		if !ok {
			return notClosed(q)
		}
		p = q
		switch {
		case hasPrefixAt(in, p, closer):
			sc.end = p + len(closer)
			return sc, parsed, 0, ""
		case in[p] == '/' && hasPrefixAt(in, p+1, closer):
			sc.selfClosing = true
			sc.end = p + 1 + len(closer)
			return sc, parsed, 0, ""
		}
		if sc.closing {
			return notClosed(p)
		}
		var a arg
		if in[p] != '"' && in[p] != '`' {
			w := p
			for w < len(in) && (isWordByte(in[w]) || in[w] == '-' || in[w] == '.') {
				w++
			}
			if w > p && w < len(in) && in[w] == '=' {
				a.key = string(in[p:w])
				p = w + 1
			}
		}
		val, q, msg := parseValue(in, p, closer)
		if msg != "" {
			return sc, malformed, q, fmt.Sprintf("shortcode %q: %s", sc.name, msg)
		}
		a.val, p = val, q
		sc.args = append(sc.args, a)
	}
}

// parseValue reads one argument value at in[p:]: "quoted", `raw` or a
// bare word (up to a space or the closer).
func parseValue(in []byte, p int, closer string) (string, int, string) {
	if p >= len(in) {
		return "", p, "missing value at the end of the text"
	}
	switch in[p] {
	case '"':
		var b strings.Builder
		for q := p + 1; q < len(in); q++ {
			switch in[q] {
			case '"':
				return b.String(), q + 1, ""
			case '\n':
				return "", q, "a quoted value does not end on its line"
			case '\\':
				if q+1 < len(in) && (in[q+1] == '"' || in[q+1] == '\\') {
					q++
				}
			}
			b.WriteByte(in[q])
		}
		return "", len(in), "a quoted value does not end"
	case '`':
		for q := p + 1; q < len(in); q++ {
			switch {
			case in[q] == '`':
				return string(in[p+1 : q]), q + 1, ""
			case in[q] == '\n' && blankLineAt(in, q+1):
				return "", q, "a `raw` value does not end before a blank line"
			}
		}
		return "", len(in), "a `raw` value does not end"
	}
	q := p
	for q < len(in) && !isSpaceByte(in[q]) && !hasPrefixAt(in, q, closer) && !(in[q] == '/' && hasPrefixAt(in, q+1, closer)) {
		q++
	}
	if q == p {
		return "", p, "missing value"
	}
	return string(in[p:q]), q, ""
}

// skipBlank skips spaces and tabs.
func skipBlank(in []byte, p int) int {
	for p < len(in) && (in[p] == ' ' || in[p] == '\t') {
		p++
	}
	return p
}

// skipSpace skips white space, newlines included, and reports false at
// the end of the text or at a blank line.
func skipSpace(in []byte, p int) (int, bool) {
	for p < len(in) && isSpaceByte(in[p]) {
		if in[p] == '\n' && blankLineAt(in, p+1) {
			return p, false
		}
		p++
	}
	return p, p < len(in)
}

// blankLineAt reports whether the line starting at p is blank (or the text ends).
func blankLineAt(in []byte, p int) bool {
	for ; p < len(in); p++ {
		switch in[p] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func hasPrefixAt(in []byte, p int, s string) bool {
	return p <= len(in) && len(in)-p >= len(s) && string(in[p:p+len(s)]) == s
}
