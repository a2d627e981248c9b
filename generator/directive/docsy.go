package directive

import (
	"cmp"
	"strconv"
	"strings"
)

// The shortcodes of Docsy, the theme most Hugo documentation sites use,
// written as p2pc's boxes:
//
//	{{% alert title="Note" color="warning" %}} … {{% /alert %}}
//	    ::: caution {title="Note"} … ::: (::: callout for the other colours)
//	{{< tabpane >}} {{% tab header="Linux" %}} … {{% /tab %}} … {{< /tabpane >}}
//	    ::: tab, each tab under a ### heading of its header
//
// A {{< tab >}} (not {{% tab %}}) holds code, as in Docsy, unless it or its
// tabpane says text=true: it becomes a code block in the language of the
// tab's or the tabpane's lang.

// openAlert opens a callout box, a caution box for warning and danger.
func (h *hugo) openAlert(sc *shortcode) {
	h.ignoreArgs(sc, "title", "color")
	line := "::: callout"
	switch color, _ := sc.get("color", -1); color {
	case "warning", "danger":
		line = "::: caution"
	}
	title, _ := sc.get("title", -1)
	h.openBox(sc, line+titleAttr(title), ":::")
}

// openTabpane opens a box of tabs.
func (h *hugo) openTabpane(sc *shortcode) {
	h.ignoreArgs(sc, "text", "lang", "langEqualsHeader", "persist", "right", "highlight")
	b := h.openBox(sc, "::: tab", ":::")
	if b == nil {
		return
	}
	b.lang, _ = sc.get("lang", -1)
	b.text = isTrue(sc, "text")
	b.langIsHeader = isTrue(sc, "langEqualsHeader")
}

// openTab starts a tab of the tabpane or tabs it is in.
func (h *hugo) openTab(sc *shortcode) {
	b := h.top()
	switch {
	case b != nil && b.name == "tabpane":
		h.openPaneTab(sc, b)
	case b != nil && b.name == "tabs":
		h.openTabsTab(sc, b)
	case sc.selfClosing || b != nil && b.name == "tab":
		h.report(sc.start, sc.tag()+" belongs inside {{< tabs >}} … {{< /tabs >}} or Docsy's {{< tabpane >}} … {{< /tabpane >}}")
	default: // Relearn's single tab, outside any tab: a box of tabs of its own
		h.ignoreArgs(sc, "title", "name", "style", "color", "icon")
		title, ok := sc.get("title", -1)
		if !ok {
			title, _ = sc.get("name", 0)
		}
		if h.openBox(sc, "::: tab", ":::") != nil {
			h.tabHeading(cmp.Or(oneLine(title), "Tab 1"), sc)
		}
	}
}

// openPaneTab starts a tab of Docsy's tabpane: its heading, and for a tab
// of code the code block's fence.
func (h *hugo) openPaneTab(sc *shortcode, pane *openBox) {
	h.ignoreArgs(sc, "header", "lang", "text", "highlight", "disabled", "right")
	pane.tabs++
	header, _ := sc.get("header", 0)
	if header = oneLine(header); header == "" {
		header = "Tab " + strconv.Itoa(pane.tabs)
	}
	h.tabHeading(header, sc)
	switch {
	case sc.selfClosing: // a label, such as a disabled tab's
		return
	case sc.delim == '%' || pane.text || isTrue(sc, "text"):
		h.openBox(sc, "", "")
		return
	}
	lang, _ := sc.get("lang", -1)
	if given, _ := sc.get("header", 0); lang == "" && pane.langIsHeader {
		lang = strings.ToLower(oneLine(given))
	}
	if lang == "" {
		lang = pane.lang
	}
	fence := codeFence(h.in[sc.end:h.tabEnd(sc.end)])
	h.openBox(sc, fence+strings.Map(infoRune, lang), fence)
}

// tabEnd is where the tab whose content starts at p ends: its closing
// shortcode, or the end of the input.
func (h *hugo) tabEnd(p int) int {
	if start, _ := h.findEnd(&h.tabClose, "/tab", p); start >= 0 {
		return start
	}
	return len(h.in)
}

// codeFence is a fence of backticks longer than any run of them in code.
func codeFence(code []byte) string {
	return strings.Repeat("`", max(3, longestRun(code, '`')+1))
}

// infoRune keeps a language name to what a fence's info string may hold.
func infoRune(r rune) rune {
	if r == '`' || r == ' ' || r == '\n' || r == '\t' {
		return -1
	}
	return r
}

// isTrue reports whether sc's named argument key is true.
func isTrue(sc *shortcode, key string) bool {
	v, _ := sc.get(key, -1)
	return v == "true"
}
