package cards

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// Deck is a named set of cards printed together.
type Deck struct {
	Key    string // the deck's name, used in URLs: "five-steps"
	Title  string
	Size   Size
	Backs  Backs
	Fold   bool    // also make fold-over print pages for a duplex deck
	Gutter float64 // mm between cards on a sheet
	Cards  []*Card

	def         *deckDef // nil when no ::: deck names it
	description template.HTML
}

// deckDef is a ::: deck div: where it is and the options it sets.
type deckDef struct {
	page   *feature.Page
	div    *markdown.FencedDiv
	line   int
	title  string
	size   *Size
	backs  *Backs
	fold   *bool
	gutter float64
	node   *DeckNode
	bad    bool // an option was wrong: skip the checks that depend on them
}

// deckOptions are the attributes a ::: deck div takes ("back" is another
// spelling of "backs").
var deckOptions = []string{"title", "size", "backs", "back", "fold", "gutter", "width", "height"}

var deckName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// parseDeck reads a ::: deck div's options; problems go to report.
func parseDeck(p *feature.Page, div *markdown.FencedDiv, reportTo func(string, ...any)) *deckDef {
	d := &deckDef{page: p, div: div}
	report := func(format string, args ...any) {
		d.bad = true
		reportTo(format, args...)
	}
	d.line, _ = markdown.Position(p.Body, div.Offset)
	for _, c := range div.Classes {
		report("unknown deck option %q: a deck takes %s", "."+c, strings.Join(deckOptions, ", "))
	}
	if div.ID == "" {
		report(`deck has no name: write ::: deck {#name title="..."}, and deck="name" on its cards`)
	} else if !deckName.MatchString(div.ID) {
		report("deck name %q: use lower-case letters, digits and hyphens (it becomes the URL cards/%s/)", div.ID, markdown.Slug(div.ID))
	}
	var width, height float64
	var sizeName string
	for _, a := range div.Attrs {
		switch a.Key {
		case "title":
			d.title = strings.TrimSpace(a.Value)
			if d.title == "" {
				report("deck option title is empty")
			}
		case "size":
			sizeName = strings.ToLower(a.Value)
			if _, ok := sizes[sizeName]; !ok && sizeName != "custom" {
				report("deck option size=%q: use index (3 × 5 in), poker (63 × 88 mm), a7, a6 or custom with width= and height=", a.Value)
				sizeName = "index"
			}
		case "backs", "back":
			b, ok := parseBacks(a.Value)
			if !ok {
				report("deck option %s=%q: use none, long-edge, short-edge or fold", a.Key, a.Value)
			}
			d.backs = &b
		case "fold":
			v := strings.ToLower(a.Value)
			if v != "true" && v != "false" {
				report("deck option fold=%q: use true or false", a.Value)
			}
			f := v == "true"
			d.fold = &f
		case "gutter":
			g, err := parseLength(a.Value)
			switch {
			case err != nil:
				report("deck option gutter: %v", err)
			case g > 20:
				report("deck option gutter=%s: at most 20mm", a.Value)
			}
			d.gutter = g
		case "width", "height":
			v, err := parseLength(a.Value)
			switch {
			case err != nil:
				report("deck option %s: %v", a.Key, err)
			case v < 20:
				report("deck option %s=%s: a card must be at least 20mm", a.Key, a.Value)
			}
			if a.Key == "width" {
				width = v
			} else {
				height = v
			}
		default:
			report("unknown deck option %q%s: a deck takes %s", a.Key, feature.DidYouMean(a.Key, deckOptions), strings.Join(deckOptions, ", "))
		}
	}
	_, hasW := div.Attr("width")
	_, hasH := div.Attr("height")
	switch {
	case (hasW || hasH) && sizeName != "" && sizeName != "custom":
		report("deck options width and height go with size=custom, not size=%s", sizeName)
	case sizeName == "custom" && !(hasW && hasH), sizeName == "" && hasW != hasH:
		report("a custom card size needs both width= and height=, such as width=70mm height=100mm")
	case hasW && hasH:
		s := customSize(width, height)
		d.size = &s
	case sizeName != "":
		s := sizes[sizeName]
		d.size = &s
	}
	return d
}

func parseBacks(s string) (Backs, bool) {
	for i, name := range backsNames {
		if strings.EqualFold(s, name) {
			return Backs(i), true
		}
	}
	return NoBacks, false
}

// Description is the HTML of the ::: deck div's content, if any.
func (d *Deck) Description() template.HTML { return d.description }

// Sheets lays the deck out on paper p; with fold, each cell holds a
// card's front and back side by side, or one above the other when that
// fits more cards on a sheet.
func (d *Deck) Sheets(p Paper, fold bool) (Grid, []Sheet, error) {
	w, h := d.Size.W, d.Size.H
	if !fold {
		g, err := NewGrid(p, w, h, d.Gutter)
		if err != nil {
			return g, nil, err
		}
		return g, Plan(len(d.Cards), g, d.Backs), nil
	}
	g, err := NewGrid(p, 2*w, h, d.Gutter)
	if stacked, err2 := NewGrid(p, w, 2*h, d.Gutter); err2 == nil && (err != nil || stacked.PerSheet() > g.PerSheet()) {
		g, err = stacked, nil
		g.Stacked = true
	}
	if err != nil {
		return g, nil, fmt.Errorf("the fold-over pair of a %s × %s mm card does not fit on %s paper with room for cut marks and the calibration bar",
			trimFloat(w), trimFloat(h), p.Name)
	}
	return g, Plan(len(d.Cards), g, Fold), nil
}

// Variant is one print page of a deck: a paper, and whether the cards fold.
type Variant struct {
	Paper Paper
	Fold  bool   // fronts and backs side by side, to fold
	Dir   string // the page's folder under the deck: "print-a4", "print-letter-fold"
}

// Variants are the deck's print pages: one per paper, laid out as the
// deck's backs option says, plus fold-over pages for a duplex deck unless
// fold=false.
func (d *Deck) Variants() []Variant {
	var out []Variant
	for _, p := range Papers {
		out = append(out, Variant{p, d.Backs == Fold, "print-" + p.Key})
	}
	if d.Fold && (d.Backs == LongEdge || d.Backs == ShortEdge) {
		for _, p := range Papers {
			out = append(out, Variant{p, true, "print-" + p.Key + "-fold"})
		}
	}
	return out
}

// URL is the deck's page: "cards/five-steps/".
func (d *Deck) URL() string { return "cards/" + d.Key + "/" }

// KindDeck is the ast.NodeKind of a deck box in a lesson.
var KindDeck = ast.NewNodeKind("Deck")

// DeckNode replaces a ::: deck div in a lesson's tree: a box that links to
// the deck's page and print pages; its children are the description.
type DeckNode struct {
	ast.BaseBlock
	Deck *Deck // set once every page is collected
	Page *feature.Page
	def  *deckDef
}

// Kind implements ast.Node.
func (n *DeckNode) Kind() ast.NodeKind { return KindDeck }

// Dump implements ast.Node.
func (n *DeckNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Key": n.def.div.ID}, nil)
}
