package markdown

import (
	"errors"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
)

// firstSet is a conservative set of the runes a match of a regular
// expression can begin with, when the match must begin at a given position
// (chroma's `\G` rules): if the rune there is not in the set, the pattern
// cannot match there and need not be run. "Conservative" means the set may
// hold runes no match begins with, never the other way round.
//
// ASCII runes are kept exactly in a 128-bit map; all other runes share one
// bit. A pattern that can match empty text (so needs no first rune at all),
// or that the analyser does not fully understand, gets the full set and is
// always tried.
type firstSet struct {
	ascii    [2]uint64 // bit c: a match may begin with ASCII rune c
	nonASCII bool      // a match may begin with a rune of 128 or more
	// lineStart: a match can only begin at the start of the text or of a
	// line, as every way through the pattern meets '^' or '\A' before
	// anything that consumes text.
	lineStart bool
}

// allRunes is the set of a pattern that must always be tried.
var allRunes = firstSet{ascii: [2]uint64{^uint64(0), ^uint64(0)}, nonASCII: true}

// may reports whether a match may begin with r.
func (s *firstSet) may(r rune) bool {
	if r < 128 {
		return s.ascii[r>>6]&(1<<(uint(r)&63)) != 0
	}
	return s.nonASCII
}

func (s *firstSet) add(r rune) {
	if r < 128 {
		s.ascii[r>>6] |= 1 << (uint(r) & 63)
	} else {
		s.nonASCII = true
	}
}

func (s *firstSet) union(o firstSet) {
	s.ascii[0] |= o.ascii[0]
	s.ascii[1] |= o.ascii[1]
	s.nonASCII = s.nonASCII || o.nonASCII
}

func (s *firstSet) hasASCIILetter() bool {
	for c := 'A'; c <= 'z'; c++ {
		if asciiLetter(c) && s.may(c) {
			return true
		}
	}
	return false
}

func asciiLetter(c rune) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// errNotUnderstood stops the analysis of a pattern: it gets allRunes.
var errNotUnderstood = errors.New("pattern not understood")

// patternFirstSet returns the first set of a pattern in regexp2's (.NET)
// syntax, compiled with the given options ("i" ignore case, "s" dot
// matches newline; "m" and "n" do not change what a match begins with), as
// chroma compiles a rule: `\G(?flags)(?:pattern)` passes here whole.
//
// The analyser walks the pattern as regexp2's parser would: alternation,
// groups of every kind, quantifiers (a minimum of zero makes the item
// optional), inline options `(?i)`, `(?-i)`, `(?s:...)`. Assertions (`^`,
// `$`, `\b`, `\B`, `\A`, `\z`, `\Z`, `\G`, look-ahead and look-behind)
// consume nothing, so they are read as empty: ignoring a condition can only
// let more runes through. Which ASCII runes a single-rune item (a class,
// `.`, an escape such as `\w` or `\p{L}`) matches is asked of regexp2
// itself, compiled with the options in force there; whether it may match a
// non-ASCII rune is answered "yes" unless the item is a plain ASCII literal
// or a positive class of ASCII literals and ranges (and, ignoring case,
// holds no letter: the Kelvin sign folds to "k"). Anything else, such as
// conditionals, back-references before the first rune, `(?x)` or a syntax
// error, gives allRunes.
//
// The set also says whether every match must begin a line: true when each
// way through the pattern meets '^' (or '\A') after only items that
// consume nothing, so `^(\s*)(""")` is tried only at the start of a line
// (in multi-line mode '^' holds there; otherwise only at the start of the
// text, which is also the start of a line).
func patternFirstSet(pattern, flags string) firstSet {
	p := firstParser{src: pattern}
	f := reFlags{}
	for _, c := range flags {
		f = f.with(c, true)
	}
	x, err := p.alternation(&f)
	if err != nil || p.pos != len(p.src) {
		return allRunes
	}
	if x.nullable {
		x.set = allRunes
	}
	x.set.lineStart = x.anchored
	return x.set
}

// reInfo is what the analyser knows of a part of a pattern.
type reInfo struct {
	set       firstSet
	nullable  bool // it may match empty text
	zeroWidth bool // it never consumes text
	anchored  bool // it matches only at the start of a line (or text)
}

// consuming is the reInfo of an item that matches exactly one rune.
func consuming(s firstSet) reInfo { return reInfo{set: s} }

// assertion is the reInfo of an item that consumes nothing.
var assertion = reInfo{nullable: true, zeroWidth: true}

// reFlags are the regexp2 options that change which runes an item matches.
type reFlags struct {
	ignoreCase bool // i
	dotAll     bool // s
	bad        bool // x (pattern whitespace) or an unknown letter
}

func (f reFlags) with(c rune, on bool) reFlags {
	switch c {
	case 'i':
		f.ignoreCase = on
	case 's':
		f.dotAll = on
	case 'm', 'n':
	case 'x':
		if on {
			f.bad = true
		}
	default:
		f.bad = true
	}
	return f
}

// inline renders the flags as a regexp2 option group prefix, "(?i-s:".
func (f reFlags) inline() string {
	on, off := "", ""
	if f.ignoreCase {
		on += "i"
	} else {
		off += "i"
	}
	if f.dotAll {
		on += "s"
	} else {
		off += "s"
	}
	if off != "" {
		off = "-" + off
	}
	return "(?" + on + off + ":"
}

type firstParser struct {
	src string
	pos int
}

func (p *firstParser) peek(i int) byte {
	if p.pos+i < len(p.src) {
		return p.src[p.pos+i]
	}
	return 0
}

// alternation reads alternatives up to an unmatched ')' or the end. Inline
// options set in one alternative carry on into the next, as in regexp2.
func (p *firstParser) alternation(f *reFlags) (reInfo, error) {
	x := reInfo{zeroWidth: true, anchored: true}
	for {
		s, err := p.sequence(f)
		if err != nil {
			return x, err
		}
		x.set.union(s.set)
		x.nullable = x.nullable || s.nullable
		x.zeroWidth = x.zeroWidth && s.zeroWidth
		x.anchored = x.anchored && s.anchored
		if p.peek(0) != '|' {
			return x, nil
		}
		p.pos++
	}
}

// sequence reads items up to '|', ')' or the end: its first set is the
// union of its items' sets up to and including the first item that cannot
// be empty. It is anchored if an anchored item comes after only items that
// consume nothing.
func (p *firstParser) sequence(f *reFlags) (reInfo, error) {
	x := reInfo{nullable: true, zeroWidth: true}
	for p.pos < len(p.src) {
		if c := p.src[p.pos]; c == '|' || c == ')' {
			break
		}
		s, err := p.item(f)
		if err != nil {
			return x, err
		}
		if f.bad {
			return x, errNotUnderstood
		}
		if q, ok := p.quantifier(); ok {
			if q == 0 {
				s.nullable, s.anchored = true, false
			}
			if p.peek(0) == '?' {
				p.pos++ // lazy
			}
			if _, again := p.quantifier(); again {
				return x, errNotUnderstood
			}
		}
		if x.zeroWidth && s.anchored {
			x.anchored = true
		}
		if x.nullable {
			x.set.union(s.set)
			x.nullable = s.nullable
		}
		x.zeroWidth = x.zeroWidth && s.zeroWidth
	}
	return x, nil
}

// quantifier reads *, +, ?, {n}, {n,} or {n,m} and returns its minimum.
func (p *firstParser) quantifier() (int, bool) {
	switch p.peek(0) {
	case '*', '?':
		p.pos++
		return 0, true
	case '+':
		p.pos++
		return 1, true
	case '{':
		n, end, ok := braceQuantifier(p.src[p.pos:])
		if !ok {
			return 0, false
		}
		p.pos += end
		return n, true
	}
	return 0, false
}

// braceQuantifier parses "{n}", "{n,}" or "{n,m}" at the start of s, as
// regexp2's IsTrueQuantifier accepts it; otherwise '{' is a literal.
func braceQuantifier(s string) (min, end int, ok bool) {
	i := 1
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		min = min*10 + int(s[i]-'0')
		if min > 1<<20 {
			return 0, 0, false
		}
		i++
	}
	if i == 1 {
		return 0, 0, false
	}
	if i < len(s) && s[i] == ',' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && s[i] == '}' {
		return min, i + 1, true
	}
	return 0, 0, false
}

// item reads one item without its quantifier and returns its first set
// and whether it can match empty text.
func (p *firstParser) item(f *reFlags) (reInfo, error) {
	c := p.src[p.pos]
	switch c {
	case '(':
		return p.group(f)
	case '[':
		end, err := classEnd(p.src, p.pos)
		if err != nil {
			return reInfo{}, err
		}
		atom := p.src[p.pos:end]
		p.pos = end
		return atomFirstSet(*f, atom)
	case '.':
		p.pos++
		return atomFirstSet(*f, ".")
	case '^':
		p.pos++
		x := assertion
		x.anchored = true
		return x, nil
	case '$':
		p.pos++
		return assertion, nil
	case '\\':
		return p.escape(f)
	case '*', '+', '?':
		return reInfo{}, errNotUnderstood
	case '{':
		if _, _, ok := braceQuantifier(p.src[p.pos:]); ok {
			return reInfo{}, errNotUnderstood
		}
	}
	r, size := utf8.DecodeRuneInString(p.src[p.pos:])
	if r == utf8.RuneError && size == 1 {
		return reInfo{}, errNotUnderstood
	}
	atom := p.src[p.pos : p.pos+size]
	p.pos += size
	return consuming(literalFirstSet(*f, r, atom)), nil
}

// literalFirstSet is the set of one literal rune.
func literalFirstSet(f reFlags, r rune, atom string) firstSet {
	if r >= 128 {
		// regexp2 compiled the whole pattern, so this rune compiles.
		x, _ := atomFirstSet(f, atom)
		return x.set
	}
	var s firstSet
	s.add(r)
	if f.ignoreCase && asciiLetter(r) {
		s.add(r ^ 0x20)
		s.nonASCII = true
	}
	return s
}

// escape reads an item that starts with a backslash.
func (p *firstParser) escape(f *reFlags) (reInfo, error) {
	if p.pos+1 >= len(p.src) {
		return reInfo{}, errNotUnderstood
	}
	c := p.src[p.pos+1]
	switch {
	case c == 'A':
		p.pos += 2
		x := assertion
		x.anchored = true
		return x, nil
	case strings.IndexByte("bBzZG", c) >= 0:
		p.pos += 2
		return assertion, nil
	case c >= '1' && c <= '9', c == 'k':
		// A back-reference: it may be empty or begin with anything.
		if c == 'k' {
			close := map[byte]byte{'<': '>', '\'': '\''}[p.peek(2)]
			end := strings.IndexByte(p.src[min(p.pos+3, len(p.src)):], close)
			if close == 0 || end < 0 {
				return reInfo{}, errNotUnderstood
			}
			p.pos += 3 + end + 1
		} else {
			p.pos += 2
			for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
				p.pos++
			}
		}
		return reInfo{set: allRunes, nullable: true}, nil
	case c >= 0x80 || c == '0':
		return reInfo{}, errNotUnderstood
	}
	end, err := escapeEnd(p.src, p.pos)
	if err != nil {
		return reInfo{}, err
	}
	atom := p.src[p.pos:end]
	p.pos = end
	if !isASCIIAlnum(c) {
		return consuming(literalFirstSet(*f, rune(c), atom)), nil
	}
	return atomFirstSet(*f, atom)
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// escapeEnd returns the end of the single-rune escape at src[i] == '\\'.
func escapeEnd(src string, i int) (int, error) {
	if i+1 >= len(src) {
		return 0, errNotUnderstood
	}
	n := 2
	switch src[i+1] {
	case 'p', 'P':
		end := strings.IndexByte(src[i:], '}')
		if end < 0 || i+2 >= len(src) || src[i+2] != '{' {
			return 0, errNotUnderstood
		}
		return i + end + 1, nil
	case 'x':
		n = 4
	case 'u':
		n = 6
	case 'c':
		n = 3
	}
	if i+n > len(src) {
		return 0, errNotUnderstood
	}
	return i + n, nil
}

// classEnd returns the end of the character class at src[i] == '['. In
// regexp2 a ']' right after "[" or "[^" is literal, '[' inside a class is
// literal except in a subtraction "-[...]", which must end the class.
func classEnd(src string, i int) (int, error) {
	i++
	if i < len(src) && src[i] == '^' {
		i++
	}
	first := true
	for i < len(src) {
		c := src[i]
		switch {
		case c == ']' && !first:
			return i + 1, nil
		case c == '\\':
			end, err := escapeEnd(src, i)
			if err != nil {
				return 0, err
			}
			i = end
		case c == '-' && !first && i+1 < len(src) && src[i+1] == '[':
			end, err := classEnd(src, i+1)
			if err != nil {
				return 0, err
			}
			if end >= len(src) || src[end] != ']' {
				return 0, errNotUnderstood
			}
			return end + 1, nil
		default:
			i++
		}
		first = false
	}
	return 0, errNotUnderstood
}

// group reads a parenthesised item.
func (p *firstParser) group(f *reFlags) (reInfo, error) {
	p.pos++ // '('
	inner := *f
	zeroWidth := false
	if p.peek(0) == '?' {
		p.pos++
		switch c := p.peek(0); {
		case c == ':' || c == '>':
			p.pos++
		case c == '=' || c == '!':
			p.pos++
			zeroWidth = true
		case c == '<' && (p.peek(1) == '=' || p.peek(1) == '!'):
			p.pos += 2
			zeroWidth = true
		case c == '<' || c == '\'':
			// A named capture; a balancing group "(?<a-b>" is not read.
			close := byte('>')
			if c == '\'' {
				close = '\''
			}
			end := strings.IndexByte(p.src[p.pos+1:], close)
			if end < 0 {
				return reInfo{}, errNotUnderstood
			}
			name := p.src[p.pos+1 : p.pos+1+end]
			if name == "" || strings.ContainsFunc(name, func(r rune) bool {
				return !(r == '_' || r < 128 && isASCIIAlnum(byte(r)))
			}) {
				return reInfo{}, errNotUnderstood
			}
			p.pos += end + 2
		case c == '#':
			end := strings.IndexByte(p.src[p.pos:], ')')
			if end < 0 {
				return reInfo{}, errNotUnderstood
			}
			p.pos += end + 1
			return assertion, nil
		default:
			// Options: "(?is-m)" for the rest of the enclosing group,
			// "(?i:...)" for the group they open.
			on := true
			opts := *f
			for p.pos < len(p.src) {
				c := p.src[p.pos]
				if c == ')' || c == ':' {
					break
				}
				if c == '-' {
					on = false
				} else {
					opts = opts.with(rune(c), on)
				}
				p.pos++
			}
			if opts.bad || p.pos >= len(p.src) {
				return reInfo{}, errNotUnderstood
			}
			p.pos++
			if p.src[p.pos-1] == ')' {
				*f = opts
				return assertion, nil
			}
			inner = opts
		}
	}
	x, err := p.alternation(&inner)
	if err != nil {
		return x, err
	}
	if p.peek(0) != ')' {
		return x, errNotUnderstood
	}
	p.pos++
	if zeroWidth {
		return assertion, nil
	}
	return x, nil
}

// atomSets caches atomFirstSet by options and item text; chroma's lexers
// share most of their classes and escapes.
var atomSets sync.Map // string -> firstSet

// atomFirstSet is the set of an item that matches exactly one rune: a
// class, '.', an escape or a non-ASCII literal. regexp2 itself says which
// ASCII runes it matches under the options in force. An item regexp2 does
// not compile on its own was not cut out right: the pattern is not
// understood.
func atomFirstSet(f reFlags, atom string) (reInfo, error) {
	key := f.inline() + atom + ")"
	if s, ok := atomSets.Load(key); ok {
		if s == nil {
			return reInfo{}, errNotUnderstood
		}
		return consuming(s.(firstSet)), nil
	}
	re, err := regexp2.Compile(`\A` + key + `\z`)
	if err != nil {
		atomSets.Store(key, nil)
		return reInfo{}, errNotUnderstood
	}
	s := firstSet{nonASCII: !asciiOnlyAtom(atom)}
	one := make([]rune, 1)
	for c := rune(0); c < 128; c++ {
		one[0] = c
		if ok, err := re.MatchRunes(one); ok || err != nil {
			s.add(c)
		}
	}
	if f.ignoreCase && s.hasASCIILetter() {
		s.nonASCII = true
	}
	atomSets.Store(key, s)
	return consuming(s), nil
}

// asciiOnlyAtom reports whether an item can match no rune beyond ASCII
// (ignoring case aside): a positive class of ASCII literals, simple
// escapes and ranges between them.
func asciiOnlyAtom(atom string) bool {
	if len(atom) < 3 || atom[0] != '[' || atom[1] == '^' {
		return false
	}
	body := atom[1 : len(atom)-1]
	if strings.Contains(body, "-[") {
		return false
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c >= 0x80 {
			return false
		}
		if c == '\\' {
			i++
			if i >= len(body) {
				return false
			}
			if e := body[i]; isASCIIAlnum(e) && strings.IndexByte("tnrfvae", e) < 0 {
				return false
			}
		}
	}
	return true
}
