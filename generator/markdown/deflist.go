package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// indentedDefinitions is one of goldmark's definition list parsers that
// also takes a definition whose colon is indented by one or two spaces,
// as Pandoc and mdBook allow:
//
//	term A
//	  : The definition.
//
// goldmark's parsers take only a colon at the start of the block, and the
// indented ones were printed as paragraphs starting with ": ". The list
// parser is told the indentation is zero and reads the rest as it is, so
// the list's Offset (where its lines' text starts) counts from the start
// of the line, as it must for the next "  :" line to end the description
// before it. The description parser, which reads from the reader's
// position and from the colon's, gets the line from the colon on and the
// Offset counted from there.
type indentedDefinitions struct {
	parser.BlockParser
	description bool
}

func (p indentedDefinitions) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	indent, offset := pc.BlockIndent(), pc.BlockOffset()
	if indent <= 0 || indent > 2 || offset <= 0 {
		return p.BlockParser.Open(parent, reader, pc)
	}
	defer pc.SetBlockOffset(offset)
	defer pc.SetBlockIndent(indent)
	pc.SetBlockIndent(0)
	list, _ := parent.(*extast.DefinitionList)
	if !p.description || list == nil {
		return p.BlockParser.Open(parent, reader, pc)
	}
	line, pos := reader.Position()
	reader.Advance(offset)
	pc.SetBlockOffset(0)
	list.Offset -= offset
	n, state := p.BlockParser.Open(parent, reader, pc)
	list.Offset += offset
	if n == nil {
		reader.SetPosition(line, pos)
	}
	return n, state
}

// definitionListParsers are goldmark's definition list parsers, at the
// priorities extension.DefinitionList gives them, taking indented colons.
func definitionListParsers() []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(indentedDefinitions{extension.NewDefinitionListParser(), false}, 101),
		util.Prioritized(indentedDefinitions{extension.NewDefinitionDescriptionParser(), true}, 102),
	}
}
