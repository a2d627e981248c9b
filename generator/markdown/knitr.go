package markdown

import (
	"bytes"
	"fmt"
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
// does unless the header sets it.
//
// A chunk whose label another chunk of the page has already gets a
// warning: knitr stops there (a warning, as a page that is not knitted
// may show the same chunk twice).
func hideChunks(n ast.Node, src []byte, pc parser.Context) {
	labels := map[string]int{} // label -> where its first chunk's header starts
	eachBlock(n, func(b ast.Node) {
		c, ok := b.(*ast.FencedCodeBlock)
		if !ok || c.Info == nil {
			return
		}
		info := string(c.Info.Segment.Value(src))
		if !chunkHeader(info) {
			return
		}
		k, hidden, label := hashPipeOptions(c, src)
		if label == "" {
			label = chunkLabel(info)
		}
		if first, dup := labels[label]; dup && label != "" {
			line, _ := Position(src, first)
			warn(pc, c.Info.Segment.Start, fmt.Sprintf("duplicate chunk label %q: the chunk on line %d has it already, and knitr stops at the second; rename one", label, line))
		} else if label != "" {
			labels[label] = c.Info.Segment.Start
		}
		if hidden || hiddenChunk(info) {
			c.Parent().RemoveChild(c.Parent(), c)
			return
		}
		lines := c.Lines()
		end := lines.Len()
		if !strings.Contains(info, "strip.white") { // knitr's default: blank lines at either end go
			for k < end && blankAt(lines, k, src) {
				k++
			}
			for end > k && blankAt(lines, end-1, src) {
				end--
			}
		}
		if k > 0 || end < lines.Len() {
			lines.SetSliced(k, end)
		}
	})
}

// blankAt reports whether line i of lines holds nothing but white space.
func blankAt(lines *text.Segments, i int, src []byte) bool {
	seg := lines.At(i)
	return util.IsBlank(seg.Value(src))
}

// hashPipeOptions reads the "#|" lines at the top of chunk c: how many
// there are, whether one turns the chunk (include) or its code (echo)
// off, and the label one gives it.
func hashPipeOptions(c *ast.FencedCodeBlock, src []byte) (n int, hidden bool, label string) {
	lines := c.Lines()
	for ; n < lines.Len(); n++ {
		seg := lines.At(n)
		opt, ok := strings.CutPrefix(strings.TrimSpace(string(seg.Value(src))), "#|")
		if !ok {
			break
		}
		key, value, _ := strings.Cut(opt, ":")
		switch key = strings.TrimSpace(key); {
		case (key == "include" || key == "echo") && isFalse(value):
			hidden = true
		case key == "label":
			label = strings.Trim(strings.TrimSpace(value), `"'`)
		}
	}
	return n, hidden, label
}

// chunkLabel is the label a chunk header gives its chunk: the word after
// the engine ({r setup, echo=FALSE} or {r setup echo=FALSE}), else its
// label option; "" when it has none (knitr numbers those).
func chunkLabel(info string) string {
	inner, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(info), "{"), "}")
	opts := strings.Split(inner, ",")
	if f := strings.Fields(opts[0]); len(f) > 1 && !strings.Contains(f[1], "=") {
		return strings.Trim(f[1], `"'`)
	}
	for _, o := range opts {
		for _, f := range strings.Fields(o) {
			if v, ok := strings.CutPrefix(f, "label="); ok {
				return strings.Trim(v, `"'`)
			}
		}
		if key, v, ok := strings.Cut(o, "="); ok && strings.TrimSpace(key) == "label" {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
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
	if !chunkHeader(info) {
		return false
	}
	inner, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(info), "{"), "}")
	for _, o := range strings.Split(inner, ",") {
		key, value, ok := strings.Cut(o, "=")
		if !ok {
			continue
		}
		if f := strings.Fields(key); len(f) > 0 {
			key = f[len(f)-1] // "{r setup include=FALSE}" has the label before it
		}
		if (key == "include" || key == "echo") && isFalse(value) {
			return true
		}
	}
	return false
}

// chunkHeader reports whether a code block's info string is a knitr
// chunk header: {r …}, {python …}, an engine name first.
func chunkHeader(info string) bool {
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
