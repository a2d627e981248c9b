package cards

import (
	_ "embed"

	"p2pc/generator/feature"
)

var (
	//go:embed assets/cards.css
	cardsCSS []byte
	//go:embed assets/cards-print.css
	printCSS []byte
	//go:embed assets/cards-print.js
	printJS []byte
)

// Dir is the top-level output folder of the cards pages.
const Dir = "cards"

// Manifest implements feature.Feature: the card and deck divs, the cards/
// folder, the card search kind, the card styles (on lessons with cards
// and on cards/ pages) and the print pages' own style and script.
func (cs *Cards) Manifest() feature.Manifest {
	return feature.Manifest{
		Name:        "cards",
		Divs:        []string{"card", "deck"},
		Dirs:        []string{Dir},
		SearchKinds: []string{"card"},
		Assets:      map[string][]byte{"cards.css": cardsCSS, "cards-print.css": printCSS, "cards-print.js": printJS},
		Styles:      []string{"cards.css"},
	}
}
