package cards

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
)

// Card is one conversation card, collected from a ::: card div.
type Card struct {
	ID       string
	Title    string
	DeckName string // the deck= attribute, else the lesson's module key
	Deck     *Deck
	Number   int // 1-based place in the deck
	Page     *feature.Page
	Line     int // of the ::: card line
	offset   int

	// The parts of the tree that make up the card (kept in the lesson):
	title       *ast.Heading // nil when the title is an attribute
	front, back []ast.Node   // blocks after the title, before and after ---
	backAttr    string       // the back= attribute
	frontHTML   template.HTML
	backHTML    template.HTML
	frontText   string // plain text, for search and the size estimate
	backText    string
	attrTitle   bool // the title came from title=
	classes     []string
}

// HasBack reports whether the card has anything on its back.
func (c *Card) HasBack() bool { return len(c.back) > 0 || c.backAttr != "" }

// FrontHTML is the card's front, without its title, for deck and print pages.
func (c *Card) FrontHTML() template.HTML { return c.frontHTML }

// BackHTML is the card's back, for deck and print pages.
func (c *Card) BackHTML() template.HTML { return c.backHTML }

// Text is the card's plain text on one side, the title first on the front.
func (c *Card) Text(back bool) string {
	if back {
		return strings.TrimSpace(c.Title + " " + c.backText)
	}
	return strings.TrimSpace(c.Title + " " + c.frontText)
}

// Footer is the small text on both sides of a printed card, so a cut deck
// can be sorted back: the deck's title and the card's place in it, "The
// five steps 3/5".
func (c *Card) Footer() string { return c.Deck.Title + " " + c.Place() }

// Place is the card's place in its deck: "3/5".
func (c *Card) Place() string {
	return strconv.Itoa(c.Number) + "/" + strconv.Itoa(len(c.Deck.Cards))
}

// KindCard is the ast.NodeKind of a card in a lesson.
var KindCard = ast.NewNodeKind("Card")

// CardNode replaces a ::: card div in a lesson's tree; its children are
// the card's two faces.
type CardNode struct {
	ast.BaseBlock
	Card *Card
}

// Kind implements ast.Node.
func (n *CardNode) Kind() ast.NodeKind { return KindCard }

// Dump implements ast.Node.
func (n *CardNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.Card.ID}, nil)
}

// KindFace is the ast.NodeKind of one side of a card.
var KindFace = ast.NewNodeKind("CardFace")

// FaceNode is the front or back of a card in a lesson; its children are
// the blocks written on that side.
type FaceNode struct {
	ast.BaseBlock
	Back bool
	Card *Card
}

// Kind implements ast.Node.
func (n *FaceNode) Kind() ast.NodeKind { return KindFace }

// Dump implements ast.Node.
func (n *FaceNode) Dump(source []byte, level int) {
	side := "front"
	if n.Back {
		side = "back"
	}
	ast.DumpHelper(n, source, level, map[string]string{"Side": side}, nil)
}
