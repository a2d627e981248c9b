package directive

import (
	"bytes"
	"fmt"
)

// hugo is the pass that expands Hugo's shortcodes in a text (the page's
// body, or the mdBook pass's output).
type hugo struct {
	env      Env
	in       []byte
	lines    lineIndex
	w        *writer
	last     int // in[:last] is written
	problems []problem

	blocks    blocks
	nextCode  int           // index in blocks.code of the next code block
	nextBlank int           // index in blocks.blanks of the next blank line
	runs      map[int][]int // backtick runs by length
	runNext   map[int]int   // index in runs[n] of the next run to consider

	escClose [2]memo  // the next "*/ >}}" and "*/ %}}"
	hlClose  memo     // the next {{< /highlight >}}
	cardEnd  memo     // the next {{< /card >}}, for Docsy's cards of code
	kxClose  memo     // the next {{< /katex >}}
	mmClose  memo     // the next {{< /mermaid >}}
	ctClose  memo     // the next {{< /code-toggle >}}
	tabClose memo     // the next {{< /tab >}}
	newline  memo     // the next "\n"
	rawBlock rawBlock // the block inRawHTML last looked at

	boxes []openBox      // the shortcodes written as fenced divs, open, innermost last
	open  map[string]int // unknown shortcodes opened and not closed

	src   string        // the content file in is the text of
	stack []string      // the files being included, src last
	inc   *includeState // shared with the passes of included files
}

func newHugo(in []byte, env Env) *hugo {
	lines := newLineIndex(in)
	return &hugo{
		env:     env,
		in:      in,
		lines:   lines,
		w:       newWriter(len(in)+len(in)/8, lines.count()+lines.count()/8),
		blocks:  scanBlocks(in),
		runs:    backtickRuns(in),
		runNext: map[int]int{},
		open:    map[string]int{},
		inc:     &includeState{listed: map[string]bool{}, files: newFiles(env)},
	}
}

func (h *hugo) report(off int, msg string) {
	h.problems = append(h.problems, problem{off: off, msg: msg})
}

func (h *hugo) warn(off int, msg string) {
	h.problems = append(h.problems, problem{off: off, msg: msg, warning: true})
}

// copyTo writes the input up to offset upto as it is; inside a box opened
// in a list item or a blockquote, each line that does not start with the
// container's prefix gets it, so that the box's text stays inside (Hugo
// pastes a shortcode's output where it stands, and Docsy's pages indent
// only the shortcode lines of a tabpane in a numbered step).
func (h *hugo) copyTo(upto int) {
	if upto <= h.last {
		return
	}
	ind, columns := "", false
	if b := h.top(); b != nil {
		ind, columns = b.indent, b.name == "columns"
	}
	if ind == "" && !columns { // as it is, in one piece
		h.w.copy(h.in[h.last:upto], h.lines.line(h.last), h.last)
		h.last = upto
		return
	}
	for h.last < upto {
		e := upto
		if i := bytes.IndexByte(h.in[h.last:upto], '\n'); i >= 0 {
			e = h.last + i + 1
		}
		line := h.in[h.last:e]
		if columns && !h.w.midLine && string(bytes.TrimSpace(line)) == columnBreak && e < upto {
			h.gen("\n", h.last) // hugo-book's column break: the columns follow one another
			h.last = e
			continue
		}
		if ind != "" && !h.w.midLine && hasText(line) && !bytes.HasPrefix(line, []byte(ind)) {
			h.gen(ind, h.last)
		}
		h.w.copy(line, h.lines.line(h.last), h.last)
		h.last = e
	}
}

// gen writes text made for the shortcode at offset off.
func (h *hugo) gen(s string, off int) { h.w.gen(s, h.lines.line(off), off) }

func (h *hugo) run() {
	in := h.in
	for i := 0; i < len(in); {
		if h.nextCode < len(h.blocks.code) && h.blocks.code[h.nextCode].start <= i {
			c := h.blocks.code[h.nextCode]
			h.nextCode++
			if c.end > i {
				h.codeText(i, c.end)
				i = c.end
			}
			continue
		}
		limit := len(in)
		if h.nextCode < len(h.blocks.code) {
			limit = h.blocks.code[h.nextCode].start
		}
		j := bytes.IndexAny(in[i:limit], "{`")
		if j < 0 {
			i = limit
			continue
		}
		k := i + j
		if in[k] == '`' {
			i = h.codeSpan(k)
			continue
		}
		if k+2 < len(in) && in[k+1] == '{' && (in[k+2] == '<' || in[k+2] == '%') {
			i = h.shortcode(k)
			continue
		}
		i = k + 1
	}
	h.copyTo(len(in))
	for b := h.top(); b != nil; b = h.top() {
		h.report(b.start, fmt.Sprintf("%s is not closed: add %s after its text", tag(b.delim, b.name), tag(b.delim, "/"+b.name)))
		h.closeBox(*b, len(in), len(in))
		h.boxes = h.boxes[:len(h.boxes)-1]
	}
}

// codeSpan handles the backtick run at k: a code span when a run as long
// follows before a blank line or a code block (its shortcodes are left
// as they are), else literal backticks. It returns where to go on.
func (h *hugo) codeSpan(k int) int {
	in := h.in
	e := k + 1
	for e < len(in) && in[e] == '`' {
		e++
	}
	if escaped(in, k) {
		return k + 1
	}
	n := e - k
	list := h.runs[n]
	x := h.runNext[n]
	for x < len(list) && list[x] <= k {
		x++
	}
	h.runNext[n] = x
	if x == len(list) || list[x] >= h.boundary(k) {
		return e
	}
	end := list[x] + n
	h.codeText(k, end)
	return end
}

// boundary returns where a code span starting at k must end before: the
// next blank line or code block.
func (h *hugo) boundary(k int) int {
	b := h.blocks.blanks
	for h.nextBlank < len(b) && b[h.nextBlank] <= k {
		h.nextBlank++
	}
	limit := len(h.in)
	if h.nextBlank < len(b) {
		limit = b[h.nextBlank]
	}
	if h.nextCode < len(h.blocks.code) {
		limit = min(limit, h.blocks.code[h.nextCode].start)
	}
	return limit
}

// escaped reports whether the byte at k follows an odd number of backslashes.
func escaped(in []byte, k int) bool {
	n := 0
	for k-n-1 >= 0 && in[k-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// codeText writes in[a:b], code, with only the escapes {{</* … */>}}
// turned into the text they show.
func (h *hugo) codeText(a, b int) {
	h.copyTo(a)
	for p := a; ; {
		j := bytes.Index(h.in[p:b], []byte("{{"))
		if j < 0 {
			break
		}
		k := p + j
		if end, ok := h.escape(k, b); ok {
			p = end
			continue
		}
		if end, ok := h.paramInCode(k, b); ok {
			p = end
			continue
		}
		h.siteShortcodeInCode(k, b)
		p = k + 1
	}
	h.copyTo(b)
}

// paramLength bounds how far a param shortcode in code is read: one is
// a few dozen bytes ({{< param "a.long.name" >}}).
const paramLength = 200

// paramInCode writes the value of a param or siteparam shortcode at k in
// code that ends at limit, as Hugo runs shortcodes in code ("pip install
// tool=={{< param version >}}"), and returns where it ends.
func (h *hugo) paramInCode(k, limit int) (int, bool) {
	if k+2 >= limit || (h.in[k+2] != '<' && h.in[k+2] != '%') {
		return 0, false
	}
	name := h.in[min(skipBlank(h.in, k+3), limit):limit]
	if !bytes.HasPrefix(name, []byte("param")) && !bytes.HasPrefix(name, []byte("siteparam")) {
		return 0, false
	}
	limit = min(limit, k+paramLength) // code full of unclosed ones costs linear time
	if nl := bytes.IndexByte(h.in[k:limit], '\n'); nl >= 0 {
		limit = k + nl // and on one line
	}
	if !bytes.Contains(h.in[k:limit], []byte("}}")) {
		return 0, false // not closed where a param's would be
	}
	sc, status, _, _ := parseShortcode(h.in[:limit], k)
	if status != parsed || sc.closing || (sc.name != "param" && sc.name != "siteparam") {
		return 0, false
	}
	h.copyTo(k)
	h.last = sc.end
	h.param(&sc)
	return sc.end, true
}

// siteShortcodeInCode warns about a shortcode of the site's own at k in
// code, which ends at limit: Hugo runs shortcodes in code too (so its
// escape exists), and p2pc, which does not run the site's templates,
// shows it as written.
func (h *hugo) siteShortcodeInCode(k, limit int) {
	if h.env.SiteShortcodes == "" || k+2 >= limit || (h.in[k+2] != '<' && h.in[k+2] != '%') {
		return
	}
	p := skipBlank(h.in, k+3)
	e := p
	for e < limit && (isWordByte(h.in[e]) || h.in[e] == '-' || h.in[e] == '/') {
		e++
	}
	if name := string(h.in[p:e]); name != "" && name[0] != '/' {
		if tmpl := siteShortcode(h.env.SiteShortcodes, name); tmpl != "" {
			h.warn(k, fmt.Sprintf("shortcode %q in code is the site's own (%s): Hugo runs it there, p2pc shows it as written", name, tmpl))
		}
	}
}

// escape writes the escaped shortcode {{</* x */>}} (or {{%/* x */%}})
// at k, ending by limit, as {{< x >}}, and returns the offset after it.
func (h *hugo) escape(k, limit int) (int, bool) {
	in := h.in
	if k+2 >= len(in) || (in[k+2] != '<' && in[k+2] != '%') {
		return 0, false
	}
	d := in[k+2]
	p := skipBlank(in, k+3)
	if !hasPrefixAt(in, p, "/*") {
		return 0, false
	}
	closer, m := " >}}", &h.escClose[0]
	if d == '%' {
		closer, m = " %}}", &h.escClose[1]
	}
	c, end := m.next(p+2, func(q int) (int, int) {
		for {
			s, _ := indexFrom(in, q, "*/")
			if s < 0 {
				return -1, -1
			}
			r := skipBlank(in, s+2)
			if hasPrefixAt(in, r, closer[1:]) {
				return s, r + len(closer) - 1
			}
			q = s + 1
		}
	})
	if c < 0 || end > limit {
		return 0, false
	}
	h.copyTo(k)
	h.gen("{{"+string(d)+string(in[p+2:c])+closer[1:], k)
	h.last = end
	return end, true
}
