package directive

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// shortcode handles the "{{<" or "{{%" at k and returns where to go on.
func (h *hugo) shortcode(k int) int {
	if end, ok := h.escape(k, len(h.in)); ok {
		return end
	}
	sc, status, resume, msg := parseShortcode(h.in, k)
	switch status {
	case notShortcode:
		return k + 1
	case malformed:
		// The text stays as it is, so the author sees it; the error stops the build.
		h.errorf(k, msg)
		return max(resume, k+1)
	}
	h.copyTo(k)
	h.last = sc.end
	if sc.closing {
		h.closing(&sc)
		return sc.end
	}
	switch sc.name {
	case "ref", "relref":
		h.ref(&sc)
	case "param":
		h.param(&sc)
	case "figure":
		h.figure(&sc)
	case "details":
		h.openDetails(&sc)
	case "highlight":
		return h.highlight(&sc)
	default:
		h.errorf(k, fmt.Sprintf("unknown shortcode %q: write it as a fenced div (::: %s … :::) or remove it", sc.name, sc.name))
		if !sc.selfClosing {
			h.open[sc.name]++
		}
	}
	return sc.end
}

func (h *hugo) closing(sc *shortcode) {
	switch sc.name {
	case "details":
		if len(h.details) == 0 {
			h.errorf(sc.start, "{{< /details >}} closes no {{< details >}}")
			return
		}
		h.details = h.details[:len(h.details)-1]
		h.closeFence(sc.start, sc.end)
	case "ref", "relref", "param", "figure", "highlight":
		h.errorf(sc.start, fmt.Sprintf("{{< /%s >}} closes nothing: remove it", sc.name))
	default:
		if h.open[sc.name] == 0 {
			h.errorf(sc.start, fmt.Sprintf("{{< /%s >}} closes no %s", sc.name, tag(sc.delim, sc.name)))
			return
		}
		h.open[sc.name]--
	}
}

// ignoreArgs warns of the named arguments of sc not in known.
func (h *hugo) ignoreArgs(sc *shortcode, known ...string) {
	for _, a := range sc.args {
		if a.key != "" && !contains(known, a.key) {
			h.warnf(sc.start, fmt.Sprintf("%s: %s=%q is not supported and is left out", sc.name, a.key, a.val))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ref writes the target path as it is: the builder resolves it as a link.
func (h *hugo) ref(sc *shortcode) {
	target, _ := sc.get("path", 0)
	if strings.TrimSpace(target) == "" {
		h.errorf(sc.start, fmt.Sprintf("%s needs a path, like {{< %s \"page.md\" >}}", sc.tag(), sc.name))
		return
	}
	h.gen(target, sc.start)
}

// param writes the site param named by the first argument.
func (h *hugo) param(sc *shortcode) {
	name, _ := sc.get("", 0)
	if name == "" {
		h.errorf(sc.start, "{{< param >}} needs a name, like {{< param \"author\" >}}")
		return
	}
	v, ok := lookup(h.env.Params, name)
	if !ok {
		h.errorf(sc.start, fmt.Sprintf("param %q: no such site param", name))
		return
	}
	if v == nil {
		return
	}
	switch reflect.TypeOf(v).Kind() {
	case reflect.Map, reflect.Slice, reflect.Array, reflect.Struct:
		h.errorf(sc.start, fmt.Sprintf("param %q is a table or a list, not a single value", name))
		return
	}
	h.gen(fmt.Sprint(v), sc.start)
}

// lookup finds a dotted key ("a.b") in params, walking nested maps;
// each part matches exactly or else ignoring case.
func lookup(params map[string]any, key string) (any, bool) {
	var v any = params
	for part := range strings.SplitSeq(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[part]; ok {
			continue
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		found := false
		for _, k := range keys {
			if strings.EqualFold(k, part) {
				v, found = m[k], true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return v, true
}

// figure writes ![alt](src "caption") alone in its paragraph, which the
// Markdown renderer makes a <figure>.
func (h *hugo) figure(sc *shortcode) {
	h.ignoreArgs(sc, "src", "alt", "caption", "title", "link")
	src, _ := sc.get("src", -1)
	if src == "" {
		h.errorf(sc.start, "{{< figure >}} needs src=\"…\", the image's address")
		return
	}
	caption, _ := sc.get("caption", -1)
	if title, _ := sc.get("title", -1); title != "" {
		if caption != "" {
			caption = title + ": " + caption
		} else {
			caption = title
		}
	}
	alt, ok := sc.get("alt", -1)
	if !ok {
		alt = caption
	}
	img := "![" + escapeText(oneLine(alt)) + "](" + destination(src)
	if caption != "" {
		img += ` "` + strings.ReplaceAll(strings.ReplaceAll(oneLine(caption), `\`, `\\`), `"`, `\"`) + `"`
	}
	img += ")"
	if link, _ := sc.get("link", -1); link != "" {
		img = "[" + img + "](" + destination(link) + ")"
	}
	// A blank line before and after, in the same list item or blockquote.
	cont, marker, ok := h.w.container()
	switch {
	case !ok:
		h.gen("\n\n", sc.start)
		cont = ""
	case !marker && !h.w.prevBlank:
		h.gen("\n"+cont, sc.start)
	}
	h.gen(img, sc.start)
	blank := strings.TrimRight(cont, " \t")
	rest := restOfLine(h.in, sc.end)
	switch {
	case hasText(rest):
		h.gen("\n"+blank+"\n"+cont, sc.start)
	case sc.end+len(rest) < len(h.in) && !blankLineAt(h.in, sc.end+len(rest)+1):
		h.gen("\n"+blank, sc.start)
	}
}

// restOfLine returns in[p:] up to the end of its line.
func restOfLine(in []byte, p int) []byte {
	if j := bytes.IndexByte(in[p:], '\n'); j >= 0 {
		return in[p : p+j]
	}
	return in[p:]
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

var (
	textEscaper  = strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`)
	angleEscaper = strings.NewReplacer("<", "%3C", ">", "%3E")
)

// escapeText escapes what would end or start a link text.
func escapeText(s string) string { return textEscaper.Replace(s) }

// destination writes a link destination, in <…> when it has spaces or
// parentheses.
func destination(s string) string {
	s = oneLine(s)
	if strings.ContainsAny(s, " ()<>") {
		return "<" + angleEscaper.Replace(s) + ">"
	}
	return s
}

// openDetails starts a collapsed box: ::: spoiler {title="summary"}.
func (h *hugo) openDetails(sc *shortcode) {
	h.ignoreArgs(sc, "summary")
	line := "::: spoiler"
	if summary, _ := sc.get("summary", -1); summary != "" {
		line += " {title=" + attrValue(oneLine(summary)) + "}"
	}
	h.ownLine(line, sc.start, sc.end)
	if sc.selfClosing {
		h.closeFence(sc.start, sc.end)
		return
	}
	h.details = append(h.details, sc.start)
}

// closeFence writes the ::: that ends a box, on a line of its own.
func (h *hugo) closeFence(start, end int) { h.ownLine(":::", start, end) }

// ownLine writes s for the shortcode in[start:end] on a line of its own.
func (h *hugo) ownLine(s string, start, end int) {
	cont, _, ok := h.w.container()
	if !ok {
		h.gen("\n", start)
		cont = ""
	}
	h.gen(s, start)
	if hasText(restOfLine(h.in, end)) {
		h.gen("\n"+cont, start)
	}
}

// attrValue quotes s for a fenced div's attributes, whose values cannot
// hold their own quote.
func attrValue(s string) string {
	switch {
	case !strings.Contains(s, `"`):
		return `"` + s + `"`
	case !strings.Contains(s, `'`):
		return `'` + s + `'`
	}
	return `"` + strings.ReplaceAll(s, `"`, `'`) + `"`
}

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
			h.errorf(sc.start, "{{< highlight >}} is not closed: add {{< /highlight >}} after the code")
			return sc.end
		}
		body = h.in[sc.end:closeStart]
	}
	fence := strings.Repeat("`", max(3, longestRun(body, '`')+1))
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
	if hasText(restOfLine(h.in, closeEnd)) {
		h.gen("\n", closeStart)
	}
	return closeEnd
}

// findHighlightEnd returns the start and end of the next
// {{< /highlight >}} (or {{% /highlight %}}) at or after p, or -1, -1.
func (h *hugo) findHighlightEnd(p int) (int, int) {
	in := h.in
	return h.hlClose.next(p, func(q int) (int, int) {
		for {
			s, e := indexFrom(in, q, "/highlight")
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
