package markdown

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

func TestKeywordHeads(t *testing.T) {
	for pattern, want := range map[string]string{
		`(in|is|and|or|not)\b`:              "and in is not or",
		`(?<!\.)(print|len|__import__)\b`:   "__import__ len print",
		`\b(yield from|nonlocal|yield)\b`:   "nonlocal yield",
		`(?:True|False)\b`:                  "False True",
		`(in|is)`:                           "", // no \b after: "inside" matches "in"
		`(in|i\.s)\b`:                       "", // not a plain word
		`(in| is)\b`:                        "",
		`(in|is)\b(x)`:                      "",
		`[a-z]+\b`:                          "",
		`(in|)\b`:                           "",
		`(?i)(in|is)\b`:                     "",
		`(self|cls)\b(?=\.)`:                "",
		`(?<!\.)(staticmethod|classmethod)`: "",
	} {
		heads := keywordHeads(pattern)
		if got := strings.Join(slices.Sorted(maps.Keys(heads)), " "); got != want || (want == "") != (heads == nil) {
			t.Errorf("keywordHeads(%q) = %q (nil: %v), want %q", pattern, got, heads == nil, want)
		}
	}
}

// TestKeywordHeadsInPython: the rules of Python's keywords and builtins
// have heads, so the filter is in use where most of a listing's words are
// (if chroma wrote them otherwise, the filter would silently do nothing).
func TestKeywordHeadsInPython(t *testing.T) {
	rules, err := compilePrefilterRules(lexers.Get("python").(*chroma.RegexLexer))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, heads := range rules.heads {
		for _, w := range []string{"yield", "isinstance", "True", "__init__"} {
			if heads[w] {
				found[w] = true
			}
		}
	}
	if len(found) != 4 {
		t.Errorf("Python's word rules with heads cover %v of yield, isinstance, True, __init__", slices.Sorted(maps.Keys(found)))
	}
}

func TestWordRun(t *testing.T) {
	for _, tc := range []struct {
		text  string
		pos   int
		run   string
		whole bool
	}{
		{"def f():", 0, "def", true},
		{"def", 0, "def", true},
		{"x = is_ok", 4, "is_ok", true},
		{"naïve", 0, "na", false},
		{"(x", 0, "", true},
	} {
		run, whole := wordRun([]rune(tc.text), tc.pos)
		if run != tc.run || whole != tc.whole {
			t.Errorf("wordRun(%q, %d) = %q, %v; want %q, %v", tc.text, tc.pos, run, whole, tc.run, tc.whole)
		}
	}
}
