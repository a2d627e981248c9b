package trainer

import (
	"bytes"
	"html"
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// fragments renders parts of a lesson's tree (a note, an agenda) for the
// facilitator guide: links, which the builder has made relative to the
// lesson, are made relative to the guide; headings lose their ids (the
// lesson keeps them, and the guide must not hold two alike) and sit below
// the guide's own; raw HTML is shown as text.
type fragments struct {
	src []byte
	r   renderer.Renderer
}

// newFragments renders Markdown of the lesson at URL from for the page at URL to.
func newFragments(src []byte, from, to string) *fragments {
	fr := fragmentRenderer{src: src, rebase: func(dest string) string { return rebase(dest, from, to) }}
	r := renderer.NewRenderer(renderer.WithNodeRenderers(append([]util.PrioritizedValue{
		util.Prioritized(ghtml.NewRenderer(), 1000),
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
		util.Prioritized(extension.NewTableHTMLRenderer(), 500),
		util.Prioritized(fr, 100),
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

// fragmentRenderer writes what differs from goldmark's HTML renderer.
type fragmentRenderer struct {
	src    []byte
	rebase func(string) string
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r fragmentRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindHTMLBlock, r.rawHTML)
	reg.Register(markdown.KindFencedDiv, r.div)
	reg.Register(markdown.KindFragment, r.fragment)
	reg.Register(east.KindTaskCheckBox, r.checkBox)
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
	_, _ = w.WriteString(`<img src="` + r.url(n.Destination) + `" alt="` + html.EscapeString(markdown.PlainText(r.src, children(n)...)) + `"`)
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
	return string(util.EscapeHTML(util.URLEscape([]byte(r.rebase(string(dest))), true)))
}

// heading writes a heading without its id, at level 4 or below (the
// guide's module and lesson headings are h2 and h3).
func (r fragmentRenderer) heading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	level := min(max(node.(*ast.Heading).Level+2, 4), 6)
	tag := "h" + strconv.Itoa(level)
	if entering {
		_, _ = w.WriteString("<" + tag + ">")
	} else {
		_, _ = w.WriteString("</" + tag + ">\n")
	}
	return ast.WalkContinue, nil
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

// div writes a fenced div inside a note (a callout) as a plain div.
func (r fragmentRenderer) div(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="` + html.EscapeString(node.(*markdown.FencedDiv).Name) + `">` + "\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

// fragment writes a diagram the builder put into the lesson, as it is.
func (r fragmentRenderer) fragment(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.Write(node.(*markdown.Fragment).HTML)
	}
	return ast.WalkSkipChildren, nil
}

// checkBox writes a task list's box as a character: a printed list to tick.
func (r fragmentRenderer) checkBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		box := "\u2610 "
		if node.(*east.TaskCheckBox).IsChecked {
			box = "\u2611 "
		}
		_, _ = w.WriteString(box)
	}
	return ast.WalkContinue, nil
}
