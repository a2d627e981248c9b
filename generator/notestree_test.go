package generator

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/markdown"
)

// TestNotesOnly cuts a page down to its headings and trainer notes, and
// keeps the blocks that hold them, in order.
func TestNotesOnly(t *testing.T) {
	src := []byte(`Lead paragraph.

## First {#first}

Some text with a [link](x.md).

- an item
- an item holding a note

  ::: instructor
  Note in a list, with **bold** text.
  :::

::: challenge
### Inside a challenge

A paragraph in the challenge.
:::

::: callout
Nothing to keep here.
:::

    indented code

::: facilitator
Top note.

- its own list
:::
`)
	md := markdown.New(false, nil)
	doc := notesOnly(md.Parse(src), map[string]bool{"instructor": true, "facilitator": true})
	got := outlineOf(src, doc)
	want := strings.Join([]string{
		"Heading(First)",
		"List",
		" ListItem",
		"  FencedDiv(instructor)",
		"   Paragraph",
		"FencedDiv(challenge)",
		" Heading(Inside a challenge)",
		"FencedDiv(facilitator)",
		" Paragraph",
		" List",
		"  ListItem",
		"   TextBlock",
	}, "\n")
	if got != want {
		t.Errorf("notesOnly left\n%s\nwant\n%s", got, want)
	}
}

// outlineOf lists a tree's blocks, one a line, indented by depth.
func outlineOf(src []byte, doc ast.Node) string {
	var lines []string
	depth := -1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() != ast.TypeBlock || n.Kind() == ast.KindDocument {
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		depth++
		line := strings.Repeat(" ", depth) + n.Kind().String()
		switch n := n.(type) {
		case *ast.Heading:
			line += fmt.Sprintf("(%s)", markdown.PlainText(src, n))
		case *markdown.FencedDiv:
			line += fmt.Sprintf("(%s)", n.Name)
		}
		lines = append(lines, line)
		return ast.WalkContinue, nil
	})
	return strings.Join(lines, "\n")
}
