package generator

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"regexp"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/markdown"
)

var (
	xmlProlog   = regexp.MustCompile(`(?s)^\s*(<\?xml.*?\?>\s*)?(<!DOCTYPE[^>]*>\s*)?`)
	unsafeSVG   = regexp.MustCompile(`(?i)<script|<foreignObject|\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*(?:https?:|//|javascript:)`)
	svgHasTitle = regexp.MustCompile(`(?s)^<svg[^>]*\brole="img".*<title[\s>].*<desc[\s>]`)
)

// isDiagram reports whether an image is a diagram: an .svg file alone in
// its paragraph (![alt](loop.svg)), put into the page itself.
func isDiagram(n ast.Node) bool {
	img, ok := n.(*ast.Image)
	para, inPara := n.Parent().(*ast.Paragraph)
	return ok && inPara && para.ChildCount() == 1 && bytes.HasSuffix(withoutQuery(img.Destination), []byte(".svg"))
}

// withoutQuery is a link's address without its ?query and #fragment
// (d.svg?width=50, as Learn and Relearn size pictures).
func withoutQuery[T ~string | ~[]byte](dest T) T {
	for i := range len(dest) {
		if dest[i] == '?' || dest[i] == '#' {
			return dest[:i]
		}
	}
	return dest
}

// loadDiagram reads the diagram at src in the content folder and checks
// that it is safe to inline (no scripts, event handlers or outside links)
// and accessible (role="img" with a <title> and a <desc>). It returns the
// <svg> element, or why it is not put into the page (it is then shown as
// an <img>, with the Markdown's alt text).
func loadDiagram(content fs.FS, src string) (svg []byte, problem string) {
	data, err := fs.ReadFile(content, src)
	if err != nil {
		return nil, fmt.Sprintf("read diagram %s: %v", src, err)
	}
	svg = bytes.TrimSpace(xmlProlog.ReplaceAll(data, nil))
	switch {
	case !bytes.HasPrefix(svg, []byte("<svg")):
		return nil, fmt.Sprintf("diagram %s does not start with <svg", src)
	case unsafeSVG.Match(svg):
		return nil, fmt.Sprintf("diagram %s has a script, an event handler or an outside link; remove it (the SVG is put into the page)", src)
	case !svgHasTitle.Match(svg):
		return nil, fmt.Sprintf(`diagram %s needs role="img" on <svg> and a <title> and a <desc> for screen readers`, src)
	}
	return svg, ""
}

// inlineDiagrams puts the diagrams of a checked page, whose links doc has
// rewritten, into the page itself, as a <figure>, so they follow the page's
// colours and their <title> and <desc> reach screen readers.
func inlineDiagrams(p *Page, doc ast.Node, content fs.FS, targets *linkTargets) {
	var paragraphs []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && isDiagram(n) {
			paragraphs = append(paragraphs, n.Parent().(*ast.Paragraph))
		}
		return ast.WalkContinue, nil
	})
	for _, para := range paragraphs {
		img := para.FirstChild().(*ast.Image)
		src, ok := targets.sources[string(withoutQuery(img.Destination))]
		if !ok {
			continue
		}
		svg, problem := loadDiagram(content, src)
		if problem != "" {
			continue // reported when the page was checked
		}
		fig := fmt.Sprintf("<figure class=\"diagram\">\n%s\n<figcaption>%s</figcaption>\n</figure>\n", svg, html.EscapeString(markdown.PlainText(p.body, img)))
		para.Parent().ReplaceChild(para.Parent(), para, &markdown.Fragment{HTML: []byte(fig)})
	}
}
