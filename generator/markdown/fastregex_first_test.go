package markdown

import (
	"sort"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"

	"p2pc/generator/synthetic"
)

func TestPatternFirstSet(t *testing.T) {
	for _, tc := range []struct {
		pattern, flags string
		in, out        string // runes the set must hold, runes it must not
		always         bool
		lineStart      bool
	}{
		{pattern: `abc`, in: "a", out: "bAé"},
		{pattern: `a|b`, in: "ab", out: "c"},
		{pattern: `a?b`, in: "ab", out: "c"},
		{pattern: `a*b+c`, in: "ab", out: "c"},
		{pattern: `a{0,3}b`, in: "ab", out: "c"},
		{pattern: `a{2}b`, in: "a", out: "b"},
		{pattern: `a{,3}`, in: "a", out: "{"}, // not a quantifier: literal
		{pattern: `(?i)k`, in: "kK\u212a", out: "j"},
		{pattern: `k`, flags: "i", in: "kK\u212a", out: "j"},
		{pattern: `(?i:a)b|c`, in: "aAc", out: "bC"},
		{pattern: `(?i)a|b`, in: "aAbB", out: "c"}, // options carry past '|'
		{pattern: `(?-i:a)`, flags: "i", in: "a", out: "Aé"},
		{pattern: `[a-c\d_]`, in: "abc09_", out: "dA-"},
		{pattern: `[a-c]`, in: "abc", out: "dé"},
		{pattern: `[a-c]`, flags: "i", in: "abcABC\u212a", out: "d"},
		{pattern: `[^a-z]`, in: "A0 \n\u00e9", out: "az"},
		{pattern: `[]a]`, in: "]a", out: "b"},
		{pattern: `[\]\\-]`, in: `]\-`, out: "a"},
		{pattern: `[a-z-[aeiou]]`, in: "bz", out: "aeA"},
		{pattern: `\bfoo`, in: "f", out: "o"},
		{pattern: `^#`, in: "#", out: " ", lineStart: true},
		{pattern: `\G(?m)(?:foo|bar)`, in: "fb", out: "o"},
		{pattern: `(?=x)`, always: true},
		{pattern: `(?=x)y`, in: "y", out: "z"}, // look-ahead consumes nothing
		{pattern: `(?<=x)y`, in: "y", out: "z"},
		{pattern: `(?<!\\)"`, in: `"`, out: `\`},
		{pattern: `x*`, always: true},
		{pattern: `(a|)`, always: true},
		{pattern: `.`, in: "a\u00e9 ", out: "\n"},
		{pattern: `(?s).`, in: "a\n"},
		{pattern: `.`, flags: "s", in: "a\n"},
		{pattern: `\s+`, in: " \t\n\r\f\v\u00a0", out: "a_"},
		{pattern: `\w+`, in: "aZ0_é", out: " -"},
		{pattern: `\d`, in: "09\u0660", out: "a"},
		{pattern: `\p{Lu}`, in: "AZ\u00c9", out: "a0"},
		{pattern: `\x41|\u0042|\t`, in: "AB\t", out: "C"},
		{pattern: `é`, in: "é", out: "e"},
		{pattern: `\{\.`, in: "{", out: "."},
		{pattern: `(a)\1`, in: "a", out: "b"},
		{pattern: `(a?)\1b`, always: true}, // a back-reference may come first
		{pattern: `(?<q>['"]).*?\k<q>`, in: `'"`, out: "a"},
		{pattern: `(?'q'x)`, in: "x", out: "a"},
		{pattern: `(?>ab|c)d`, in: "ac", out: "d"},
		{pattern: `(?#comment)a`, in: "a", out: "c"},
		{pattern: `(?(x)a|b)`, always: true}, // conditionals are not read
		{pattern: `(?x) a`, always: true},    // nor pattern whitespace
		{pattern: `(?<a-b>x)`, always: true}, // nor balancing groups
		{pattern: `a)`, always: true},        // nor errors
		{pattern: `(a`, always: true},
		{pattern: `[a`, always: true},
		{pattern: `\q`, always: true},
		{pattern: `^(\s*)([rR]?)(""")`, in: " \tr\"", out: "a", lineStart: true},
		{pattern: `\G(?m)(?:^#)`, in: "#", lineStart: true},
		{pattern: `(^a|^b)`, in: "ab", lineStart: true},
		{pattern: `\A\s*`, always: true, lineStart: true},
		{pattern: `\s*^x`, in: " x"},
		{pattern: `(^a|b)`, in: "ab"},
		{pattern: `(?:^)?a`, in: "a"},
		{pattern: `(?=^)a`, in: "a"},
	} {
		got := patternFirstSet(tc.pattern, tc.flags)
		if got.lineStart != tc.lineStart {
			t.Errorf("%q (%s): lineStart is %v", tc.pattern, tc.flags, got.lineStart)
		}
		got.lineStart = false
		if tc.always {
			if got != allRunes {
				t.Errorf("%q (%s): got a filter, want always tried", tc.pattern, tc.flags)
			}
			continue
		}
		for _, r := range tc.in {
			if !got.may(r) {
				t.Errorf("%q (%s): %q not in the set", tc.pattern, tc.flags, r)
			}
		}
		for _, r := range tc.out {
			if got.may(r) {
				t.Errorf("%q (%s): %q in the set", tc.pattern, tc.flags, r)
			}
		}
	}
}

// TestFirstSetSoundOnChromaRules runs every rule of every regex lexer at
// the start of text beginning with each ASCII rune and some others: where
// it matches, the rune must be in the rule's first set. It also reports how
// many rules are filtered at all.
func TestFirstSetSoundOnChromaRules(t *testing.T) {
	_, ours := regexLexers(t)
	runes := []rune{0xa0, 0xe9, 0x3bb, 0x2028, 0x212a, 0x4e16, 0xfeff, 0x1f600}
	for c := rune(0); c < 128; c++ {
		runes = append(runes, c)
	}
	seen := map[any]bool{}
	rules, filtered, anchored := 0, 0, 0
	for i, l := range ours {
		if testing.Short() && i%8 != 0 {
			continue
		}
		pr := l.compiled()
		if pr == nil {
			t.Errorf("%s: rules did not compile", l.Config().Name)
			continue
		}
		for re, set := range pr.sets {
			if seen[re] {
				continue
			}
			seen[re] = true
			rules++
			if *set == allRunes {
				continue
			}
			if set.lineStart {
				anchored++
			}
			filtered++
			for _, c := range runes {
				text := []rune(string(c) + "a1 \n_(")
				m, err := re.FindRunesMatchStartingAt(text, 0)
				if err == nil && m != nil && m.RuneIndex == 0 && !set.may(c) {
					t.Errorf("%s: %s matches %q, not in its set", l.Config().Name, re.String(), c)
				}
				if !set.lineStart {
					continue
				}
				// Not at the start of a line: it must not match.
				text = []rune("x" + string(c) + "a1 \n_(")
				m, err = re.FindRunesMatchStartingAt(text, 1)
				if err == nil && m != nil && m.RuneIndex == 1 {
					t.Errorf("%s: %s matches after x, but is for line starts", l.Config().Name, re.String())
				}
			}
		}
	}
	t.Logf("%d of %d rules filtered by first rune, %d of them also by line start", filtered, rules, anchored)
}

// TestPrefilterCatchesNarrowSet shows the equivalence test fails when a
// set is too narrow: with 'd' taken out of every Python set, "def" is no
// longer a keyword.
func TestPrefilterCatchesNarrowSet(t *testing.T) {
	chromaPython := lexers.Get("python").(*chroma.RegexLexer)
	broken := newPrefilterLexer(chromaPython, lexers.GlobalLexerRegistry)
	for _, set := range broken.compiled().sets {
		set.ascii['d'>>6] &^= 1 << ('d' & 63)
	}
	text := "def f(x):\n    return x\n"
	if d := sameTokens(chromaPython, broken, nil, text); d == "" {
		t.Fatal("a set without 'd' gave the same tokens")
	} else {
		t.Logf("caught: %s", d)
	}
	fixed := newPrefilterLexer(chromaPython, lexers.GlobalLexerRegistry)
	if d := sameTokens(chromaPython, fixed, nil, text); d != "" {
		t.Fatal(d)
	}
}

// syntheticBlocks returns the code of the fenced blocks in lang of
// synthetic.Technical(n), in a fixed order.
func syntheticBlocks(n int, lang string) []string {
	files := synthetic.Technical(n)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []string
	for _, name := range names {
		for _, b := range fencedBlocks(files[name]) {
			if b[0] == lang {
				out = append(out, b[1])
			}
		}
	}
	return out
}

func benchmarkHighlight(b *testing.B, lang string) {
	blocks := syntheticBlocks(300, lang)
	size := 0
	for _, s := range blocks {
		size += len(s)
	}
	if len(blocks) == 0 {
		b.Fatalf("no %s blocks", lang)
	}
	ours, ok := lexerFor(lang).(*prefilterLexer)
	if !ok {
		b.Fatalf("%s is not a prefilterLexer", lang)
	}
	for _, bc := range []struct {
		name  string
		lexer chroma.Lexer
	}{{"chroma", ours.inner}, {"prefilter", ours}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			lexer := chroma.Coalesce(bc.lexer)
			for b.Loop() {
				for _, s := range blocks {
					it, err := lexer.Tokenise(nil, s)
					if err != nil {
						b.Fatal(err)
					}
					for tok := it(); tok != chroma.EOF; tok = it() {
					}
				}
			}
			b.ReportMetric(float64(len(blocks)), "blocks")
		})
	}
}

// BenchmarkHighlightPython lexes the Python blocks of 300 synthetic
// technical lessons with chroma's lexer and with the prefilter.
func BenchmarkHighlightPython(b *testing.B) { benchmarkHighlight(b, "python") }

// BenchmarkHighlightR does the same for the R blocks.
func BenchmarkHighlightR(b *testing.B) { benchmarkHighlight(b, "r") }

// TestSyntheticBlocksSame compares both lexers on the synthetic blocks the
// benchmarks use.
func TestSyntheticBlocksSame(t *testing.T) {
	for _, lang := range []string{"python", "r"} {
		blocks := syntheticBlocks(100, lang)
		ours := lexerFor(lang).(*prefilterLexer)
		for _, s := range blocks {
			if d := sameTokens(ours.inner, ours, nil, s); d != "" {
				t.Errorf("%s %q: %s", lang, s[:min(len(s), 80)], d)
			}
		}
		if len(blocks) == 0 || strings.TrimSpace(blocks[0]) == "" {
			t.Errorf("no %s blocks", lang)
		}
	}
}
