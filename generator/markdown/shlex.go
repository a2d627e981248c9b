package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// shellLexer tokenises shell code (bash, sh, zsh, ksh, shell and the file
// names chroma's Bash lexer claims) in one pass over the text, with no
// regular expression, and gives the tokens chroma's Bash lexer gives.
//
// chroma's Bash lexer is a stack of states (root, string, paren, math,
// backticks, curly) whose rules are tried in order at each position; the
// first that matches wins. shellScanner keeps the same stack and tries the
// same rules in the same order, but each rule is a few comparisons on the
// bytes at hand instead of a regular expression run from that position,
// which is what made shell blocks cost almost half of a whole build. It
// follows the rules' quirks too, so the highlighting does not change:
//
//   - a keyword must be a whole word ("done", not the "do" in it), and a
//     builtin must be followed by a space, ")" or "`" ("echo;" is text);
//   - a double-quoted string with no "$" in it is one token; one with a "$"
//     opens the string state, in which $x, ${...} and $(...) are expanded;
//   - "\" and the character after it are an escape, outside strings too;
//   - "word=" and "word +=" name a variable; a number must be followed by a
//     space or the end of the line;
//   - a here-document runs from "<<WORD" to the next "WORD" anywhere (not
//     only on a line of its own), and when there is none, to the next
//     occurrence of a shorter prefix of WORD, as the regular expression's
//     backtracking finds it;
//   - an unclosed "'" and a final lone "\" are error tokens.
//
// What differs from chroma: nothing found. Every byte of the 257 shell
// blocks of the test corpora gets chroma's token type
// (TestShellLexerAgreesWithChroma), and so do made-up lines for each rule
// and random and fuzzed short inputs (TestShellLexerMatchesChromaExactly,
// TestShellLexerRandomAgainstChroma, FuzzShellLexerAgainstChroma). By
// design: the tokens are always the input bytes, also for invalid UTF-8
// (chroma replaces such bytes with U+FFFD); the time is linear in the input
// (a here-document's search for its end word has a budget, 1 MB plus eight
// times the input's length, past which "<<" is plain text; chroma instead
// gives each rule 250 ms); and adjacent tokens of one type come out
// already joined, as chroma.Coalesce would join them.
//
// Only the root state is served: a caller that starts in another state
// gets chroma's own lexer.
type shellLexer struct {
	chroma.Lexer // chroma's Bash lexer, for its Config, analyser and other states
}

// withShellLexer returns all with chroma's Bash and Bash Session lexers
// replaced by shellLexer and shellSessionLexer.
func withShellLexer(all []chroma.Lexer) []chroma.Lexer {
	out := make([]chroma.Lexer, len(all))
	for i, l := range all {
		switch l.Config().Name {
		case "Bash":
			l = shellLexer{l}
		case "Bash Session":
			l = shellSessionLexer{l}
		}
		out[i] = l
	}
	return out
}

func (l shellLexer) SetRegistry(r *chroma.LexerRegistry) chroma.Lexer {
	return shellLexer{l.Lexer.SetRegistry(r)}
}

func (l shellLexer) SetAnalyser(f func(text string) float32) chroma.Lexer {
	return shellLexer{l.Lexer.SetAnalyser(f)}
}

// Tokenise implements chroma.Lexer.
func (l shellLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	ensureLF := true
	if options != nil {
		if options.State != "" && options.State != "root" {
			return l.Lexer.Tokenise(options, text)
		}
		ensureLF = options.EnsureLF
	}
	if ensureLF {
		text = crlfToLF(text)
	}
	return newShellScanner(text).next, nil
}

// shellSessionLexer tokenises shell sessions (console, shell-session,
// bash-session) as chroma's Bash Session lexer does, with shellLexer for
// the commands: a line that starts with a prompt ("$", "#", "%" or ">",
// perhaps after "[user@host dir]" and a space) is the prompt, the white
// space after it (which may run over blank lines) and the rest of the line
// as shell code; any other non-empty line is output; an empty line is an
// error token. Like chroma, it adds a newline to a text that lacks one.
type shellSessionLexer struct {
	chroma.Lexer // chroma's Bash Session lexer, for its Config and analyser
}

func (l shellSessionLexer) SetRegistry(r *chroma.LexerRegistry) chroma.Lexer {
	return shellSessionLexer{l.Lexer.SetRegistry(r)}
}

func (l shellSessionLexer) SetAnalyser(f func(text string) float32) chroma.Lexer {
	return shellSessionLexer{l.Lexer.SetAnalyser(f)}
}

// Tokenise implements chroma.Lexer.
func (l shellSessionLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	ensureLF, nested := true, false
	if options != nil {
		if options.State != "" && options.State != "root" {
			return l.Lexer.Tokenise(options, text)
		}
		ensureLF, nested = options.EnsureLF, options.Nested
	}
	if ensureLF {
		text = crlfToLF(text)
	}
	if text == "" {
		return chroma.Literator(), nil
	}
	if !nested && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return chroma.Literator(tokeniseShellSession(text)...), nil
}

// tokeniseShellSession returns the tokens of a shell session.
func tokeniseShellSession(s string) []chroma.Token {
	toks := make([]chroma.Token, 0, 2*strings.Count(s, "\n")+4)
	add := func(t chroma.TokenType, v string) {
		if v != "" {
			toks = append(toks, chroma.Token{Type: t, Value: v})
		}
	}
	budget := 8*len(s) + 1<<20 // for here-documents, shared by all lines
	closing, at := nextByte{c: ']'}, nextByte{c: '@'}
	x := newShellScanner("")
	for p := 0; p < len(s); {
		lineEnd := func(i int) int {
			if nl := strings.IndexByte(s[i:], '\n'); nl >= 0 {
				return i + nl + 1
			}
			return len(s)
		}
		if end := promptEnd(s, p, &closing, &at); end > 0 {
			add(chroma.GenericPrompt, s[p:end])
			x.s = s
			q := x.spaces(end)
			add(chroma.Text, s[end:q])
			p = lineEnd(q)
			x.reset(s[q:p])
			x.budget = budget
			for t := x.next(); t != chroma.EOF; t = x.next() {
				toks = append(toks, t)
			}
			budget = x.budget
			continue
		}
		if s[p] == '\n' {
			add(chroma.Error, "\n")
			p++
			continue
		}
		end := lineEnd(p)
		add(chroma.GenericOutput, s[p:end])
		p = end
	}
	return toks
}

// promptEnd returns the end of the prompt that starts the line at p, or -1.
func promptEnd(s string, p int, closing, at *nextByte) int {
	isPrompt := func(i int) bool {
		return i < len(s) && (s[i] == '$' || s[i] == '#' || s[i] == '%' || s[i] == '>')
	}
	if isPrompt(p) {
		return p + 1
	}
	if s[p] != '[' {
		return -1
	}
	// "[user@host dir]": an "@" with something on each side, no "]".
	c := closing.find(s, p+1)
	if c < 0 || c-p < 4 {
		return -1
	}
	if a := at.find(s, p+2); a < 0 || a >= c-1 {
		return -1
	}
	if isPrompt(c + 1) {
		return c + 2
	}
	if c+1 < len(s) {
		x := shellScanner{s: s}
		if r, n := x.rune(c + 1); isShellSpace(r) && isPrompt(c+1+n) {
			return c + 2 + n
		}
	}
	return -1
}

// nextByte finds the next c in a text read forwards, remembering the last
// answer so that a text is scanned once.
type nextByte struct {
	c        byte
	from, at int // the first c at or after from is at (-1: none)
	ok       bool
}

func (f *nextByte) find(s string, from int) int {
	if f.ok && from >= f.from && (f.at < 0 || f.at >= from) {
		return f.at
	}
	f.from, f.ok, f.at = from, true, strings.IndexByte(s[from:], f.c)
	if f.at >= 0 {
		f.at += from
	}
	return f.at
}

// crlfToLF turns CRLF and lone CR into LF, as chroma's EnsureLF option does.
func crlfToLF(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// The states of chroma's Bash lexer.
type shState uint8

const (
	shRoot shState = iota
	shString
	shParen
	shMath
	shBackticks
	shCurly
)

// shellScanner tokenises lazily: next steps the rules only until the
// token it returns can no longer grow, so a block needs no slice of all
// its tokens.
type shellScanner struct {
	s         string
	pos       int
	stack     []shState
	toks      []chroma.Token // tokens found and not yet returned; the last may grow
	head      int            // toks[head] is the next to return
	lastStart int            // start of toks[len(toks)-1] in s
	budget    int            // bytes here-document searches may still scan
	stack0    [8]shState
	toks0     [16]chroma.Token
}

func newShellScanner(s string) *shellScanner {
	x := &shellScanner{}
	x.reset(s)
	return x
}

// reset readies x to tokenise s.
func (x *shellScanner) reset(s string) {
	x.s, x.pos, x.head, x.lastStart, x.budget = s, 0, 0, 0, 8*len(s)+1<<20
	x.stack = x.stack0[:1]
	x.toks = x.toks0[:0]
}

// tokeniseShell returns the tokens of s; their values, joined, are s.
func tokeniseShell(s string) []chroma.Token {
	var toks []chroma.Token
	x := newShellScanner(s)
	for t := x.next(); t != chroma.EOF; t = x.next() {
		toks = append(toks, t)
	}
	return toks
}

// next returns the next token, or chroma.EOF after the last.
func (x *shellScanner) next() chroma.Token {
	for len(x.toks)-x.head < 2 && x.pos < len(x.s) {
		x.advance()
	}
	if x.head == len(x.toks) {
		return chroma.EOF
	}
	t := x.toks[x.head]
	x.head++
	if x.head >= 8 && x.head == len(x.toks)-1 {
		x.toks[0] = x.toks[x.head]
		x.toks, x.head = x.toks[:1], 0
	}
	return t
}

// advance applies one rule at pos.
func (x *shellScanner) advance() {
	if x.step() {
		return
	}
	// No rule matched. chroma goes back to the root state at a newline and
	// otherwise emits one character as an error.
	if x.s[x.pos] == '\n' && len(x.stack) > 1 {
		x.stack = x.stack[:1]
		return
	}
	_, n := x.rune(x.pos)
	x.emit(chroma.Error, x.pos+n)
}

// emit adds the token s[pos:end] and moves pos to end, joining it to the
// previous token if that has the same type.
func (x *shellScanner) emit(t chroma.TokenType, end int) {
	if end <= x.pos {
		return
	}
	if n := len(x.toks); n > 0 && x.toks[n-1].Type == t {
		x.toks[n-1].Value = x.s[x.lastStart:end]
	} else {
		x.toks = append(x.toks, chroma.Token{Type: t, Value: x.s[x.pos:end]})
		x.lastStart = x.pos
	}
	x.pos = end
}

func (x *shellScanner) push(st shState) { x.stack = append(x.stack, st) }
func (x *shellScanner) pop() {
	if len(x.stack) > 1 {
		x.stack = x.stack[:len(x.stack)-1]
	}
}

// rune decodes the character at i (a byte of invalid UTF-8 counts as one).
func (x *shellScanner) rune(i int) (rune, int) {
	if c := x.s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(x.s[i:])
}

// at reports whether s[i] is c.
func (x *shellScanner) at(i int, c byte) bool { return i < len(x.s) && x.s[i] == c }

// step applies the first rule of the current state that matches at pos.
func (x *shellScanner) step() bool {
	s, p := x.s, x.pos
	switch x.stack[len(x.stack)-1] {
	case shString:
		switch s[p] {
		case '"':
			x.emit(chroma.LiteralStringDouble, p+1)
			x.pop()
			return true
		case '$':
			return x.interp()
		}
		if end := x.dqRun(p); end > p {
			x.emit(chroma.LiteralStringDouble, end)
			return true
		}
		return false // a lone "\" at the end
	case shParen:
		if s[p] == ')' {
			x.emit(chroma.Keyword, p+1)
			x.pop()
			return true
		}
	case shMath:
		switch c := s[p]; c {
		case ')':
			if x.at(p+1, ')') {
				x.emit(chroma.Keyword, p+2)
				x.pop()
				return true
			}
		case '-', '+', '*', '/', '%', '^', '|', '&':
			x.emit(chroma.Operator, p+1)
			return true
		}
		if q := x.digits(p); q > p {
			if x.at(q, '#') {
				if r := x.digits(q + 1); r > q+1 {
					q = r
				} else if !x.at(q+1, ' ') {
					q++
				}
			}
			x.emit(chroma.LiteralNumber, q)
			return true
		}
	case shBackticks:
		if s[p] == '`' {
			x.emit(chroma.LiteralStringBacktick, p+1)
			x.pop()
			return true
		}
	case shCurly:
		switch s[p] {
		case '}':
			x.emit(chroma.LiteralStringInterpol, p+1)
			x.pop()
			return true
		case ':':
			if x.at(p+1, '-') {
				x.emit(chroma.Keyword, p+2)
			} else {
				x.emit(chroma.Punctuation, p+1)
			}
			return true
		case '"', '\'', '`', '$', '\\':
			// to the root rules
		default:
			if q := x.word(p); q > p {
				x.emit(chroma.NameVariable, q)
				return true
			}
			q := p
			for q < len(s) && !strings.ContainsRune("}:\"'`$\\", rune(s[q])) {
				q++
			}
			x.emit(chroma.Punctuation, q)
			return true
		}
	}
	return x.root()
}

// root applies the root state's rules: chroma's "basic", the backtick,
// "data" and "interp", in that order.
func (x *shellScanner) root() bool {
	s, p := x.s, x.pos
	c := s[p]
	if x.wordStart(p) {
		q := x.word(p)
		switch shWordKind(s[p:q]) {
		case shKeyword:
			x.emit(chroma.Keyword, q)
			return true
		case shBuiltin:
			if q < len(s) {
				if r, _ := x.rune(q); isShellSpace(r) || r == ')' || r == '`' {
					x.emit(chroma.NameBuiltin, q)
					return true
				}
			}
		}
		// A word before "=" or "+=", perhaps with spaces between, is a
		// variable being set.
		r := x.spaces(q)
		if x.at(r, '=') || x.at(r, '+') && x.at(r+1, '=') {
			x.emit(chroma.NameVariable, q)
			x.emit(chroma.Text, r)
			if s[r] == '+' {
				r++
			}
			x.emit(chroma.Operator, r+1)
			return true
		}
	}
	switch c {
	case '#':
		if p == 0 && strings.HasPrefix(s, "#!") {
			if nl := strings.IndexByte(s, '\n'); nl > 2 {
				x.emit(chroma.CommentPreproc, nl+1)
				return true
			}
		}
		end := len(s)
		if nl := strings.IndexByte(s[p:], '\n'); nl >= 0 {
			end = p + nl
		}
		x.emit(chroma.CommentSingle, end)
		return true
	case '\\':
		if p+1 < len(s) {
			_, n := x.rune(p + 1)
			x.emit(chroma.LiteralStringEscape, p+1+n)
			return true
		}
		return false
	case '[', ']', '{', '}', '(', ')', '=':
		x.emit(chroma.Operator, p+1)
		return true
	case '<':
		if x.at(p+1, '<') {
			if x.at(p+2, '<') {
				x.emit(chroma.Operator, p+3)
				return true
			}
			if end := x.heredoc(p); end > 0 {
				x.emit(chroma.LiteralString, end)
				return true
			}
		}
		x.emit(chroma.Text, p+1)
		return true
	case '&', '|':
		if x.at(p+1, c) {
			x.emit(chroma.Operator, p+2)
		} else {
			x.emit(chroma.Punctuation, p+1)
		}
		return true
	case '`':
		x.emit(chroma.LiteralStringBacktick, p+1)
		x.push(shBackticks)
		return true
	case '"':
		if end := x.dqString(p + 1); end > 0 {
			x.emit(chroma.LiteralStringDouble, end)
		} else {
			x.emit(chroma.LiteralStringDouble, p+1)
			x.push(shString)
		}
		return true
	case '\'':
		if i := strings.IndexByte(s[p+1:], '\''); i >= 0 {
			x.emit(chroma.LiteralStringSingle, p+i+2)
			return true
		}
		return false
	case ';':
		x.emit(chroma.Punctuation, p+1)
		return true
	case '$':
		if x.at(p+1, '"') {
			if end := x.dqString(p + 2); end > 0 {
				x.emit(chroma.LiteralStringDouble, end)
				return true
			}
		} else if x.at(p+1, '\'') {
			if end := x.dollarSingle(p + 2); end > 0 {
				x.emit(chroma.LiteralStringSingle, end)
				return true
			}
		}
		return x.interp()
	}
	if r, _ := x.rune(p); isShellSpace(r) {
		x.emit(chroma.Text, x.spaces(p))
		return true
	}
	if q := x.digits(p); q > p && (q == len(s) || s[q] == ' ' || s[q] == '\n') {
		x.emit(chroma.LiteralNumber, q)
		return true
	}
	x.emit(chroma.Text, x.plain(p))
	return true
}

// interp applies the rules for a "$" at pos: $((, $(, ${, ${#, $name,
// $1, $?, ... and a lone "$".
func (x *shellScanner) interp() bool {
	s, p := x.s, x.pos
	if p+1 < len(s) {
		switch c := s[p+1]; {
		case c == '(':
			if x.at(p+2, '(') {
				x.emit(chroma.Keyword, p+3)
				x.push(shMath)
			} else {
				x.emit(chroma.Keyword, p+2)
				x.push(shParen)
			}
			return true
		case c == '{':
			end := p + 2
			if x.at(end, '#') {
				end++
			}
			x.emit(chroma.LiteralStringInterpol, end)
			x.push(shCurly)
			return true
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			x.emit(chroma.NameVariable, x.word(p+1))
			return true
		case strings.IndexByte("#$?!*@-", c) >= 0:
			x.emit(chroma.NameVariable, p+2)
			return true
		default:
			if q := x.digits(p + 1); q > p+1 {
				x.emit(chroma.NameVariable, q)
				return true
			}
		}
	}
	x.emit(chroma.Text, p+1)
	return true
}

// dqString returns the end of a double-quoted string whose text starts at
// i, or -1 if a "$" or the end of the input comes before the closing quote.
func (x *shellScanner) dqString(i int) int {
	i = x.dqRun(i)
	if x.at(i, '"') {
		return i + 1
	}
	return -1
}

// dqRun returns the end of the run of string text from i: characters other
// than '"', '$' and '\', and escapes ("\" and the character after it).
func (x *shellScanner) dqRun(i int) int {
	s := x.s
	for i < len(s) {
		switch s[i] {
		case '"', '$':
			return i
		case '\\':
			if i+1 == len(s) {
				return i
			}
			_, n := x.rune(i + 1)
			i += 1 + n
		default:
			i++
		}
	}
	return i
}

// dollarSingle returns the end of a $'...' string whose text starts at i, or
// -1 if it is not closed.
func (x *shellScanner) dollarSingle(i int) int {
	s := x.s
	for i < len(s) {
		switch s[i] {
		case '\'':
			return i + 1
		case '\\':
			if i+1 == len(s) {
				return -1
			}
			_, n := x.rune(i + 1)
			i += 1 + n
		default:
			i++
		}
	}
	return -1
}

// heredoc returns the end of a here-document starting with "<<" at p, or -1.
// Like chroma's rule, it takes "<<", an optional "-", spaces, an optional
// "'" and "\", a word, at least one more character, and the text up to the
// next occurrence of the word; without one, of the word's longest prefix
// that occurs.
func (x *shellScanner) heredoc(p int) int {
	s := x.s
	j := p + 2
	if x.at(j, '-') {
		j++
	}
	j = x.spaces(j)
	if x.at(j, '\'') {
		j++
	}
	if x.at(j, '\\') {
		j++
	}
	k := x.word(j)
	for end := k; end > j && x.budget > 0; {
		if end < len(s) {
			_, n := x.rune(end)
			hay := s[end+n:]
			if len(hay) > x.budget {
				hay = hay[:x.budget]
			}
			if i := strings.Index(hay, s[j:end]); i >= 0 {
				x.budget -= i + end - j
				return end + n + i + end - j
			}
			x.budget -= len(hay)
		}
		x.budget--
		_, m := utf8.DecodeLastRuneInString(s[j:end])
		end -= m
	}
	return -1
}

// wordStart reports whether a word starts at i: s[i] is a word character
// and s[i-1] is not (a regular expression's \b\w).
func (x *shellScanner) wordStart(i int) bool {
	if r, _ := x.rune(i); !isShellWord(r) {
		return false
	}
	if i == 0 {
		return true
	}
	if c := x.s[i-1]; c < utf8.RuneSelf {
		return !isShellWord(rune(c))
	}
	r, _ := utf8.DecodeLastRuneInString(x.s[:i])
	return !isShellWord(r)
}

// word returns the end of the run of word characters from i.
func (x *shellScanner) word(i int) int {
	for i < len(x.s) {
		r, n := x.rune(i)
		if !isShellWord(r) {
			break
		}
		i += n
	}
	return i
}

// spaces returns the end of the run of white space from i.
func (x *shellScanner) spaces(i int) int {
	for i < len(x.s) {
		r, n := x.rune(i)
		if !isShellSpace(r) {
			break
		}
		i += n
	}
	return i
}

// digits returns the end of the run of decimal digits from i.
func (x *shellScanner) digits(i int) int {
	for i < len(x.s) {
		r, n := x.rune(i)
		if !('0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r)) {
			break
		}
		i += n
	}
	return i
}

// plain returns the end of the run of plain text from i: anything but
// white space and = [ ] { } ( ) $ " ' ` \ < & | ;.
func (x *shellScanner) plain(i int) int {
	for i < len(x.s) {
		if c := x.s[i]; c < utf8.RuneSelf {
			if asciiClass[c]&(shSpecial|shSpace) != 0 {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(x.s[i:])
		if isShellSpace(r) {
			break
		}
		i += n
	}
	return i
}

// asciiClass classifies the ASCII characters.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for _, c := range "=[]{}()$\"'`\\<&|;" {
		t[c] |= shSpecial
	}
	for c := '0'; c <= 'z'; c++ {
		if '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' {
			t[c] |= shWord
		}
	}
	for _, c := range " \t\n\v\f\r" {
		t[c] |= shSpace
	}
	return t
}()

const (
	shWord    = 1 << iota // \w
	shSpace               // \s
	shSpecial             // ends a run of plain text
)

// isShellWord reports whether r is a word character as chroma's regular
// expressions (regexp2) define \w: a letter, a non-spacing mark, a decimal
// digit, a connector punctuation or a zero-width (non-)joiner.
func isShellWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&shWord != 0
	}
	return unicode.In(r, unicode.L, unicode.Mn, unicode.Nd, unicode.Pc) || r == '\u200c' || r == '\u200d'
}

// isShellSpace reports whether r is white space (\s).
func isShellSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&shSpace != 0
	}
	return unicode.IsSpace(r)
}

const (
	shOther = iota
	shKeyword
	shBuiltin
)

// shWordKind tells chroma's Bash keywords and builtins from other words.
func shWordKind(w string) int {
	switch w {
	case "if", "fi", "else", "while", "do", "done", "for", "then", "return", "function",
		"case", "select", "continue", "until", "esac", "elif":
		return shKeyword
	case "alias", "bg", "bind", "break", "builtin", "caller", "cd", "command", "compgen",
		"complete", "declare", "dirs", "disown", "echo", "enable", "eval", "exec", "exit",
		"export", "false", "fc", "fg", "getopts", "hash", "help", "history", "jobs", "kill",
		"let", "local", "logout", "popd", "printf", "pushd", "pwd", "read", "readonly", "set",
		"shift", "shopt", "source", "suspend", "test", "time", "times", "trap", "true", "type",
		"typeset", "ulimit", "umask", "unalias", "unset", "wait":
		return shBuiltin
	}
	return shOther
}
