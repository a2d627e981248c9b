package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Section is one headed part of a page's text: Anchor is the heading's id
// ("" for the text before the first heading).
type Section struct{ Anchor, Heading, Text string }

// Sections splits a document's plain text at its ## and ### headings that
// are not inside a fenced div, leaving out the divs skip names. The first
// section holds lead (such as a summary) and the text before the first
// such heading.
func Sections(src []byte, doc ast.Node, skip map[string]bool, lead string) []Section {
	secs := []Section{{Text: lead}}
	var text strings.Builder
	flush := func() {
		last := &secs[len(secs)-1]
		last.Text = strings.TrimSpace(last.Text + " " + text.String())
		text.Reset()
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *FencedDiv:
			if skip[n.Name] {
				return ast.WalkSkipChildren, nil
			}
		case *ast.Heading:
			if (n.Level == 2 || n.Level == 3) && !InsideDiv(n) {
				flush()
				id, _ := n.AttributeString("id")
				idBytes, _ := id.([]byte)
				secs = append(secs, Section{Anchor: string(idBytes), Heading: PlainText(src, n)})
				return ast.WalkSkipChildren, nil
			}
		case *ast.Text:
			writeShownText(&text, src, n)
			if n.SoftLineBreak() || n.HardLineBreak() {
				text.WriteByte(' ')
			}
		case *ast.String:
			text.WriteString(html.UnescapeString(string(n.Value)))
		}
		if n.Type() == ast.TypeBlock {
			text.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	flush()
	return secs
}

// InsideDiv reports whether n is inside a fenced div (a card's or a
// question's heading is not one of the page's sections).
func InsideDiv(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*FencedDiv); ok {
			return true
		}
	}
	return false
}
