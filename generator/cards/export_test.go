package cards

// Estimate exposes the size estimate to the browser tests, which compare
// it with the height the text really takes: front and back need, and the
// room on the card, in pt.
func Estimate(c *Card) (front, back, room float64) { return estimate(c, c.Deck.Size) }
