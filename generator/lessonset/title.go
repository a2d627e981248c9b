package lessonset

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark"
)

// inlineMarks are the characters that may start inline Markdown; a title
// without any of them is already plain text.
const inlineMarks = "`*_\\&<[!~"

// titleMarkdown renders the inline Markdown of a title. Only its text is
// kept, so no extension is needed and raw HTML is dropped.
var titleMarkdown = goldmark.New()

// plainTitle is the text of a SUMMARY.md link text or part title written in
// inline Markdown, as mdBook names the chapter: code spans keep their
// text, emphasis marks, escapes and raw HTML go, entities are decoded
// ("`code` *title*" gives "code title"). The title is parsed as a link's
// text, as it stands in SUMMARY.md, so that "1. Intro" or "# x" stays
// text and is not read as a list or a heading.
func plainTitle(s string) string {
	if !strings.ContainsAny(s, inlineMarks) {
		return s
	}
	var out bytes.Buffer
	if err := titleMarkdown.Convert([]byte("["+s+"](x)"), &out); err != nil {
		return s
	}
	var b strings.Builder
	in := false
	for _, c := range out.String() { // goldmark escapes every < of the text: each one opens a tag
		switch {
		case c == '<':
			in = true
		case c == '>' && in:
			in = false
		case !in:
			b.WriteRune(c)
		}
	}
	t := strings.TrimSpace(html.UnescapeString(b.String()))
	if t == "" {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(t), " ")
}
