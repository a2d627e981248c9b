package cards

import (
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
)

// Cards is the conversation-cards feature of one build.
type Cards struct {
	cards    []*Card
	decks    []*Deck // in reading order of their first card
	rendered bool
}

// New returns the feature for a fresh build.
func New() *Cards { return &Cards{} }

var _ feature.Feature = (*Cards)(nil)

// Renderers draws cards and deck boxes inside lessons.
func (cs *Cards) Renderers() []util.PrioritizedValue {
	return []util.PrioritizedValue{util.Prioritized(lessonRenderer{}, 100)}
}

// Decks are the collected decks, in reading order of their first card.
func (cs *Cards) Decks() []*Deck { return cs.decks }

// Search lists every card in a deck, found on its lesson at its id: there
// the card is read with the lesson it sums up, and it links to its deck.
// The lesson's own search text leaves the card out (SearchItem), so a card
// is found once, as a card.
func (cs *Cards) Search() []feature.SearchDoc {
	var docs []feature.SearchDoc
	for _, c := range cs.cards {
		if c.Deck == nil {
			continue
		}
		docs = append(docs, feature.SearchDoc{
			URL: c.Page.URL + "index.html", Anchor: c.ID, Title: c.Title, Module: c.Page.Module,
			Kind: "card", Heading: c.Deck.Title, Text: c.frontText + " " + c.backText,
		})
	}
	return docs
}

// SearchItem reports whether Search lists the card as an item of its own
// (it does for every card in a deck); the generator then leaves the card
// out of its lesson's search text.
func (n *CardNode) SearchItem() bool { return n.Card.Deck != nil }
