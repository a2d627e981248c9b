package generator

import (
	"bytes"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// plainYAML reads front matter in the subset of YAML most lessons keep
// to: top-level "key: value" lines whose value is a plain scalar on one
// line, and "key:" lines followed by "- item" lines of plain scalars.
// It gives the node yaml.Unmarshal gives for it, tags, lines and columns
// included, or false for anything else, which yaml.v3 then reads: quotes,
// comments, blocks, flow collections, nesting, a tab, a carriage return,
// a character YAML refuses, a duplicate or long key, more than
// maxPlainKeys keys. yaml.v3 made a parser for each of 10,000 lessons, a
// tenth of the bytes a build allocated.
func plainYAML(meta []byte) (*yaml.Node, bool) {
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Column: 1}
	var list *yaml.Node // the sequence being read, after "key:"
	indent := -1        // its items' indentation
	for n := 1; len(meta) > 0; n++ {
		line := meta
		if i := bytes.IndexByte(meta, '\n'); i >= 0 {
			line, meta = meta[:i], meta[i+1:]
		} else {
			meta = nil
		}
		if len(line) == 0 {
			continue
		}
		if list != nil { // an item, or the next key
			at := 0
			for at < len(line) && line[at] == ' ' {
				at++
			}
			if at+1 < len(line) && line[at] == '-' && line[at+1] == ' ' && (indent < 0 || at == indent) {
				item, ok := plainScalar(line[at+2:], n, at+3)
				if !ok {
					return nil, false
				}
				if indent < 0 {
					indent, list.Line, list.Column = at, n, at+1
				}
				list.Content = append(list.Content, item)
				continue
			}
			if len(list.Content) == 0 || at > 0 {
				return nil, false // "key:" with nothing under it (null), or deeper
			}
			list, indent = nil, -1
		}
		k := 0
		for k < len(line) && (line[k] == '_' || line[k] == '-' && k > 0 || isAlnum(line[k])) {
			k++
		}
		// YAML bounds a key to 1,024 characters; seenKey looks at every key
		// before, so many keys are left to yaml.v3, whose cost is linear.
		if k == 0 || k > 128 || k >= len(line) || line[k] != ':' || len(root.Content) >= 2*maxPlainKeys || seenKey(root, line[:k]) {
			return nil, false
		}
		key, _ := plainScalar(line[:k], n, 1)
		if root.Line == 0 {
			root.Line = n
		}
		switch {
		case k+1 == len(line):
			list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			root.Content = append(root.Content, key, list)
		case line[k+1] == ' ':
			value, ok := plainScalar(line[k+2:], n, k+3)
			if !ok {
				return nil, false
			}
			root.Content = append(root.Content, key, value)
		default:
			return nil, false
		}
	}
	if root.Line == 0 || list != nil && len(list.Content) == 0 {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: 1, Content: []*yaml.Node{root}}, true
}

// maxPlainKeys is the most keys plainYAML reads.
const maxPlainKeys = 64

// seenKey reports whether mapping m has the key k already.
func seenKey(m *yaml.Node, k []byte) bool {
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == string(k) {
			return true
		}
	}
	return false
}

// plainScalar is the scalar node of s, at line n and column col, when s
// is a plain scalar YAML reads as s itself: it starts with a letter, a
// digit or one of a few marks, holds no ": " or " #", no control
// character and no Unicode line break, and does not end in a space or a
// colon.
func plainScalar(s []byte, n, col int) (*yaml.Node, bool) {
	if len(s) == 0 || !isAlnum(s[0]) && s[0] < utf8.RuneSelf && !bytes.ContainsRune([]byte("(._/$"), rune(s[0])) ||
		s[len(s)-1] == ' ' || s[len(s)-1] == ':' || bytes.Contains(s, []byte(": ")) || bytes.Contains(s, []byte(" #")) {
		return nil, false
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r < ' ' || r == 0x7f || r == utf8.RuneError || r >= 0x80 && r <= 0x9f ||
			r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff {
			return nil, false
		}
		i += size
	}
	node := &yaml.Node{Kind: yaml.ScalarNode, Value: string(s), Line: n, Column: col}
	node.Tag = node.ShortTag() // resolved as the parser resolves a plain scalar
	return node, true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
