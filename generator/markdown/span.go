package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindSpan is the ast.NodeKind of a Span.
var KindSpan = ast.NewNodeKind("Span")

// Span is a Pandoc bracketed span, [some text]{#term-id .class key=value}:
// its text with attributes, rendered as <span id="term-id" class="class"
// data-key="value">. A page's builder collects ID as a link anchor.
type Span struct {
	ast.BaseInline
	ID      string
	Classes []string
	Attrs   []Attr // key=value pairs in source order
	Offset  int    // byte offset of the opening [ in the source
}

// Kind implements ast.Node.
func (n *Span) Kind() ast.NodeKind { return KindSpan }

// Dump implements ast.Node.
func (n *Span) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID, "Classes": strings.Join(n.Classes, " ")}, nil)
}

// A span's [ is pushed as an emphasis delimiter that opens and closes
// nothing: emphasis inside the span is then matched up to it and no
// further (in time bounded by the span's length), and a [ whose ] never
// comes (it was inside a code span, say) turns back into text when the
// block's delimiters are cleared, as an unmatched * does.
type spanOpener struct {
	delim *parser.Delimiter
	match spanMatch
}

// noDelimiter is the processor of a span's [: it matches nothing.
type noDelimiter struct{}

func (noDelimiter) IsDelimiter(byte) bool                               { return false }
func (noDelimiter) CanOpenCloser(opener, closer *parser.Delimiter) bool { return false }
func (noDelimiter) OnMatch(consumes int) ast.Node                       { return ast.NewText() }

// spanMatch is a [ with its ] and the attribute block after that, or the
// [ of a Pandoc inline note, ^[text], with its ].
type spanMatch struct {
	close int // index of the ] in the block's text
	end   int // index just after the closing } (or a note's ])
	attrs inlineAttrs
	note  bool
}

// blockState is what the bracket parsers know about the block whose
// inlines are being parsed: its text and which [ open spans. It is worked
// out once per block, in time linear in the block's length.
type blockState struct {
	block   ast.Node
	flat    flatText
	spans   map[int]spanMatch  // index of [ -> its match
	deep    map[int]bool       // index of a [ nested maxBracketDepth deep or more: text
	waiting map[int]spanOpener // index of ] -> the opener it closes
}

var blockStateKey = parser.NewContextKey()

func stateFor(pc parser.Context, block ast.Node, source []byte) *blockState {
	if st, ok := pc.Get(blockStateKey).(*blockState); ok && st.block == block {
		return st
	}
	st := &blockState{block: block, flat: newFlatText(source, segmentsOf(block.Lines())), waiting: map[int]spanOpener{}}
	st.spans, st.deep = findSpans(st.flat.text)
	pc.Set(blockStateKey, st)
	return st
}

// findSpans matches the brackets of a block's text and returns the [ that
// are closed by a ] directly followed by a well-formed {…} block, and
// those right after a ^ (inline notes). Escaped
// brackets and brackets inside code spans do not count; an image's ![ does
// not open a span.
func findSpans(s []byte) (map[int]spanMatch, map[int]bool) {
	spans, deep := map[int]spanMatch{}, map[int]bool{}
	type opener struct {
		at          int
		image, note bool
	}
	var stack []opener
	ticks := newTickRuns(s)
	budget := linkScanBudget(len(s))
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]):
			i += 2
		case c == '`':
			i = ticks.skip(i)
		case c == '[':
			after := func(b byte) bool { return i > 0 && s[i-1] == b && (i < 2 || s[i-2] != '\\') }
			if len(stack) >= maxBracketDepth {
				deep[i] = true
			}
			stack = append(stack, opener{i, after('!'), after('^')})
			i++
		case c == ']' && len(stack) > 0:
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			i++
			if i < len(s) && s[i] == '(' {
				if budget -= destinationScan(s, i+1, budget); budget <= 0 {
					deep[o.at] = true // no link: goldmark would read past it again
				}
			}
			if o.note && (i >= len(s) || s[i] != '{') { // ^[x]{.c}: a span, as before notes
				spans[o.at] = spanMatch{close: i - 1, end: i, note: true}
				continue
			}
			if o.image || i >= len(s) || s[i] != '{' {
				continue
			}
			if a, n, ok := scanAttrs(s[i:]); ok {
				spans[o.at] = spanMatch{close: i - 1, end: i + n, attrs: a}
				i += n
			}
		default:
			i++
		}
	}
	return spans, deep
}

// linkScanBudget is how many bytes goldmark's link parser may read looking
// for the destinations of a block of n bytes before a [ whose ]( it would
// read is only text. Each ]( makes goldmark read the destination to the
// next space or unmatched ), so ]( after ]( with no space between,
// ([a]([a]([a](…), cost the square of their count: 31 KB took 0.7 s.
// The destinations of real links do not overlap, so they read about n
// bytes in all, well inside the budget.
func linkScanBudget(n int) int { return 8*n + 4096 }

// destinationScan is how many bytes goldmark's link parser reads for
// what follows a "](" whose destination starts at s[q]: the destination,
// to a ">" for one in <…>, else to a space or a ) that no ( opened, on
// one line; then, past spaces and line ends, a title in "…", '…' or (…)
// to its closer, across lines. It is limit when that is more (the budget
// is spent: no need to know more).
func destinationScan(s []byte, q, limit int) int {
	if limit <= 0 {
		return 0
	}
	s = s[:min(len(s), q+limit)]
	i := destinationEnd(s, q)
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	if i < len(s) && (s[i] == '"' || s[i] == '\'' || s[i] == '(') {
		closer := s[i]
		if closer == '(' {
			closer = ')'
		}
		for i++; i < len(s) && s[i] != closer; i++ {
			if s[i] == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]) {
				i++
			}
		}
	}
	return min(i-q+1, limit)
}

// destinationEnd is where goldmark's parseLinkDestination stops reading
// a destination that starts at s[q].
func destinationEnd(s []byte, q int) int {
	i := q
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	angle, opened := i < len(s) && s[i] == '<', 0
	for ; i < len(s) && s[i] != '\n'; i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]):
			i++
		case angle:
			if c == '>' {
				return i + 1
			}
		case c == '(':
			opened++
		case c == ')':
			if opened--; opened < 0 {
				return i
			}
		case util.IsSpace(c):
			return i
		}
	}
	return i
}

// maxBracketDepth bounds how deep brackets nest before a [ is only text:
// goldmark's link parser takes time growing with the square of the
// nesting (100 KB of [[[…]]] took over half a second), and no link or
// span of a lesson nests so deep.
const maxBracketDepth = 32

// tickRuns finds code spans: a run of backticks opens one when a later
// run of the same length closes it.
type tickRuns struct {
	starts, lens, next []int // next: index of the next run of the same length, or -1
	cur                int
}

func newTickRuns(s []byte) *tickRuns {
	t := &tickRuns{}
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]):
			i += 2
		case s[i] == '`':
			j := i
			for j < len(s) && s[j] == '`' {
				j++
			}
			t.starts = append(t.starts, i)
			t.lens = append(t.lens, j-i)
			i = j
		default:
			i++
		}
	}
	t.next = make([]int, len(t.starts))
	last := map[int]int{}
	for k := len(t.starts) - 1; k >= 0; k-- {
		t.next[k] = -1
		if n, ok := last[t.lens[k]]; ok {
			t.next[k] = n
		}
		last[t.lens[k]] = k
	}
	return t
}

// skip returns where scanning goes on after the backtick run at i: after
// the run that closes its code span, or after the run itself.
func (t *tickRuns) skip(i int) int {
	for t.cur < len(t.starts) && t.starts[t.cur] < i {
		t.cur++
	}
	if t.cur == len(t.starts) || t.starts[t.cur] != i {
		return i + 1
	}
	k := t.cur
	if n := t.next[k]; n >= 0 {
		t.cur = n + 1
		return t.starts[n] + t.lens[n]
	}
	t.cur = k + 1
	return i + t.lens[k]
}

// spanParser turns [text]{attributes} into a Span, and with notes
// Pandoc's ^[text] into an InlineNote. It runs before goldmark's link
// parser on [ and ], and leaves every bracket that does not belong to a
// span to it, so links, reference links and task list items parse as
// before.
type spanParser struct{ notes bool }

func (spanParser) Trigger() []byte { return []byte{'[', ']', '!'} }

func (p spanParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if seg.Padding != 0 {
		return nil
	}
	st := stateFor(pc, parent, block.Source())
	at := st.flat.index(seg.Start)
	if at < 0 {
		return nil
	}
	if line[0] == '!' { // goldmark reads ![ as one: an image's [ made text makes the ! text first
		if len(line) > 1 && line[1] == '[' && st.deep[at+1] {
			block.Advance(1)
			return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+1))
		}
		return nil
	}
	if line[0] == '[' {
		if st.deep[at] {
			block.Advance(1)
			return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+1))
		}
		m, ok := st.spans[at]
		if !ok || m.note && (!p.notes || !dropCaret(parent, block.Source())) {
			return nil
		}
		d := parser.NewDelimiter(false, false, 1, '[', noDelimiter{})
		d.Segment = text.NewSegment(seg.Start, seg.Start+1)
		pc.PushDelimiter(d)
		st.waiting[m.close] = spanOpener{d, m}
		block.Advance(1)
		return d
	}
	o, ok := st.waiting[at]
	if !ok || o.delim.Parent() != parent {
		return nil // not a span's ], or its [ was taken into a link
	}
	delete(st.waiting, at)
	parser.ProcessDelimiters(o.delim, pc)
	var span ast.Node
	if o.match.note {
		span = &InlineNote{Offset: o.delim.Segment.Start - 1}
	} else {
		a := o.match.attrs
		span = &Span{ID: a.ID, Classes: a.Classes, Attrs: a.Attrs, Offset: o.delim.Segment.Start}
	}
	for c := o.delim.NextSibling(); c != nil; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		span.AppendChild(span, c)
		c = next
	}
	o.delim.Length = 0 // so that removing it leaves no text
	pc.RemoveDelimiter(o.delim)
	span.SetPos(o.delim.Segment.Start)
	advanceTo(block, st.flat.offset(o.match.end))
	return span
}

// dropCaret takes the ^ of a note's ^[ off the text before it (goldmark
// has added it to parent as text by the time the [ is parsed); it reports
// false when that text is not there.
func dropCaret(parent ast.Node, src []byte) bool {
	t, ok := parent.LastChild().(*ast.Text)
	if !ok || t.Segment.Len() == 0 || src[t.Segment.Stop-1] != '^' {
		return false
	}
	t.Segment = t.Segment.WithStop(t.Segment.Stop - 1)
	if t.Segment.Len() == 0 {
		parent.RemoveChild(parent, t)
	}
	return true
}

// CloseBlock forgets the block's state.
func (spanParser) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	pc.Set(blockStateKey, nil)
}

// advanceTo moves the reader to the source offset target (or to the end of
// the block, if target is past it).
func advanceTo(block text.Reader, target int) {
	for {
		line, seg := block.PeekLine()
		if line == nil || seg.Start >= target && seg.Padding == 0 {
			return
		}
		if seg.Padding == 0 && target < seg.Stop {
			block.Advance(target - seg.Start)
			return
		}
		block.Advance(1)
	}
}

// spanRenderer writes a Span as <span>: id, class, title and lang as
// they are, other keys as data-key.
type spanRenderer struct{}

func (spanRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSpan, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			w.WriteString("</span>")
			return ast.WalkContinue, nil
		}
		n := node.(*Span)
		w.WriteString("<span")
		if n.ID != "" {
			w.WriteString(` id="` + html.EscapeString(n.ID) + `"`)
		}
		if len(n.Classes) > 0 {
			w.WriteString(` class="` + html.EscapeString(strings.Join(n.Classes, " ")) + `"`)
		}
		for _, a := range n.Attrs {
			key := strings.ToLower(a.Key)
			switch {
			case key == "title" || key == "lang" || strings.HasPrefix(key, "data-") && validAttrName(key):
			case validAttrName(key):
				key = "data-" + key
			default:
				continue
			}
			w.WriteString(" " + key + `="` + html.EscapeString(a.Value) + `"`)
		}
		w.WriteString(">")
		return ast.WalkContinue, nil
	})
}
