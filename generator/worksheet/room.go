package worksheet

import (
	"fmt"
	"html/template"
	"unicode/utf8"
)

// The room a printed blank copy leaves for a short answer, in millimetres:
// written by hand, a character with its share of the spaces takes about
// handMM; spareMM more allows for a false start or a longer phrasing. A
// full ruled line is lineMM, about the measure of the print page on A4
// and US Letter; the last line is never shorter than minLineMM.
const (
	handMM    = 5.0
	spareMM   = 25.0
	lineMM    = 160.0
	minLineMM = 40.0
	maxLines  = 8
)

// WritingRoom returns the ruled lines a blank copy gives a short-answer
// question, as the width of each in mm: enough to write its longest
// accepted answer by hand, so a one-word answer gets a short line and a
// phrase a longer one, over several lines when it needs them.
func (q *Question) WritingRoom() []float64 {
	chars := 0
	for _, a := range q.Accept {
		chars = max(chars, utf8.RuneCountInString(a))
	}
	room := spareMM + handMM*float64(chars)
	var lines []float64
	for room > 0 && len(lines) < maxLines {
		w := min(room, lineMM)
		lines = append(lines, max(w, minLineMM))
		room -= w
	}
	return lines
}

// roomStyles is WritingRoom as the style of each ruled line.
func (q *Question) roomStyles() []template.CSS {
	var out []template.CSS
	for _, w := range q.WritingRoom() {
		out = append(out, template.CSS(fmt.Sprintf("width: %.0fmm", w)))
	}
	return out
}
