package directive

import (
	"fmt"
	"html"
	"slices"
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
		h.report(k, msg)
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
	case "param", "siteparam":
		h.param(&sc)
	case "children", "toc-tree":
		// Relearn's and Geekdoc's list of a section's pages: a module's page lists them
	case "toc":
		// hugo-book's and Geekdoc's table of contents: a lesson's layout shows one
	case "columns":
		h.openColumns(&sc)
	case "katex":
		return h.katex(&sc)
	case "card":
		_, link := sc.get("link", -1)
		switch code, _ := sc.get("code", -1); {
		case link:
			h.linkCard(&sc) // Hextra's, self-closing
		case code == "true" && !sc.selfClosing:
			return h.codeCard(&sc) // Docsy's, of code
		default:
			h.openCard(&sc) // hugo-book's or Docsy's, holding its text
		}
	case "steps", "cards", "cardpane":
		h.openPlain(&sc)
	case "hextra/hero-badge", "hextra/hero-headline", "hextra/hero-subtitle", "hextra/feature-grid":
		h.openHero(&sc)
	case "hextra/hero-button":
		h.heroButton(&sc)
	case "hextra/feature-card":
		h.featureCard(&sc)
	case "callout":
		h.openCallout(&sc)
	case "pageinfo":
		h.ignoreArgs(&sc, "color")
		h.openBox(&sc, "::: callout", ":::") // Docsy's box of notes about the page
	case "figure":
		h.figure(&sc)
	case "details":
		h.openDetails(&sc)
	case "alert":
		h.openAlert(&sc)
	case "tabpane":
		h.openTabpane(&sc)
	case "tab":
		h.openTab(&sc)
	case "hint":
		h.openHint(&sc)
	case "notice":
		h.openNotice(&sc)
	case "expand":
		h.openExpand(&sc)
	case "tabs":
		h.openTabs(&sc)
	case "button":
		h.button(&sc)
	case "badge":
		h.badge(&sc)
	case "highlight":
		return h.highlight(&sc)
	case "mermaid":
		if !sc.selfClosing {
			h.warn(k, fmt.Sprintf("%s: shown as its text in a ```mermaid code block: p2pc draws no diagrams (it loads no diagram script)", sc.tag()))
			return h.codeBlock(&sc, "mermaid", &h.mmClose, "", "")
		}
		h.unknownShortcode(k, &sc)
	case "code-toggle":
		if lang, ok := h.toggleLanguage(&sc); ok {
			return h.codeBlock(&sc, lang, &h.ctClose, "", "")
		}
		h.unknownShortcode(k, &sc)
	case "youtube", "vimeo":
		h.video(&sc)
	case "gist", "instagram", "tweet", "x":
		h.post(&sc)
	case "include", "readfile":
		h.include(&sc)
	case "filetree/container":
		return h.fileTree(&sc)
	case "icon":
		// Hextra's and Geekdoc's icon: decoration, left out
	default:
		if h.docsyBlock(&sc) {
			break
		}
		h.unknownShortcode(k, &sc)
	}
	return sc.end
}

// unknownShortcode leaves out the tags of a shortcode p2pc does not
// expand, with a warning: the text between a paired one's tags stays, as
// Markdown, and one with src= (a theme's or the site's image) is shown as
// a Markdown image where it stands. The lesson set is another tool's,
// whose site runs templates p2pc does not: the build goes on.
func (h *hugo) unknownShortcode(k int, sc *shortcode) {
	h.warn(k, h.unknown(sc))
	if img := h.srcImage(sc); img != "" {
		h.gen(img, k)
	}
	if !sc.selfClosing {
		h.open[sc.name]++
	}
}

// srcImage is the image a shortcode p2pc does not expand with src= is
// shown as, or "" for one without: a Markdown image ![alt](src), or inside
// raw HTML, where Markdown is not read, <img src alt> (whose src the
// builder checks and rewrites as a Markdown image's).
func (h *hugo) srcImage(sc *shortcode) string {
	src, _ := sc.get("src", -1)
	if src == "" {
		return ""
	}
	alt, _ := sc.get("alt", -1)
	if h.inRawHTML(sc.start) {
		return `<img src="` + html.EscapeString(strings.TrimSpace(src)) + `" alt="` + html.EscapeString(oneLine(alt)) + `">`
	}
	return "![" + escapeText(oneLine(alt)) + "](" + destination(src) + ")"
}

func (h *hugo) closing(sc *shortcode) {
	switch sc.name {
	case "hextra/hero-badge", "hextra/hero-headline", "hextra/hero-subtitle", "hextra/feature-grid":
		if b := h.top(); b != nil && b.name == sc.name { // else it opened in raw HTML, as no box
			h.closeBox(*b, sc.start, sc.end)
			h.boxes = h.boxes[:len(h.boxes)-1]
			return
		}
		h.closeUnknown(sc)
	case "details", "alert", "tabpane", "tab", "hint", "notice", "expand", "tabs", "button", "badge", "columns", "steps", "card", "cards", "cardpane", "callout", "pageinfo",
		"blocks/cover", "blocks/lead", "blocks/section", "blocks/feature":
		b := h.top()
		if b == nil || b.name != sc.name {
			h.report(sc.start, fmt.Sprintf("%s closes no %s", tag(sc.delim, "/"+sc.name), tag(sc.delim, sc.name)))
			return
		}
		h.closeBox(*b, sc.start, sc.end) // open still: its lines keep its indent
		h.boxes = h.boxes[:len(h.boxes)-1]
	case "ref", "relref", "param", "siteparam", "children", "toc-tree", "toc", "figure", "highlight", "youtube", "vimeo", "gist", "instagram", "tweet", "x", "katex", "include", "readfile", "blocks/link-down", "icon", "filetree/container":
		h.report(sc.start, fmt.Sprintf("{{< /%s >}} closes nothing: remove it", sc.name))
	default:
		h.closeUnknown(sc)
	}
}

// closeUnknown closes a shortcode whose tags p2pc leaves out.
func (h *hugo) closeUnknown(sc *shortcode) {
	if h.open[sc.name] == 0 {
		h.report(sc.start, fmt.Sprintf("{{< /%s >}} closes no %s", sc.name, tag(sc.delim, sc.name)))
		return
	}
	h.open[sc.name]--
}

// ignoreArgs warns of the named arguments of sc not in known.
func (h *hugo) ignoreArgs(sc *shortcode, known ...string) {
	for _, a := range sc.args {
		if a.key != "" && !slices.Contains(known, a.key) {
			h.warn(sc.start, fmt.Sprintf("%s: %s=%q is not supported and is left out", sc.name, a.key, a.val))
		}
	}
}

// ref writes the target path as it is: the builder resolves it as a link.
func (h *hugo) ref(sc *shortcode) {
	target, _ := sc.get("path", 0)
	if strings.TrimSpace(target) == "" {
		h.report(sc.start, fmt.Sprintf("%s needs a path, like {{< %s \"page.md\" >}}", sc.tag(), sc.name))
		return
	}
	h.gen(target, sc.start)
}

// restOfLine returns the input from p to the end of its line.
func (h *hugo) restOfLine(p int) []byte {
	e, _ := h.newline.next(p, func(p int) (int, int) { return indexFrom(h.in, p, "\n") })
	if e < 0 {
		return h.in[p:]
	}
	return h.in[p:e]
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
