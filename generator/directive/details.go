package directive

import "strings"

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
	if hasText(h.restOfLine(end)) {
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
