package directive

import "strings"

// figure writes ![caption](src){alt="alt"} (![alt](src) without a caption)
// alone in its paragraph, which the Markdown renderer makes a <figure>
// whose caption is Markdown; with a link, [![alt](src "caption")](link).
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
		alt = markupless.Replace(caption)
	}
	link, _ := sc.get("link", -1)
	img := "![" + escapeText(oneLine(alt)) + "](" + destination(src)
	switch {
	case caption != "" && link == "":
		// The caption is Markdown, as in Hugo: between the brackets, with
		// the alt text after ({alt=…}), which the renderer makes a figure.
		img = "![" + bracketEscaper.Replace(oneLine(caption)) + "](" + destination(src) + "){alt=" + attrValue(oneLine(alt)) + "}"
	case caption != "": // the image of a link: its title
		img += ` "` + strings.ReplaceAll(strings.ReplaceAll(oneLine(caption), `\`, `\\`), `"`, `\"`) + `")`
	default:
		img += ")"
	}
	if link != "" {
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
	textEscaper    = strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`)
	bracketEscaper = strings.NewReplacer(`[`, `\[`, `]`, `\]`)
	// markupless drops the marks of emphasis and code from a caption
	// written in Markdown, for the alt text
	markupless   = strings.NewReplacer("*", "", "`", "", "_", "")
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
