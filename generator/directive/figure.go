package directive

import "strings"

// figure writes ![alt](src "caption") alone in its paragraph, which the
// Markdown renderer makes a <figure>.
func (h *hugo) figure(sc *shortcode) {
	h.ignoreArgs(sc, "src", "alt", "caption", "title", "link")
	src, _ := sc.get("src", -1)
	if src == "" {
		h.report(sc.start, "{{< figure >}} needs src=\"…\", the image's address")
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
	rest := h.restOfLine(sc.end)
	switch {
	case hasText(rest):
		h.gen("\n"+blank+"\n"+cont, sc.start)
	case sc.end+len(rest) < len(h.in) && !blankLineAt(h.in, sc.end+len(rest)+1):
		h.gen("\n"+blank, sc.start)
	}
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
