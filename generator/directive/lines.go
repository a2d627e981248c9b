package directive

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// selection is the part of a file an include takes: the lines between
// the anchor's ANCHOR and ANCHOR_END lines, or else lines [start, end),
// counted from 0; end < 0 means to the end of the file.
type selection struct {
	anchor     string
	start, end int
}

var wholeFile = selection{end: -1}

// splitInclude splits an include's "path", "path:N", "path:N:M",
// "path::M", "path:N:" or "path:anchor" the way mdBook does: a lone N
// takes line N only, and an end that is not a number means to the end.
func splitInclude(arg string) (string, selection) {
	name, rest, ok := strings.Cut(arg, ":")
	if !ok {
		return name, wholeFile
	}
	parts := strings.SplitN(rest, ":", 3)
	start, hasStart := lineNumber(parts[0])
	switch {
	case hasStart:
		start = max(start-1, 0)
	case parts[0] != "":
		return name, selection{anchor: parts[0]}
	}
	if len(parts) == 1 {
		if hasStart {
			return name, selection{start: start, end: start + 1}
		}
		return name, wholeFile
	}
	end, hasEnd := lineNumber(parts[1])
	if !hasEnd {
		return name, selection{start: start, end: -1}
	}
	return name, selection{start: start, end: end}
}

func lineNumber(s string) (int, bool) {
	n, err := strconv.ParseUint(s, 10, 31)
	return int(n), err == nil
}

// take returns the selected lines of data joined by "\n" (with no final
// newline), and whether the anchor, if one was asked for, was found. An
// anchor's lines leave out every ANCHOR and ANCHOR_END line among them;
// a range of lines keeps them, as mdBook's do.
func (sel selection) take(data []byte) ([]byte, bool) {
	var out []byte
	first := true
	add := func(l []byte) {
		if !first {
			out = append(out, '\n')
		}
		out = append(out, l...)
		first = false
	}
	inside, found := false, sel.anchor == ""
	for n := 0; len(data) > 0; n++ {
		var l []byte
		if j := bytes.IndexByte(data, '\n'); j >= 0 {
			l, data = data[:j], data[j+1:]
		} else {
			l, data = data, nil
		}
		l = bytes.TrimSuffix(l, []byte("\r"))
		kind, name := anchorLine(l)
		if sel.anchor != "" {
			switch {
			case !inside:
				if kind == anchorStart && name == sel.anchor {
					inside, found = true, true
				}
			case kind == anchorEnd && name == sel.anchor:
				return out, true
			case kind == notAnchor:
				add(l)
			}
			continue
		}
		if sel.end >= 0 && n >= sel.end {
			break
		}
		if n >= sel.start {
			add(l)
		}
	}
	return out, found
}

const (
	notAnchor = iota
	anchorStart
	anchorEnd
)

// anchorLine reports whether line holds "ANCHOR: name" or
// "ANCHOR_END: name" (a name of letters, digits, _ and -), and the name.
func anchorLine(line []byte) (kind int, name string) {
	for i := 0; ; {
		j := bytes.Index(line[i:], []byte("ANCHOR"))
		if j < 0 {
			return notAnchor, ""
		}
		i += j + 1
		p := i - 1 + len("ANCHOR")
		switch {
		case bytes.HasPrefix(line[p:], []byte(":")):
			kind, p = anchorStart, p+1
		case bytes.HasPrefix(line[p:], []byte("_END:")):
			kind, p = anchorEnd, p+len("_END:")
		default:
			continue
		}
		for p < len(line) && (line[p] == ' ' || line[p] == '\t') {
			p++
		}
		s := p
		for p < len(line) {
			r, size := utf8.DecodeRune(line[p:])
			if r != '_' && r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			p += size
		}
		if p > s {
			return kind, string(line[s:p])
		}
	}
}
