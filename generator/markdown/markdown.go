// Package markdown sets up goldmark for lessons: CommonMark plus GFM
// (tables, task lists, strikethrough, autolinks), typographic quotes,
// stable heading ids, chroma highlighting with CSS classes, and the parts
// of Pandoc Markdown (The Carpentries Workbench), mdBook and Hugo that
// lessons written for them use:
//
// Fenced divs (see FencedDiv): a line of three or more colons with a name
// and optional attributes opens one, a bare line of colons closes it:
//
//	::: callout {#id .class key=value}
//	Text.
//	:::
//
// Without a name, the first class names the div, as in Pandoc:
// "::: {.callout #id}" is "::: callout {#id}".
//
// Attributes after an image, in braces right after the ) (no space):
//
//	![Caption text](fig/a.png){alt='Alt text' width="50%" .class #id}
//
// Values may be quoted with ' or " and the block may run over lines. alt
// replaces the alt text; width, height, .class and #id are kept; other
// keys are left out with a warning. A brace that does not open a
// well-formed block stays text. After a link or a code span,
// [site](url){target="_blank" .ext} and `ls`{.bash}, #id and .class are
// kept, target and rel left out silently, other keys with a warning.
//
// Footnotes: text[^1], and [^1]: the note on a line of its own; the notes
// are listed at the end of the page.
//
// Code blocks: the language is the info string's first word, cut at a
// comma (mdBook's rust,ignore), or the first class of Pandoc attributes
// ({.output}), or the engine of an R Markdown chunk ({r setup}); output,
// error and the like get a label instead of colours (see codeLanguage).
//
// In the Pandoc dialect (NewDialect, for Workbench lessons), H~2~O and
// 2^10^ are sub- and superscripts; GitHub's reads ~2~ as struck through.
// $x$, $$x$$, \(x\) and \[x\] are TeX math kept as written (see Math).
// A paragraph beginning "Table:" or ":" before a pipe table (after a
// blank line) or after it is the table's <caption> (see TableCaption).
// Lines beginning "| " are a line block, shown line by line (see
// LineBlock).
//
// Figures: a paragraph holding only an image with a caption becomes
// <figure><img …><figcaption>Caption</figcaption></figure>. The caption is
// the bracket text when alt was given in braces (Pandoc's rule), else the
// title, as in ![alt](src "Caption"). ![alt](src) alone stays a paragraph.
//
// Bracketed spans (see Span):
//
//	[some text]{#term-id .class}
//
// becomes <span id="term-id" class="class">some text</span>; title and
// lang keys are kept as they are, other keys become data-key. Links,
// reference links, task list items and [x] are not affected. At the end of
// a heading the braces are the heading's own attributes, as in Pandoc.
//
// Definition lists (PHP Markdown Extra, as Pandoc and Hugo write them):
//
//	Term
//	: Definition
//
// GitHub alerts (see Alert): a blockquote whose first line is [!NOTE],
// [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION] (any case) becomes
// <aside class="box callout alert-note" aria-label="Note"> with a
// <p class="box-title">Note</p> heading, like a callout box; the marker
// line is not printed.
//
// Raw HTML: with rawHTML (raw_html: true in site.yaml) all HTML goes
// through. Otherwise only a safe subset is published: the elements kbd,
// sub, sup, br, img (src, alt, width, height, title), abbr (title), mark,
// small, span, del, ins, s, u, em, strong, b, i, code, a (href, title),
// details, summary, figure, figcaption, table, thead, tbody, tr, th and td
// (colspan, rowspan, align), p, div, ul, ol, li, pre, hr, dl, dt, dd and
// h1 to h6, each also with class and id. href and src keep http and https
// URLs (href also mailto) and relative ones. Everything else (script and
// style with their content, iframe, forms, on* handlers, javascript: URLs)
// is left out, each with a warning (see Warnings); HTML comments are left
// out silently.
package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown parses and renders lesson Markdown.
type Markdown struct {
	md goldmark.Markdown
	// pandocIDs makes heading ids as Pandoc makes them (see pandocSlug)
	pandocIDs bool
	// idScript: see Dialect.UnicodeIDs and MdBookIDs
	idScript idScript
	// smart: dashes are typographer's (see Dialect.PlainPunctuation)
	smart bool
}

// New returns a Markdown; rawHTML lets all HTML in the source through
// instead of only the safe subset; divs render fenced divs by name (others
// become <div class="name">); extra adds node renderers (util.Prioritized)
// for nodes of other packages, such as cards and worksheet questions.
func New(rawHTML bool, divs map[string]DivFunc, extra ...util.PrioritizedValue) *Markdown {
	return NewDialect(GitHub, rawHTML, divs, extra...)
}

// NewDialect is New for lessons written in dialect d.
func NewDialect(d Dialect, rawHTML bool, divs map[string]DivFunc, extra ...util.PrioritizedValue) *Markdown {
	var htmlOpts []html.Option
	if rawHTML {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	renderers := append([]util.PrioritizedValue{
		util.Prioritized(divRenderer{divs: divs}, 100),
		util.Prioritized(codeRenderer{hide: d.HideLines}, 100),
		util.Prioritized(fragmentRenderer{}, 100),
		util.Prioritized(taskRenderer{}, 100),
		util.Prioritized(newFigureRenderer(defaultFuncs(htmlOpts...)), 100),
	}, NodeRenderers()...)
	renderers = append(renderers, extra...)
	inline := []util.PrioritizedValue{
		util.Prioritized(spanParser{notes: d.Pandoc}, 150), // before goldmark's links (200)
		util.Prioritized(attrParser{}, 150),                // after images, links and code
		util.Prioritized(newQuickLinkify(), 999),           // where extension.Linkify puts it
	}
	if pairs := mathDelims(d); d.Pandoc || d.Dollars || len(pairs) > 0 {
		inline = append(inline, util.Prioritized(mathParser{dollars: d.Pandoc || d.Dollars, pairs: pairs}, 100))
	}
	strike := extension.NewStrikethroughParser() // where extension.Strikethrough puts it
	if d.Pandoc {
		strike = doubleTildes{strike}
		inline = append(inline, util.Prioritized(scriptParser{'~'}, 450), // before strikethrough (500)
			util.Prioritized(scriptParser{'^'}, 450))
	}
	inline = append(inline, util.Prioritized(strike, 500))
	renderers = append(renderers, util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500))
	transformers := []util.PrioritizedValue{
		util.Prioritized(alertTransformer{}, 100),
		util.Prioritized(autoIDs{}, 100),
		util.Prioritized(knitrTransformer{}, 100),
		util.Prioritized(warningsTransformer{}, 10000),
	}
	if d.Pandoc {
		transformers = append(transformers, util.Prioritized(implicitFigures{}, 100), util.Prioritized(listComments{}, 100), util.Prioritized(tableCaptions{}, 100),
			util.Prioritized(inlineNotes{}, 1000)) // after the footnote extension's list (999)
	}
	if d.TOCMarker != "" {
		transformers = append(transformers, util.Prioritized(tocMarker{marker: d.TOCMarker, maxLevel: d.TOCMaxLevel}, 150)) // before safe HTML's (200)
	}
	if d.BlockAttributes {
		transformers = append(transformers, util.Prioritized(blockAttrs{}, 100))
	}
	if !rawHTML {
		renderers = append(renderers, util.Prioritized(safeHTMLRenderer{}, 100))
		transformers = append(transformers, util.Prioritized(safeHTMLTransformer{hint: rawHTMLHintFor(d.RawHTMLSetting)}, 200))
	} else {
		renderers = append(renderers, util.Prioritized(rawHTMLRenderer{}, 100))
	}
	rendererOpts := []renderer.Option{renderer.WithNodeRenderers(renderers...)}
	if rawHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	// extension.GFM, with linkify behind a quick check (see quickLinkify);
	// footnotes, as Hugo, mdBook and Pandoc have them, the way back named
	// for screen readers
	extensions := []goldmark.Extender{extension.Table, extension.TaskList,
		extension.NewFootnote(extension.WithFootnoteBacklinkHTML(`&#x21a9;&#xfe0e;<span class="visually-hidden"> Back to the text</span>`))}
	if !d.PlainPunctuation {
		extensions = append(extensions, extension.Typographer)
	}
	md := goldmark.New(
		goldmark.WithExtensions(extensions...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithHeadingAttribute(),
			parser.WithBlockParsers(append(definitionListParsers(), // extension.DefinitionList's, taking indented colons
				util.Prioritized(fencedDivParser{}, 50), util.Prioritized(depthGuard{}, 50))...),
			parser.WithInlineParsers(inline...),
			parser.WithASTTransformers(transformers...),
			parser.WithParagraphTransformers(paragraphTransformers(d)...),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	script := asciiIDs
	switch {
	case d.MdBookIDs:
		script = mdBookIDs
	case d.UnicodeIDs && d.HugoIDs == "github-ascii":
		script = hugoASCIIIDs
	case d.UnicodeIDs && d.HugoIDs == "blackfriday":
		script = blackfridayIDs
	case d.UnicodeIDs:
		script = hugoIDs
	}
	return &Markdown{md: md, pandocIDs: d.Pandoc, idScript: script, smart: !d.PlainPunctuation}
}

// paragraphTransformers are dialect d's own readings of a paragraph:
// tables' cells, and with Pandoc line blocks, before extension.Table's
// transformer (200) reads the paragraph as a table.
func paragraphTransformers(d Dialect) []util.PrioritizedValue {
	ts := []util.PrioritizedValue{util.Prioritized(tableCells{pandoc: d.Pandoc}, 190)}
	if d.Pandoc {
		ts = append(ts, util.Prioritized(lineBlocks{}, 180))
	}
	return ts
}

// NodeRenderers returns the renderers of this package's own inline and
// block nodes (spans, sub- and superscripts, alerts, definition lists), for a renderer built
// elsewhere that draws parts of a parsed page.
func NodeRenderers() []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(spanRenderer{}, 100),
		util.Prioritized(scriptRenderer{}, 100),
		util.Prioritized(mathRenderer{}, 100),
		util.Prioritized(tableCaptionRenderer{}, 100),
		util.Prioritized(lineBlockRenderer{}, 100),
		util.Prioritized(alertRenderer{}, 100),
		util.Prioritized(extension.NewDefinitionListHTMLRenderer(), 500),
	}
}

// Parse parses source into a document tree.
func (m *Markdown) Parse(source []byte) ast.Node {
	ids := newHeadingIDs()
	ids.pandoc, ids.script, ids.smart = m.pandocIDs, m.idScript, m.smart
	ctx := parser.NewContext(parser.WithIDs(ids))
	return m.md.Parser().Parse(text.NewReader(source), parser.WithContext(ctx))
}

// Render renders a tree made by Parse (and possibly changed since) to HTML.
func (m *Markdown) Render(source []byte, doc ast.Node) ([]byte, error) {
	var buf bytes.Buffer
	if err := m.RenderTo(&buf, source, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RenderTo is Render into a buffer of the caller's, which it appends to.
func (m *Markdown) RenderTo(buf *bytes.Buffer, source []byte, doc ast.Node) error {
	if err := m.md.Renderer().Render(buf, source, doc); err != nil {
		return fmt.Errorf("render markdown: %w", err)
	}
	return nil
}

// Position converts a byte offset in source to a 1-based line and column;
// a negative offset (unknown place) gives 0, 0.
func Position(source []byte, offset int) (line, col int) {
	if offset < 0 {
		return 0, 0
	}
	if offset > len(source) {
		offset = len(source)
	}
	before := source[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// NodeOffset returns the byte offset where a node starts in the source, or -1.
func NodeOffset(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if d, ok := n.(*FencedDiv); ok {
			return d.Offset
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return -1
}
