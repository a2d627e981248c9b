package generator

import (
	"bytes"
	"path"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/markdown"
)

// parsePage parses a page's Markdown, takes its title from a leading # heading
// when the front matter has none, and records its anchors and table of contents.
func parsePage(md *markdown.Markdown, p *Page, errs *errorList) {
	if p.body == nil {
		p.body = []byte{}
	}
	p.doc = md.Parse(p.body)
	if h, ok := firstH1(p.doc); ok {
		if p.Title == "" {
			p.Title = markdown.PlainText(p.body, h)
			p.titleLine, _ = markdown.Position(p.body, markdown.NodeOffset(h))
		}
		if markdown.PlainText(p.body, h) == p.Title {
			h.Parent().RemoveChild(h.Parent(), h)
		}
	}
	if p.Title == "" {
		name := path.Base(p.Source)
		if p.Kind == "module" || p.Kind == "home" {
			name = path.Base(path.Dir(p.Source))
		}
		p.Title = titleFromName(name)
	}
	_ = ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			ids, _ := id.([]byte)
			p.anchors[string(ids)] = true
			if (n.Level == 2 || n.Level == 3) && !markdown.InsideDiv(n) {
				p.TOC = append(p.TOC, TOCEntry{Level: n.Level, ID: string(ids), Text: markdown.PlainText(p.body, n)})
			}
		case *markdown.FencedDiv:
			p.divs = append(p.divs, n.Name)
			line, col := markdown.Position(p.body, n.Offset)
			if !n.Closed {
				errs.add(p.Source, line, col, "fenced div ::: %s is never closed (add a line ::: after its content)", n.Name)
			}
			if n.AttrErr != "" {
				errs.add(p.Source, line, col, "fenced div ::: %s: %s", n.Name, n.AttrErr)
			}
			if n.ID != "" {
				if p.anchors[n.ID] {
					errs.add(p.Source, line, col, "id %q is used twice on this page", n.ID)
				}
				p.anchors[n.ID] = true
			}
		case *ast.Text:
			p.WordCount += len(bytes.Fields(n.Segment.Value(p.body)))
		}
		return ast.WalkContinue, nil
	})
}

func firstH1(doc ast.Node) (*ast.Heading, bool) {
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && h.Level == 1 {
			return h, true
		}
	}
	return nil, false
}
