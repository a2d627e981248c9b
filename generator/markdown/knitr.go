package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// knitrTransformer takes out of the tree the R Markdown code chunks knitr
// would not show: those whose header, such as {r setup, include=FALSE},
// turns off the chunk (include) or its code (echo). p2pc does not run
// chunks, so a chunk without its code shows nothing at all.
type knitrTransformer struct{}

func (knitrTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	if bytes.Contains(src, []byte("echo")) || bytes.Contains(src, []byte("include")) {
		hideChunks(doc, src)
	}
}

// hideChunks removes the hidden chunks among the blocks in n, at any depth.
func hideChunks(n ast.Node, src []byte) {
	eachBlock(n, func(b ast.Node) {
		if c, ok := b.(*ast.FencedCodeBlock); ok && c.Info != nil && hiddenChunk(string(c.Info.Segment.Value(src))) {
			c.Parent().RemoveChild(c.Parent(), c)
		}
	})
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
	inner, ok := strings.CutPrefix(strings.TrimSpace(info), "{")
	if !ok {
		return false
	}
	inner, _, ok = strings.Cut(inner, "}")
	if !ok {
		return false
	}
	opts := strings.Split(inner, ",")
	engine := strings.Fields(opts[0])
	if len(engine) == 0 || strings.ContainsAny(engine[0], "=.#") {
		return false // {.output}, {#id}: Pandoc's attributes, not a chunk
	}
	for _, o := range opts {
		key, value, ok := strings.Cut(o, "=")
		if !ok {
			continue
		}
		if f := strings.Fields(key); len(f) > 0 {
			key = f[len(f)-1] // "{r setup include=FALSE}" has the label before it
		}
		switch strings.TrimSpace(value) {
		case "FALSE", "F", "false":
			if key == "include" || key == "echo" {
				return true
			}
		}
	}
	return false
}
