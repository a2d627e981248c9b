package feature

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

	"p2pc/generator/markdown"
)

// Fragments renders parts of a lesson's tree (a question's prompt, a
// trainer's note) for a feature's page at another place in the site:
// links and images, which the builder has made relative to the lesson,
// are made relative to that page; raw HTML is shown as text; a fenced div
// without a renderer of its own is a plain <div class="name">.
type Fragments struct {
	src []byte
	r   renderer.Renderer
}

// NewFragments renders the Markdown src of the lesson at URL from for the
// page at URL to. More node renderers (at priority 100, for kinds the
// fragments leave alone) change how a feature draws its own parts.
func NewFragments(src []byte, from, to string, more ...renderer.NodeRenderer) *Fragments {
	list := []util.PrioritizedValue{
		util.Prioritized(ghtml.NewRenderer(), 1000),
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
		util.Prioritized(extension.NewTableHTMLRenderer(), 500),
		util.Prioritized(fragmentRenderer{src: src, from: from, to: to}, 100),
	}
	for _, m := range more {
		list = append(list, util.Prioritized(m, 100))
	}
	r := renderer.NewRenderer(renderer.WithNodeRenderers(append(list, markdown.NodeRenderers()...)...))
	return &Fragments{src: src, r: r}
}

// HTML renders nodes one after another.
func (f *Fragments) HTML(nodes []ast.Node) template.HTML {
	var b bytes.Buffer
	for _, n := range nodes {
		_ = f.r.Render(&b, f.src, n) // writing to a bytes.Buffer does not fail
	}
	return template.HTML(strings.TrimSpace(b.String()))
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// Rebase turns a link written relative to the page at URL from into one
// relative to the page at URL to. Links to other hosts stay as they are.
func Rebase(dest, from, to string) string {
	switch {
	case from == to || scheme.MatchString(dest) || strings.HasPrefix(dest, "//"):
		return dest
	case strings.HasPrefix(dest, "#"):
		return Root(to) + from + "index.html" + dest
	case strings.HasPrefix(dest, Root(from)):
		return Root(to) + dest[len(Root(from)):]
	}
	return dest
}

// fragmentRenderer writes links and images with rebased destinations,
// raw HTML as text, and fenced divs as plain divs.
type fragmentRenderer struct {
	src      []byte
	from, to string
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r fragmentRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindHTMLBlock, r.rawHTML)
	reg.Register(markdown.KindFencedDiv, r.div)
}

func (r fragmentRenderer) link(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
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

func (r fragmentRenderer) image(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	var kids []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		kids = append(kids, c)
	}
	_, _ = w.WriteString(`<img src="` + r.url(n.Destination) + `" alt="` + html.EscapeString(markdown.PlainText(r.src, kids...)) + `"`)
	if len(n.Title) > 0 {
		_, _ = w.WriteString(` title="` + html.EscapeString(string(n.Title)) + `"`)
	}
	_, _ = w.WriteString(">")
	return ast.WalkSkipChildren, nil
}

func (r fragmentRenderer) url(dest []byte) string {
	if ghtml.IsDangerousURL(dest) {
		return ""
	}
	return string(util.EscapeHTML(util.URLEscape([]byte(Rebase(string(dest), r.from, r.to)), true)))
}

func (r fragmentRenderer) rawHTML(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
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

// div writes a fenced div without a renderer of its own (a callout inside
// a prompt or a note) as a plain div; of a div a renderer made in the tree
// (markdown.MadeOffset), once the lesson was rendered, only its content.
func (r fragmentRenderer) div(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if node.(*markdown.FencedDiv).Offset == markdown.MadeOffset {
		return ast.WalkContinue, nil
	}
	if entering {
		_, _ = w.WriteString(`<div class="` + html.EscapeString(node.(*markdown.FencedDiv).Name) + `">` + "\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}
