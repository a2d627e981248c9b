package directive

import (
	"cmp"
	"strings"
)

// openDetails starts a collapsed box: ::: spoiler {title="summary"}. The
// summary is Hugo's summary=, else hugo-book's title= or first positional
// argument ({{< details "Title" open >}}).
func (h *hugo) openDetails(sc *shortcode) {
	h.ignoreArgs(sc, "summary", "title", "open")
	summary, ok := sc.get("summary", -1)
	if !ok {
		summary, _ = sc.get("title", 0)
	}
	attrs := titleAttr(summary)
	if open, _ := sc.get("", 1); open == "open" || isTrue(sc, "open") { // hugo-book's and Geekdoc's
		if attrs == "" {
			attrs = " {.open}"
		} else {
			attrs = strings.TrimSuffix(attrs, "}") + " .open}"
		}
	}
	h.openBox(sc, "::: spoiler"+attrs, ":::")
}

// titleAttr is the attributes {title="s"} of a fenced div, or "" for no title.
func titleAttr(s string) string {
	if s = oneLine(s); s == "" {
		return ""
	}
	return " {title=" + attrValue(s) + "}"
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
	// langIsHeader: a tabpane's tabs of code are in the language their
	// header names (Docsy's langEqualsHeader=true)
	langIsHeader bool
	tabs         int
	// items are the names of a tabs box's tabs, in order (Hextra's items=)
	items []string
	// indent is the prefix of the list item or blockquote the box opened
	// in, which the lines copied into it get (see copyTo)
	indent string
	// inline: the box is text inside a line, such as a link's brackets,
	// and end is written where the closing tag stands
	inline bool
}

// openBox writes line, which opens sc's box, and keeps the box open until
// its closing tag writes end (at once when sc closes itself). It returns
// the box, while it is open.
func (h *hugo) openBox(sc *shortcode, line, end string) *openBox {
	indent, _, _ := h.w.container()
	if indent == "" {
		indent = h.boxIndent()
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
	return h.top()
}

// top is the innermost open box, or nil.
func (h *hugo) top() *openBox {
	if n := len(h.boxes); n > 0 {
		return &h.boxes[n-1]
	}
	return nil
}

// boxIndent is the indent of the innermost open box, "" when none is open.
func (h *hugo) boxIndent() string {
	if b := h.top(); b != nil {
		return b.indent
	}
	return ""
}

// closeBox writes what closes b, on lines of its own, for the closing
// shortcode in[start:end].
func (h *hugo) closeBox(b openBox, start, end int) {
	switch {
	case b.end == "":
	case b.inline:
		h.text(b.end, start)
	default:
		h.ownLine(b.end, start, end)
	}
}

// openInline writes open for sc and keeps sc open until its closing tag,
// which writes end where it stands: text inside a line, such as a link.
func (h *hugo) openInline(sc *shortcode, open, end string) {
	h.text(open, sc.start)
	if sc.selfClosing {
		h.text(end, sc.start)
		return
	}
	// the lines it spans are the line's own: they keep their container's indent, if any
	h.boxes = append(h.boxes, openBox{name: sc.name, delim: sc.delim, start: sc.start, end: end, indent: h.boxIndent(), inline: true})
}

// text writes s, text made for the shortcode at off inside a line; at the
// start of a line in a box opened in a list item or a blockquote, after
// the box's indent, as copyTo does for the box's own lines.
func (h *hugo) text(s string, off int) {
	if s != "" && !h.w.midLine {
		h.gen(h.boxIndent(), off)
	}
	h.gen(s, off)
}

// ownLine writes s for the shortcode in[start:end] on a line of its own.
func (h *hugo) ownLine(s string, start, end int) {
	cont, _, ok := h.w.container()
	indent := h.boxIndent() // a line of its own in the box's container
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

// ownBlock writes block, lines that make one block (a fenced code block),
// for the shortcode in[start:end] on lines of its own, each in the
// containers (list items, quotes) the shortcode stands in, even after text
// on its line: "- Run: {{< include file="a.sh" lang="sh" >}}" gives the
// list item the block.
func (h *hugo) ownBlock(block string, start, end int) {
	cont, _, ok := h.w.container()
	indent := h.boxIndent()
	switch {
	case !ok:
		cont = cmp.Or(h.w.lead(), indent)
		h.gen("\n"+cont, start)
	case cont == "" && indent != "" && !h.w.midLine:
		h.gen(indent, start)
		cont = indent
	}
	h.gen(strings.ReplaceAll(block, "\n", "\n"+cont), start)
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
