package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// knitrTransformer takes out of the tree the R Markdown code chunks knitr
// would not show: those whose header, such as {r setup, include=FALSE},
// turns off the chunk (include) or its code (echo). p2pc does not run
// chunks, so a chunk without its code shows nothing at all.
type knitrTransformer struct{}

func (knitrTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if mayHaveChunk(src) {
		hideChunks(doc, src, pc)
	}
}

// mayHaveChunk reports whether src may hold a fence that opens a knitr
// chunk (```{r}, ``` {r}, ~~~{r}): a page without one is left as it is,
// unlooked at. (A few byte searches: every page of every format comes
// through here.)
func mayHaveChunk(src []byte) bool {
	for _, s := range []string{"`{", "` {", "~{", "~ {"} {
		if bytes.Contains(src, []byte(s)) {
			return true
		}
	}
	return false
}

// hideChunks removes the hidden chunks among the blocks in n, at any depth,
// and the "#| key: value" option lines at the top of the others (knitr
// reads them as it reads the header's, and never shows them), and the
// blank lines at the start and end of their code, as knitr's strip.white
// does unless the header sets it. A chunk that only shows a picture,
// knitr::include_graphics("fig/a.png"), gives that picture (a figure with
// its fig.cap), after its code when that shows.
//
// A chunk whose label another chunk of the page has already gets a
// warning: knitr stops there (a warning, as a page that is not knitted
// may show the same chunk twice). So does a chunk with a caption whose
// figure R would draw: p2pc does not run R.
func hideChunks(n ast.Node, src []byte, pc parser.Context) {
	labels := map[string]int{} // label -> where its first chunk's header starts
	eachBlock(n, func(b ast.Node) {
		c, ok := b.(*ast.FencedCodeBlock)
		if !ok || c.Info == nil {
			return
		}
		info := string(c.Info.Segment.Value(src))
		if !ChunkHeader(info) {
			return
		}
		o := readChunkOptions(info, c.Lines(), src)
		at := c.Info.Segment.Start
		if first, dup := labels[o.label]; dup && o.label != "" {
			line, _ := Position(src, first)
			warn(pc, at, fmt.Sprintf("duplicate chunk label %q: the chunk on line %d has it already, and knitr stops at the second; rename one", o.label, line))
		} else if o.label != "" {
			labels[o.label] = at
		}
		if !o.include {
			c.Parent().RemoveChild(c.Parent(), c)
			return
		}
		lines := c.Lines()
		k, end := o.hashLines, lines.Len()
		if o.stripWhite { // knitr's default: blank lines at either end go
			for k < end && blankAt(lines, k, src) {
				k++
			}
			for end > k && blankAt(lines, end-1, src) {
				end--
			}
		}
		picture, isPicture := includedGraphic(lines, k, end, src)
		switch {
		case isPicture && o.eval:
			c.Parent().InsertAfter(c.Parent(), c, figureOf(picture, o, lines.At(0)))
		case o.figCap != "" && o.eval:
			warn(pc, at, fmt.Sprintf("the figure of this chunk (%q) is not shown: p2pc does not run R; save it as a picture and show it with knitr::include_graphics or ![caption](file)", o.figCap))
		}
		if !o.echo {
			c.Parent().RemoveChild(c.Parent(), c)
			return
		}
		if len(o.echoPick) > 0 {
			c.SetLines(pickExpressions(lines, k, end, o.echoPick, src))
			return
		}
		if k > 0 || end < lines.Len() {
			lines.SetSliced(k, end)
		}
	})
}

// pickExpressions returns lines k to end of a chunk's code but the R
// expressions echo leaves out: pick numbers those shown from 1, or, all
// negative, those not shown. An expression is a line and the lines it
// goes on to (an open bracket or string, a line ending in an operator or
// a comma); blank and comment lines go with the expression after them.
func pickExpressions(lines *text.Segments, k, end int, pick []int, src []byte) *text.Segments {
	var starts []int // where each expression's lines start
	open, cont := 0, false
	pending := -1 // the first blank or comment line before the next expression
	for i := k; i < end; i++ {
		seg := lines.At(i)
		line := strings.TrimSpace(string(seg.Value(src)))
		if open == 0 && !cont && (line == "" || strings.HasPrefix(line, "#")) {
			if pending < 0 {
				pending = i
			}
			continue
		}
		if open == 0 && !cont {
			start := i
			if pending >= 0 {
				start = pending
			}
			starts, pending = append(starts, start), -1
		}
		open, cont = rDepth(line, open)
	}
	starts = append(starts, end)
	shown := make([]bool, len(starts)-1)
	for i := range shown {
		shown[i] = pick[0] < 0
	}
	for _, n := range pick {
		if i := abs(n) - 1; i >= 0 && i < len(shown) {
			shown[i] = n > 0
		}
	}
	out := text.NewSegments()
	for e, on := range shown {
		for i := starts[e]; on && i < starts[e+1]; i++ {
			out.Append(lines.At(i))
		}
	}
	return out
}

// rDepth scans a line of R code: the brackets open after it, given those
// open before, and whether the expression goes on (an operator or comma
// at its end). Strings and comments are skipped.
func rDepth(line string, open int) (int, bool) {
	var quote byte
	last := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '#':
			i = len(line)
			continue
		case c == '(' || c == '[' || c == '{':
			open++
		case c == ')' || c == ']' || c == '}':
			open = max(open-1, 0)
		}
		if c != ' ' && c != '\t' {
			last = c
		}
	}
	return open, quote != 0 || strings.IndexByte("+-*/^,|&<=>~%", last) >= 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// includeGraphics is a chunk's code that only shows a picture.
var includeGraphics = regexp.MustCompile(`^(?:knitr::)?include_graphics\(\s*(?:path\s*=\s*)?(?:"([^"]+)"|'([^']+)')\s*(?:,[^()]*)?\)\s*;?$`)

// includedGraphic returns the file that lines k to end of a chunk's code
// show with knitr::include_graphics, when that is all they do.
func includedGraphic(lines *text.Segments, k, end int, src []byte) (string, bool) {
	var code strings.Builder
	for i := k; i < end; i++ {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	m := includeGraphics.FindStringSubmatch(strings.TrimSpace(code.String()))
	if m == nil {
		return "", false
	}
	return m[1] + m[2], true
}

// figureOf is a paragraph that shows the picture at dest, captioned with
// the chunk's fig.cap (a figure), its alt text fig.alt, else fig.cap;
// at is where the chunk's code starts, for messages about the picture.
func figureOf(dest string, o chunkOptions, at text.Segment) ast.Node {
	img := ast.NewImage(ast.NewLink())
	img.Destination = []byte(dest)
	img.SetAttributeString("alt", []byte(cmp.Or(o.figAlt, o.figCap)))
	if o.figCap != "" { // the caption (see captionOf)
		img.AppendChild(img, ast.NewString([]byte(o.figCap)))
	}
	p := ast.NewParagraph()
	p.Lines().Append(at)
	p.AppendChild(p, img)
	return p
}

// blankAt reports whether line i of lines holds nothing but white space.
func blankAt(lines *text.Segments, i int, src []byte) bool {
	seg := lines.At(i)
	return util.IsBlank(seg.Value(src))
}

// isFalse reports whether an option's value is false, in R or YAML.
func isFalse(v string) bool {
	switch strings.TrimSpace(v) {
	case "FALSE", "F", "false", "no":
		return true
	}
	return false
}

// eachBlock calls fn on every block below n, at any depth, a block before
// the blocks in it; fn may remove the block it is given from the tree.
func eachBlock(n ast.Node, fn func(ast.Node)) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		if c.Type() == ast.TypeBlock {
			fn(c)
			if c.Parent() != nil && c.FirstChild() != nil && c.FirstChild().Type() == ast.TypeBlock {
				eachBlock(c, fn)
			}
		}
		c = next
	}
}

// hiddenChunk reports whether a code block's info string is a knitr chunk
// header ({r …}, {python …}: an engine name first) with include or echo
// set to FALSE (or F, false).
func hiddenChunk(info string) bool {
	if !ChunkHeader(info) {
		return false
	}
	o := readChunkOptions(info, nil, nil)
	return !o.include || !o.echo
}

// ChunkHeader reports whether a code block's info string is a knitr
// chunk header: {r …}, {python …}, an engine name first.
func ChunkHeader(info string) bool {
	inner, ok := strings.CutPrefix(strings.TrimSpace(info), "{")
	if !ok {
		return false
	}
	inner, _, ok = strings.Cut(inner, "}")
	if !ok {
		return false
	}
	engine := strings.Fields(strings.Split(inner, ",")[0])
	return len(engine) > 0 && !strings.ContainsAny(engine[0], "=.#") // {.output}, {#id}: Pandoc's attributes
}
