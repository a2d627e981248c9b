package directive

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

const (
	// maxDepth is how deep includes may nest (mdBook's limit too).
	maxDepth = 10
	// maxIncluded bounds the included text of one page, so a few files
	// that include each other many times cannot blow up a build.
	maxIncluded = 32 << 20
)

// mdbook is the pass that expands mdBook's {{#…}} directives.
type mdbook struct {
	env      Env
	w        *writer
	title    string
	includes []string
	problems []problem // at offsets of the page's body

	files    *files
	listed   map[string]bool // the names in includes
	included int             // bytes of included text so far
	// knitrOnly: the page is R Markdown, not a book's: only the
	// {{#knitr_child}} that knitrChildren wrote is expanded
	knitrOnly bool
}

type readResult struct {
	data []byte
	err  error
}

// site is the top-level directive that included text is written for:
// every line of it maps to the directive's line, every problem in it is
// reported at the directive.
type site struct {
	off, line int
	file      string // the included file the directive is in, if any
}

// problem records a problem of the directive here.
func (m *mdbook) problem(here *site, msg string, warning bool) {
	if here.file != "" {
		msg = fmt.Sprintf("in included %q: %s", here.file, msg)
	}
	m.problems = append(m.problems, problem{off: here.off, msg: msg, warning: warning})
}

func newMdbook(env Env) *mdbook {
	return &mdbook{env: env, files: newFiles(env), listed: map[string]bool{}}
}

func (m *mdbook) run(src string, body []byte, lines lineIndex) {
	m.w = newWriter(len(body)+len(body)/8, lines.count()+lines.count()/8)
	m.w.keepSegs = true
	m.expand(src, body, []string{src}, nil, lines)
}

// mdDirective is one {{#name args}}, from body[start] to body[end].
type mdDirective struct {
	start, end int
	name, args string
}

// expand writes body, the text of file, with its directives expanded.
// stack holds the files being included, file last. at is nil for the
// page itself (lines then gives its line starts), else the page's
// directive that included body.
func (m *mdbook) expand(file string, body []byte, stack []string, at *site, lines lineIndex) {
	var nl, brace, escEnd memo
	lineEnd := func(p int) int {
		j, _ := nl.next(p, func(p int) (int, int) { return indexFrom(body, p, "\n") })
		if j < 0 {
			return len(body)
		}
		return j
	}
	last := 0
	flush := func(upto int) {
		if upto <= last {
			return
		}
		if at == nil {
			m.w.copy(body[last:upto], lines.line(last), last)
		} else {
			m.w.include(body[last:upto], at.line, at.off, file)
		}
		last = upto
	}
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte("{{"))
		if j < 0 {
			break
		}
		k := i + j
		if k > 0 && body[k-1] == '\\' && k+2 < len(body) && body[k+2] == '#' {
			// \{{#…}}: the directive's text without the backslash.
			e, _ := escEnd.next(k+3, func(p int) (int, int) { return indexFrom(body, p, "}}") })
			if e >= 0 && e < lineEnd(k) {
				flush(k - 1)
				last = k
				i = e + 2
				continue
			}
			i = k + 2
			continue
		}
		d, ok := parseMdDirective(body, k, &brace, lineEnd)
		if !ok {
			i = k + 1
			continue
		}
		i = d.end
		here := at
		if here == nil {
			here = &site{off: k, line: lines.line(k)}
		}
		knitr := d.name == "knitr_child" || d.name == "knitr_code"
		if m.knitrOnly && !knitr {
			continue
		}
		switch d.name {
		case "title":
			flush(k)
			last = d.end
			m.title = strings.TrimSpace(d.args)
		case "include", "rustdoc_include", "knitr_child", "knitr_code":
			if m.knitrOnly != knitr {
				continue // mdBook's in a lesson knitr reads, or the other way round: text
			}
			flush(k)
			last = d.end
			arg := strings.Fields(d.args)[0]
			name, sel := splitInclude(arg)
			switch d.name {
			case "knitr_child": // a whole file, its name as knitr has it (spaces, colons)
				arg = strings.TrimSpace(d.args)
				name, sel = arg, wholeFile
			case "knitr_code": // its name as knitr has it, then its lines as splitInclude reads them
				arg = strings.TrimSpace(d.args)
				name, sel = splitInclude(arg)
			}
			m.include(file, d.name, arg, name, sel, nil, stack, here)
		case "playground", "playpen":
			flush(k)
			last = d.end
			f := strings.Fields(d.args)
			m.include(file, d.name, f[0], f[0], wholeFile, f[1:], stack, here)
		}
	}
	flush(len(body))
}

// parseMdDirective reads "{{#name args}}" at body[k:], mdBook's shape: a
// name of letters, digits and _, then space, then args with no "}", all
// on one line.
func parseMdDirective(body []byte, k int, brace *memo, lineEnd func(int) int) (mdDirective, bool) {
	p := k + 2
	for p < len(body) && (body[p] == ' ' || body[p] == '\t') {
		p++
	}
	if p >= len(body) || body[p] != '#' {
		return mdDirective{}, false
	}
	p++
	s := p
	for p < len(body) && isWordByte(body[p]) {
		p++
	}
	if p == s || p >= len(body) || (body[p] != ' ' && body[p] != '\t') {
		return mdDirective{}, false
	}
	b, _ := brace.next(p, func(p int) (int, int) { return indexFrom(body, p, "}") })
	if b < 0 || b > lineEnd(p) || b+1 >= len(body) || body[b+1] != '}' {
		return mdDirective{}, false
	}
	args := string(body[p:b])
	if strings.TrimSpace(args) == "" {
		return mdDirective{}, false
	}
	return mdDirective{start: k, end: b + 2, name: string(body[s:p]), args: args}, true
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// indexFrom returns the offset of the first sep in b at or after p, and
// the offset just after it, or -1, -1.
func indexFrom(b []byte, p int, sep string) (int, int) {
	if p > len(b) {
		return -1, -1
	}
	j := bytes.Index(b[p:], []byte(sep))
	if j < 0 {
		return -1, -1
	}
	return p + j, p + j + len(sep)
}

// include writes the selected lines of the file arg names (name, with
// the selection cut off), relative to file, expanded in turn. attrs,
// for a playground, makes the text a Rust code block with those
// attributes.
// written is how messages name an include: as the author wrote it.
func written(kind, arg string) string {
	switch kind {
	case "knitr_child":
		return "the chunk's child='" + arg + "'"
	case "knitr_code":
		return "the chunk's code from '" + arg + "'"
	}
	return "{{#" + kind + " " + arg + "}}"
}

func (m *mdbook) include(file, kind, arg, name string, sel selection, attrs []string, stack []string, here *site) {
	target := resolve(file, name)
	fail := func(placeholder, msg string, warning bool) {
		m.problem(here, msg, warning)
		text := "[" + placeholder + ": " + name + "]"
		if kind == "knitr_code" {
			text += "\n" // the chunk's closing fence follows
		}
		m.w.gen(text, here.line, here.off)
	}
	for i, f := range stack {
		if f == target {
			chain := strings.Join(append(stack[i:], target), " → ")
			fail("include cycle", fmt.Sprintf("%s: the file includes itself (%s)", written(kind, arg), chain), false)
			return
		}
	}
	if len(stack) > maxDepth {
		fail("include too deep", fmt.Sprintf("%s: includes nest more than %d deep", written(kind, arg), maxDepth), false)
		return
	}
	data, err := m.files.get(target)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			where := "no such file"
			if target == ".." || strings.HasPrefix(target, "../") {
				where = "the file is outside the content folder"
			}
			fail("missing include", fmt.Sprintf("%s: %s (looked for %q)", written(kind, arg), where, target), true)
			return
		}
		fail("missing include", fmt.Sprintf("%s: %v", written(kind, arg), err), false)
		return
	}
	text, found := sel.take(data)
	if !found {
		m.problem(here, fmt.Sprintf("{{#%s %s}}: %s has no line \"ANCHOR: %s\"", kind, arg, target, sel.anchor), true)
	}
	if m.included += len(text); m.included > maxIncluded {
		fail("include too large", fmt.Sprintf("%s: the page includes more than %d MiB in all (does a file include another many times over?)", written(kind, arg), maxIncluded>>20), false)
		return
	}
	m.addInclude(target)
	var fence string
	if attrs != nil {
		fence = codeFence(text)
		info := "rust"
		if len(attrs) > 0 {
			info += "," + strings.Join(attrs, ",")
		}
		m.w.gen(fence+info+"\n", here.line, here.off)
	}
	if kind == "knitr_code" && len(text) > 0 && text[len(text)-1] != '\n' {
		text = append(text[:len(text):len(text)], '\n') // the chunk's closing fence follows, on a line of its own
	}
	inner := &site{off: here.off, line: here.line, file: target}
	m.expand(target, text, append(stack[:len(stack):len(stack)], target), inner, lineIndex{})
	if attrs != nil {
		m.w.gen("\n"+fence, here.line, here.off)
	}
}

// resolve returns the content path of name, written in file: relative to
// file's folder, or to the content root when it starts with "/".
func resolve(file, name string) string {
	if strings.HasPrefix(name, "/") {
		return path.Clean(strings.TrimLeft(name, "/"))
	}
	return path.Join(path.Dir(file), name)
}

// files reads content files through Env.Read, each once; a name outside
// the content root is fs.ErrNotExist without being asked for.
type files struct {
	read func(name string) ([]byte, error)
	got  map[string]readResult
}

func newFiles(env Env) *files { return &files{read: env.Read, got: map[string]readResult{}} }

func (f *files) get(name string) ([]byte, error) {
	if r, ok := f.got[name]; ok {
		return r.data, r.err
	}
	var r readResult
	switch {
	case !fs.ValidPath(name) || name == ".":
		r.err = fs.ErrNotExist
	case f.read == nil:
		r.err = fs.ErrNotExist
	default:
		r.data, r.err = f.read(name)
	}
	f.got[name] = r
	return r.data, r.err
}

func (m *mdbook) addInclude(name string) {
	if !m.listed[name] {
		m.listed[name] = true
		m.includes = append(m.includes, name)
	}
}

// longestRun returns the length of the longest run of c in b.
func longestRun(b []byte, c byte) int {
	longest, run := 0, 0
	for _, x := range b {
		if x == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}
