package glossary

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// proseLines calls do with each run of lines of Markdown body that holds
// prose (a paragraph: lines up to a blank one or one that is not prose),
// with what is not prose blanked: code (fenced blocks and `spans`),
// headings, fence lines of divs, link destinations, HTML tags and
// attribute blocks. Blanks break a term, as a term may not run across
// them; a line end does not. It is an estimate of what Mark sees in the
// tree, made without parsing, in one pass.
func proseLines(body []byte, do func(para []byte)) {
	var fence []byte // the open code fence's marker
	buf := []byte(nil)
	flush := func() {
		if len(buf) > 0 {
			do(buf)
			buf = buf[:0]
		}
	}
	defer flush()
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		trimmed := bytes.TrimLeft(line, " ")
		if len(bytes.TrimSpace(line)) == 0 {
			flush()
			continue
		}
		if fence != nil {
			rest := bytes.TrimLeft(trimmed, string(fence[:1]))
			if len(trimmed)-len(rest) >= len(fence) && len(bytes.TrimSpace(rest)) == 0 {
				fence = nil
			}
			continue
		}
		if m := codeFence(trimmed); m != nil {
			flush()
			fence = m
			continue
		}
		if bytes.HasPrefix(trimmed, []byte("#")) || bytes.HasPrefix(trimmed, []byte(":::")) || bytes.HasPrefix(line, []byte("    ")) || bytes.HasPrefix(line, []byte("\t")) {
			flush()
			continue
		}
		if len(buf) > 0 {
			buf = append(buf, '\n')
		}
		n := len(buf)
		buf = append(buf, line...)
		blankMarkup(buf[n:])
	}
}

// codeFence returns the marker of a code fence that line opens (``` or
// ~~~, as long as written), or nil.
func codeFence(line []byte) []byte {
	for _, c := range []byte("`~") {
		n := 0
		for n < len(line) && line[n] == c {
			n++
		}
		if n >= 3 {
			return bytes.Repeat([]byte{c}, n)
		}
	}
	return nil
}

// blankMarkup overwrites with NUL what in a line of Markdown is not prose:
// `code`, (link destinations), <tags>, {attributes}, and escapes.
func blankMarkup(line []byte) []byte {
	var missing [256]bool // closers not in the rest of the line
	for i := 0; i < len(line); i++ {
		var closer byte
		switch {
		case line[i] == '`':
			closer = '`'
		case line[i] == '<':
			closer = '>'
		case line[i] == '{':
			closer = '}'
		case line[i] == '(' && i > 0 && line[i-1] == ']':
			closer = ')'
		case line[i] == '\\' || line[i] == '&':
			line[i] = 0
			continue
		default:
			continue
		}
		if missing[closer] {
			continue
		}
		end := bytes.IndexByte(line[i+1:], closer)
		if end < 0 {
			missing[closer] = true
			continue
		}
		clear(line[i : i+end+2])
		i += end + 1
	}
	return line
}

// scan returns the anchors of the terms text uses, in the order of the
// terms, each once.
func (m *marks) scan(body []byte) []string {
	seen := make([]bool, len(m.terms))
	n := 0
	proseLines(body, func(para []byte) {
		if n == len(m.terms) {
			return
		}
		ws := words(string(para))
		for i := range ws {
			if t, _ := m.trie.match(ws[i:]); t >= 0 && !seen[t] {
				seen[t] = true
				n++
			}
		}
	})
	var out []string
	for i, ok := range seen {
		if ok {
			out = append(out, m.terms[i].anchor)
		}
	}
	return out
}

// firstSentence is the start of an entry's text, for its tooltip: its
// first sentence, or its first words up to about max bytes.
func firstSentence(text string, max int) string {
	text = strings.Join(strings.Fields(text), " ")
	if i := strings.Index(text, ". "); i >= 0 && i < max {
		return text[:i+1]
	}
	if len(text) <= max {
		return text
	}
	cut := strings.LastIndexByte(text[:max], ' ')
	for cut <= 0 && !utf8.RuneStart(text[max]) {
		max--
	}
	if cut <= 0 {
		cut = max
	}
	return strings.TrimRight(text[:cut], " ,;:") + "…"
}
