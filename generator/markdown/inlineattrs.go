package markdown

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// linkAttrParser reads Pandoc attributes written right after a link or a
// code span, as Workbench lessons write them: [the site](https://…){target="_blank"},
// `ls -l`{.bash}. The id and classes go on the <a> or <code>; target and
// rel are left out without a word (every link opens where the reader's
// browser opens it); other keys are left out with a warning. A brace that
// does not open a well-formed block stays text.
type linkAttrParser struct{}

func (linkAttrParser) Trigger() []byte { return []byte{'{'} }

func (linkAttrParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	last := parent.LastChild()
	var what string
	var ends func(c byte) bool
	switch last.(type) {
	case *ast.Link:
		what, ends = "link", func(c byte) bool { return c == ')' || c == ']' }
	case *ast.CodeSpan:
		what, ends = "code", func(c byte) bool { return c == '`' }
	default:
		return nil
	}
	a, offset, ok := attrsAfter(parent, block, pc, ends)
	if !ok {
		return nil
	}
	if a.ID != "" {
		last.SetAttributeString("id", []byte(a.ID))
	}
	if len(a.Classes) > 0 {
		last.SetAttributeString("class", []byte(strings.Join(a.Classes, " ")))
	}
	for _, at := range a.Attrs {
		if key := strings.ToLower(at.Key); key != "target" && key != "rel" {
			warn(pc, offset, fmt.Sprintf("dropped %s=%q after the %s: only #id and .class are kept", at.Key, shorten(at.Value, 40), what))
		}
	}
	return last // re-appended where it is; the block leaves no node of its own
}
