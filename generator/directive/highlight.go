package directive

import (
	"bytes"
	"fmt"
	"strings"
)

// highlight writes the text up to {{< /highlight >}} as a fenced code
// block in the language of its first argument, and returns the offset
// after the closing shortcode.
func (h *hugo) highlight(sc *shortcode) int {
	lang, _ := sc.get("", 0)
	return h.codeBlock(sc, lang, &h.hlClose, "", "")
}

// codeBlock writes the text of sc up to its closing tag as a code block in
// lang, between the lines before and after ("" for none), and returns
// where the closing tag ends; m remembers where the next closing tags are.
func (h *hugo) codeBlock(sc *shortcode, lang string, m *memo, before, after string) int {
	if strings.ContainsAny(lang, "`~ \t\n{}") {
		lang = ""
	}
	var body []byte
	closeStart, closeEnd := sc.end, sc.end
	if !sc.selfClosing {
		closeStart, closeEnd = h.findEnd(m, "/"+sc.name, sc.end)
		if closeStart < 0 {
			h.report(sc.start, fmt.Sprintf("%s is not closed: add %s after the code", tag('<', sc.name), tag('<', "/"+sc.name)))
			return sc.end
		}
		body = h.in[sc.end:closeStart]
	}
	fence := codeFence(body)
	if _, _, ok := h.w.container(); !ok {
		h.gen("\n", sc.start)
	}
	if before != "" {
		h.gen(before+"\n", sc.start)
	}
	h.gen(fence+lang, sc.start)
	if len(body) == 0 || body[0] != '\n' && !bytes.HasPrefix(body, []byte("\r\n")) {
		h.gen("\n", sc.start)
	}
	h.codeText(sc.end, closeStart)
	lastLine := body[bytes.LastIndexByte(body, '\n')+1:]
	if hasText(lastLine) {
		h.gen("\n", closeStart)
	}
	h.gen(fence, closeStart)
	if after != "" {
		h.gen("\n"+after, closeStart)
	}
	h.last = closeEnd
	if hasText(h.restOfLine(closeEnd)) {
		h.gen("\n", closeStart)
	}
	return closeEnd
}

// findEnd returns the start and end of the next closing shortcode {{< NAME >}}
// (or {{% NAME %}}; name is "/name") at or after p, or -1, -1, remembering
// the answer in m so that a page of openers without closers costs linear time.
func (h *hugo) findEnd(m *memo, name string, p int) (int, int) {
	in := h.in
	return m.next(p, func(q int) (int, int) {
		for {
			s, e := indexFrom(in, q, name)
			if s < 0 {
				return -1, -1
			}
			q = s + 1
			b := s
			for b > 0 && (in[b-1] == ' ' || in[b-1] == '\t') {
				b--
			}
			if b < 3 || in[b-3] != '{' || in[b-2] != '{' || (in[b-1] != '<' && in[b-1] != '%') {
				continue
			}
			closer := ">}}"
			if in[b-1] == '%' {
				closer = "%}}"
			}
			if r := skipBlank(in, e); hasPrefixAt(in, r, closer) {
				return b - 3, r + len(closer)
			}
		}
	})
}

// toggleLanguage is the language of the settings between the tags of
// code-toggle (Hugo's documentation's and its themes': the same settings
// shown in TOML, YAML and JSON, in tabs). p2pc shows them as written, in
// one code block: JSON when they start with "{", TOML when a line sets a
// key with "=" or opens a [table], else YAML. A code-toggle without text
// (config="…" shows the site's own settings) is not one it can show.
func (h *hugo) toggleLanguage(sc *shortcode) (string, bool) {
	if sc.selfClosing {
		return "", false
	}
	start, _ := h.findEnd(&h.ctClose, "/"+sc.name, sc.end)
	if start < 0 {
		return "", false
	}
	body := bytes.TrimSpace(h.in[sc.end:start])
	if len(body) == 0 {
		return "", false
	}
	if body[0] == '{' {
		return "json", true
	}
	for line := range bytes.Lines(body) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		key, _, isSet := bytes.Cut(line, []byte("="))
		if line[0] == '[' || isSet && len(bytes.Fields(key)) == 1 && !bytes.ContainsAny(key, ":#") {
			return "toml", true
		}
	}
	return "yaml", true
}
