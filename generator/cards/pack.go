package cards

import (
	"bytes"
	"fmt"
	"html/template"

	"p2pc/generator/feature"
)

var _ feature.Printer = (*Cards)(nil)

// PrintParts implements feature.Printer: for a workshop pack, each deck's
// sheets on each paper, as its own print page lays them out (two-sided
// decks with their backs, fold decks folded), cut marks and calibration
// line included.
func (cs *Cards) PrintParts(url string) []feature.PrintPart {
	cs.renderFaces()
	var parts []feature.PrintPart
	for _, d := range cs.decks {
		for _, p := range Papers {
			v := Variant{Paper: p, Fold: d.Backs == Fold, Dir: "print-" + p.Key}
			view, err := newPrintView(d, v, feature.Root(url))
			if err != nil {
				continue // Collect reported the deck's size as a problem
			}
			var b bytes.Buffer
			if err := templates.ExecuteTemplate(&b, "sheets", view); err != nil {
				panic("cards: sheets template: " + err.Error()) // the templates are fixed and tested
			}
			parts = append(parts, feature.PrintPart{
				ID: "cards-" + d.Key, Group: "Card decks", Title: d.Title,
				About: fmt.Sprintf("%s, %s, %s", plural(len(d.Cards), "card"), d.Size.Label, packSides(d)),
				Paper: p.Key, Sheets: true, Pages: len(view.Sheets), Duplex: d.Backs == LongEdge || d.Backs == ShortEdge,
				HTML: template.HTML(b.String()), Class: "print-page", Style: view.Type,
				Styles: []string{"cards-print.css"},
			})
		}
	}
	return parts
}

// packSides says how a deck's part of a pack prints.
func packSides(d *Deck) string {
	switch d.Backs {
	case LongEdge:
		return "two-sided, flip on the long edge"
	case ShortEdge:
		return "two-sided, flip on the short edge"
	case Fold:
		return "one-sided, folded"
	}
	return "one-sided"
}
