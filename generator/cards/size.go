package cards

import (
	"fmt"
	"strconv"
	"strings"
)

// Size is a card size in millimetres, with the type that suits it.
type Size struct {
	Name  string  // "index", "poker", "a7", "a6" or "custom"
	Label string  // for people: "3 × 5 in index cards"
	W, H  float64 // width and height in mm
}

// Named card sizes; "custom" takes width= and height=.
var sizes = map[string]Size{
	"index": {"index", "3 × 5 in index cards", 76.2, 127},
	"poker": {"poker", "63 × 88 mm poker cards", 63, 88},
	"a7":    {"a7", "A7 cards (74 × 105 mm)", 74, 105},
	"a6":    {"a6", "A6 cards (148 × 105 mm, landscape)", 148, 105},
}

// customSize is a card of any size the author gives.
func customSize(w, h float64) Size {
	return Size{"custom", fmt.Sprintf("%s × %s mm cards", trimFloat(w), trimFloat(h)), w, h}
}

// Type is the lettering of a card: sizes in points, the safe inset in mm.
// Text never shrinks to fit: a card whose text does not fit is an error.
type Type struct {
	Body, Title, Foot float64 // font sizes in pt
	Inset             float64 // mm between the cut line and any text
}

// Type chooses the lettering by the card's shorter side: 13 pt on index
// cards and larger, 10 pt on poker and A7 cards, 8.5 pt on smaller ones.
func (s Size) Type() Type {
	switch m := min(s.W, s.H); {
	case m >= 75:
		return Type{Body: 13, Title: 16, Foot: 7, Inset: 5}
	case m >= 60:
		return Type{Body: 10, Title: 12, Foot: 6.5, Inset: 4}
	default:
		return Type{Body: 8.5, Title: 10, Foot: 6, Inset: 3.5}
	}
}

// Paper is a sheet of printer paper, in mm.
type Paper struct {
	Key  string // URL part: "a4", "letter"
	Name string // for people: "A4", "US Letter"
	W, H float64
}

// Papers are the papers every deck is laid out for, each on its own print page.
var Papers = []Paper{
	{"a4", "A4", 210, 297},
	{"letter", "US Letter", 215.9, 279.4},
}

// parseLength reads a length such as "3mm", "0.4cm" or "0.125in" into mm.
// A bare 0 is allowed.
func parseLength(s string) (float64, error) {
	units := []struct {
		suffix string
		mm     float64
	}{{"mm", 1}, {"cm", 10}, {"in", 25.4}}
	t := strings.TrimSpace(strings.ToLower(s))
	for _, u := range units {
		if num, ok := strings.CutSuffix(t, u.suffix); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil || v < 0 {
				break
			}
			return v * u.mm, nil
		}
	}
	if t == "0" {
		return 0, nil
	}
	return 0, fmt.Errorf("%q is not a length: write it with a unit, such as 3mm, 0.5cm or 0.25in", s)
}

// trimFloat formats v with at most two decimals and no trailing zeros.
func trimFloat(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0"), ".")
}
