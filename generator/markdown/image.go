package markdown

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// imageAttrKeys are the key=value attributes an image keeps.
var imageAttrKeys = map[string]bool{"alt": true, "width": true, "height": true}

func setImageAttrs(img *ast.Image, a inlineAttrs, offset int, pc parser.Context) {
	a.setIDClass(img, false)
	for _, at := range a.Attrs {
		key := strings.ToLower(at.Key)
		if key == "style" {
			styleSize(img, at.Value, offset, pc)
			continue
		}
		if !imageAttrKeys[key] {
			warn(pc, offset, fmt.Sprintf("dropped %s=%q after the image: only alt, width, height, #id and .class are kept", at.Key, shorten(at.Value, 40)))
			continue
		}
		img.SetAttributeString(key, []byte(at.Value))
	}
}

// styleSize keeps the width and height a style gives an image, such as
// style='width:90%' (Pandoc keeps the style; the site keeps no inline CSS,
// but sizes are what such styles set), as its attributes: pixels as a
// number, percentages as they are. Any other declaration is dropped with
// a warning.
func styleSize(img *ast.Image, style string, offset int, pc parser.Context) {
	var dropped []string
	for _, decl := range strings.Split(style, ";") {
		prop, value, _ := strings.Cut(decl, ":")
		prop, value = strings.ToLower(strings.TrimSpace(prop)), strings.TrimSpace(value)
		if prop == "" && value == "" {
			continue
		}
		if size, ok := cssSize(value); ok && (prop == "width" || prop == "height") {
			img.SetAttributeString(prop, []byte(size))
			continue
		}
		dropped = append(dropped, strings.TrimSpace(decl))
	}
	if len(dropped) > 0 {
		warn(pc, offset, fmt.Sprintf("dropped %q from the image's style: only a width and a height in px or %% are kept", shorten(strings.Join(dropped, "; "), 40)))
	}
}

// cssSize is a CSS length in px or % (or 0) as an HTML size attribute:
// whole pixels, or a percentage.
func cssSize(v string) (string, bool) {
	num, unit := strings.TrimRight(v, "px%"), v[len(strings.TrimRight(v, "px%")):]
	whole, frac, _ := strings.Cut(num, ".")
	if whole == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return "", false
	}
	switch {
	case unit == "%":
		return num + "%", true
	case unit == "px" || unit == "" && strings.Trim(num, "0.") == "":
		return whole, true
	}
	return "", false
}

// shorten cuts s to at most n bytes (at a rune boundary), marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// caption is where a figure's caption comes from.
type caption int

const (
	noCaption    caption = iota
	titleCaption         // ![alt](src "Caption")
	textCaption          // ![Caption](src){alt='…'}
)

// captionOf tells whether an image is a figure, alone in its paragraph
// with a caption, and where the caption comes from. Pandoc's rule: when
// alt is given in {…}, the bracket text is the caption; otherwise the
// title is, if there is one.
func captionOf(img *ast.Image) caption {
	para, ok := img.Parent().(*ast.Paragraph)
	if !ok || para.FirstChild() != img || img.NextSibling() != nil {
		return noCaption
	}
	if _, ok := img.AttributeString("alt"); ok && img.HasChildren() {
		return textCaption
	}
	if len(img.Title) > 0 {
		return titleCaption
	}
	return noCaption
}

// figureRenderer writes images with their {…} attributes, and a paragraph
// that holds only an image with a caption as a <figure> with a
// <figcaption>. Everything else goes to goldmark's own renderers.
type figureRenderer struct {
	image, paragraph renderer.NodeRendererFunc // goldmark's
}

func newFigureRenderer(defaults map[ast.NodeKind]renderer.NodeRendererFunc) figureRenderer {
	return figureRenderer{image: defaults[ast.KindImage], paragraph: defaults[ast.KindParagraph]}
}

func (r figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindParagraph, r.renderParagraph)
}

func (r figureRenderer) renderParagraph(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if img, ok := node.FirstChild().(*ast.Image); !ok || captionOf(img) == noCaption {
		return r.paragraph(w, source, node, entering)
	}
	if entering {
		w.WriteString("<figure>")
	} else {
		w.WriteString("</figure>\n")
	}
	return ast.WalkContinue, nil
}

func (r figureRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Image)
	c := captionOf(n)
	if !entering {
		if c == textCaption {
			w.WriteString("</figcaption>")
		}
		return ast.WalkContinue, nil
	}
	if alt, ok := n.AttributeString("alt"); ok {
		// goldmark writes the alt text from the image's children: give it
		// a stand-in image whose only child is the alt attribute.
		stand := ast.NewImage(ast.NewLink())
		stand.Destination, stand.Title = n.Destination, n.Title
		for _, a := range n.Attributes() {
			if string(a.Name) != "alt" {
				stand.SetAttribute(a.Name, a.Value)
			}
		}
		s := ast.NewString(alt.([]byte))
		s.SetRaw(true)
		stand.AppendChild(stand, s)
		if _, err := r.image(w, source, stand, true); err != nil {
			return ast.WalkStop, err
		}
	} else if _, err := r.image(w, source, n, true); err != nil {
		return ast.WalkStop, err
	}
	switch c {
	case titleCaption:
		w.WriteString("<figcaption>")
		html.DefaultWriter.Write(w, n.Title)
		w.WriteString("</figcaption>")
	case textCaption:
		w.WriteString("<figcaption>")
		return ast.WalkContinue, nil
	}
	return ast.WalkSkipChildren, nil
}

// defaultFuncs returns goldmark's own HTML node renderers, by kind, so an
// override can hand the cases it does not change back to them.
func defaultFuncs(opts ...html.Option) map[ast.NodeKind]renderer.NodeRendererFunc {
	funcs := funcMap{}
	html.NewRenderer(opts...).RegisterFuncs(funcs)
	return funcs
}

type funcMap map[ast.NodeKind]renderer.NodeRendererFunc

func (m funcMap) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { m[k] = f }
