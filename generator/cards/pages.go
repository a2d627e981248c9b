package cards

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"strings"

	"p2pc/generator/feature"
)

//go:embed templates/*.html
var templateFS embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"printLinks": func(d *Deck, dir string) template.HTML { return template.HTML(printLinks(d, dir)) },
	"facts":      facts,
	"plural":     plural,
}).ParseFS(templateFS, "templates/*.html"))

// Pages are the list of decks at cards/ and one page per deck at
// cards/<deck>/, each showing its cards and its print buttons.
func (cs *Cards) Pages() []feature.Generated {
	if len(cs.decks) == 0 {
		return nil
	}
	cs.renderFaces()
	pages := []feature.Generated{{
		URL:     "cards/",
		Title:   "Conversation cards",
		Summary: "Decks of conversation cards to print, cut out and hand round in a workshop.",
		HTML:    execute("index", struct{ Decks []*Deck }{cs.decks}),
	}}
	for _, d := range cs.decks {
		pages = append(pages, feature.Generated{
			URL:     d.URL(),
			Title:   d.Title,
			Summary: fmt.Sprintf("%s to print on %s, cut out and use in a workshop.", plural(len(d.Cards), "conversation card"), d.Size.Label),
			HTML: execute("deck", struct {
				Deck *Deck
				Root string
			}{d, feature.Root(d.URL())}),
		})
	}
	return pages
}

// facts sums up a deck: "5 cards · 3 × 5 in index cards · two-sided, flip
// on the long edge · 4 pages on A4 or US Letter".
func facts(d *Deck) string {
	sides := map[Backs]string{
		NoBacks:   "one-sided",
		LongEdge:  "two-sided, flip on the long edge",
		ShortEdge: "two-sided, flip on the short edge",
		Fold:      "fold-over: front and back side by side",
	}[d.Backs]
	n := make([]int, len(Papers))
	for i, p := range Papers {
		_, sheets, _ := d.Sheets(p, d.Backs == Fold)
		n[i] = len(sheets)
	}
	pages := fmt.Sprintf("%s on %s or %s", plural(n[0], "page"), Papers[0].Name, Papers[1].Name)
	if n[0] != n[1] {
		pages = fmt.Sprintf("%s on %s, %d on %s", plural(n[0], "page"), Papers[0].Name, n[1], Papers[1].Name)
	}
	return strings.Join([]string{plural(len(d.Cards), "card"), d.Size.Label, sides, pages}, " · ")
}

// execute runs a template to HTML; the templates are fixed, so a failure is a bug.
func execute(name string, data any) template.HTML {
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		panic(fmt.Sprintf("cards: template %s: %v", name, err))
	}
	return template.HTML(b.String())
}
