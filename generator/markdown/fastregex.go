package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
)

// prefilterLexer tokenises exactly as chroma's *chroma.RegexLexer does, only
// faster: it runs the same compiled rules in the same order through the same
// state machine (chroma's LexerState.Iterator, copied), but before running a
// rule's regular expression at a position it asks the rule's firstSet
// whether a match could begin with the rune there (and, for a rule that
// starts with '^', whether the position starts a line), and skips the rule
// if not. Chroma tries every rule of the current state in turn, and almost all
// fail on their first rune: for Python, 70% of the time went to those
// failing calls.
//
// Skipping is the only difference: a skipped rule is one whose regexp has no
// match beginning at that position, which chroma would also have passed
// over. The first sets are conservative (see patternFirstSet), so the token
// streams are the same; fastregex_test.go compares them over chroma's own
// test inputs, our corpora and fuzzed text.
//
// The rules are chroma's raw rules (RegexLexer.Rules), compiled here as
// chroma's maybeCompile compiles them: `\G(?flags)(?:pattern)` with the
// lexer's flags, a 250 ms match timeout, include and combined expanded by
// the rules' LexerMutators, emitters validated. chroma keeps its compiled
// rules unexported. Mutators and emitters get a *chroma.LexerState as
// chroma's would, with the wrapped lexer as its Lexer, so UsingSelf,
// Using and UsingByGroup lex nested text with chroma's lexers.
//
// Where chroma would panic on some input (an unknown state, a pop from an
// empty stack, a mutator's error) or loop forever (maxStepsInPlace), the
// iterator instead returns the text not yet lexed as one Error token and
// ends: a page never fails to build over a code block.
type prefilterLexer struct {
	inner    *chroma.RegexLexer
	registry *chroma.LexerRegistry

	once  sync.Once
	rules *prefilterRules // nil if compiling failed: then chroma lexes
}

// prefilterRules are a lexer's compiled rules with their first sets.
type prefilterRules struct {
	rules chroma.CompiledRules
	// sets holds the first set of every regexp compiled here; rules added
	// at run time by a mutator (Raku does so) are not in it and are always
	// tried.
	sets map[*regexp2.Regexp]*firstSet
	// heads, for a rule that matches one of a list of words, are the
	// words' heads: where the word run is none of them, the rule cannot
	// match (keywordHeads).
	heads map[*regexp2.Regexp]map[string]bool
	// dynamic lexers have mutators that are Go functions, which may change
	// the rules as they lex; each Tokenise gets its own copy of the map.
	dynamic bool
	// states caches per state the first sets of its rules, in order.
	states sync.Map // state name -> *stateFilter
}

// stateFilter is the first sets of one state's rules, valid while the
// state's rules still hold the same regexps.
type stateFilter struct {
	regexps []*regexp2.Regexp
	sets    []*firstSet
	heads   []map[string]bool // each rule's word heads, nil for most
}

// newPrefilterLexer wraps a chroma regex lexer; registry is the one it was
// registered in, which Using emitters look other lexers up in.
func newPrefilterLexer(l *chroma.RegexLexer, registry *chroma.LexerRegistry) *prefilterLexer {
	return &prefilterLexer{inner: l, registry: registry}
}

// withPrefilterLexers returns all with every *chroma.RegexLexer wrapped in a
// prefilterLexer; other lexers are kept as they are.
func withPrefilterLexers(all []chroma.Lexer, registry *chroma.LexerRegistry) []chroma.Lexer {
	out := make([]chroma.Lexer, len(all))
	for i, l := range all {
		if rl, ok := l.(*chroma.RegexLexer); ok {
			l = newPrefilterLexer(rl, registry)
		}
		out[i] = l
	}
	return out
}

// Config implements chroma.Lexer.
func (l *prefilterLexer) Config() *chroma.Config { return l.inner.Config() }

// AnalyseText implements chroma.Lexer.
func (l *prefilterLexer) AnalyseText(text string) float32 { return l.inner.AnalyseText(text) }

// SetAnalyser implements chroma.Lexer.
func (l *prefilterLexer) SetAnalyser(f func(text string) float32) chroma.Lexer {
	l.inner.SetAnalyser(f)
	return l
}

// SetRegistry implements chroma.Lexer.
func (l *prefilterLexer) SetRegistry(r *chroma.LexerRegistry) chroma.Lexer {
	l.inner.SetRegistry(r)
	l.registry = r
	return l
}

func (l *prefilterLexer) String() string { return l.inner.String() }

// compiled returns the lexer's rules, compiling them on first use.
func (l *prefilterLexer) compiled() *prefilterRules {
	l.once.Do(func() {
		rules, err := compilePrefilterRules(l.inner)
		if err == nil {
			l.rules = rules
		}
	})
	return l.rules
}

// compilePrefilterRules compiles a lexer's raw rules as chroma's fetchRules
// and maybeCompile do, and works out each regexp's first set.
func compilePrefilterRules(lexer *chroma.RegexLexer) (*prefilterRules, error) {
	raw, err := lexer.Rules()
	if err != nil {
		return nil, err
	}
	cfg := lexer.Config()
	flags := ""
	if !cfg.NotMultiline {
		flags += "m"
	}
	if cfg.CaseInsensitive {
		flags += "i"
	}
	if cfg.DotAll {
		flags += "s"
	}
	out := &prefilterRules{rules: chroma.CompiledRules{}, sets: map[*regexp2.Regexp]*firstSet{}, heads: map[*regexp2.Regexp]map[string]bool{}}
	for state, rules := range raw {
		out.rules[state] = nil
		for _, rule := range rules {
			pattern := "(?:" + rule.Pattern + ")"
			if flags != "" {
				pattern = "(?" + flags + ")" + pattern
			}
			pattern = `\G` + pattern
			re, err := regexp2.Compile(pattern)
			if err != nil {
				return nil, fmt.Errorf("failed to compile rule %s: %w", state, err)
			}
			re.MatchTimeout = 250 * time.Millisecond
			set := patternFirstSet(pattern, "")
			out.sets[re] = &set
			if heads := keywordHeads(rule.Pattern); heads != nil && !cfg.CaseInsensitive {
				out.heads[re] = heads
			}
			out.rules[state] = append(out.rules[state], &chroma.CompiledRule{Rule: rule, Regexp: re})
			out.dynamic = out.dynamic || dynamicMutator(rule.Mutator)
		}
	}
restart:
	for state := range out.rules {
		for i := range len(out.rules[state]) {
			if compile, ok := out.rules[state][i].Mutator.(chroma.LexerMutator); ok {
				if err := compile.MutateLexer(out.rules, state, i); err != nil {
					return nil, err
				}
				goto restart
			}
		}
	}
	for state, rules := range out.rules {
		for _, rule := range rules {
			if validate, ok := rule.Type.(chroma.ValidatingEmitter); ok {
				if err := validate.ValidateEmitter(rule); err != nil {
					return nil, fmt.Errorf("%s: %s: %s: %w", cfg.Name, state, rule.Pattern, err)
				}
			}
		}
	}
	return out, nil
}

// dynamicMutator reports whether a mutator is, or holds, a Go function
// rather than one of chroma's declarative mutators.
func dynamicMutator(m chroma.Mutator) bool {
	if m == nil {
		return false
	}
	s, ok := m.(chroma.SerialisableMutator)
	if !ok {
		return true
	}
	if s.MutatorKind() != "mutators" {
		return false
	}
	v := reflect.ValueOf(m)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	f := v.FieldByName("Mutators")
	if !f.IsValid() {
		return true
	}
	inner, ok := f.Interface().([]chroma.Mutator)
	if !ok {
		return true
	}
	for _, m := range inner {
		if dynamicMutator(m) {
			return true
		}
	}
	return false
}

// filter returns the first sets of a state's rules.
func (r *prefilterRules) filter(state string, rules []*chroma.CompiledRule) *stateFilter {
	if f, ok := r.states.Load(state); ok {
		return f.(*stateFilter)
	}
	f := &stateFilter{regexps: make([]*regexp2.Regexp, len(rules)), sets: make([]*firstSet, len(rules)), heads: make([]map[string]bool, len(rules))}
	for i, rule := range rules {
		f.regexps[i] = rule.Regexp
		f.sets[i] = r.setOf(rule.Regexp)
		f.heads[i] = r.heads[rule.Regexp]
	}
	r.states.Store(state, f)
	return f
}

// setOf is the first set of a regexp, all runes for one not compiled here.
func (r *prefilterRules) setOf(re *regexp2.Regexp) *firstSet {
	if s := r.sets[re]; s != nil {
		return s
	}
	return &allRunes
}

var prefilterDefaultOptions = &chroma.TokeniseOptions{State: "root", EnsureLF: true}

// Tokenise implements chroma.Lexer as (*chroma.RegexLexer).Tokenise does.
func (l *prefilterLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	rules := l.compiled()
	if rules == nil {
		return l.inner.Tokenise(options, text)
	}
	if options == nil {
		options = prefilterDefaultOptions
	}
	if options.EnsureLF {
		text = crlfToLF(text)
	}
	newlineAdded := false
	if !options.Nested && l.inner.Config().EnsureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		newlineAdded = true
	}
	compiled := rules.rules
	if rules.dynamic {
		compiled = make(chroma.CompiledRules, len(rules.rules))
		for state, rs := range rules.rules {
			compiled[state] = append([]*chroma.CompiledRule(nil), rs...)
		}
	}
	it := &prefilterIterator{
		state: &chroma.LexerState{
			Registry:       l.registry,
			Lexer:          l.inner,
			Text:           []rune(text),
			Stack:          []string{options.State},
			Rules:          compiled,
			MutatorContext: map[any]any{},
		},
		rules:        rules,
		options:      options,
		newlineAdded: newlineAdded,
	}
	return it.next, nil
}

// prefilterIterator is chroma's LexerState.Iterator with the rules it
// tries filtered; its fields are LexerState's unexported ones.
type prefilterIterator struct {
	state         *chroma.LexerState
	rules         *prefilterRules
	iteratorStack []chroma.Iterator
	options       *chroma.TokeniseOptions
	newlineAdded  bool
	resume        int  // where to go on from should a step panic
	failed        bool // a step panicked: the rest was returned as Error
	stuckAt       int  // the position of the last steps
	stuck         int  // how many steps in a row matched nothing there
}

// maxStepsInPlace bounds the steps that may match empty text at one
// position. A few are common (a look-ahead that pushes a state, a default
// that pops it); thousands are a loop: chroma's Jungle lexer pushes and pops
// forever at the start of most lines and would never end.
const maxStepsInPlace = 1000

// next returns the next token; it is chroma's Iterator step for step.
func (it *prefilterIterator) next() (tok chroma.Token) {
	if it.failed {
		return chroma.EOF
	}
	defer func() {
		if recover() != nil {
			tok = it.fail()
		}
	}()
	l := it.state
	end := len(l.Text)
	if it.newlineAdded {
		end--
	}
	for l.Pos < end && len(l.Stack) > 0 {
		// Exhaust the iterator stack, if any.
		if t, ok := it.drain(); ok {
			return t
		}

		it.resume = l.Pos
		if l.Pos != it.stuckAt {
			it.stuckAt, it.stuck = l.Pos, 0
		} else if it.stuck++; it.stuck > maxStepsInPlace {
			panic("lexer loops without consuming text")
		}
		l.State = l.Stack[len(l.Stack)-1]
		selectedRule, ok := l.Rules[l.State]
		if !ok {
			panic("unknown state " + l.State)
		}
		ruleIndex, rule, groups, namedGroups := it.matchRules(selectedRule)
		// No match.
		if groups == nil {
			// If the RegexLexer encounters a newline that is flagged as
			// an error token, the stack is emptied and the lexer
			// continues scanning in the 'root' state.
			if l.Text[l.Pos] == '\n' && l.State != it.options.State {
				l.Stack = []string{it.options.State}
				continue
			}
			l.Pos++
			return chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos-1 : l.Pos])}
		}
		l.Rule = ruleIndex
		l.Groups = groups
		l.NamedGroups = namedGroups
		l.Pos += utf8.RuneCountInString(groups[0])
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(l); err != nil {
				panic(err)
			}
		}
		if rule.Type != nil {
			it.iteratorStack = append(it.iteratorStack, rule.Type.Emit(l.Groups, l))
		}
		it.resume = l.Pos
	}
	// Exhaust the iterator stack, if any.
	if t, ok := it.drain(); ok {
		return t
	}

	// If we get to here and we still have text, return it as an error.
	if l.Pos != len(l.Text) && len(l.Stack) == 0 {
		value := string(l.Text[l.Pos:])
		l.Pos = len(l.Text)
		return chroma.Token{Type: chroma.Error, Value: value}
	}
	return chroma.EOF
}

// drain returns the next token of the emitters' iterators, if any is
// left, as chroma's Iterator exhausts its iterator stack.
func (it *prefilterIterator) drain() (chroma.Token, bool) {
	for len(it.iteratorStack) > 0 {
		n := len(it.iteratorStack) - 1
		t := it.iteratorStack[n]()
		if t.Type == chroma.Ignore {
			continue
		}
		if t == chroma.EOF {
			it.iteratorStack = it.iteratorStack[:n]
			continue
		}
		return t, true
	}
	return chroma.Token{}, false
}

// fail ends the iteration after a panic, returning the text from the start
// of the step that failed as one Error token.
func (it *prefilterIterator) fail() chroma.Token {
	it.failed = true
	it.iteratorStack = nil
	text := it.state.Text
	end := len(text)
	if it.newlineAdded {
		end--
	}
	if it.resume < 0 || it.resume >= end {
		return chroma.EOF
	}
	return chroma.Token{Type: chroma.Error, Value: string(text[it.resume:end])}
}

// matchRules is chroma's matchRules, skipping the rules whose first set
// does not hold the rune at the position.
func (it *prefilterIterator) matchRules(rules []*chroma.CompiledRule) (int, *chroma.CompiledRule, []string, map[string]string) {
	l := it.state
	pos := l.Pos
	c := l.Text[pos]
	f := it.rules.filter(l.State, rules)
	run, whole, ran := "", false, false // the word run at pos, found when a rule asks
	for i, rule := range rules {
		var set *firstSet
		var heads map[string]bool
		if i < len(f.regexps) && f.regexps[i] == rule.Regexp {
			set, heads = f.sets[i], f.heads[i]
		} else {
			set, heads = it.rules.setOf(rule.Regexp), it.rules.heads[rule.Regexp]
		}
		if !set.may(c) || set.lineStart && pos > 0 && l.Text[pos-1] != '\n' {
			continue
		}
		if heads != nil {
			if !ran {
				run, whole = wordRun(l.Text, pos)
				whole, ran = whole && run != "", true
			}
			if whole && !heads[run] {
				continue
			}
		}
		match, err := rule.Regexp.FindRunesMatchStartingAt(l.Text, pos)
		if match != nil && err == nil && match.RuneIndex == pos {
			groups := []string{}
			namedGroups := make(map[string]string)
			for _, g := range match.Groups() {
				namedGroups[g.Name] = g.String()
				groups = append(groups, g.String())
			}
			return i, rule, groups, namedGroups
		}
	}
	return 0, &chroma.CompiledRule{}, nil, nil
}
