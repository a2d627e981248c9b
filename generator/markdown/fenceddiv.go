package markdown

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindFencedDiv is the ast.NodeKind of a FencedDiv.
var KindFencedDiv = ast.NewNodeKind("FencedDiv")

// FencedDiv is a Pandoc-style fenced div: a line of three or more colons with
// a name and optional {attributes} opens it, a bare line of colons closes it.
// Without a name, the first class of the attributes is the name, as in
// Pandoc: "::: {.challenge #c1}" is "::: challenge {#c1}".
type FencedDiv struct {
	ast.BaseBlock
	Name    string
	ID      string
	Classes []string
	Attrs   []Attr // key=value pairs in source order
	Offset  int    // byte offset of the opening line in the source, or MadeOffset
	Closed  bool   // false when the document ended before the closing fence
	AttrErr string // a message when the {attributes} could not be parsed

	depth   int // fenced divs that hold this one, itself included
	dropped int // too-deep divs opened in this one whose closing fences are still to come
}

// MadeOffset is the Offset of a div that a renderer made in the tree around
// part of another's content (a collapsed part's summary): it has no line in
// the source, and a renderer that does not know it draws only its content.
const MadeOffset = -1

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

// fencedDivParser parses fenced divs.
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
		return closeDroppedDiv(parent, line[pos:], reader)
	}
	offset := segment.Start + pos
	outer := enclosingDiv(parent)
	depth := 1
	if outer != nil {
		depth = outer.depth + 1
	}
	if outer != nil && (outer.dropped > 0 || depth > MaxDivDepth) {
		if outer.dropped == 0 {
			addProblem(parent, offset, fmt.Sprintf(
				"fenced divs nest %d deep here; the limit is %d: close some before opening more",
				depth, MaxDivDepth))
		}
		return dropDiv(outer, reader)
	}
	if d := blockDepth(parent, MaxBlockDepth); d >= MaxBlockDepth {
		addProblem(parent, offset, fmt.Sprintf(
			"quotes, lists and fenced divs nest %d deep here; the limit is %d: close some before opening more",
			d+1, MaxBlockDepth))
		if outer != nil {
			return dropDiv(outer, reader)
		}
		return parser.NewParagraphParser().Open(parent, reader, pc)
	}
	n := &FencedDiv{Name: string(m[2]), Offset: offset, depth: depth}
	if len(m[3]) > 0 {
		if err := parseAttributes(string(m[3]), n); err != nil {
			n.AttrErr = err.Error()
		}
	}
	if n.Name == "" && len(n.Classes) > 0 { // Pandoc's "::: {.challenge}" is "::: challenge"
		n.Name, n.Classes = n.Classes[0], n.Classes[1:]
	}
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

// droppedFence is the line of a fence left out: the opening fence of a div
// nested too deep, or its closing fence. It is taken out of the tree when
// it closes, at the end of its line.
type droppedFence struct{ ast.BaseBlock }

var kindDroppedFence = ast.NewNodeKind("DroppedFence")

func (n *droppedFence) Kind() ast.NodeKind { return kindDroppedFence }

func (n *droppedFence) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// dropDiv leaves out the opening fence of a div nested too deep inside
// outer: outer keeps what the div holds and will leave out its closing
// fence too.
func dropDiv(outer *FencedDiv, reader text.Reader) (ast.Node, parser.State) {
	outer.dropped++
	reader.AdvanceToEOL()
	return &droppedFence{}, parser.NoChildren
}

// closeDroppedDiv leaves out a bare fence line that closes a div dropped
// by dropDiv.
func closeDroppedDiv(parent ast.Node, line []byte, reader text.Reader) (ast.Node, parser.State) {
	outer := enclosingDiv(parent)
	if outer == nil || outer.dropped == 0 || !isCloseFence(line) {
		return nil, parser.NoChildren
	}
	outer.dropped--
	reader.AdvanceToEOL()
	return &droppedFence{}, parser.NoChildren
}

// enclosingDiv returns the innermost fenced div that holds n or is n.
func enclosingDiv(n ast.Node) *FencedDiv {
	for ; n != nil; n = n.Parent() {
		if d, ok := n.(*FencedDiv); ok {
			return d
		}
	}
	return nil
}

func (fencedDivParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	switch n := node.(type) {
	case *droppedFence:
		return parser.Close
	case *FencedDiv:
		line, _ := reader.PeekLine()
		if n.dropped > 0 || !innermostOpenDiv(node, reader, pc) || !isCloseFence(line) {
			// A closing fence of a dropped div is left to Open.
			return parser.Continue | parser.HasChildren
		}
		reader.AdvanceToEOL()
		n.Closed = true
	}
	return parser.Close
}

// innermostKey holds the innermost open fenced div of the line being read.
var innermostKey = parser.NewContextKey()

type innermost struct {
	line int
	div  ast.Node
	// code is the last indented code block asked about, its text at
	// column codeCol (see codeGoesOn)
	code    ast.Node
	codeCol int
}

// innermostOpenDiv reports whether node is the deepest open fenced div and
// no code block is open inside it, so a bare fence line belongs to it.
// goldmark asks every open div about every line; the answer is found once
// a line, by one look at the open blocks from the innermost out, so that a
// line costs as much as its depth, not its depth squared.
func innermostOpenDiv(node ast.Node, reader text.Reader, pc parser.Context) bool {
	line, _ := reader.Position()
	c, _ := pc.Get(innermostKey).(*innermost)
	if c == nil {
		c = &innermost{line: -1}
		pc.Set(innermostKey, c)
	}
	if c.line != line {
		c.line, c.div = line, nil
		open := pc.OpenedBlocks()
	find:
		for i := len(open) - 1; i >= 0; i-- {
			switch n := open[i].Node; n.Kind() {
			case ast.KindHTMLBlock:
				if n.(*ast.HTMLBlock).HTMLBlockType >= ast.HTMLBlockType6 {
					// raw HTML that a blank line ends (<a …>, <div>): the
					// fence ends it, and closes the div, as in Pandoc and
					// as Hugo's shortcodes close their boxes
					continue
				}
				c.div = n // <script>, <pre>, a comment: the fence is its text
				break find
			case ast.KindCodeBlock:
				if !c.codeGoesOn(n, reader) {
					continue // a line indented less ends an indented code block
				}
				c.div = n
				break find
			case KindFencedDiv, ast.KindFencedCodeBlock:
				c.div = n
				break find
			}
		}
	}
	return c.div == node
}

// codeGoesOn reports whether the line being read goes on the indented
// code block n: it is blank, or its text starts at the column of n's text
// or further right (four columns right of where the text of n's list item
// or blockquote starts). The columns are the line's own, counted from its
// start past the spaces, tabs and blockquote markers before its text, so
// that the answer is the same whichever open div asks first: the
// outermost sees the line before the prefix of a list item that holds the
// code block ("    :::" ends the code of "-   item", at column 8).
func (c *innermost) codeGoesOn(n ast.Node, reader text.Reader) bool {
	line, seg := reader.PeekLine()
	if util.IsBlank(line) || n.Lines().Len() == 0 {
		return true
	}
	src := reader.Source()
	if c.code != n {
		first := n.Lines().At(0)
		c.code, c.codeCol = n, lineColumn(src, first.Start)-first.Padding
	}
	start := bytes.LastIndexByte(src[:seg.Start], '\n') + 1
	text := start
	for text < len(src) && (src[text] == ' ' || src[text] == '\t' || src[text] == '>') {
		text++
	}
	return lineColumn(src[start:], text-start) >= c.codeCol
}

// lineColumn is the column of offset i of src in its line, a tab going on to
// the next multiple of four.
func lineColumn(src []byte, i int) int {
	col := 0
	for _, b := range src[bytes.LastIndexByte(src[:i], '\n')+1 : i] {
		if b == '\t' {
			col += 4 - col%4
		} else {
			col++
		}
	}
	return col
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

func (fencedDivParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if _, ok := node.(*droppedFence); ok {
		if p := node.Parent(); p != nil {
			p.RemoveChild(p, node)
		}
	}
}

func (fencedDivParser) CanInterruptParagraph() bool { return true }
func (fencedDivParser) CanAcceptIndentedLine() bool { return false }

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
