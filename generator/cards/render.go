package cards

import (
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
)

// lessonRenderer draws cards where they are written in a lesson, front and
// back side by side, and ::: deck boxes with links to the deck's pages.
type lessonRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r lessonRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCard, r.card)
	reg.Register(KindFace, r.face)
	reg.Register(KindDeck, r.deck)
}

func (lessonRenderer) card(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	c := node.(*CardNode).Card
	if entering {
		class := strings.TrimSpace("card " + strings.Join(c.classes, " "))
		fmt.Fprintf(w, "<section class=\"%s\" id=\"%s\" aria-label=\"Card: %s\">\n", esc(class), esc(c.ID), esc(c.Title))
		return ast.WalkContinue, nil
	}
	if c.Deck != nil {
		deck := feature.Root(c.Page.URL) + c.Deck.URL() + "index.html#" + c.ID
		fmt.Fprintf(w, "<p class=\"card-meta\">Card %d of %d in the deck <a href=\"%s\">%s</a></p>\n",
			c.Number, len(c.Deck.Cards), esc(deck), esc(c.Deck.Title))
	}
	w.WriteString("</section>\n")
	return ast.WalkContinue, nil
}

func (lessonRenderer) face(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	f := node.(*FaceNode)
	if !entering {
		w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	switch {
	case f.Back:
		w.WriteString("<div class=\"card-face card-back\">\n<p class=\"card-side\">On the back</p>\n")
		if f.Card.backAttr != "" {
			fmt.Fprintf(w, "<p>%s</p>\n", esc(f.Card.backAttr))
		}
	case f.Card.attrTitle:
		fmt.Fprintf(w, "<div class=\"card-face card-front\">\n<p class=\"card-title\">%s</p>\n", esc(f.Card.Title))
	default:
		w.WriteString("<div class=\"card-face card-front\">\n")
	}
	return ast.WalkContinue, nil
}

func (lessonRenderer) deck(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*DeckNode)
	d := n.Deck
	if d == nil {
		return ast.WalkSkipChildren, nil
	}
	root := feature.Root(n.Page.URL)
	if !entering {
		w.WriteString(printLinks(d, root+d.URL()) + "</aside>\n")
		return ast.WalkContinue, nil
	}
	fmt.Fprintf(w, "<aside class=\"deck-box\" id=\"%s\" aria-label=\"Card deck: %s\">\n", esc(d.Key), esc(d.Title))
	fmt.Fprintf(w, "<p class=\"deck-box-title\">Card deck: <a href=\"%sindex.html\">%s</a> (%s)</p>\n",
		esc(root+d.URL()), esc(d.Title), plural(len(d.Cards), "card"))
	return ast.WalkContinue, nil
}

// printLinks are a deck's print buttons, each naming its paper; deck is
// the relative link to the deck's folder ("" on the deck's own page).
func printLinks(d *Deck, deck string) string {
	s := "<p class=\"deck-print\">"
	for i, v := range d.Variants() {
		if i > 0 {
			s += " "
		}
		label := "Print on " + v.Paper.Name
		if v.Fold && d.Backs != Fold {
			label += ", fold-over"
		}
		s += fmt.Sprintf("<a class=\"button\" href=\"%s%s/index.html\">%s<span class=\"visually-hidden\"> (%s)</span></a>",
			esc(deck), v.Dir, esc(label), esc(d.Title))
	}
	return s + "</p>\n"
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func esc(s string) string { return html.EscapeString(s) }
