package markdown

import (
	"bytes"
	"html"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindMath is the ast.NodeKind of a Math.
var KindMath = ast.NewNodeKind("Math")

// Math is TeX math kept as written, for a math library the site's
// layouts may load: <span class="math inline">\(x^2\)</span>, or "math
// display" with \[…\], as Pandoc writes it for MathJax. Its children are
// the TeX's text, for search.
type Math struct {
	ast.BaseInline
	Display     bool
	Open, Close string // the delimiters it is written with
}

// Kind implements ast.Node.
func (n *Math) Kind() ast.NodeKind { return KindMath }

// Dump implements ast.Node.
func (n *Math) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Open": n.Open, "Close": n.Close}, nil)
}

// MathDelims are the delimiters of one kind of math, as a Hugo site's
// passthrough extension names them (["\\(", "\\)"], ["$$", "$$"]).
type MathDelims struct {
	Open, Close string
	Display     bool
}

// mathParser reads math between delimiters, within a paragraph, where
// inline markup has no meaning: Pandoc's $…$ (the opening $ followed by a
// non-space, the closing one after a non-space and not before a digit, on
// one line) and $$…$$ when dollars is set, and each of pairs. A delimiter
// without its closer stays text. The cost is linear: a search for a closer
// that fails is not made again from later in the same paragraph.
type mathParser struct {
	dollars bool
	pairs   []MathDelims
}

// backslashMath are the delimiters of Pandoc's tex_math_single_backslash,
// which the Workbench turns on: \(…\) is inline math, \[…\] display.
var backslashMath = []MathDelims{{`\(`, `\)`, false}, {`\[`, `\]`, true}}

// mathDelims are the delimiters of the math kept as written in dialect d,
// besides $…$ and $$…$$: d's own, and with Pandoc \(…\) and \[…\].
func mathDelims(d Dialect) []MathDelims {
	if !d.Pandoc {
		return d.Math
	}
	return append(slices.Clip(backslashMath), d.Math...)
}

var noCloserKey = parser.NewContextKey()

// noCloser records, for a closing delimiter, that none was found from
// offset from up to to.
type noCloser struct{ from, to int }

// failed reports whether a search for closer from offset from is known to fail.
func failed(pc parser.Context, closer string, from int) bool {
	m, _ := pc.Get(noCloserKey).(map[string]noCloser)
	nc, ok := m[closer]
	return ok && nc.from <= from && from < nc.to
}

// fail records that no closer was found from offset from up to to.
func fail(pc parser.Context, closer string, from, to int) {
	m, _ := pc.Get(noCloserKey).(map[string]noCloser)
	if m == nil {
		m = map[string]noCloser{}
		pc.Set(noCloserKey, m)
	}
	m[closer] = noCloser{from, to}
}

func (p mathParser) Trigger() []byte {
	var t []byte
	if p.dollars {
		t = append(t, '$')
	}
	for _, d := range p.pairs {
		if len(d.Open) > 0 && bytes.IndexByte(t, d.Open[0]) < 0 {
			t = append(t, d.Open[0])
		}
	}
	return t
}

func (p mathParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	switch {
	case p.dollars && bytes.HasPrefix(line, []byte("$$")):
		return p.pair(block, pc, MathDelims{"$$", "$$", true}, `\[`, `\]`)
	case p.dollars && len(line) > 0 && line[0] == '$':
		return p.dollar(block, pc)
	}
	for _, d := range p.pairs {
		if d.Open != "" && d.Close != "" && bytes.HasPrefix(line, []byte(d.Open)) {
			// shown as the Markdown shows them: mdBook's \\( is \(, as MathJax reads it
			return p.pair(block, pc, d, strings.ReplaceAll(d.Open, `\\`, `\`), strings.ReplaceAll(d.Close, `\\`, `\`))
		}
	}
	return nil
}

// dollar reads Pandoc's inline $…$ on the current line.
func (p mathParser) dollar(block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 3 || isAttrSpace(line[1]) || line[1] == '$' {
		return nil
	}
	from := seg.Start + 2
	if failed(pc, "$", from) {
		return nil
	}
	i, ok := dollarClose(line)
	if !ok { // no opener before i closes either
		fail(pc, "$", from, seg.Start+i)
		return nil
	}
	n := &Math{Open: `\(`, Close: `\)`}
	n.AppendChild(n, ast.NewTextSegment(text.NewSegment(seg.Start+1, seg.Start+i)))
	block.Advance(i + 1)
	return n
}

// dollarClose finds, by Pandoc's rule, the $ that closes the inline math
// a $ at line[0] opens (the opening $ before a non-space, the closing one
// after a non-space and not before a digit, on one line): its index and
// true. As Pandoc, the first $ that cannot close ends the try ("$5 to
// run, and $\beta_1$": no math from the first $; it may open itself):
// then its index and false, or len(line) and false when there is no $.
func dollarClose(line []byte) (int, bool) {
	if len(line) < 3 || isAttrSpace(line[1]) || line[1] == '$' {
		return 0, false
	}
	for i := 2; i < len(line); i++ {
		if line[i] != '$' || line[i-1] == '\\' {
			continue
		}
		return i, !isAttrSpace(line[i-1]) && (i+1 >= len(line) || line[i+1] < '0' || line[i+1] > '9')
	}
	return len(line), false
}

// pair reads math between d's delimiters, across the paragraph's lines;
// open and close are what the output shows around it.
func (p mathParser) pair(block text.Reader, pc parser.Context, d MathDelims, open, close string) ast.Node {
	savedLine, savedSeg := block.Position()
	line, seg := block.PeekLine()
	from := seg.Start + len(d.Open)
	if failed(pc, d.Close, from) {
		return nil
	}
	n := &Math{Display: d.Display, Open: open, Close: close}
	start, scanned := len(d.Open), from
	for first := true; ; first = false {
		if !first {
			block.AdvanceLine()
			if line, seg = block.PeekLine(); line == nil {
				break
			}
			start = 0
		}
		if i := bytes.Index(line[start:], []byte(d.Close)); i >= 0 {
			if i > 0 || !first { // not empty
				n.AppendChild(n, ast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+start+i)))
				block.Advance(start + i + len(d.Close))
				return n
			}
		}
		n.AppendChild(n, ast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+len(line))))
		scanned = seg.Start + len(line)
	}
	fail(pc, d.Close, from, max(scanned, from+1))
	block.SetPosition(savedLine, savedSeg)
	return nil
}

// mathRenderer renders Math nodes.
type mathRenderer struct{}

func (mathRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMath, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		n := node.(*Math)
		class := "math inline"
		if n.Display {
			class = "math display"
		}
		w.WriteString(`<span class="` + class + `">` + html.EscapeString(n.Open))
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				w.WriteString(html.EscapeString(string(t.Segment.Value(source))))
			}
		}
		w.WriteString(html.EscapeString(n.Close) + "</span>")
		return ast.WalkSkipChildren, nil
	})
}
