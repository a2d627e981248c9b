package lessonset

import (
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Redirect is one entry of an mdBook's [output.html.redirect] table: an
// old address of the book that leads elsewhere.
type Redirect struct {
	// From is the old address, a path of the built book as book.toml
	// writes it ("/old/page.html"; the leading "/" means the book's root).
	From string
	// To is where it leads, as written: an absolute URL, a path from the
	// book's root ("/new.html"), or a path relative to From's folder
	// ("../new.html"), perhaps with a #fragment.
	To string
	// Line and Col are the entry's place in book.toml (0, 0 when not found).
	Line, Col int
}

// redirectTable is the dotted name of mdBook's redirect table.
const redirectTable = "output.html.redirect"

// bookRedirects are the entries of table (book.toml's redirect table, as
// decoded), in the file's order, each with its place in src, book.toml's
// bytes. Entries whose old address has a #fragment are left out with a
// warning in ws: mdBook maps those with JavaScript on a page, which p2pc
// does not do. Entries whose line is not found (an inline table) come
// last, in key order, at the table's place. One pass over src: the cost
// grows with the file, whatever the number of entries.
func bookRedirects(fsys fs.FS, src []byte, table map[string]string) (rs []Redirect, ws []Problem) {
	if len(table) == 0 {
		return nil, nil
	}
	done := make(map[string]bool, len(table))
	add := func(k placedKey) {
		to, ok := table[k.name]
		if !ok || done[k.name] {
			return
		}
		done[k.name] = true
		if strings.Contains(k.name, "#") {
			ws = append(ws, Problem{Path: mdBookConfig, Line: k.line, Col: k.col,
				Msg: "redirect of the fragment " + strconv.Quote(k.name) + ": p2pc makes no fragment redirects (mdBook's need JavaScript on the page), so a link to it lands at the top of the page"})
			return
		}
		rs = append(rs, Redirect{From: k.name, To: to, Line: k.line, Col: k.col})
	}
	for _, k := range tableKeys(src, redirectTable) {
		add(k)
	}
	if len(done) < len(table) {
		line, col := tablePlace(fsys, mdBookConfig, redirectTable)
		for _, name := range slices.Sorted(maps.Keys(table)) {
			add(placedKey{name, line, col})
		}
	}
	return rs, ws
}

// placedKey is a key of a TOML table with the place its line starts.
type placedKey struct {
	name      string
	line, col int
}

// tableKeys are the keys set on their own lines under the header [table]
// of the TOML file src, in order, each decoded (quoted keys unescaped) with
// its place; headers are compared without spaces and quotes, as
// tablePlace compares them. It reads src once.
func tableKeys(src []byte, table string) []placedKey {
	unquote := strings.NewReplacer(" ", "", "\t", "", `"`, "", "'", "")
	var keys []placedKey
	in := false
	for i, l := range strings.Split(string(src), "\n") {
		t := strings.TrimLeft(l, " \t")
		if strings.HasPrefix(t, "[") {
			end := strings.IndexByte(t, ']')
			in = end > 0 && unquote.Replace(t[1:end]) == table
			continue
		}
		if !in {
			continue
		}
		if name, ok := tomlKey(t); ok {
			keys = append(keys, placedKey{name, i + 1, len(l) - len(t) + 1})
		}
	}
	return keys
}

// tomlKey reads the key at the start of a TOML line t (a "basic" or
// 'literal' string, or a bare key) that an = follows; false for any other
// line (a comment, a blank line, a dotted key).
func tomlKey(t string) (string, bool) {
	var name, rest string
	switch {
	case strings.HasPrefix(t, `"`):
		end := closingQuote(t)
		if end < 0 {
			return "", false
		}
		s, err := strconv.Unquote(t[:end+1])
		if err != nil {
			return "", false
		}
		name, rest = s, t[end+1:]
	case strings.HasPrefix(t, "'"):
		end := strings.IndexByte(t[1:], '\'')
		if end < 0 {
			return "", false
		}
		name, rest = t[1:end+1], t[end+2:]
	default:
		end := strings.IndexFunc(t, func(r rune) bool { return !bareKeyRune(r) })
		if end <= 0 {
			return "", false
		}
		name, rest = t[:end], t[end:]
	}
	return name, strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=")
}

// closingQuote is the index of the " that ends the basic string t opens,
// or -1.
func closingQuote(t string) int {
	for i := 1; i < len(t); i++ {
		switch t[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// bareKeyRune reports whether r may be in a bare TOML key.
func bareKeyRune(r rune) bool {
	return r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}
