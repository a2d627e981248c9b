package directive

import (
	"bytes"
	"slices"
	"strconv"
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

// admonishBox is the fenced div line for the words after "admonish":
// mdbook-admonish's options, key=value pairs separated by spaces or
// commas (its older and newer forms), after an optional kind. A value is
// a TOML string, "basic" (with backslash escapes) or 'literal', or a bare
// word (true, false); type= names the kind too.
func admonishBox(args string) string {
	kind, title, titled, collapsible := "note", "", false, false
	for _, o := range admonishOptions(args) {
		switch o.key {
		case "":
			kind = strings.ToLower(o.value)
		case "type":
			kind = strings.ToLower(o.value)
		case "title":
			title, titled = o.value, true
		case "collapsible":
			collapsible = o.value == "true"
		}
	}
	if kind == "" {
		kind = "note" // admonish "", type=""
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

// option is one of an admonish block's options: key and value, or a word
// alone (the kind) with no key.
type option struct{ key, value string }

// admonishOptions reads the options of an info string: words and
// key=value pairs (spaces allowed around =), separated by spaces, tabs or
// commas outside quotes.
func admonishOptions(s string) []option {
	var out []option
	for i := 0; i < len(s); {
		if c := s[i]; c == ' ' || c == '\t' || c == ',' {
			i++
			continue
		}
		j := i
		for j < len(s) && !strings.ContainsRune(" \t,=\"'", rune(s[j])) {
			j++
		}
		word := s[i:j]
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		if j == i || k == len(s) || s[k] != '=' {
			if j == i { // a stray quote: read as a value without a key
				var v string
				v, j = optionValue(s, i)
				word = v
			}
			out = append(out, option{value: word})
			i = j
			continue
		}
		k++
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		v, next := optionValue(s, k)
		out = append(out, option{key: word, value: v})
		i = next
	}
	return out
}

// optionValue reads the value that starts at s[i]: a "basic" string, with
// TOML's escapes, a 'literal' one, or a bare word up to a space or comma.
// It returns the value and where it ends. A string never closed runs to
// the end.
func optionValue(s string, i int) (string, int) {
	if i >= len(s) {
		return "", i
	}
	switch s[i] {
	case '\'':
		end := strings.IndexByte(s[i+1:], '\'')
		if end < 0 {
			return s[i+1:], len(s)
		}
		return s[i+1 : i+1+end], i + end + 2
	case '"':
		var b strings.Builder
		for j := i + 1; j < len(s); j++ {
			switch c := s[j]; {
			case c == '"':
				return b.String(), j + 1
			case c == '\\' && j+1 < len(s):
				j++
				j += tomlEscape(&b, s, j)
			default:
				b.WriteByte(c)
			}
		}
		return b.String(), len(s)
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != ',' {
		j++
	}
	return s[i:j], j
}

// tomlEscape writes the character the escape at s[j] (after a backslash)
// stands for, and returns how many bytes after s[j] it also took. An
// escape TOML does not know (mdbook-admonish shows an error box) stands
// for its character.
func tomlEscape(b *strings.Builder, s string, j int) int {
	switch c := s[j]; c {
	case 'b':
		b.WriteByte('\b')
	case 't':
		b.WriteByte('\t')
	case 'n':
		b.WriteByte('\n')
	case 'f':
		b.WriteByte('\f')
	case 'r':
		b.WriteByte('\r')
	case 'u', 'U':
		n := 4
		if c == 'U' {
			n = 8
		}
		if j+n < len(s) {
			if r, err := strconv.ParseUint(s[j+1:j+1+n], 16, 32); err == nil && utf8.ValidRune(rune(r)) && r >= ' ' {
				b.WriteRune(rune(r))
				return n
			}
		}
		b.WriteByte(c)
	default:
		b.WriteByte(c)
	}
	return 0
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
