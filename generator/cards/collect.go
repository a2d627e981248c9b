package cards

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// collector gathers cards and decks from every page and reports mistakes.
type collector struct {
	problems []feature.Problem
	cards    []*Card
	defs     map[string]*deckDef
	modules  map[string]string // module key -> module title
}

// problem records a mistake at a byte offset of a page.
func (c *collector) problem(p *feature.Page, offset int, format string, args ...any) {
	line, col := markdown.Position(p.Body, offset)
	c.problems = append(c.problems, feature.Problem{Path: p.Source, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// Collect finds every ::: card and ::: deck div, replaces them by card and
// deck nodes, groups the cards into decks and checks them.
func (cs *Cards) Collect(pages []*feature.Page) []feature.Problem {
	c := &collector{defs: map[string]*deckDef{}, modules: map[string]string{}}
	for _, p := range pages {
		if p.ModuleKey != "" {
			c.modules[p.ModuleKey] = p.Module
		}
		if doc, ok := p.Doc.(ast.Node); ok {
			c.page(p, doc)
		}
	}
	cs.decks = c.decks()
	cs.cards = c.cards
	return c.problems
}

// page collects the cards and decks of one page, outermost first.
func (c *collector) page(p *feature.Page, doc ast.Node) {
	var divs []*markdown.FencedDiv
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if d, ok := n.(*markdown.FencedDiv); ok && entering && (d.Name == "card" || d.Name == "deck") {
			divs = append(divs, d)
		}
		return ast.WalkContinue, nil
	})
	for _, div := range divs {
		var inCard int // line of the card that div is in
		var inDeck *markdown.FencedDiv
		for a := div.Parent(); a != nil; a = a.Parent() {
			if n, ok := a.(*CardNode); ok && inCard == 0 {
				inCard = n.Card.Line
			}
			if n, ok := a.(*DeckNode); ok && inDeck == nil {
				inDeck = n.def.div
			}
		}
		if inCard > 0 {
			c.problem(p, div.Offset, "::: %s inside the card that starts on line %d: close that card with ::: first (a card holds only Markdown)", div.Name, inCard)
			continue
		}
		if div.Name == "deck" {
			c.deck(p, div, inDeck != nil)
			continue
		}
		deck := p.ModuleKey
		if inDeck != nil && inDeck.ID != "" {
			deck = inDeck.ID
		}
		c.card(p, div, deck)
	}
}

// deck reads a ::: deck div and puts a deck node in its place.
func (c *collector) deck(p *feature.Page, div *markdown.FencedDiv, nested bool) {
	report := func(format string, args ...any) { c.problem(p, div.Offset, format, args...) }
	if nested {
		report("::: deck inside another ::: deck: close the first one before defining the next")
		return
	}
	def := parseDeck(p, div, report)
	if def.div.ID != "" {
		if prev, ok := c.defs[div.ID]; ok {
			report("deck %q is defined twice: here and at %s:%d (define each deck once)", div.ID, prev.page.Source, prev.line)
		} else {
			c.defs[div.ID] = def
		}
	}
	node := &DeckNode{Page: p, def: def}
	def.node = node
	replace(div, node)
}

// replace puts node where div was and moves div's children into it.
func replace(div *markdown.FencedDiv, node ast.Node) {
	var kids []ast.Node
	for k := div.FirstChild(); k != nil; k = k.NextSibling() {
		kids = append(kids, k)
	}
	div.Parent().ReplaceChild(div.Parent(), div, node)
	for _, k := range kids {
		node.AppendChild(node, k)
	}
}

// cardOptions are the attributes a ::: card div takes, besides #id and .class.
var cardOptions = []string{"deck", "back", "title"}

// card reads a ::: card div and puts a card node with two faces in its place.
func (c *collector) card(p *feature.Page, div *markdown.FencedDiv, deck string) {
	report := func(format string, args ...any) { c.problem(p, div.Offset, format, args...) }
	card := &Card{ID: div.ID, Page: p, DeckName: deck, offset: div.Offset, classes: div.Classes}
	card.Line, _ = markdown.Position(p.Body, div.Offset)
	for _, a := range div.Attrs {
		switch a.Key {
		case "deck":
			card.DeckName = strings.TrimSpace(a.Value)
		case "back":
			card.backAttr = strings.TrimSpace(a.Value)
		case "title":
			card.Title, card.attrTitle = strings.TrimSpace(a.Value), true
		default:
			report("unknown card option %q%s: a card takes #id, deck=, title= and back=", a.Key, feature.DidYouMean(a.Key, cardOptions))
		}
	}
	var front, back []ast.Node
	breaks := 0
	for k := div.FirstChild(); k != nil; k = k.NextSibling() {
		switch {
		case k.Kind() == ast.KindThematicBreak:
			breaks++
		case breaks == 0:
			front = append(front, k)
		default:
			back = append(back, k)
		}
	}
	if h, ok := first(front).(*ast.Heading); ok && !card.attrTitle {
		card.title, card.Title = h, markdown.PlainText(p.Body, h)
		front = front[1:]
	}
	card.front, card.back = front, back
	if card.title != nil && setextUnderline(p.Body, card.title) {
		report("card %q: the line under its first paragraph is ---, which makes that paragraph a heading; start the card with a heading (### Title) and leave a blank line before ---", card.Title)
		return
	}
	switch {
	case card.Title == "" && len(front) == 0 && len(back) == 0:
		report(`card has no content: write a heading and a prompt between "::: card" and ":::"`)
		return
	case card.Title == "":
		report(`card has no title: start it with a heading (### Title) or add title="..."`)
		return
	case len(front) == 0:
		report("card %q has nothing on its front: write a prompt under its title", card.Title)
	}
	switch {
	case breaks > 1:
		report("card %q has %d --- lines: a card has one front and one back, split by a single ---", card.Title, breaks)
	case breaks == 1 && len(back) == 0 && card.backAttr == "":
		report("card %q has a --- line but nothing after it: write its back or remove the line", card.Title)
	case len(back) > 0 && card.backAttr != "":
		report(`card %q has both back="..." and a back after ---: keep one of them`, card.Title)
	}
	for _, k := range front {
		if setextUnderline(p.Body, k) {
			c.problem(p, markdown.NodeOffset(k), "card %q: the line above --- became a heading; leave a blank line before ---", card.Title)
		}
	}
	card.frontText = markdown.PlainText(p.Body, front...)
	card.backText = card.backAttr
	if len(back) > 0 {
		card.backText = markdown.PlainText(p.Body, back...)
	}
	if card.title != nil {
		card.title.SetAttributeString("class", []byte("card-title"))
	}

	node := &CardNode{Card: card}
	frontFace, backFace := &FaceNode{Card: card}, &FaceNode{Card: card, Back: true}
	div.Parent().ReplaceChild(div.Parent(), div, node)
	node.AppendChild(node, frontFace)
	if card.title != nil {
		frontFace.AppendChild(frontFace, card.title)
	}
	for _, k := range front {
		frontFace.AppendChild(frontFace, k)
	}
	if card.HasBack() {
		node.AppendChild(node, backFace)
	}
	for _, k := range back {
		backFace.AppendChild(backFace, k)
	}
	c.cards = append(c.cards, card)
}

func first(nodes []ast.Node) ast.Node {
	if len(nodes) == 0 {
		return nil
	}
	return nodes[0]
}

// setextUnderline reports whether n is a heading made by a --- line right
// under a paragraph: on a card that --- was meant to split front from back.
func setextUnderline(src []byte, n ast.Node) bool {
	h, ok := n.(*ast.Heading)
	if !ok || h.Level != 2 || h.Lines().Len() == 0 {
		return false
	}
	start := h.Lines().At(0).Start
	lineStart := bytes.LastIndexByte(src[:start], '\n') + 1
	if bytes.HasPrefix(bytes.TrimLeft(src[lineStart:], " \t"), []byte("#")) {
		return false // an ATX heading: ## Title
	}
	end := h.Lines().At(h.Lines().Len() - 1).Stop
	if end > 0 && src[end-1] != '\n' {
		i := bytes.IndexByte(src[end:], '\n')
		if i < 0 {
			return false
		}
		end += i + 1
	}
	rest := src[end:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	rest = bytes.TrimSpace(rest)
	return len(rest) > 0 && len(bytes.Trim(rest, "-")) == 0
}

// decks groups the cards into decks in reading order, applies each deck's
// options and checks what needs the whole site.
func (c *collector) decks() []*Deck {
	byKey := map[string]*Deck{}
	var order []*Deck
	ids := map[string]*Card{}
	undefined := map[string]bool{} // reported once, at the deck's first card
	for _, card := range c.cards {
		d := byKey[card.DeckName]
		if d == nil {
			def, defined := c.defs[card.DeckName]
			_, module := c.modules[card.DeckName]
			switch {
			case card.DeckName == "":
				c.problem(card.Page, card.offset, `card %q has no deck (this page is not in a module): add deck="name"`, card.Title)
				continue
			case !defined && !module:
				if !undefined[card.DeckName] {
					undefined[card.DeckName] = true
					c.problem(card.Page, card.offset, "card %q is in deck %q, which is never defined: add ::: deck {#%s title=\"...\"} to a lesson, or use one of the decks %s",
						card.Title, card.DeckName, card.DeckName, c.deckNames())
				}
				continue
			}
			d = &Deck{Key: card.DeckName, def: def}
			byKey[d.Key] = d
			order = append(order, d)
		}
		d.Cards = append(d.Cards, card)
		card.Deck, card.Number = d, len(d.Cards)
		if card.ID == "" {
			card.ID = "card-" + d.Key + "-" + markdown.Slug(card.Title)
		}
		if prev, ok := ids[card.ID]; ok {
			c.problem(card.Page, card.offset, "card id %q is used twice: here and at %s:%d (give one of them another #id)", card.ID, prev.Page.Source, prev.Line)
		} else {
			ids[card.ID] = card
		}
	}
	var unused []*deckDef
	for key, def := range c.defs {
		if byKey[key] == nil {
			unused = append(unused, def)
		}
	}
	sort.Slice(unused, func(i, j int) bool { return unused[i].div.ID < unused[j].div.ID })
	for _, def := range unused {
		c.problem(def.page, def.div.Offset, "deck %q has no cards: give cards deck=%q, or remove this ::: deck", def.div.ID, def.div.ID)
	}
	for _, d := range order {
		c.options(d)
	}
	return order
}

// deckNames lists the defined deck names and module keys, for messages.
func (c *collector) deckNames() string {
	seen := map[string]bool{}
	for k := range c.defs {
		seen[k] = true
	}
	for k := range c.modules {
		seen[k] = true
	}
	var names []string
	for k := range seen {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// options applies a deck's ::: deck options or their defaults, then checks
// the deck's cards against them.
func (c *collector) options(d *Deck) {
	d.Size, d.Fold = sizes["index"], true
	hasBack := false
	for _, card := range d.Cards {
		hasBack = hasBack || card.HasBack()
	}
	if hasBack {
		d.Backs = LongEdge
	}
	d.Title = c.modules[d.Key]
	if def := d.def; def != nil {
		if def.title != "" {
			d.Title = def.title
		}
		if def.size != nil {
			d.Size = *def.size
		}
		if def.backs != nil {
			d.Backs = *def.backs
		}
		if def.fold != nil {
			d.Fold = *def.fold
			if *def.fold && d.Backs != LongEdge && d.Backs != ShortEdge {
				c.problem(def.page, def.div.Offset, "deck %q: fold=true makes fold-over pages of two-sided cards, but the deck is printed with backs=%s", d.Key, d.Backs)
			}
		}
		d.Gutter = def.gutter
		def.node.Deck = d
	}
	if d.Title == "" {
		d.Title = strings.ToUpper(d.Key[:1]) + strings.ReplaceAll(d.Key[1:], "-", " ")
	}
	if d.Backs == NoBacks {
		for _, card := range d.Cards {
			if card.HasBack() {
				c.problem(card.Page, card.offset, "card %q has a back, but deck %q is printed without backs (backs=none at %s:%d): remove the back, or choose backs=long-edge",
					card.Title, d.Key, d.def.page.Source, d.def.line)
			}
		}
	}
	if d.def != nil && d.def.bad {
		return
	}
	for _, v := range d.Variants() {
		if _, _, err := d.Sheets(v.Paper, v.Fold); err != nil && d.def != nil { // the default size always fits
			hint := "choose a smaller size"
			if v.Fold && d.Backs != Fold {
				hint += ", or fold=false"
			}
			c.problem(d.def.page, d.def.div.Offset, "deck %q: %v; %s", d.Key, err, hint)
		}
	}
	for _, card := range d.Cards {
		for _, msg := range overflow(card, d.Size) {
			c.problem(card.Page, card.offset, "%s", msg)
		}
	}
}
