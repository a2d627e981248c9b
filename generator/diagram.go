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

// inlineDiagrams puts SVG files written as an image alone in a paragraph
// (![alt](loop.svg)) into the page itself, as a <figure>, so they follow the
// page's colours and their <title> and <desc> reach screen readers. The SVG
// must be safe to inline (no scripts, event handlers or outside links) and
// accessible (role="img" with a <title> and a <desc>).
func inlineDiagrams(p *Page, content fs.FS, targets *linkTargets, errs *errorList) {
	var paragraphs []*ast.Paragraph
	_ = ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if para, ok := n.(*ast.Paragraph); ok && entering && para.ChildCount() == 1 {
			if img, ok := para.FirstChild().(*ast.Image); ok && bytes.HasSuffix(img.Destination, []byte(".svg")) {
				paragraphs = append(paragraphs, para)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, para := range paragraphs {
		img := para.FirstChild().(*ast.Image)
		src, ok := targets.sources[string(img.Destination)]
		if !ok {
			continue // not a file of the content folder
		}
		line, col := markdown.Position(p.body, nodeOffset(img))
		data, err := fs.ReadFile(content, src)
		if err != nil {
			errs.add(p.Source, line, col, "read diagram %s: %v", src, err)
			continue
		}
		svg := bytes.TrimSpace(xmlProlog.ReplaceAll(data, nil))
		switch {
		case !bytes.HasPrefix(svg, []byte("<svg")):
			errs.add(p.Source, line, col, "diagram %s does not start with <svg", src)
			continue
		case unsafeSVG.Match(svg):
			errs.add(p.Source, line, col, "diagram %s has a script, an event handler or an outside link; remove it (the SVG is put into the page)", src)
			continue
		case !svgHasTitle.Match(svg):
			errs.add(p.Source, line, col, `diagram %s needs role="img" on <svg> and a <title> and a <desc> for screen readers`, src)
			continue
		}
		fig := fmt.Sprintf("<figure class=\"diagram\">\n%s\n<figcaption>%s</figcaption>\n</figure>\n", svg, html.EscapeString(markdown.PlainText(p.body, img)))
		para.Parent().ReplaceChild(para.Parent(), para, &markdown.Fragment{HTML: []byte(fig)})
	}
}
