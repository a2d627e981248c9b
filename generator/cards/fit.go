package cards

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/markdown"
)

// The lettering of printed cards; cards-print.css uses the same numbers.
const (
	bodyLeading  = 1.3  // line height of card text, in em
	titleLeading = 1.2  // line height of titles
	blockGap     = 0.5  // space between paragraphs, in em of the body text
	indentEm     = 1.3  // indent of list items, in em
	avgGlyph     = 0.58 // a generous average glyph width, in em (DejaVu Sans runs about 0.52)
	boldGlyph    = 0.64
	ptPerMM      = 72 / 25.4
)

// footReserve is the height in mm kept clear above the inset for a card's footer.
func footReserve(t Type) float64 { return t.Foot*1.3/ptPerMM + 1.5 }

// textBlock is one paragraph, heading or list item of a face.
type textBlock struct {
	text   string
	indent float64 // em
	bold   bool
}

// overflow estimates whether each face of a card fits its size without
// shrinking the text, and describes every face that would not.
func overflow(c *Card, s Size) []string {
	front, back, room := estimate(c, s)
	var out []string
	for _, f := range []struct {
		side string
		need float64
	}{{"front", front}, {"back", back}} {
		if f.need > room {
			out = append(out, fmt.Sprintf("card %q is too long for %s: its %s needs about %.0f mm of text and there are %.0f mm (text stays at %g pt); shorten it or choose a larger size= for deck %q",
				c.Title, s.Label, f.side, f.need/ptPerMM, room/ptPerMM, s.Type().Body, c.Deck.Key))
		}
	}
	return out
}

// estimate is the height in pt that each face of a card needs on a card
// of size s (0 for a missing back), and the height of its text box.
func estimate(c *Card, s Size) (front, back, room float64) {
	t := s.Type()
	width := (s.W - 2*t.Inset) * ptPerMM
	room = (s.H-2*t.Inset-footReserve(t))*ptPerMM + 0.01
	front = float64(lines(c.Title, width/(t.Title*boldGlyph)))*t.Title*titleLeading + blockGap*t.Body
	front += blocksHeight(textBlocks(c.Page.Body, c.front), t.Body, width)
	if c.HasBack() {
		blocks := textBlocks(c.Page.Body, c.back)
		if c.backAttr != "" {
			blocks = []textBlock{{text: c.backAttr}}
		}
		// The back repeats the title in body-sized bold.
		head := []textBlock{{text: c.Title, bold: true}}
		back = blocksHeight(append(head, blocks...), t.Body, width)
	}
	return front, back, room
}

// blocksHeight is the height in pt of blocks set at size pt in width pt.
func blocksHeight(blocks []textBlock, pt, width float64) float64 {
	h := 0.0
	for i, b := range blocks {
		glyph := avgGlyph
		if b.bold {
			glyph = boldGlyph
		}
		h += float64(lines(b.text, (width-b.indent*pt)/(pt*glyph))) * pt * bodyLeading
		if i > 0 {
			h += blockGap * pt
		}
	}
	return h
}

// lines counts the lines text takes when wrapped at perLine characters.
func lines(text string, perLine float64) int {
	n, cur := 0, 0.0
	for _, w := range strings.Fields(text) {
		l := float64(utf8.RuneCountInString(w))
		switch {
		case n == 0 || cur+1+l > perLine:
			n += max(1, int(math.Ceil(l/perLine)))
			cur = math.Mod(l, perLine)
		default:
			cur += 1 + l
		}
	}
	return n
}

// textBlocks lists the paragraphs, headings and list items under nodes.
func textBlocks(src []byte, nodes []ast.Node) []textBlock {
	var out []textBlock
	for _, n := range nodes {
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch c.Kind() {
			case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, ast.KindCodeBlock, ast.KindFencedCodeBlock:
				depth := 0
				for a := c.Parent(); a != nil && a != n.Parent(); a = a.Parent() {
					if a.Kind() == ast.KindList || a.Kind() == ast.KindBlockquote {
						depth++
					}
				}
				out = append(out, textBlock{text: markdown.PlainText(src, c), indent: float64(depth) * indentEm, bold: c.Kind() == ast.KindHeading})
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
	}
	return out
}
