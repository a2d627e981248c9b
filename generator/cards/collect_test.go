package cards_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"p2pc/generator"
	"p2pc/generator/cards"
	"p2pc/generator/feature"
)

func files(kv ...string) fstest.MapFS {
	m := fstest.MapFS{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = &fstest.MapFile{Data: []byte(kv[i+1])}
	}
	return m
}

// build builds a small site with the cards feature.
func build(fsys fstest.MapFS) (*generator.Site, *cards.Cards, error) {
	cs := cards.New()
	s, err := generator.Build(fsys, os.DirFS("../../layouts"), generator.Options{Features: []feature.Feature{cs}})
	return s, cs, err
}

// TestCollectErrors checks every mistake Collect reports, with its place.
func TestCollectErrors(t *testing.T) {
	long := strings.Repeat("Ask a coworker to show you one small thing they do well every day. ", 12)
	tests := []struct {
		name string
		fsys fstest.MapFS
		want []string
	}{
		{"empty card", files("m/a.md", "# A\n\n::: card\n:::\n"),
			[]string{`m/a.md:3:1: card has no content: write a heading and a prompt between "::: card" and ":::"`}},
		{"no title", files("m/a.md", "# A\n\n::: card\nJust a prompt.\n:::\n"),
			[]string{`m/a.md:3:1: card has no title: start it with a heading (### Title) or add title="..."`}},
		{"nothing on the front", files("m/a.md", "::: card\n### Only a title\n:::\n"),
			[]string{`m/a.md:1:1: card "Only a title" has nothing on its front: write a prompt under its title`}},
		{"unknown deck option", files("m/a.md", "::: deck {#m titel=\"Mine\" colour=red}\n:::\n\n::: card\n### T\nPrompt.\n:::\n"),
			[]string{
				`m/a.md:1:1: unknown deck option "titel" (did you mean "title"?): a deck takes title, size, backs, back, fold, gutter, width, height`,
				`m/a.md:1:1: unknown deck option "colour": a deck takes title, size, backs, back, fold, gutter, width, height`,
			}},
		{"deck class", files("m/a.md", "::: deck {#m .wide}\n:::\n\n::: card\n### T\nPrompt.\n:::\n"),
			[]string{`m/a.md:1:1: unknown deck option ".wide": a deck takes title, size, backs, back, fold, gutter, width, height`}},
		{"bad option values", files("m/a.md", "::: deck {#m size=huge backs=both fold=maybe gutter=3}\n:::\n\n::: card\n### T\nPrompt.\n:::\n"),
			[]string{
				`m/a.md:1:1: deck option size="huge": use index (3 × 5 in), poker (63 × 88 mm), a7, a6 or custom with width= and height=`,
				`m/a.md:1:1: deck option backs="both": use none, long-edge, short-edge or fold`,
				`m/a.md:1:1: deck option fold="maybe": use true or false`,
				`m/a.md:1:1: deck option gutter: "3" is not a length: write it with a unit, such as 3mm, 0.5cm or 0.25in`,
			}},
		{"more bad option values", files("m/a.md", "::: deck {#m title=\"\" gutter=25mm width=15mm height=tall}\n:::\n\n::: card\n### T\nPrompt.\n:::\n"),
			[]string{
				`m/a.md:1:1: deck option title is empty`,
				`m/a.md:1:1: deck option gutter=25mm: at most 20mm`,
				`m/a.md:1:1: deck option width=15mm: a card must be at least 20mm`,
				`m/a.md:1:1: deck option height: "tall" is not a length: write it with a unit, such as 3mm, 0.5cm or 0.25in`,
			}},
		{"fold-over pair too big", files("m/a.md", "::: deck {#m width=120mm height=140mm}\n:::\n\n::: card\n### T\nFront.\n\n---\n\nBack.\n:::\n"),
			[]string{
				`m/a.md:1:1: deck "m": the fold-over pair of a 120 × 140 mm card does not fit on US Letter paper with room for cut marks and the calibration bar; choose a smaller size, or fold=false`,
			}},
		{"back too long", files("m/a.md", "::: deck {#m size=poker}\n:::\n\n::: card\n### T\nFront.\n\n---\n\n"+long+"\n:::\n"),
			[]string{`m/a.md:4:1: card "T" is too long for 63 × 88 mm poker cards: its back needs about 158 mm of text and there are 76 mm (text stays at 10 pt); shorten it or choose a larger size= for deck "m"`}},
		{"custom size without height", files("m/a.md", "::: deck {#m size=custom width=60mm}\n:::\n\n::: card\n### T\nPrompt.\n:::\n"),
			[]string{`m/a.md:1:1: a custom card size needs both width= and height=, such as width=70mm height=100mm`}},
		{"width with a named size", files("m/a.md", "::: deck {#m size=poker width=60mm height=80mm}\n:::\n\n::: card\n### T\nPrompt.\n:::\n"),
			[]string{`m/a.md:1:1: deck options width and height go with size=custom, not size=poker`}},
		{"card too big for the paper", files("m/a.md", "::: deck {#m width=250mm height=60mm}\n:::\n\n::: card\n### T\nPrompt.\n:::\n"),
			[]string{
				`m/a.md:1:1: deck "m": a 250 × 60 mm card does not fit on A4 paper with room for cut marks and the calibration bar; choose a smaller size`,
				`m/a.md:1:1: deck "m": a 250 × 60 mm card does not fit on US Letter paper with room for cut marks and the calibration bar; choose a smaller size`,
			}},
		{"duplicate card ids", files(
			"m/a.md", "# A\n\n::: card {#card-x}\n### One\nPrompt.\n:::\n",
			"n/b.md", "# B\n\nText.\n\n::: card {#card-x deck=m}\n### Two\nPrompt.\n:::\n"),
			[]string{`n/b.md:5:1: card id "card-x" is used twice: here and at m/a.md:3 (give one of them another #id)`}},
		{"same title, no ids", files("m/a.md", "::: card\n### Same\nOne.\n:::\n\n::: card\n### Same\nTwo.\n:::\n"),
			[]string{`m/a.md:6:1: card id "card-m-same" is used twice: here and at m/a.md:1 (give one of them another #id)`}},
		{"back in a deck without backs", files("m/_index.md", "# M\n\n::: deck {#m backs=none}\n:::\n", "m/a.md", "::: card\n### T\nFront.\n\n---\n\nBack.\n:::\n"),
			[]string{`m/a.md:1:1: card "T" has a back, but deck "m" is printed without backs (backs=none at m/_index.md:3): remove the back, or choose backs=long-edge`}},
		{"back attribute in a deck without backs", files("m/a.md", "::: deck {#m backs=none}\n:::\n\n::: card {back=\"Why.\"}\n### T\nFront.\n:::\n"),
			[]string{`m/a.md:4:1: card "T" has a back, but deck "m" is printed without backs (backs=none at m/a.md:1): remove the back, or choose backs=long-edge`}},
		{"deck never defined", files("m/a.md", "::: card {deck=five-step}\n### T\nFront.\n:::\n\n::: card {deck=five-step}\n### U\nFront.\n:::\n"),
			[]string{`m/a.md:1:1: card "T" is in deck "five-step", which is never defined: add ::: deck {#five-step title="..."} to a lesson, or use one of the decks m`}},
		{"deck with no cards", files("m/a.md", "::: deck {#spare title=\"Spare\"}\n:::\n"),
			[]string{`m/a.md:1:1: deck "spare" has no cards: give cards deck="spare", or remove this ::: deck`}},
		{"deck defined twice", files("m/a.md", "::: deck {#m}\n:::\n\n::: card\n### T\nFront.\n:::\n", "m/b.md", "Text.\n\n::: deck {#m}\n:::\n"),
			[]string{`m/b.md:3:1: deck "m" is defined twice: here and at m/a.md:1 (define each deck once)`}},
		{"deck without a name", files("m/a.md", "::: deck {title=\"X\"}\n:::\n"),
			[]string{`m/a.md:1:1: deck has no name: write ::: deck {#name title="..."}, and deck="name" on its cards`}},
		{"deck name not for URLs", files("m/a.md", "::: deck {#Five_Steps}\n:::\n\n::: card {deck=Five_Steps}\n### T\nFront.\n:::\n"),
			[]string{`m/a.md:1:1: deck name "Five_Steps": use lower-case letters, digits and hyphens (it becomes the URL cards/five-steps/)`}},
		{"card inside a card", files("m/a.md", ":::: card\n### Outer\nFront.\n\n::: card\n### Inner\nFront.\n:::\n::::\n"),
			[]string{`m/a.md:5:1: ::: card inside the card that starts on line 1: close that card with ::: first (a card holds only Markdown)`}},
		{"two back lines", files("m/a.md", "::: card\n### T\nFront.\n\n---\n\nBack.\n\n---\n\nMore.\n:::\n"),
			[]string{`m/a.md:1:1: card "T" has 2 --- lines: a card has one front and one back, split by a single ---`}},
		{"empty back", files("m/a.md", "::: card\n### T\nFront.\n\n---\n:::\n"),
			[]string{`m/a.md:1:1: card "T" has a --- line but nothing after it: write its back or remove the line`}},
		{"two backs", files("m/a.md", "::: card {back=\"One.\"}\n### T\nFront.\n\n---\n\nTwo.\n:::\n"),
			[]string{`m/a.md:1:1: card "T" has both back="..." and a back after ---: keep one of them`}},
		{"--- under a paragraph", files("m/a.md", "::: card\n### T\nFront.\n\nMeant for the back\n---\nBack.\n:::\n"),
			[]string{`m/a.md:5:1: card "T": the line above --- became a heading; leave a blank line before ---`}},
		{"--- under the first paragraph", files("m/a.md", "::: card\nA prompt\n---\nBack.\n:::\n"),
			[]string{`m/a.md:1:1: card "A prompt": the line under its first paragraph is ---, which makes that paragraph a heading; start the card with a heading (### Title) and leave a blank line before ---`}},
		{"unknown card option", files("m/a.md", "::: card {dek=m}\n### T\nFront.\n:::\n"),
			[]string{`m/a.md:1:1: unknown card option "dek" (did you mean "deck"?): a card takes #id, deck=, title= and back=`}},
		{"too long for an index card", files("m/a.md", "::: card\n### T\n"+long+"\n:::\n"),
			[]string{`m/a.md:1:1: card "T" is too long for 3 × 5 in index cards: its front needs about 224 mm of text and there are 112 mm (text stays at 13 pt); shorten it or choose a larger size= for deck "m"`}},
		{"fold without backs", files("m/a.md", "::: deck {#m fold=true}\n:::\n\n::: card\n### T\nFront.\n:::\n"),
			[]string{`m/a.md:1:1: deck "m": fold=true makes fold-over pages of two-sided cards, but the deck is printed with backs=none`}},
		{"card outside a module", files("a.md", "::: card\n### T\nFront.\n:::\n"),
			[]string{`a.md:1:1: card "T" has no deck (this page is not in a module): add deck="name"`}},
		{"deck inside a deck", files("m/a.md", ":::: deck {#m}\n::: deck {#n}\n:::\n::::\n\n::: card\n### T\nFront.\n:::\n"),
			[]string{`m/a.md:2:1: ::: deck inside another ::: deck: close the first one before defining the next`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := build(tt.fsys)
			if err == nil {
				t.Fatalf("built without errors, want\n%s", strings.Join(tt.want, "\n"))
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", err, strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestCollect checks what Collect makes of good input: decks, titles,
// generated ids, numbers, faces and the deck options.
func TestCollect(t *testing.T) {
	_, cs, err := build(files(
		"m/_index.md", "# Module M\n",
		"m/a.md", `# A

::: card
### First card
Front one.

## Part of the front
---

Back one.
:::

:::: deck {#pairs title="Pairs" size=poker backs=short-edge gutter=2mm fold=false}
Cards for pairs.

::: card {title="Second card" back="Back two."}
Front two.
:::
::::

::: card {#card-third deck=pairs}
### Third card
Front three.
:::
`))
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		deck, id, title, front, back, footer string
	}
	var all []got
	for _, d := range cs.Decks() {
		for _, c := range d.Cards {
			all = append(all, got{d.Key, c.ID, c.Title, c.Text(false), c.Text(true), c.Footer()})
		}
	}
	want := []got{
		{"m", "card-m-first-card", "First card", "First card Front one. Part of the front", "First card Back one.", "Module M 1/1"},
		{"pairs", "card-pairs-second-card", "Second card", "Second card Front two.", "Second card Back two.", "Pairs 1/2"},
		{"pairs", "card-third", "Third card", "Third card Front three.", "Third card", "Pairs 2/2"},
	}
	if len(all) != len(want) {
		t.Fatalf("cards %+v, want %+v", all, want)
	}
	for i := range want {
		if all[i] != want[i] {
			t.Errorf("card %d = %+v, want %+v", i, all[i], want[i])
		}
	}
	m, pairs := cs.Decks()[0], cs.Decks()[1]
	if m.Title != "Module M" || m.Size.Name != "index" || m.Backs != cards.LongEdge || !m.Fold || m.Gutter != 0 {
		t.Errorf("deck m: %q %s backs=%s fold=%v gutter=%v, want the module title, index, long-edge, fold, no gutter", m.Title, m.Size.Name, m.Backs, m.Fold, m.Gutter)
	}
	if pairs.Title != "Pairs" || pairs.Size.Name != "poker" || pairs.Backs != cards.ShortEdge || pairs.Fold || pairs.Gutter != 2 {
		t.Errorf("deck pairs: %q %s backs=%s fold=%v gutter=%v", pairs.Title, pairs.Size.Name, pairs.Backs, pairs.Fold, pairs.Gutter)
	}
}
