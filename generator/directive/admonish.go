package directive

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// admonishCaution are the kinds of mdbook-admonish's blocks drawn as a
// caution box; the others (note, info, tip, example, …) are callouts.
var admonishCaution = map[string]bool{
	"warning": true, "caution": true, "attention": true, "failure": true, "fail": true,
	"missing": true, "danger": true, "error": true, "bug": true,
}

// admonish rewrites the code blocks of mdbook-admonish into fenced divs:
//
//	```admonish warning title="Data loss"     ::: caution {title="Data loss"}
//	Text in *Markdown*.                   ->  Text in *Markdown*.
//	```                                       :::
//
// The kind (note when none is given) picks a callout or a caution box and
// gives the title when there is no title=; title="" gives none;
// collapsible=true makes a collapsed box (spoiler). A block ends where
// Markdown ends it, at the first line that closes its fence (a longer
// fence goes around inner ``` blocks), and the blocks inside it are read
// the same way, up to maxAdmonishDepth deep. Only the fence lines change,
// each into one line, so every line keeps its number. Other code blocks
// are left as they are; a block never closed stays a code block.
func admonish(body []byte) []byte {
	lines := bytes.SplitAfter(body, []byte("\n"))
	type open struct {
		at       int
		indent   string
		fence    string
		admonish bool
	}
	var stack []open
	for i, line := range lines {
		if k := slices.IndexFunc(stack, func(o open) bool { return closes(line, o.fence) }); k >= 0 {
			if o := stack[k]; o.admonish {
				_, _, info, _ := fenceLine(lines[o.at])
				_, args, _ := strings.Cut(strings.TrimSpace(info), " ")
				lines[o.at] = []byte(o.indent + admonishBox(args) + lineEnd(lines[o.at]))
				lines[i] = []byte(o.indent + ":::" + lineEnd(line))
			}
			stack = stack[:k] // blocks inside it never closed: text of it
			continue
		}
		if n := len(stack); n > 0 && !stack[n-1].admonish || n >= maxAdmonishDepth {
			continue // inside a code block: text
		}
		if indent, fence, info, ok := fenceLine(line); ok {
			word, _, _ := strings.Cut(strings.TrimSpace(info), " ")
			stack = append(stack, open{i, indent, fence, word == "admonish"})
		}
	}
	return bytes.Join(lines, nil)
}

// maxAdmonishDepth bounds how deep admonish blocks are read inside each
// other, and so the work per line.
const maxAdmonishDepth = 8

// closes reports whether line closes a code block opened by fence: up to
// three spaces, the fence's character at least as many times, then only
// white space.
func closes(line []byte, fence string) bool {
	i := 0
	for i < len(line) && i < 4 && line[i] == ' ' {
		i++
	}
	if i > 3 {
		return false
	}
	n := 0
	for i < len(line) && line[i] == fence[0] {
		i, n = i+1, n+1
	}
	if n < len(fence) {
		return false
	}
	for ; i < len(line); i++ {
		if c := line[i]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// admonishBox is the fenced div line for the words after "admonish".
func admonishBox(args string) string {
	kind, title, titled, collapsible := "note", "", false, false
	for _, f := range splitArgs(args) {
		key, value, isPair := strings.Cut(f, "=")
		switch {
		case !isPair:
			kind = strings.ToLower(f)
		case key == "title":
			title, titled = unquote(value), true
		case key == "collapsible":
			collapsible = value == "true"
		}
	}
	if !titled {
		r, n := utf8.DecodeRuneInString(kind)
		title = string(unicode.ToUpper(r)) + kind[n:]
	}
	switch {
	case collapsible:
		return "::: spoiler" + titleAttr(title)
	case admonishCaution[kind]:
		return "::: caution" + titleAttr(title)
	}
	return "::: callout" + titleAttr(title)
}

// splitArgs splits an info string's words at spaces outside double quotes.
func splitArgs(s string) []string {
	var out []string
	var b strings.Builder
	quoted := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && quoted && i+1 < len(s):
			b.WriteByte(c)
			b.WriteByte(s[i+1])
			i++
		case c == '"':
			quoted = !quoted
			b.WriteByte(c)
		case c == ' ' && !quoted:
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
		default:
			b.WriteByte(c)
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// unquote takes the quotes and backslash escapes off a "value".
func unquote(v string) string {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return v
	}
	v = v[1 : len(v)-1]
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

// fenceLine reports whether line opens a fenced code block: up to three
// spaces, three or more backticks or tildes (a backtick fence's info has
// no backtick). It returns the indent, the fence and the info string.
func fenceLine(line []byte) (indent, fence, info string, ok bool) {
	s := strings.TrimRight(string(line), "\r\n")
	n := len(s) - len(strings.TrimLeft(s, " "))
	if n > 3 || n == len(s) || (s[n] != '`' && s[n] != '~') {
		return "", "", "", false
	}
	c, m := s[n], n
	for m < len(s) && s[m] == c {
		m++
	}
	if m-n < 3 || c == '`' && strings.Contains(s[m:], "`") {
		return "", "", "", false
	}
	return s[:n], s[n:m], s[m:], true
}

// lineEnd is the line's ending ("\n", "\r\n" or none).
func lineEnd(line []byte) string {
	s := string(line)
	return s[len(strings.TrimRight(s, "\r\n")):]
}
