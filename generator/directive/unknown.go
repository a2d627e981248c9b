package directive

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// ownDivs are the fenced-div names p2pc's built-in features give a meaning
// to (package builtin's test keeps the list whole): a shortcode of one of
// these names must not be rewritten as that div.
var ownDivs = []string{
	"agenda", "callout", "card", "caution", "challenge", "checklist", "coaching-log",
	"deck", "discussion", "explanation", "facilitator", "group-tab", "hint", "instructor",
	"keypoints", "model-answer", "objectives", "prereq", "question", "questions",
	"solution", "spoiler", "tab", "testimonial", "worksheet",
}

// OwnDiv reports whether name is a fenced div of p2pc's own, such as hint
// (a collapsed "Show hint") or card (a flashcard).
func OwnDiv(name string) bool { return slices.Contains(ownDivs, name) }

// unknown is the warning for a shortcode p2pc does not expand: what it
// shows instead, and what to write for more. One with src= is shown as a
// Markdown image; any other is left out, a paired one's text kept. The
// advice for one used inside a line (text before it, or after it with no
// closing tag) is plain text or a link; else a fenced div, of a neutral
// name when its own is one of p2pc's.
//
// A shortcode the site defines (see Env.SiteShortcodes) is named with its
// template, which p2pc does not run.
func (h *hugo) unknown(sc *shortcode) string {
	_, _, atStart := h.w.container()
	rest := h.restOfLine(sc.end)
	src, _ := sc.get("src", -1)
	what := fmt.Sprintf("unknown shortcode %q", sc.name)
	if tmpl := siteShortcode(h.env.SiteShortcodes, sc.name); tmpl != "" {
		what = fmt.Sprintf("shortcode %q is the site's own (%s), a Hugo template p2pc does not run", sc.name, tmpl)
	}
	shown := "p2pc leaves its tags out" // and keeps the text between a paired one's
	res, _ := sc.get("", 0)
	switch {
	case src != "": // an image of the theme's: {{< img src="…" >}}
		if img := h.srcImage(sc); strings.HasPrefix(img, "<") {
			return fmt.Sprintf("%s: shown as the HTML image %s (it is inside raw HTML, where Markdown is not read)", what, img)
		}
		return fmt.Sprintf("%s: shown as the Markdown image %s", what, h.srcImage(sc))
	case sc.name == "imgproc" && res != "": // Docsy's: a picture of the page's folder, named without its extension
		return fmt.Sprintf("%s: %s; to show the page's picture %s, write a Markdown image such as ![caption](%s.jpg)", what, shown, res, destination(res))
	case !atStart || hasText(rest) && !closesOnLine(rest, sc.name):
		return fmt.Sprintf("%s: %s; it is inside a line of text: to show what it shows, write that as plain text or a link ([text](address))", what, shown)
	case sc.name == "mermaid":
		return fmt.Sprintf("%s: %s; for the diagram's text, write it in a ```mermaid code block (p2pc draws no diagrams)", what, shown)
	case OwnDiv(sc.name):
		return fmt.Sprintf("%s: %s; for a box, write a fenced div ::: callout … ::: (or ::: %s-box … :::): ::: %s is p2pc's own block and means something else", what, shown, sc.name, sc.name)
	}
	// a shortcode in a folder, Docsy's blocks/cover, names no div: blocks-cover does
	return fmt.Sprintf("%s: %s; for a box, write it as a fenced div (::: %s … :::)", what, shown, strings.ReplaceAll(sc.name, "/", "-"))
}

// siteShortcode is the template of the shortcode name in list (see
// Env.SiteShortcodes), or "".
func siteShortcode(list, name string) string {
	for line := range strings.Lines(list) {
		if n, tmpl, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t"); ok && n == name {
			return tmpl
		}
	}
	return ""
}

// lookAhead bounds how far into the rest of a line a closing tag is looked
// for, so that many shortcodes on one long line take linear time.
const lookAhead = 1024

// closesOnLine reports whether the closing tag of the shortcode name,
// {{< /name >}} or {{% /name %}}, is in the first lookAhead bytes of rest.
func closesOnLine(rest []byte, name string) bool {
	rest = rest[:min(len(rest), lookAhead)]
	for p := 0; ; p += 2 {
		i := bytes.Index(rest[p:], []byte("{{"))
		if i < 0 {
			return false
		}
		p += i
		if p+2 >= len(rest) || (rest[p+2] != '<' && rest[p+2] != '%') {
			continue
		}
		closer := ">}}"
		if rest[p+2] == '%' {
			closer = "%}}"
		}
		q := skipBlank(rest, p+3)
		if !hasPrefixAt(rest, q, "/") {
			continue
		}
		q = skipBlank(rest, q+1)
		if hasPrefixAt(rest, q, name) && hasPrefixAt(rest, skipBlank(rest, q+len(name)), closer) {
			return true
		}
	}
}
