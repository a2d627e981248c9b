package feature

import "html/template"

// PrintPart is something a feature offers for a trainer's workshop pack
// (package trainer): a deck's card sheets, a blank worksheet, an answer
// key. The pack is one standalone page that prints the parts a trainer
// ticks, each from a new sheet of paper.
type PrintPart struct {
	ID    string // unique among all parts; letters, digits and hyphens: "cards-five-steps"
	Group string // what the pack lists it under: "Card decks"
	Title string
	About string // a short line on what it holds: "15 cards, two-sided"
	// Paper is the key of the paper the part is laid out for ("a4",
	// "letter"); "" for a part that flows onto any paper. A part that
	// comes in several papers is offered once for each, with the same ID.
	Paper string
	// Sheets marks a part made of sheets exactly the paper's size
	// (elements of class "sheet"), printed with no page margin; other
	// parts flow within the pack's margins.
	Sheets bool
	// Pages is how many pages a Sheets part prints (the pack keeps each
	// part's sheets to themselves when it prints two-sided); 0 when unknown.
	Pages int
	// Duplex marks a part to print two-sided, its backs behind its fronts:
	// the pack then starts every part on the front of a new sheet.
	Duplex bool
	// HTML is the part's body, its links relative to the page the parts
	// were asked for. Class and Style go on the element that holds it (the
	// classes and custom properties its styles expect).
	HTML   template.HTML
	Class  string
	Style  template.CSS
	Styles []string // stylesheets under assets/ the part needs
}

// A Printer is a feature that offers parts for a workshop pack. It is
// asked after its Collect, for a page at url.
type Printer interface {
	PrintParts(url string) []PrintPart
}
