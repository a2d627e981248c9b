package directive

import "strings"

// openDetails starts a collapsed box: ::: spoiler {title="summary"}.
func (h *hugo) openDetails(sc *shortcode) {
	h.ignoreArgs(sc, "summary")
	line := "::: spoiler"
	if summary, _ := sc.get("summary", -1); summary != "" {
		line += " {title=" + attrValue(oneLine(summary)) + "}"
	}
	h.openBox(sc, line, ":::")
}

// openBox is a shortcode written as a fenced div, open until its closing
// tag: the text it ends with (a fence, and for a tab of code the code's).
type openBox struct {
	name  string
	delim byte
	start int
	end   string // the line that closes it; "" for none
	// a tabpane's: its tabs' language and whether they are text, and how
	// many tabs it has had
	lang string
	text bool
	tabs int
	// indent is the prefix of the list item or blockquote the box opened
	// in, which the lines copied into it get (see copyTo)
	indent string
}

// openBox writes line, which opens sc's box, and keeps the box open until
// its closing tag writes end (at once when sc closes itself). It returns
// the box, while it is open.
func (h *hugo) openBox(sc *shortcode, line, end string) *openBox {
	indent, _, _ := h.w.container()
	if n := len(h.boxes); indent == "" && n > 0 {
		indent = h.boxes[n-1].indent
	}
	if line != "" {
		h.ownLine(line, sc.start, sc.end)
	}
	b := openBox{name: sc.name, delim: sc.delim, start: sc.start, end: end, indent: indent}
	if sc.selfClosing {
		h.closeBox(b, sc.start, sc.end)
		return nil
	}
	h.boxes = append(h.boxes, b)
	return &h.boxes[len(h.boxes)-1]
}

// closeBox writes what closes b, on lines of its own, for the closing
// shortcode in[start:end].
func (h *hugo) closeBox(b openBox, start, end int) {
	if b.end != "" {
		h.ownLine(b.end, start, end)
	}
}

// ownLine writes s for the shortcode in[start:end] on a line of its own.
func (h *hugo) ownLine(s string, start, end int) {
	cont, _, ok := h.w.container()
	indent := ""
	if n := len(h.boxes); n > 0 {
		indent = h.boxes[n-1].indent // a line of its own in the box's container
	}
	switch {
	case !ok:
		h.gen("\n"+indent, start)
		cont = indent
	case cont == "" && indent != "" && !h.w.midLine:
		h.gen(indent, start)
		cont = indent
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
