package lessonset

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"p2pc/generator/markdown"
)

// inlineMarks are the characters that may start inline Markdown; a title
// without any of them is already plain text.
const inlineMarks = "`*_\\&<[!~"

// titleMarkdown parses the inline Markdown of a title: only its text is
// kept, so no extension is needed.
var titleMarkdown = goldmark.New().Parser()

// PlainTitle is the text of a title written in inline Markdown (a
// SUMMARY.md link text or part title, as mdBook names the chapter; a
// Workbench episode's title, which sandpaper renders as Markdown): code spans keep their
// text, emphasis marks, escapes and raw HTML go, entities are decoded
// ("`code` *title*" gives "code title"). The title is parsed as a link's
// text, as it stands in SUMMARY.md, so that "1. Intro" or "# x" stays
// text and is not read as a list or a heading.
func PlainTitle(s string) string {
	if !strings.ContainsAny(s, inlineMarks) {
		return s
	}
	src := []byte("[" + s + "](x)")
	var link *ast.Link
	if para := titleMarkdown.Parse(text.NewReader(src)).FirstChild(); para != nil {
		link, _ = para.FirstChild().(*ast.Link)
	}
	if link == nil {
		return strings.TrimSpace(s)
	}
	t := strings.Join(strings.Fields(markdown.PlainText(src, link)), " ")
	if t == "" {
		return strings.TrimSpace(s)
	}
	return t
}
