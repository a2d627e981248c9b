package markdown

import "sort"

// Lines finds the line and column of byte offsets in one source, each in
// time logarithmic in its size (Position scans from the start each call,
// which a page of many links or problems would make quadratic).
type Lines struct {
	starts []int // byte offset where each line starts
	size   int
}

// NewLines indexes the line starts of src.
func NewLines(src []byte) *Lines {
	l := &Lines{starts: []int{0}, size: len(src)}
	for i, b := range src {
		if b == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// Position is Position(src, offset) for the src the Lines were made from.
func (l *Lines) Position(offset int) (line, col int) {
	if offset < 0 {
		return 0, 0
	}
	offset = min(offset, l.size)
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	return i + 1, offset - l.starts[i] + 1
}
