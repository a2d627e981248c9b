package lessonset

import (
	"net/url"
	"strconv"
	"strings"
)

// summary is what parseSummary makes of an mdBook SUMMARY.md.
type summary struct {
	home     *Entry   // the first prefix chapter, when it names a page: mdBook's first page
	items    []*Entry // everything else, in order
	problems []Problem
	warnings []Problem // what mdBook accepts but may not be meant, such as text after a chapter link
}

// Where a SUMMARY.md line may stand: mdBook's grammar is
// title? prefix-chapters (part-title? numbered-list)* suffix-chapters.
const (
	inPrefix = iota
	inNumbered
	inSuffix
)

// listFrame is an open list item: a deeper item with an indent of at least
// col is its child.
type listFrame struct {
	col int
	e   *Entry
}

type summaryParser struct {
	file, root string
	exists     func(string) bool
	out        summary
	phase      int
	started    bool   // a title, chapter or part has been read
	part       *Entry // the open part, whose Children get the numbered chapters
	stack      []listFrame
	seen       map[string]int // source -> line that listed it
	// createsMissing: book.toml leaves create-missing on (mdBook's
	// default), so a chapter whose file is missing is a draft and a
	// warning, not a problem
	createsMissing bool
}

// parseSummary reads an mdBook SUMMARY.md (file is its path, root the src
// folder; exists reports whether a path in the fs is a file; see
// summaryParser.createsMissing). It never
// fails: what it cannot read becomes a Problem and the line is skipped.
// Cost is linear in the size of src.
func parseSummary(src []byte, file, root string, exists func(string) bool, createsMissing bool) summary {
	p := &summaryParser{file: file, root: root, exists: exists, seen: map[string]int{}, createsMissing: createsMissing}
	text := string(src)
	text = strings.TrimPrefix(text, "\ufeff")
	inComment := false
	for n := 1; text != ""; n++ {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if inComment {
			if strings.Contains(line, "-->") {
				inComment = false
			}
			continue
		}
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "<!--") {
			inComment = !strings.Contains(trimmed[4:], "-->")
			continue
		}
		p.line(n, line)
	}
	return p.out
}

func (p *summaryParser) problem(line, col int, msg string) {
	p.out.problems = append(p.out.problems, Problem{Path: p.file, Line: line, Col: col, Msg: msg})
}

func (p *summaryParser) warn(line, col int, msg string) {
	p.out.warnings = append(p.out.warnings, Problem{Path: p.file, Line: line, Col: col, Msg: msg})
}

// indentOf returns a line's indent in columns (a tab reaches the next
// multiple of 4) and the byte offset of its first non-blank character.
func indentOf(line string) (cols, off int) {
	for off < len(line) {
		switch line[off] {
		case ' ':
			cols++
		case '\t':
			cols += 4 - cols%4
		default:
			return cols, off
		}
		off++
	}
	return cols, off
}

func (p *summaryParser) line(n int, line string) {
	indent, off := indentOf(line)
	rest := strings.TrimRight(line[off:], " \t")
	if rest == "" {
		return
	}
	col := off + 1
	switch {
	case isSeparator(rest) && indent < 4:
		p.separator()
	case rest[0] == '#':
		p.heading(n, col, rest)
	case listMarker(rest) > 0:
		p.listItem(n, indent, off, line)
	case rest[0] == '[':
		if len(p.stack) > 0 && indent >= p.stack[0].col {
			p.problem(n, col, "text inside a list item: put each chapter on its own line, starting with - ")
			return
		}
		p.affix(n, col, rest)
	default:
		p.problem(n, col, "unexpected text: SUMMARY.md holds only chapter links ([Title](file.md)), list items (- [Title](file.md)), part titles (# Title) and separators (---)")
	}
}

func isSeparator(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			return false
		}
	}
	return true
}

// listMarker returns the width of a list item's marker and the space after
// it ("- ", "* ", "+ ", "1. ", "1) "), or 0.
func listMarker(s string) int {
	i := 0
	switch {
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		i = 1
	default:
		for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(s) || (s[i] != '.' && s[i] != ')') {
			return 0
		}
		i++
	}
	if i == len(s) {
		return i
	}
	if s[i] != ' ' && s[i] != '\t' {
		return 0
	}
	return i + 1
}

func (p *summaryParser) separator() {
	p.started = true
	sep := &Entry{Separator: true}
	p.stack = p.stack[:0]
	if p.phase == inNumbered && p.part != nil {
		p.part.Children = append(p.part.Children, sep)
		return
	}
	p.out.items = append(p.out.items, sep)
}

func (p *summaryParser) heading(n, col int, rest string) {
	level := 0
	for level < len(rest) && rest[level] == '#' {
		level++
	}
	if level < len(rest) && rest[level] != ' ' && rest[level] != '\t' {
		p.problem(n, col, "unexpected text: a part title is # and a space, then the title")
		return
	}
	title := strings.TrimSpace(rest[level:])
	// A closing run of #s goes when a space stands before it: "# C#" keeps its #.
	if t := strings.TrimRight(title, "#"); t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t") {
		title = strings.TrimSpace(t)
	}
	if level > 1 {
		p.warn(n, col, "a level-"+strconv.Itoa(level)+" heading is left out, as mdBook leaves it out (a part title is # and a space, then the title)")
		return
	}
	if !p.started {
		// The first heading, before any chapter, is the summary's own title.
		p.started = true
		return
	}
	if title == "" {
		p.problem(n, col, "empty part title")
		return
	}
	if p.phase == inSuffix {
		p.problem(n, col, "part title after the suffix chapters: move the links after the list to the end")
	}
	p.phase = inNumbered
	p.stack = p.stack[:0]
	p.part = &Entry{Title: PlainTitle(title), Part: true}
	p.out.items = append(p.out.items, p.part)
}

func (p *summaryParser) listItem(n, indent, off int, line string) {
	p.started = true
	if p.phase == inSuffix {
		p.problem(n, off+1, "numbered chapter after the suffix chapters: a link without - ends the list")
		p.phase = inNumbered
		p.part = nil
	}
	p.phase = inNumbered
	rest := strings.TrimRight(line[off:], " \t")
	w := listMarker(rest)
	// The item's text starts after the marker and at most four spaces.
	textOff := off + w
	spaces := 0
	for textOff < len(line) && line[textOff] == ' ' && spaces < 4 {
		textOff++
		spaces++
	}
	childCol := indent + w + spaces
	if spaces == 4 || w == len(rest) {
		childCol = indent + w
	}
	e := p.link(n, textOff+1, strings.TrimRight(line[textOff:], " \t"))
	for len(p.stack) > 0 && p.stack[len(p.stack)-1].col > indent {
		p.stack = p.stack[:len(p.stack)-1]
	}
	switch {
	case len(p.stack) > 0:
		parent := p.stack[len(p.stack)-1].e
		parent.Children = append(parent.Children, e)
	case p.part != nil:
		p.part.Children = append(p.part.Children, e)
	default:
		p.out.items = append(p.out.items, e)
	}
	p.stack = append(p.stack, listFrame{childCol, e})
}

// affix reads a prefix or suffix chapter: a link on a line of its own.
func (p *summaryParser) affix(n, col int, rest string) {
	p.started = true
	e := p.link(n, col, rest)
	if p.phase == inNumbered {
		p.phase = inSuffix
		// Separators closing the last part stand between it and the suffix.
		if p.part != nil {
			k := len(p.part.Children)
			for k > 0 && p.part.Children[k-1].Separator {
				k--
			}
			p.out.items = append(p.out.items, p.part.Children[k:]...)
			p.part.Children = p.part.Children[:k]
		}
		p.part = nil
		p.stack = p.stack[:0]
	}
	if p.phase == inPrefix && p.out.home == nil && e.Source != "" {
		p.out.home = e
		return
	}
	p.out.items = append(p.out.items, e)
}

// link reads "[Title](dest)" at col of line n. Text that is not a link
// becomes a draft, so that a list item's children keep their place.
func (p *summaryParser) link(n, col int, s string) *Entry {
	title, dest, after, ok := splitLink(s)
	if !ok {
		p.problem(n, col, "expected a chapter link: [Title](file.md), or [Title]() for a draft")
		return &Entry{Title: strings.TrimSpace(s), Draft: true}
	}
	if rest := strings.TrimSpace(after); rest != "" {
		// mdBook takes the first link and drops the rest of the line.
		p.warn(n, col+len(s)-len(after)+strings.Index(after, rest), "text after the chapter link is left out, as mdBook does: "+quote(rest))
	}
	e := &Entry{Title: PlainTitle(title)}
	if dest == "" {
		e.Draft = true
		return e
	}
	if i := strings.IndexAny(dest, "#?"); i >= 0 {
		dest = dest[:i]
	}
	rel, err := url.PathUnescape(dest)
	switch {
	case err != nil:
		p.problem(n, col, "bad escape in link "+quote(dest)+": "+err.Error())
	case isURLish(dest):
		p.problem(n, col, "chapter link "+quote(dest)+" is not a file in the book; link a .md file relative to SUMMARY.md")
	case rel == "":
		p.problem(n, col, "chapter link names no file")
	case strings.Contains(rel, `\`):
		p.problem(n, col, "chapter link "+quote(dest)+" has a backslash; separate folders with /")
	case strings.HasPrefix(rel, "/"):
		p.problem(n, col, "chapter link "+quote(dest)+" starts with /; write it relative to SUMMARY.md")
	default:
		clean, ok := inside(rel)
		if !ok || clean == "" {
			p.problem(n, col, "chapter link "+quote(dest)+" leaves the src folder; move the file inside it")
			return e
		}
		src := join(p.root, clean)
		if first, dup := p.seen[src]; dup {
			// mdBook builds it twice, the later page over the earlier
			p.warn(n, col, quote(src)+" is listed twice (first on line "+strconv.Itoa(first)+"): a page has one place in the book, so p2pc lists it here unlinked")
			e.Draft = true
			return e
		}
		switch {
		case p.exists(src):
		case p.createsMissing: // mdBook would create it, holding only its title
			p.warn(n, col, src+" does not exist: listed as a draft (mdBook would create it; create it, or set create-missing = false in book.toml to make this an error)")
			e.Draft = true
			return e
		default:
			p.problem(n, col, src+" does not exist; create it, or write [Title]() for a draft")
			return e
		}
		p.seen[src] = n
		e.Source = src
	}
	return e
}

func isURLish(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return false
	}
	for _, c := range s[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// splitLink splits "[text](dest "title") rest" into its text, destination
// and rest. Brackets in the text nest; a backslash escapes.
func splitLink(s string) (text, dest, rest string, ok bool) {
	if !strings.HasPrefix(s, "[") {
		return "", "", "", false
	}
	depth, i := 0, 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
			continue
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if i >= len(s) || i+1 >= len(s) || s[i+1] != '(' {
		return "", "", "", false
	}
	text = strings.TrimSpace(s[1:i])
	j := i + 2
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if j < len(s) && s[j] == '<' {
		k := strings.IndexByte(s[j:], '>')
		if k < 0 {
			return "", "", "", false
		}
		dest = s[j+1 : j+k]
		j += k + 1
	} else {
		start, parens := j, 0
	dest:
		for ; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case '(':
				parens++
			case ')':
				if parens == 0 {
					break dest
				}
				parens--
			case ' ', '\t':
				break dest
			}
		}
		if j > len(s) {
			j = len(s)
		}
		dest = s[start:j]
	}
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	// An optional link title: "…", '…' or (…).
	if j < len(s) && (s[j] == '"' || s[j] == '\'' || s[j] == '(') {
		end := s[j]
		if end == '(' {
			end = ')'
		}
		k := strings.IndexByte(s[j+1:], end)
		if k < 0 {
			return "", "", "", false
		}
		j += k + 2
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
	}
	if j >= len(s) || s[j] != ')' {
		return "", "", "", false
	}
	return text, unescapeDest(dest), s[j+1:], true
}

const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// unescapeDest drops the backslashes that escape punctuation, as CommonMark does.
func unescapeDest(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(asciiPunct, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func quote(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return strconv.Quote(s)
}
