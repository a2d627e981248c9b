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

// Search lists every card, found on its lesson at its id.
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
