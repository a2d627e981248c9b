package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Limits on nesting. goldmark looks at every open block on every line, and
// re-reads the line from its start for each block it opens on it, so the
// work for a line grows with how deep it is nested: without a limit, a
// lesson of N nested fenced divs or a line of N quote or list markers costs
// N² (10,000 nested divs took minutes and gigabytes). With the limits every
// line costs at most a constant, and no real lesson comes near them.
const (
	// MaxDivDepth is how deep fenced divs may nest in one another. An
	// opening fence deeper than this is a problem (see Problems) and opens
	// nothing: its line and its closing fence are left out, and what is
	// between them stays in the enclosing div.
	MaxDivDepth = 64

	// MaxBlockDepth is how deep quotes, list items and fenced divs may nest
	// together, twice MaxDivDepth so divs at their limit still hold lists.
	// A quote or list marker that would open a block deeper than this is a
	// problem, and the rest of its line is shown as text.
	MaxBlockDepth = 2 * MaxDivDepth
)

// Problem is an error in a page's Markdown found while parsing, such as
// blocks nested beyond the limits: unlike a Warning, the page is wrong and
// its author must change it.
type Problem struct {
	Offset int // byte offset in the source; see Position
	Msg    string
}

// Problems returns the problems found while parsing a document made by
// Parse, in source order.
func Problems(doc ast.Node) []Problem {
	if doc == nil {
		return nil
	}
	v, _ := doc.AttributeString(problemsAttr)
	ps, _ := v.([]Problem)
	return ps
}

// problemsAttr is the document attribute that holds the problems; the
// document's attributes are never rendered.
const problemsAttr = "p2pc-problems"

// addProblem records a problem on the document that holds n. Block parsers
// call it, so problems come in source order.
func addProblem(n ast.Node, offset int, msg string) {
	for n.Parent() != nil {
		n = n.Parent()
	}
	ps := Problems(n)
	n.SetAttributeString(problemsAttr, append(ps, Problem{Offset: offset, Msg: msg}))
}

// blockDepth counts the quotes, list items and fenced divs that hold a
// block opened in parent, stopping at limit+1.
func blockDepth(parent ast.Node, limit int) int {
	d := 0
	for n := parent; n != nil && d <= limit; n = n.Parent() {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindListItem, KindFencedDiv:
			d++
		}
	}
	return d
}

// depthTriggers are the first characters of the quote and list markers.
var depthTriggers = []byte(">-+*0123456789")

// depthGuard stands guard over the depth of quotes and lists: registered
// before goldmark's own parsers, it sees their markers first (openTooDeep).
// The paragraphs it opens it continues and closes as paragraphs.
type depthGuard struct{}

func (depthGuard) Trigger() []byte { return depthTriggers }

func (depthGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	return openTooDeep(parent, reader, pc)
}

func (depthGuard) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return parser.NewParagraphParser().Continue(node, reader, pc)
}

func (depthGuard) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	parser.NewParagraphParser().Close(node, reader, pc)
}

func (depthGuard) CanInterruptParagraph() bool { return true }
func (depthGuard) CanAcceptIndentedLine() bool { return false }

// openTooDeep stops a quote or list marker from opening a block deeper
// than MaxBlockDepth: it reports the problem and opens a paragraph of the
// rest of the line instead, which costs one pass over it. Anything else,
// and every marker at a depth within the limit, it leaves to goldmark.
func openTooDeep(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || !opensContainer(line[pos:]) {
		return nil, parser.NoChildren
	}
	d := blockDepth(parent, MaxBlockDepth)
	if d < MaxBlockDepth {
		return nil, parser.NoChildren
	}
	addProblem(parent, segment.Start+pos, fmt.Sprintf(
		"quotes, lists and fenced divs nest %d deep here; the limit is %d: the rest of the line is shown as text",
		d+1, MaxBlockDepth))
	return parser.NewParagraphParser().Open(parent, reader, pc)
}

// opensContainer reports whether line starts with a quote marker or with a
// list item marker that goldmark would read as one: a line of only dashes
// or stars (a thematic break or a heading underline) is not.
func opensContainer(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	c := line[0]
	switch {
	case c == '>':
		return true
	case c == '-' || c == '+' || c == '*':
		if len(line) > 1 && !util.IsSpace(line[1]) {
			return false
		}
		for _, b := range line {
			if b != c && !util.IsSpace(b) {
				return true
			}
		}
		return false
	case c >= '0' && c <= '9':
		i := 0
		for i < len(line) && i < 10 && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		return i < 10 && i < len(line) && (line[i] == '.' || line[i] == ')') &&
			(i+1 == len(line) || util.IsSpace(line[i+1]))
	}
	return false
}
