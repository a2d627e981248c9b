package directive

import "bytes"

// span is the byte range [start, end) of a text.
type span struct{ start, end int }

// blocks is what the Hugo pass needs to know of a page's Markdown blocks
// to leave code alone: the fenced code blocks, fences included, and the
// places a code span cannot reach past (blank lines, code blocks).
type blocks struct {
	code   []span
	blanks []int // start of each blank line outside code blocks
}

// scanBlocks finds the fenced code blocks of text: a line of three or
// more ` or ~ (after any indentation, blockquote markers and, on the
// opening line, a list marker) opens one, and a line of at least as many
// of the same character closes it; an unclosed one runs to the end.
// Indented code blocks are not recognised.
func scanBlocks(text []byte) blocks {
	var b blocks
	var fenceChar byte
	var fenceLen, start int
	inFence := false
	for off := 0; off < len(text); {
		end := len(text)
		next := end
		if j := bytes.IndexByte(text[off:], '\n'); j >= 0 {
			end, next = off+j, off+j+1
		}
		line := text[off:end]
		switch {
		case inFence:
			if c, n, rest := fenceRun(stripQuotes(line)); c == fenceChar && n >= fenceLen && !hasText(rest) {
				b.code = append(b.code, span{start, next})
				inFence = false
			}
		case !hasText(line):
			b.blanks = append(b.blanks, off)
		default:
			c, n, rest := fenceRun(stripListMarker(stripQuotes(line)))
			if n >= 3 && (c == '~' || bytes.IndexByte(rest, '`') < 0) {
				inFence, fenceChar, fenceLen, start = true, c, n, off
			}
		}
		off = next
	}
	if inFence {
		b.code = append(b.code, span{start, len(text)})
	}
	return b
}

// fenceRun returns the run of ` or ~ that line starts with after spaces
// and tabs, its length and the rest of the line.
func fenceRun(line []byte) (byte, int, []byte) {
	line = bytes.TrimLeft(line, " \t")
	if len(line) == 0 || (line[0] != '`' && line[0] != '~') {
		return 0, 0, line
	}
	n := 1
	for n < len(line) && line[n] == line[0] {
		n++
	}
	return line[0], n, line[n:]
}

// stripQuotes removes the indentation and blockquote markers line starts with.
func stripQuotes(line []byte) []byte {
	for {
		line = bytes.TrimLeft(line, " \t")
		if len(line) == 0 || line[0] != '>' {
			return line
		}
		line = line[1:]
	}
}

// stripListMarker removes a list item's marker ("-", "*", "+", "1." or
// "1)" and a space) from the start of line.
func stripListMarker(line []byte) []byte {
	n := 0
	switch {
	case len(line) > 0 && (line[0] == '-' || line[0] == '*' || line[0] == '+'):
		n = 1
	default:
		for n < len(line) && n < 9 && '0' <= line[n] && line[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(line) || (line[n] != '.' && line[n] != ')') {
			return line
		}
		n++
	}
	if n < len(line) && (line[n] == ' ' || line[n] == '\t') {
		return line[n:]
	}
	return line
}

// backtickRuns indexes the runs of backticks in text by length, each
// list in order, so a code span's closing run is found without a rescan.
func backtickRuns(text []byte) map[int][]int {
	runs := map[int][]int{}
	for i := 0; i < len(text); {
		j := bytes.IndexByte(text[i:], '`')
		if j < 0 {
			break
		}
		s := i + j
		e := s + 1
		for e < len(text) && text[e] == '`' {
			e++
		}
		runs[e-s] = append(runs[e-s], s)
		i = e
	}
	return runs
}
