package cards

// Backs says how a deck's backs are printed.
type Backs int

// How backs are printed.
const (
	NoBacks   Backs = iota // single-sided: fronts only
	LongEdge               // duplex, the paper flips on its long edge: columns mirrored
	ShortEdge              // duplex, the paper flips on its short edge: rows mirrored
	Fold                   // front and back side by side, folded along the line between
)

var backsNames = []string{"none", "long-edge", "short-edge", "fold"}

// String is the option value: "none", "long-edge", "short-edge" or "fold".
func (b Backs) String() string { return backsNames[b] }

// Side is what one printed sheet shows.
type Side int

// What a sheet shows.
const (
	Fronts Side = iota
	BackSides
	Folded // fronts and backs side by side
)

// Sheet is one printed page of a deck.
type Sheet struct {
	Side Side
	// Slots holds, for each cell of the grid in reading order, the index
	// of the card printed there, or -1 for an empty cell.
	Slots []int
	// Front is the index of the sheet whose backs this sheet holds.
	Front int
}

// Plan lays out n cards on sheets of grid g: each sheet of fronts is
// followed by its backs when b is LongEdge or ShortEdge, each back in the
// cell behind its front (Grid.Mirror), so a short last row is padded with
// empty cells on the side the backs do not use; with Fold each cell holds
// a card's front and back.
func Plan(n int, g Grid, b Backs) []Sheet {
	per := g.PerSheet()
	var sheets []Sheet
	for first := 0; first < n; first += per {
		side := Fronts
		if b == Fold {
			side = Folded
		}
		front := Sheet{Side: side, Slots: emptySlots(per)}
		for i := first; i < n && i < first+per; i++ {
			front.Slots[i-first] = i
		}
		sheets = append(sheets, front)
		if b != LongEdge && b != ShortEdge {
			continue
		}
		back := Sheet{Side: BackSides, Slots: emptySlots(per), Front: len(sheets) - 1}
		for slot, card := range front.Slots {
			if card >= 0 {
				back.Slots[g.Mirror(slot, b)] = card
			}
		}
		sheets = append(sheets, back)
	}
	return sheets
}

func emptySlots(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}
