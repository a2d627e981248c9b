package cards

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/markdown"
)

// faceRenderer draws a card's blocks on deck pages and print sheets, away
// from the lesson: links become their text (their targets are relative to
// the lesson, and paper has no links), images their description, and
// headings bold paragraphs without ids.
type faceRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r faceRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.inner)
	reg.Register(ast.KindAutoLink, r.autoLink)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindHeading, r.heading)
}

func (faceRenderer) inner(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkContinue, nil
}

func (faceRenderer) autoLink(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(esc(string(n.(*ast.AutoLink).Label(src))))
	}
	return ast.WalkSkipChildren, nil
}

func (faceRenderer) image(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(esc(markdown.PlainText(src, n)))
	}
	return ast.WalkSkipChildren, nil
}

func (faceRenderer) heading(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<p class="card-heading"><strong>`)
	} else {
		w.WriteString("</strong></p>\n")
	}
	return ast.WalkContinue, nil
}

// renderFaces renders both faces of every card, and each deck's
// description, for the deck and print pages.
func (cs *Cards) renderFaces() {
	if cs.rendered {
		return
	}
	cs.rendered = true
	md := markdown.New(false, nil, util.Prioritized(faceRenderer{}, 10), util.Prioritized(lessonRenderer{}, 100))
	blocks := func(src []byte, nodes []ast.Node) template.HTML {
		var b bytes.Buffer
		for _, n := range nodes {
			out, err := md.Render(src, n)
			if err != nil { // only a failing writer makes goldmark fail; keep the text
				out = []byte("<p>" + esc(markdown.PlainText(src, n)) + "</p>\n")
			}
			b.Write(out)
		}
		return template.HTML(b.String())
	}
	for _, c := range cs.cards {
		c.frontHTML = blocks(c.Page.Body, c.front)
		c.backHTML = blocks(c.Page.Body, c.back)
		if c.backAttr != "" {
			c.backHTML = template.HTML("<p>" + esc(c.backAttr) + "</p>\n")
		}
	}
	for _, d := range cs.decks {
		if d.def == nil {
			continue
		}
		var nodes []ast.Node
		for k := d.def.node.FirstChild(); k != nil; k = k.NextSibling() {
			if k.Kind() != KindCard {
				nodes = append(nodes, k)
			}
		}
		d.description = blocks(d.def.page.Body, nodes)
	}
}
