package markdown

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// regexLexers returns every *chroma.RegexLexer in chroma's registry, by
// name, with a prefilterLexer of its own for each.
func regexLexers(t testing.TB) ([]*chroma.RegexLexer, []*prefilterLexer) {
	t.Helper()
	var ls []*chroma.RegexLexer
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		if rl, ok := l.(*chroma.RegexLexer); ok {
			ls = append(ls, rl)
		}
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i].Config().Name < ls[j].Config().Name })
	ours := make([]*prefilterLexer, len(ls))
	for i, l := range ls {
		ours[i] = newPrefilterLexer(l, lexers.GlobalLexerRegistry)
	}
	if len(ls) < 100 {
		t.Fatalf("only %d regex lexers in chroma's registry", len(ls))
	}
	return ls, ours
}

// errRunaway marks a token stream that would not end: some of chroma's
// lexers (Jungle, JSONata) push and pop states forever without consuming
// text on some inputs.
var errRunaway = errors.New("runaway: too many tokens")

// tokens tokenises text, returning the tokens and the panic, if any. It
// stops a stream longer than any honest one.
func tokens(l chroma.Lexer, options *chroma.TokeniseOptions, text string) (out []chroma.Token, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	it, err := l.Tokenise(options, text)
	if err != nil {
		return nil, err
	}
	limit := 20*len(text) + 20000
	for tok := it(); tok != chroma.EOF; tok = it() {
		out = append(out, tok)
		if len(out) > limit {
			return out, errRunaway
		}
	}
	return out, nil
}

// sameTokens says how chroma's tokens of text and ours differ, or "".
// Where chroma panics, ours must not, and must return the text.
func sameTokens(theirs chroma.Lexer, ours chroma.Lexer, options *chroma.TokeniseOptions, text string) string {
	want, werr := tokens(theirs, options, text)
	got, gerr := tokens(ours, options, text)
	if gerr != nil {
		return fmt.Sprintf("ours failed: %v (chroma: %v)", gerr, werr)
	}
	if werr != nil {
		if !strings.HasPrefix(werr.Error(), "panic:") && werr != errRunaway {
			return fmt.Sprintf("chroma failed (%v), ours did not", werr)
		}
		// chroma panics or runs away; ours must give what chroma gave up
		// to there, then the rest of the text as one Error token.
		if len(got) == 0 {
			return ""
		}
		got = got[:len(got)-1]
		n := min(len(got), len(want))
		got, want = got[:n], want[:n]
	}
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			return fmt.Sprintf("token %d: chroma %v %q, ours %v %q", i, want[i].Type, want[i].Value, got[i].Type, got[i].Value)
		}
	}
	if len(want) != len(got) {
		return fmt.Sprintf("chroma gave %d tokens, ours %d", len(want), len(got))
	}
	return ""
}

// chromaDir is the directory of the chroma module this package builds with.
func chromaDir(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	if err != nil {
		t.Fatalf("find chroma's source: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// chromaTestInputs pairs chroma's lexers/testdata inputs with their lexers
// as chroma's lexers_test.go does: "x.actual" and "x.y.actual" with
// lexers.Get("x"), "dir/*.actual" with lexers.Get("dir").
func chromaTestInputs(t testing.TB) (names []string, lexerOf map[string]chroma.Lexer, text map[string]string) {
	t.Helper()
	dir := filepath.Join(chromaDir(t), "lexers", "testdata")
	lexerOf, text = map[string]chroma.Lexer{}, map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	add := func(lexerName, file string) {
		l := lexers.Get(lexerName)
		if l == nil {
			t.Errorf("no lexer for %s", file)
			return
		}
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, file)
		lexerOf[file], text[file] = l, string(data)
	}
	for _, e := range entries {
		switch {
		case e.Name() == "analysis":
		case e.IsDir():
			sub, err := os.ReadDir(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range sub {
				if filepath.Ext(s.Name()) == ".actual" {
					add(e.Name(), filepath.Join(e.Name(), s.Name()))
				}
			}
		case filepath.Ext(e.Name()) == ".actual":
			add(strings.Split(e.Name(), ".")[0], e.Name())
		}
	}
	if len(names) < 150 {
		t.Fatalf("only %d inputs in %s", len(names), dir)
	}
	return names, lexerOf, text
}

// TestPrefilterChromaTestdata lexes each of chroma's test inputs with its
// own lexer, chroma's and ours.
func TestPrefilterChromaTestdata(t *testing.T) {
	names, lexerOf, text := chromaTestInputs(t)
	all, ours := regexLexers(t)
	index := map[*chroma.RegexLexer]int{}
	for i, l := range all {
		index[l] = i
	}
	paired := 0
	for _, name := range names {
		rl, ok := lexerOf[name].(*chroma.RegexLexer)
		if !ok {
			continue
		}
		paired++
		if d := sameTokens(rl, ours[index[rl]], nil, text[name]); d != "" {
			t.Errorf("%s with %s: %s", name, rl.Config().Name, d)
		}
	}
	t.Logf("%d of chroma's inputs with their own regex lexer", paired)
}

// TestPrefilterCrossLexers lexes slices of chroma's test inputs with
// lexers they were not written for.
func TestPrefilterCrossLexers(t *testing.T) {
	names, _, text := chromaTestInputs(t)
	all, ours := regexLexers(t)
	crossed := 0
	// Every regex lexer over a slice of every input would take minutes of
	// chroma; a rotating twentieth of the inputs still gives each lexer code in
	// ~16 languages.
	step := 20
	if testing.Short() {
		step = 40
	}
	for i, l := range all {
		for j, name := range names {
			if (i+j)%step != 0 {
				continue
			}
			in := text[name]
			if len(in) > 1500 {
				in = strings.ToValidUTF8(in[:1500], "")
			}
			crossed++
			if d := sameTokens(l, ours[i], nil, in); d != "" {
				t.Errorf("%s with %s: %s", name, l.Config().Name, d)
			}
		}
	}
	t.Logf("%d regex lexers, %d lexer×input crossings", len(all), crossed)
}

// mixedSnippets are short texts every lexer must lex as chroma does.
var mixedSnippets = []string{
	"",
	"\n",
	"\r\n",
	"x",
	"def f(x):\n    return x ** 2  # square\n",
	"print(\"unterminated\n'also\nx = 1\n",
	"fn <- function(a, b = 2) { a %in% b }\nx <- c(1L, 2.5e3, NA)\n",
	"#include <stdio.h>\nint main(void) { printf(\"%d\\n\", 1); }\r\n",
	"<html><body class=\"x\">Hé, 世界 &amp; <b>ok</b></body></html>\n",
	"SELECT * FROM t WHERE name = 'O''Brien' -- comment\n",
	"{\"a\": [1, 2.0, true, null], \"b\": \"\\u00e9\"}",
	"/* unterminated comment\nstill\n",
	"`backtick ${interp} still open\n\n\n",
	"λx → x + 1 -- ∀ α. α\n\t\t¿qué?\r\rend\r",
	"    \t  \n\n   trailing   ",
	"@decorator\nclass A<T> extends B implements C { }\n",
	"$var = @{ key = 'v' }; echo $HOME; if [ -z \"$1\" ]; then exit 1; fi\n",
	"0x1F 0b1010 1_000 .5e-3 'c' '\\n' \"\"\"doc\"\"\"\n",
	"\x00\x01\x7f\u00a0\u2028\ufeff",
}

// TestPrefilterSnippets lexes the mixed snippets with every regex lexer.
func TestPrefilterSnippets(t *testing.T) {
	all, ours := regexLexers(t)
	nested := &chroma.TokeniseOptions{State: "root", Nested: true}
	for i, l := range all {
		for _, s := range mixedSnippets {
			for _, o := range []*chroma.TokeniseOptions{nil, nested} {
				if d := sameTokens(l, ours[i], o, s); d != "" {
					t.Errorf("%s on %q: %s", l.Config().Name, s, d)
				}
			}
		}
	}
	t.Logf("%d regex lexers × %d snippets × 2 option sets", len(all), len(mixedSnippets))
}

// fencedBlocks returns the fenced code blocks with a language in Markdown
// source: language and text.
func fencedBlocks(src string) [][2]string {
	var out [][2]string
	lines := strings.SplitAfter(src, "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimLeft(lines[i], " ")
		fence := ""
		for _, f := range []string{"```", "~~~"} {
			if strings.HasPrefix(line, f) {
				n := len(line) - len(strings.TrimLeft(line, f[:1]))
				fence = line[:n]
			}
		}
		if fence == "" {
			continue
		}
		info := strings.Fields(strings.TrimSpace(line[len(fence):]))
		var body strings.Builder
		for i++; i < len(lines); i++ {
			if strings.HasPrefix(strings.TrimSpace(lines[i]), fence) {
				break
			}
			body.WriteString(lines[i])
		}
		if len(info) > 0 {
			out = append(out, [2]string{codeLanguage(info[0]), body.String()})
		}
	}
	return out
}

// TestPrefilterCorpora lexes every fenced block with a language in the
// shared corpora with the lexer the site would use, chroma's and ours.
func TestPrefilterCorpora(t *testing.T) {
	root := "/work/shared/corpora"
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no corpora: %v", err)
	}
	blocks, langs := 0, map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, b := range fencedBlocks(string(data)) {
			l, ok := lexerFor(b[0]).(*prefilterLexer)
			if !ok {
				continue
			}
			blocks++
			langs[l.Config().Name] = true
			if d := sameTokens(chroma.Coalesce(l.inner), chroma.Coalesce(l), nil, b[1]); d != "" {
				t.Errorf("%s: %s block: %s", path, b[0], d)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if blocks == 0 {
		t.Fatal("no fenced blocks with a regex lexer in the corpora")
	}
	t.Logf("%d blocks in %d languages", blocks, len(langs))
}

// TestPrefilterWired checks the lexer table wraps chroma's regex lexers and
// leaves the shell lexers as they are.
func TestPrefilterWired(t *testing.T) {
	for name, want := range map[string]string{"python": "prefilter", "r": "prefilter", "go": "prefilter",
		"bash": "shell", "console": "shellSession"} {
		var got string
		switch lexerFor(name).(type) {
		case *prefilterLexer:
			got = "prefilter"
		case shellLexer:
			got = "shell"
		case shellSessionLexer:
			got = "shellSession"
		default:
			got = fmt.Sprintf("%T", lexerFor(name))
		}
		if got != want {
			t.Errorf("lexerFor(%q) is %s, want %s", name, got, want)
		}
	}
}

// TestPrefilterNoPanic: where chroma panics (here a state that does not
// exist), ours returns the text as one Error token.
func TestPrefilterNoPanic(t *testing.T) {
	l := newPrefilterLexer(lexers.Get("python").(*chroma.RegexLexer), lexers.GlobalLexerRegistry)
	toks, err := tokens(l, &chroma.TokeniseOptions{State: "no such state"}, "x = 1\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(toks) != 1 || toks[0].Type != chroma.Error || toks[0].Value != "x = 1\n" {
		t.Errorf("got %v, want the text as one Error token", toks)
	}
	if _, err := tokens(lexers.Get("python"), &chroma.TokeniseOptions{State: "no such state"}, "x = 1\n"); err == nil {
		t.Error("chroma no longer panics on an unknown state: test something else")
	}
}

// FuzzRegexPrefilter compares chroma's lexer and ours on any text, with
// any regex lexer.
func FuzzRegexPrefilter(f *testing.F) {
	all, ours := regexLexers(f)
	for i, s := range mixedSnippets {
		f.Add(uint16(i*37), s)
	}
	for _, name := range []string{"Python", "R", "Go", "HTML", "JavaScript", "C", "YAML", "Markdown"} {
		for i, l := range all {
			if l.Config().Name == name {
				for _, s := range mixedSnippets[4:10] {
					f.Add(uint16(i), s)
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, n uint16, text string) {
		if len(text) > 4096 {
			return
		}
		i := int(n) % len(all)
		if d := sameTokens(all[i], ours[i], nil, text); d != "" {
			t.Errorf("%s on %q: %s", all[i].Config().Name, text, d)
		}
	})
}

// TestPrefilterConcurrent lexes with one wrapper from several goroutines,
// as the site build does; run it with -race.
func TestPrefilterConcurrent(t *testing.T) {
	l := newPrefilterLexer(lexers.Get("python").(*chroma.RegexLexer), lexers.GlobalLexerRegistry)
	raku := newPrefilterLexer(lexers.Get("raku").(*chroma.RegexLexer), lexers.GlobalLexerRegistry)
	if !raku.compiled().dynamic || l.compiled().dynamic {
		t.Fatal("Raku's mutators are Go functions, Python's are not: dynamic should say so")
	}
	done := make(chan string)
	for g := range 4 {
		go func() {
			msg := ""
			for _, s := range mixedSnippets[g:] {
				for _, lexer := range []*prefilterLexer{l, raku} {
					if _, err := tokens(lexer, nil, s); err != nil {
						msg = err.Error()
					}
				}
			}
			done <- msg
		}()
	}
	for range 4 {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
