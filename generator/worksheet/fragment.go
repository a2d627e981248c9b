package worksheet

import (
	"bytes"
	"html"
	"html/template"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// fragments renders pieces of a lesson's Markdown (prompts, choices,
// feedback, explanations) to HTML for a page at another place in the site:
// links, which the builder has already made relative to the lesson, are
// made relative to that page instead. Raw HTML is always shown as text.
type fragments struct {
	src []byte
	r   renderer.Renderer
}

// newFragments renders Markdown of the lesson at URL from for the page at URL to.
func newFragments(src []byte, from, to string) *fragments {
	lr := linkRenderer{src: src, rebase: func(dest string) string { return rebase(dest, from, to) }}
	r := renderer.NewRenderer(renderer.WithNodeRenderers(append([]util.PrioritizedValue{
		util.Prioritized(ghtml.NewRenderer(), 1000),
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
		util.Prioritized(extension.NewTableHTMLRenderer(), 500),
		util.Prioritized(lr, 100),
	}, markdown.NodeRenderers()...)...))
	return &fragments{src: src, r: r}
}

// html renders nodes one after another.
func (f *fragments) html(nodes []ast.Node) template.HTML {
	var b bytes.Buffer
	for _, n := range nodes {
		_ = f.r.Render(&b, f.src, n) // writing to a bytes.Buffer does not fail
	}
	return template.HTML(strings.TrimSpace(b.String()))
}

// prompt splits a question's prompt into the inline HTML of its first
// paragraph, which goes in the <legend>, and the HTML of the blocks after it.
func (f *fragments) prompt(nodes []ast.Node) (legend, more template.HTML) {
	if len(nodes) > 0 {
		if p, ok := nodes[0].(*ast.Paragraph); ok {
			return f.html(children(p)), f.html(nodes[1:])
		}
	}
	return "", f.html(nodes)
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// rebase turns a link written relative to the page at URL from into one
// relative to the page at URL to. Links to other hosts stay as they are.
func rebase(dest, from, to string) string {
	switch {
	case from == to || scheme.MatchString(dest) || strings.HasPrefix(dest, "//"):
		return dest
	case strings.HasPrefix(dest, "#"):
		return feature.Root(to) + from + "index.html" + dest
	case strings.HasPrefix(dest, feature.Root(from)):
		return feature.Root(to) + dest[len(feature.Root(from)):]
	}
	return dest
}

// linkRenderer writes links and images with rebased destinations and
// escapes raw HTML, so a worksheet is safe on any page.
type linkRenderer struct {
	src    []byte
	rebase func(string) string
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindHTMLBlock, r.rawHTML)
	reg.Register(markdown.KindFencedDiv, r.div)
}

func (r linkRenderer) link(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="` + r.url(n.Destination) + `"`)
	if len(n.Title) > 0 {
		_, _ = w.WriteString(` title="` + html.EscapeString(string(n.Title)) + `"`)
	}
	_, _ = w.WriteString(">")
	return ast.WalkContinue, nil
}

func (r linkRenderer) image(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="` + r.url(n.Destination) + `" alt="` + html.EscapeString(markdown.PlainText(r.src, children(n)...)) + `"`)
	if len(n.Title) > 0 {
		_, _ = w.WriteString(` title="` + html.EscapeString(string(n.Title)) + `"`)
	}
	_, _ = w.WriteString(">")
	return ast.WalkSkipChildren, nil
}

func (r linkRenderer) url(dest []byte) string {
	if ghtml.IsDangerousURL(dest) {
		return ""
	}
	return string(util.EscapeHTML(util.URLEscape([]byte(r.rebase(string(dest))), true)))
}

func (r linkRenderer) rawHTML(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var text strings.Builder
	if n, ok := node.(*ast.RawHTML); ok {
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			text.Write(seg.Value(r.src))
		}
		_, _ = w.WriteString(html.EscapeString(text.String()))
		return ast.WalkSkipChildren, nil
	}
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		text.Write(seg.Value(r.src))
	}
	_, _ = w.WriteString("<p>" + html.EscapeString(strings.TrimSpace(text.String())) + "</p>\n")
	return ast.WalkSkipChildren, nil
}

// div writes any other fenced div (a callout inside a prompt) as a plain div.
func (r linkRenderer) div(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="` + html.EscapeString(node.(*markdown.FencedDiv).Name) + `">` + "\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}
