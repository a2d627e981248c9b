package directive

import (
	"bytes"
	"strings"
)

// highlight writes the text up to {{< /highlight >}} as a fenced code
// block in the language of its first argument, and returns the offset
// after the closing shortcode.
func (h *hugo) highlight(sc *shortcode) int {
	lang, _ := sc.get("", 0)
	if strings.ContainsAny(lang, "`~ \t\n{}") {
		lang = ""
	}
	var body []byte
	closeStart, closeEnd := sc.end, sc.end
	if !sc.selfClosing {
		closeStart, closeEnd = h.findHighlightEnd(sc.end)
		if closeStart < 0 {
			h.report(sc.start, "{{< highlight >}} is not closed: add {{< /highlight >}} after the code")
			return sc.end
		}
		body = h.in[sc.end:closeStart]
	}
	fence := codeFence(body)
	if _, _, ok := h.w.container(); !ok {
		h.gen("\n", sc.start)
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
	h.last = closeEnd
	if hasText(h.restOfLine(closeEnd)) {
		h.gen("\n", closeStart)
	}
	return closeEnd
}

// findHighlightEnd returns the start and end of the next
// {{< /highlight >}} (or {{% /highlight %}}) at or after p, or -1, -1.
func (h *hugo) findHighlightEnd(p int) (int, int) { return h.findEnd(&h.hlClose, "/highlight", p) }

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
