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

// unknown is the message for a shortcode p2pc does not expand, with what
// to write instead: for one with src=, a Markdown image; for one used
// inside a line (text before it, or after it with no closing tag), plain
// text or a link; else a fenced div, of a neutral name when its own is
// one of p2pc's.
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
	res, _ := sc.get("", 0)
	switch {
	case sc.name == "imgproc" && res != "": // Docsy's: a picture of the page's folder, named without its extension
		return fmt.Sprintf("%s: write it as a Markdown image of the page's picture %s, such as ![caption](%s.jpg), or remove it", what, res, destination(res))
	case src != "": // an image of the theme's: {{< img src="…" >}}
		alt, _ := sc.get("alt", -1)
		return fmt.Sprintf("%s: write it as a Markdown image, ![%s](%s), or remove it", what, escapeText(oneLine(alt)), destination(src))
	case !atStart || hasText(rest) && !closesOnLine(rest, sc.name):
		return fmt.Sprintf("%s: it is inside a line of text; write what it shows as plain text or a link ([text](address)), or remove it", what)
	case sc.name == "mermaid":
		return fmt.Sprintf("%s: write the diagram's text as a ```mermaid code block (p2pc shows it as code: it loads no diagram script) or remove it", what)
	case OwnDiv(sc.name):
		return fmt.Sprintf("%s: write it as a fenced div ::: callout … ::: (or ::: %s-box … :::) or remove it; ::: %s is p2pc's own block and means something else", what, sc.name, sc.name)
	}
	// a shortcode in a folder, Docsy's blocks/cover, names no div: blocks-cover does
	return fmt.Sprintf("%s: write it as a fenced div (::: %s … :::) or remove it", what, strings.ReplaceAll(sc.name, "/", "-"))
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
