package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// autoIDs reads kramdown's {:auto_ids} before a definition list (lessons
// written for Jekyll, such as older Carpentries glossaries, keep it): the
// marker goes, and each term of the list gets an id made from its text as
// a heading's is, so that links to #term lead to it. The marker may be a
// paragraph of its own or the line above the first term (then Pandoc and
// goldmark read it as a term); "\_" is the same as "_".
type autoIDs struct{}

func (autoIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if !bytes.Contains(src, []byte("{:auto")) {
		return
	}
	eachBlock(doc, func(b ast.Node) {
		switch n := b.(type) {
		case *ast.Paragraph:
			if list, ok := n.NextSibling().(*extast.DefinitionList); ok && isAutoIDs(n, src) {
				n.Parent().RemoveChild(n.Parent(), n)
				termIDs(list, src, pc)
			}
		case *extast.DefinitionList:
			if first, ok := n.FirstChild().(*extast.DefinitionTerm); ok && isAutoIDs(first, src) {
				n.RemoveChild(n, first)
				termIDs(n, src, pc)
			}
		}
	})
}

// isAutoIDs reports whether block n's text is {:auto_ids}.
func isAutoIDs(n ast.Node, src []byte) bool {
	if n.Lines().Len() != 1 {
		return false
	}
	seg := n.Lines().At(0)
	line := strings.TrimSpace(string(seg.Value(src)))
	return line == "{:auto_ids}" || line == `{:auto\_ids}`
}

// termIDs gives each term of list without an id one made from its text.
func termIDs(list *extast.DefinitionList, src []byte, pc parser.Context) {
	for c := list.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*extast.DefinitionTerm); !ok {
			continue
		}
		if _, has := c.AttributeString("id"); has {
			continue
		}
		c.SetAttributeString("id", pc.IDs().Generate([]byte(strings.TrimSpace(PlainText(src, c))), ast.KindHeading))
	}
}
