package directive

import (
	"bytes"
	"sort"
)

// writer builds a pass's output and remembers where each output line
// and each run of output bytes comes from.
type writer struct {
	buf      []byte
	lines    []int     // the input line of each output line
	segs     []segment // where each run of output bytes comes from, when keepSegs
	keepSegs bool

	midLine     bool // a line has been started and not ended
	lineStart   int  // offset in buf of the current line
	lineHasText bool // the current line has more than spaces and tabs
	prevBlank   bool // the line before the current one is blank (or there is none)
}

// segment maps the output bytes from out on to the input: byte out+i
// comes from input offset src+i, or, when fixed (included or generated
// text), from the directive at src.
type segment struct {
	out, src int
	fixed    bool
	file     string // for included text, the file it comes from
}

// newWriter returns a writer for an output of about size bytes and lines lines.
func newWriter(size, lines int) *writer {
	return &writer{buf: make([]byte, 0, size), lines: make([]int, 0, lines), prevBlank: true}
}

// copy writes input text that starts at input offset off, on input line line.
func (w *writer) copy(b []byte, line, off int) { w.write(b, line, off, false, "") }

// gen writes text made for the directive at input offset off, on input
// line line.
func (w *writer) gen(s string, line, off int) { w.write([]byte(s), line, off, true, "") }

// include writes the text of file included by the directive at input
// offset off, on input line line.
func (w *writer) include(b []byte, line, off int, file string) { w.write(b, line, off, true, file) }

func (w *writer) write(b []byte, line, off int, fixed bool, file string) {
	if len(b) == 0 {
		return
	}
	if n := len(w.segs); w.keepSegs && (n == 0 || fixed || w.segs[n-1].fixed || w.segs[n-1].src+len(w.buf)-w.segs[n-1].out != off) {
		w.segs = append(w.segs, segment{out: len(w.buf), src: off, fixed: fixed, file: file})
	}
	for len(b) > 0 {
		if !w.midLine {
			w.lines = append(w.lines, line)
			w.midLine = true
		}
		j := bytes.IndexByte(b, '\n')
		if j < 0 {
			w.buf = append(w.buf, b...)
			w.lineHasText = w.lineHasText || hasText(b)
			return
		}
		w.buf = append(w.buf, b[:j+1]...)
		w.prevBlank = !(w.lineHasText || hasText(b[:j]))
		w.lineHasText = false
		w.midLine = false
		w.lineStart = len(w.buf)
		if !fixed {
			line++
		}
		b = b[j+1:]
	}
}

// container reports whether the current line so far holds nothing but
// indentation, blockquote markers (>) and list markers (-, *, +, 1., 1)
// and a space), so a block can start right there, and whether it has a
// list marker; cont is the prefix the block's next lines need to stay in
// the same containers: the line with its list markers made spaces.
// Lines longer than 64 bytes are taken to hold text.
func (w *writer) container() (cont string, marker, ok bool) {
	line := w.buf[w.lineStart:]
	if len(line) > 64 {
		return "", false, false
	}
	cont, marker, n := containers(line)
	if n < len(line) {
		return "", false, false
	}
	return cont, marker, true
}

// lead is the prefix a block's lines need to stay in the containers of
// the current line when it already holds text: the prefix of container
// without the text.
func (w *writer) lead() string {
	cont, _, _ := containers(w.buf[w.lineStart:])
	return cont
}

// containers reads the indentation, blockquote markers and list markers
// at the start of line: cont is the line up to there with its list
// markers made spaces, n the bytes read, marker whether there was one.
func containers(line []byte) (cont string, marker bool, n int) {
	var b []byte
	i := 0
	for i < len(line) {
		c := line[i]
		m := 0 // length of a list marker at i
		switch {
		case c == ' ' || c == '\t' || c == '>':
			b = append(b, c)
			i++
			continue
		case c == '-' || c == '*' || c == '+':
			m = 1
		case '0' <= c && c <= '9':
			for i+m < len(line) && '0' <= line[i+m] && line[i+m] <= '9' {
				m++
			}
			if i+m >= len(line) || (line[i+m] != '.' && line[i+m] != ')') {
				return string(b), marker, i
			}
			m++
		default:
			return string(b), marker, i
		}
		if i+m >= len(line) || (line[i+m] != ' ' && line[i+m] != '\t') {
			return string(b), marker, i
		}
		b = append(b, bytes.Repeat([]byte(" "), m)...)
		i += m
		marker = true
	}
	return string(b), marker, i
}

// hasText reports whether b has a byte other than a space, tab or CR.
func hasText(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return true
		}
	}
	return false
}

// mapOffset returns the input offset output offset off comes from, and
// the file it was included from ("" for the input's own text).
func mapOffset(segs []segment, off int) (int, string) {
	i := sort.Search(len(segs), func(i int) bool { return segs[i].out > off }) - 1
	if i < 0 {
		return 0, ""
	}
	s := segs[i]
	if s.fixed {
		return s.src, s.file
	}
	return s.src + off - s.out, ""
}

// lineIndex holds the offset of the start of each line of a text.
type lineIndex struct {
	starts []int
	size   int
}

func newLineIndex(b []byte) lineIndex {
	starts := []int{0}
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return lineIndex{starts, len(b)}
}

// count returns the number of lines: a final newline ends the last line.
func (x lineIndex) count() int {
	if x.starts[len(x.starts)-1] == x.size {
		return len(x.starts) - 1
	}
	return len(x.starts)
}

// pos returns the 1-based line and byte column of offset off; an offset
// past the last line is placed at the end of it.
func (x lineIndex) pos(off int) (line, col int) {
	off = max(0, min(off, x.size))
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	if i > 0 && i >= x.count() {
		i--
		return i + 1, off - x.starts[i]
	}
	return i + 1, off - x.starts[i] + 1
}

// line returns the 1-based line of offset off.
func (x lineIndex) line(off int) int {
	l, _ := x.pos(off)
	return l
}

func (x lineIndex) problem(off int, msg string, warning bool) Problem {
	line, col := x.pos(off)
	return Problem{Line: line, Col: col, Msg: msg, Warning: warning}
}

// identity returns the Lines of a text returned unchanged.
func (x lineIndex) identity() []int {
	lines := make([]int, x.count())
	for i := range lines {
		lines[i] = i + 1
	}
	return lines
}
