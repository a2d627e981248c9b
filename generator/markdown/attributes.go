package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// inlineAttrs are the Pandoc attributes written in braces right after an
// image or a bracketed span: {#id .class key=value key="quoted value"}.
type inlineAttrs struct {
	ID      string
	Classes []string
	Attrs   []Attr // key=value pairs in source order
}

// setIDClass gives n the id and the classes of a; with add, the classes
// go after those n has (a block's), else they replace them.
func (a inlineAttrs) setIDClass(n ast.Node, add bool) {
	if a.ID != "" {
		n.SetAttributeString("id", []byte(a.ID))
	}
	if len(a.Classes) == 0 {
		return
	}
	classes := strings.Join(a.Classes, " ")
	if old, ok := n.AttributeString("class"); ok && add {
		if b, ok := old.([]byte); ok {
			classes = string(b) + " " + classes
		}
	}
	n.SetAttributeString("class", []byte(classes))
}

// maxAttrLen bounds how far a {…} block is looked for, so a stray brace
// costs a bounded amount of scanning however long the paragraph is.
const maxAttrLen = 4096

// scanAttrs reads a {…} attribute block at the start of s. It returns the
// attributes and the block's length in bytes, or ok false when s does not
// start with a well-formed block (the text then stays as it is). Values
// may be quoted with " or ', and a block may run over several lines.
func scanAttrs(s []byte) (a inlineAttrs, n int, ok bool) {
	if len(s) == 0 || s[0] != '{' {
		return a, 0, false
	}
	if len(s) > maxAttrLen {
		s = s[:maxAttrLen]
	}
	i := 1
	for {
		sep := i
		for i < len(s) && isAttrSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return a, 0, false
		}
		if s[i] == '}' {
			return a, i + 1, true
		}
		if sep == i && i > 1 {
			return a, 0, false // items must be separated by white space
		}
		switch c := s[i]; {
		case c == '#' || c == '.':
			j := i + 1
			for j < len(s) && isAttrNameByte(s[j]) {
				j++
			}
			if j == i+1 {
				return a, 0, false
			}
			if c == '#' {
				a.ID = string(s[i+1 : j])
			} else {
				a.Classes = append(a.Classes, string(s[i+1:j]))
			}
			i = j
		case isAttrKeyStart(c):
			j := i + 1
			for j < len(s) && isAttrNameByte(s[j]) {
				j++
			}
			key := string(s[i:j])
			if j >= len(s) || s[j] != '=' {
				return a, 0, false
			}
			value, end, ok := scanAttrValue(s, j+1)
			if !ok {
				return a, 0, false
			}
			a.Attrs = append(a.Attrs, Attr{Key: key, Value: value})
			i = end
		default:
			return a, 0, false
		}
	}
}

// scanAttrValue reads a value starting at s[i]: quoted with " or ', or a
// run of bytes that are not white space, quotes, brackets or braces. In
// both, as in Pandoc, a backslash before ASCII punctuation gives that
// character (\_ is _, \" a quote); before anything else it stays.
func scanAttrValue(s []byte, i int) (value string, end int, ok bool) {
	if i >= len(s) {
		return "", 0, false
	}
	if q := s[i]; q == '"' || q == '\'' {
		var b strings.Builder
		for j := i + 1; j < len(s); j++ {
			switch {
			case s[j] == '\\' && j+1 < len(s) && util.IsPunct(s[j+1]):
				j++
				b.WriteByte(s[j])
			case s[j] == q:
				return b.String(), j + 1, true
			default:
				b.WriteByte(s[j])
			}
		}
		return "", 0, false
	}
	j := i
	for j < len(s) && !isAttrSpace(s[j]) && !strings.ContainsRune("\"'{}[]=<>`", rune(s[j])) {
		if s[j] == '\\' && j+1 < len(s) && util.IsPunct(s[j+1]) {
			j++ // an escaped brace or quote is part of the value
		}
		j++
	}
	if j == i {
		return "", 0, false
	}
	return unescapePunct(s[i:j]), j, true
}

// unescapePunct drops each backslash that escapes ASCII punctuation.
func unescapePunct(b []byte) string {
	if !bytes.ContainsRune(b, '\\') {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for j := 0; j < len(b); j++ {
		if b[j] == '\\' && j+1 < len(b) && util.IsPunct(b[j+1]) {
			j++
		}
		out = append(out, b[j])
	}
	return string(out)
}

func isAttrSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isAttrKeyStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// isAttrNameByte reports whether c may be in an id, a class or a key:
// ASCII letters and digits, - _ : . and any byte of a non-ASCII letter.
func isAttrNameByte(c byte) bool {
	return isAttrKeyStart(c) || c >= '0' && c <= '9' || c == '-' || c == ':' || c == '.' || c >= 0x80
}
