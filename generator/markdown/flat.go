package markdown

import (
	"sort"

	"github.com/yuin/goldmark/text"
)

// flatText is the text of a run of source segments (a block's lines, the
// parts of a raw HTML tag) joined into one slice, with the way back from
// an index in it to a byte offset in the source.
type flatText struct {
	text   []byte
	segs   []text.Segment
	starts []int // index in text where each segment starts
}

func newFlatText(source []byte, segs []text.Segment) flatText {
	f := flatText{segs: segs, starts: make([]int, len(segs))}
	n := 0
	for _, s := range segs {
		n += s.Len()
	}
	f.text = make([]byte, 0, n)
	for i, s := range segs {
		f.starts[i] = len(f.text)
		f.text = append(f.text, source[s.Start:s.Stop]...)
	}
	return f
}

// segmentsOf lists the segments of a text.Segments plus any extra ones.
func segmentsOf(s *text.Segments, extra ...text.Segment) []text.Segment {
	out := make([]text.Segment, 0, s.Len()+len(extra))
	for i := 0; i < s.Len(); i++ {
		out = append(out, s.At(i))
	}
	return append(out, extra...)
}

// index returns the index in the joined text of the source offset off, or
// -1 when off is in none of the segments.
func (f flatText) index(off int) int {
	i := sort.Search(len(f.segs), func(i int) bool { return f.segs[i].Stop > off })
	if i == len(f.segs) || off < f.segs[i].Start {
		return -1
	}
	return f.starts[i] + off - f.segs[i].Start
}

// offset returns the source offset of index i of the joined text; the end
// of the text maps to the end of the last segment.
func (f flatText) offset(i int) int {
	if len(f.segs) == 0 {
		return -1
	}
	if i >= len(f.text) {
		return f.segs[len(f.segs)-1].Stop
	}
	k := sort.Search(len(f.starts), func(k int) bool { return f.starts[k] > i }) - 1
	if k < 0 {
		k = 0
	}
	return f.segs[k].Start + i - f.starts[k]
}
