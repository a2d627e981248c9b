package markdown

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindFencedDiv is the ast.NodeKind of a FencedDiv.
var KindFencedDiv = ast.NewNodeKind("FencedDiv")

// FencedDiv is a Pandoc-style fenced div: a line of three or more colons with
// a name and optional {attributes} opens it, a bare line of colons closes it.
type FencedDiv struct {
	ast.BaseBlock
	Name    string
	ID      string
	Classes []string
	Attrs   []Attr // key=value pairs in source order
	Offset  int    // byte offset of the opening line in the source
	Closed  bool   // false when the document ended before the closing fence
	AttrErr string // a message when the {attributes} could not be parsed
}

// Attr is one key=value attribute of a fenced div.
type Attr struct{ Key, Value string }

// Kind implements ast.Node.
func (n *FencedDiv) Kind() ast.NodeKind { return KindFencedDiv }

// Dump implements ast.Node.
func (n *FencedDiv) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name, "ID": n.ID}, nil)
}

// Attr returns the value of the attribute key and whether it was given.
func (n *FencedDiv) Attr(key string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Key == key {
			return a.Value, true
		}
	}
	return "", false
}

var openFence = regexp.MustCompile(`^(:{3,})[ \t]*([A-Za-z][\w-]*)?[ \t]*(\{.*\})?[ \t]*\r?\n?$`)

type fencedDivParser struct{}

func (fencedDivParser) Trigger() []byte { return []byte{':'} }

func (fencedDivParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	m := openFence.FindSubmatch(line[pos:])
	if m == nil || (len(m[2]) == 0 && len(m[3]) == 0) {
		return nil, parser.NoChildren
	}
	n := &FencedDiv{Name: string(m[2]), Offset: segment.Start + pos}
	if len(m[3]) > 0 {
		if err := parseAttributes(string(m[3]), n); err != nil {
			n.AttrErr = err.Error()
		}
	}
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

func (fencedDivParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if !isCloseFence(line) || !innermostOpenDiv(node, pc) {
		return parser.Continue | parser.HasChildren
	}
	reader.AdvanceToEOL()
	node.(*FencedDiv).Closed = true
	return parser.Close
}

// innermostOpenDiv reports whether node is the deepest open fenced div and
// no code block is open inside it, so a bare fence line belongs to it.
func innermostOpenDiv(node ast.Node, pc parser.Context) bool {
	open := pc.OpenedBlocks()
	seen := false
	for _, b := range open {
		if b.Node == node {
			seen = true
			continue
		}
		if !seen {
			continue
		}
		switch b.Node.Kind() {
		case KindFencedDiv, ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			return false
		}
	}
	return true
}

func isCloseFence(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) < 3 {
		return false
	}
	for _, c := range t {
		if c != ':' {
			return false
		}
	}
	return true
}

func (fencedDivParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (fencedDivParser) CanInterruptParagraph() bool                                { return true }
func (fencedDivParser) CanAcceptIndentedLine() bool                                { return false }

// parseAttributes reads `{.class #id key=value key="quoted value"}` into n.
func parseAttributes(s string, n *FencedDiv) error {
	s = s[1 : len(s)-1]
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return nil
		}
		start := i
		for i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '=' {
			i++
		}
		word := s[start:i]
		switch {
		case word == "":
			return fmt.Errorf("attribute with no name before %q", s[i:])
		case word[0] == '.' && i < len(s) && s[i] == '=':
			return fmt.Errorf("attribute %q: a class takes no value", word)
		case word[0] == '.':
			if len(word) == 1 {
				return fmt.Errorf("empty class name in attributes")
			}
			n.Classes = append(n.Classes, word[1:])
		case word[0] == '#':
			if len(word) == 1 {
				return fmt.Errorf("empty id in attributes")
			}
			n.ID = word[1:]
		case i < len(s) && s[i] == '=':
			i++
			var value string
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				q := s[i]
				end := bytes.IndexByte([]byte(s[i+1:]), q)
				if end < 0 {
					return fmt.Errorf("attribute %s: missing closing quote", word)
				}
				value = s[i+1 : i+1+end]
				i += end + 2
			} else {
				vs := i
				for i < len(s) && s[i] != ' ' && s[i] != '\t' {
					i++
				}
				value = s[vs:i]
			}
			n.Attrs = append(n.Attrs, Attr{word, value})
		default:
			return fmt.Errorf("attribute %q: write .class, #id or key=value", word)
		}
	}
}
