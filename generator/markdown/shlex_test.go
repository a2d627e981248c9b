package markdown

import (
	"bufio"
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// shellCorpora are lesson sets whose shell blocks the tests compare with
// chroma; a missing one is skipped.
var shellCorpora = []string{
	"/work/shared/corpora/shell-novice/episodes",
	"/work/shared/corpora/mdbook-guide/src",
	"/work/shared/corpora/hugo-docs",
}

// shellBlocks returns the text of every bash, sh, shell, zsh and ksh block
// of the Markdown files under dir.
func shellBlocks(t testing.TB, dir string) []string {
	t.Helper()
	var blocks []string
	md := goldmark.New()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc := md.Parser().Parse(text.NewReader(src))
		return ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			fc, ok := n.(*ast.FencedCodeBlock)
			if !entering || !ok {
				return ast.WalkContinue, nil
			}
			switch strings.ToLower(string(fc.Language(src))) {
			case "bash", "sh", "shell", "zsh", "ksh":
				var b strings.Builder
				for i := 0; i < fc.Lines().Len(); i++ {
					l := fc.Lines().At(i)
					b.Write(l.Value(src))
				}
				blocks = append(blocks, b.String())
			}
			return ast.WalkContinue, nil
		})
	})
	if err != nil {
		t.Skipf("corpus %s: %v", dir, err)
	}
	return blocks
}

func chromaBash(t testing.TB) chroma.Lexer {
	t.Helper()
	l := lexers.Get("bash")
	if l == nil || l.Config().Name != "Bash" {
		t.Fatal("chroma has no Bash lexer")
	}
	if _, ok := l.(shellLexer); ok {
		t.Fatal("lexers.Get gave our lexer, not chroma's")
	}
	return l
}

func tokenise(t testing.TB, l chroma.Lexer, code string) []chroma.Token {
	t.Helper()
	toks, err := chroma.Tokenise(l, nil, code)
	if err != nil {
		t.Fatal(err)
	}
	return toks
}

// classes gives the CSS class of each byte of the tokens' text.
func classes(toks []chroma.Token) []string {
	var out []string
	for _, tok := range toks {
		c := chroma.StandardTypes[tok.Type]
		for range len(tok.Value) {
			out = append(out, c)
		}
	}
	return out
}

// agreement counts the bytes of code to which chroma's lexer and ours give
// the same class.
func agreement(t testing.TB, code string) (same, total int) {
	t.Helper()
	want := classes(tokenise(t, chromaBash(t), code))
	got := classes(tokenise(t, shellLexer{chromaBash(t)}, code))
	if len(got) != len(want) {
		t.Fatalf("%q: %d bytes of tokens from us, %d from chroma", code, len(got), len(want))
	}
	for i := range want {
		if got[i] == want[i] {
			same++
		}
	}
	return same, len(want)
}

// TestShellLexerAgreesWithChroma compares, byte by byte, the classes our
// lexer and chroma's Bash lexer give the shell blocks of real lessons.
func TestShellLexerAgreesWithChroma(t *testing.T) {
	var same, total, blocks, identical int
	for _, dir := range shellCorpora {
		if _, err := os.Stat(dir); err != nil {
			t.Logf("skipping missing corpus %s", dir)
			continue
		}
		var dirSame, dirTotal, dirBlocks int
		for _, code := range shellBlocks(t, dir) {
			s, n := agreement(t, code)
			dirSame += s
			dirTotal += n
			dirBlocks++
			if s == n {
				identical++
			} else {
				t.Logf("differs (%d of %d bytes agree):\n%s", s, n, code)
			}
		}
		t.Logf("%s: %d blocks, %d of %d bytes agree", dir, dirBlocks, dirSame, dirTotal)
		same, total, blocks = same+dirSame, total+dirTotal, blocks+dirBlocks
	}
	if total == 0 {
		t.Skip("no corpus")
	}
	share := float64(same) / float64(total)
	t.Logf("%d blocks (%d identical), %d bytes: %.2f%% of bytes get chroma's class", blocks, identical, total, 100*share)
	if share < 0.95 {
		t.Errorf("only %.2f%% of bytes agree with chroma, want ≥ 95%%", 100*share)
	}
}

// shellCases are made-up lines for each of the rules and their quirks.
var shellCases = []string{
	"echo hello world\n",
	"echo\n", "echo", "echo;", "echo)", "echo`", "times 3\n", "time ls\n", "typeset x\n",
	"for f in *.txt; do echo $f; done\n",
	"if [ -f x ]; then cat x; elif true; then :; else exit 1; fi\n",
	"done2 format fi_x do_\n", "do  \n", "if\n  then", "x=for\n",
	"# a comment\nls -l # another\n", "#!/bin/bash\necho hi\n", "#!\n", "#!/bin/sh",
	"a=1 b+=2 c =3 d  += 4\n", "x==y\n", "a\n=b\n",
	"echo \"plain $HOME and ${USER} and $(date) and $((1+2))\"\n",
	"echo \"no dollar \\\" here\" 'single $x' $'esc \\' q' $\"loc\"\n",
	"echo 'unclosed\n", "echo \"unclosed\n", "echo $'unclosed\n", "echo \\", "\"a\\", "$'\\",
	"echo $1 $22 $# $$ $? $! $_ $* $@ $- $x1 $_y $ $\n",
	"echo ${#arr[@]} ${x:-default} ${y/a/b} ${z:=q} ${a:b} ${\"q\"} ${`x`}\n",
	"echo $(( 2 ** 10 + 16#ff - 8# x % 3 )) $((a=1)) $(( (1) ))\n",
	"ls `pwd` `echo `date``\n",
	"cat <<EOF > out\nline $x\nEOF\n", "cat <<-'END'\n\ttext\n\tEND\n", "cat << \\STOP\nx\nSTOP\n",
	"cat <<EOF\nno end\n", "cat <<E\n", "<<x" + strings.Repeat("0", 200) + "x010", "cat <<< \"here string\"\n", "a <b << c",
	"a && b || c | d & e ; f\n", "x >> y 2>&1 < z\n",
	"echo 12 3a 4\n45\n", "seq 1 10", "wc -l 100\n",
	"echo a\\ b \\\n  c\n", "echo \\$x \\\\ \\n\n",
	"f() { echo x; }\nfunction g { return 0; }\n",
	"case $x in\n  a) echo a;;\n  *) echo b;;\nesac\n",
	"while read -r line; do echo \"$line\"; done < file\n",
	"select x in a b; do break; done\nuntil false; do continue; done\n",
	"export PATH=$PATH:/usr/bin\nlocal v=1\n",
	"echo héllo wörld ünïcode=1 π=3 ٣ ${ñ} $ñ\n", "echo \u00a0x\u2003y\n",
	"[[ -n \"$x\" ]] && { echo y; }\n", "$(echo $(echo \"$(ls)\"))\n", "\"$(\")\"\n",
	"))\n)\n}\n", "${\n}\n$((\n))\n`\n`\n", "\"\n$(\n\"\n",
}

// TestShellLexerMatchesChromaExactly: on lines written to exercise every
// rule, our tokens have exactly chroma's types, byte for byte.
func TestShellLexerMatchesChromaExactly(t *testing.T) {
	for _, code := range shellCases {
		if same, total := agreement(t, code); same != total {
			t.Errorf("%q: %d of %d bytes agree\nchroma: %v\nours:   %v", code, same, total,
				tokenise(t, chromaBash(t), code), tokenise(t, shellLexer{chromaBash(t)}, code))
		}
	}
}

// TestShellLexerRandomAgainstChroma compares the two lexers on random text
// made of shell's special characters, words and spaces.
func TestShellLexerRandomAgainstChroma(t *testing.T) {
	pieces := []string{"$", "(", ")", "((", "))", "{", "}", "[", "]", "\"", "'", "`", "\\", "#", "=", "+=",
		"<<", "<", ">", "&", "|", ";", ":", ":-", " ", "  ", "\n", "\t", "1", "42", "16#", "x", "EOF", "if", "do",
		"done", "echo", "cd", "time", "abc", "_v", "é", "-", "*", "@", "?", "!", "%", "/", "#!"}
	rng := rand.New(rand.NewSource(1))
	n := 3000
	if testing.Short() {
		n = 300
	}
	bad := 0
	for range n {
		var b strings.Builder
		for range 1 + rng.Intn(30) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		code := b.String()
		if same, total := agreement(t, code); same != total {
			bad++
			if bad <= 10 {
				t.Errorf("%q: %d of %d bytes agree\nchroma: %v\nours:   %v", code, same, total,
					tokenise(t, chromaBash(t), code), tokenise(t, shellLexer{chromaBash(t)}, code))
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d random inputs differ", bad, n)
	}
}

// checkLossless fails unless the tokens of code, joined, are code.
func checkLossless(t testing.TB, code string) {
	t.Helper()
	var b strings.Builder
	for _, tok := range tokeniseShell(code) {
		if tok.Value == "" {
			t.Fatalf("%q: empty token", code)
		}
		b.WriteString(tok.Value)
	}
	if b.String() != code {
		t.Fatalf("tokens of %q join to %q", code, b.String())
	}
}

func TestShellLexerLossless(t *testing.T) {
	for _, code := range append(shellCases, "", "\xff\xfe$\xff", "\"\xff", "<<\xff\xff", "${\xc3", "\r\n\r") {
		checkLossless(t, code)
	}
}

func FuzzShellLexer(f *testing.F) {
	for _, code := range shellCases {
		f.Add(code)
	}
	f.Fuzz(func(t *testing.T, code string) {
		checkLossless(t, code)
	})
}

// TestShellLexerLinear: a megabyte of each pathological shape takes well
// under 100 ms on an idle machine (a quadratic scan would take minutes).
// As the test machine may be busy, the test fails only on time that grows
// much faster than the input (16× the input taking over 128× the time,
// where a quadratic scan takes 256×) or on over a second for 1 MB (where
// a quadratic scan takes minutes), and logs the times.
func TestShellLexerLinear(t *testing.T) {
	repeat := func(unit string) func(int) string {
		return func(n int) string { return strings.Repeat(unit, n/len(unit)) }
	}
	shapes := map[string]func(int) string{
		"unclosed double quotes": repeat("\""),
		"quote dollar":           repeat("\"a$"),
		"unclosed single quotes": repeat("'a"),
		"dollar single quotes":   repeat("$'\\"),
		"opening parens":         repeat("$((((("),
		"math":                   repeat("$(("),
		"curly":                  repeat("${"),
		"backticks":              repeat("`$(\""),
		"heredoc no end":         repeat("<<EOF "),
		"heredoc distinct": func(n int) string {
			var b strings.Builder
			for i := 0; b.Len() < n; i++ {
				b.WriteString("<<w")
				b.WriteString(strings.Repeat("x", i%50))
				b.WriteRune(rune(0x4e00 + i%20000))
				b.WriteString(" ")
			}
			return b.String()
		},
		"heredoc long word":   func(n int) string { return "<<" + strings.Repeat("a", n) },
		"heredoc long word 2": func(n int) string { return "<<" + strings.Repeat("ab", n/2) + "c" },
		"backslashes":         repeat("\\"),
		"words":               repeat("done echo x= "),
		"comment":             repeat("#"),
		"spaces":              func(n int) string { return strings.Repeat(" \n", n/2) + "=" },
	}
	sessions := map[string]func(int) string{
		"session unclosed user":    repeat("[a\n"),
		"session no at":            func(n int) string { return strings.Repeat("[ab\n", n/4) + "]" },
		"session at, no close":     func(n int) string { return strings.Repeat("[a@b\n", n/5) + "]" },
		"session heredoc per line": repeat("$ <<" + strings.Repeat("x", 60) + "\n"),
		"session blank lines":      func(n int) string { return "$" + strings.Repeat("\n", n) },
		"session prompts":          repeat("$ ls\nout\n\n"),
	}
	for name, shape := range sessions {
		shapes[name] = shape
	}
	const mb = 1 << 20
	for name, shape := range shapes {
		small, large := lexTime(t, shape(mb/16)), lexTime(t, shape(mb))
		t.Logf("%-24s %v for 1 MB (%v for 64 kB)", name, large, small)
		if large > 128*small+20*time.Millisecond || large > time.Second {
			t.Errorf("%s: %v for 1 MB, %v for 64 kB, want linear time well under 100 ms", name, large, small)
		}
	}
}

// lexTime is the shortest of three times taken to tokenise code.
func lexTime(t *testing.T, code string) time.Duration {
	t.Helper()
	best := time.Hour
	for range 3 {
		runtime.GC()
		start := time.Now()
		n := 0
		if strings.HasPrefix(code, "[") || strings.HasPrefix(code, "$ ") || strings.HasPrefix(code, "$\n") {
			for _, tok := range tokeniseShellSession(code) {
				n += len(tok.Value)
			}
		} else {
			x := newShellScanner(code)
			for tok := x.next(); tok != chroma.EOF; tok = x.next() {
				n += len(tok.Value)
			}
		}
		best = min(best, time.Since(start))
		if n != len(code) {
			t.Fatalf("tokens cover %d of %d bytes", n, len(code))
		}
	}
	return best
}

// TestShellBlockHTML: a bash block renders as it did with chroma's lexer:
// the same wrapper, classes and text.
func TestShellBlockHTML(t *testing.T) {
	codes := append([]string{}, shellCases...)
	for _, dir := range shellCorpora {
		if _, err := os.Stat(dir); err == nil {
			codes = append(codes, shellBlocks(t, dir)...)
		}
	}
	if _, ok := lexerFor("bash").(shellLexer); !ok {
		t.Fatalf("bash resolves to %T, want shellLexer", lexerFor("bash"))
	}
	for _, name := range []string{"sh", "shell", "zsh", "ksh", "x.sh", "PKGBUILD", ".bashrc"} {
		if _, ok := lexerFor(name).(shellLexer); !ok {
			t.Errorf("%s resolves to %T, want shellLexer", name, lexerFor(name))
		}
	}
	for _, name := range []string{"console", "shell-session", "bash-session"} {
		if _, ok := lexerFor(name).(shellSessionLexer); !ok {
			t.Errorf("%s resolves to %T, want shellSessionLexer", name, lexerFor(name))
		}
	}
	for _, name := range []string{"python", "go", "r", "powershell", "bat"} {
		switch lexerFor(name).(type) {
		case shellLexer, shellSessionLexer:
			t.Errorf("%s resolves to %T", name, lexerFor(name))
		}
	}
	for _, code := range shellSessionCases {
		var got, want bytes.Buffer
		w := bufio.NewWriter(&got)
		if err := writeCode(w, "console", code); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		it, err := chroma.Coalesce(lexers.Get("console")).Tokenise(nil, code)
		if err != nil {
			t.Fatal(err)
		}
		if err := codeFormatter.Format(&want, codeStyle, it); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("console %q: HTML differs\ngot  %s\nwant %s", code, got.String(), want.String())
		}
	}
	for _, code := range codes {
		var got, want bytes.Buffer
		w := bufio.NewWriter(&got)
		if err := writeCode(w, "bash", code); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		it, err := chroma.Coalesce(chromaBash(t)).Tokenise(nil, code)
		if err != nil {
			t.Fatal(err)
		}
		if err := codeFormatter.Format(&want, codeStyle, it); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(got.String(), `<pre class="hl-chroma">`) {
			t.Errorf("%q: HTML starts %.40q", code, got.String())
		}
		if got.String() != want.String() {
			t.Errorf("%q: HTML differs\ngot  %s\nwant %s", code, got.String(), want.String())
		}
	}
}

// BenchmarkShellLexer tokenises the corpora's shell blocks (or, without
// them, a made-up session) with chroma's Bash lexer and with ours.
func BenchmarkShellLexer(b *testing.B) {
	var codes []string
	for _, dir := range shellCorpora {
		if _, err := os.Stat(dir); err == nil {
			codes = append(codes, shellBlocks(b, dir)...)
		}
	}
	if len(codes) == 0 {
		codes = shellCases
	}
	size := 0
	for _, c := range codes {
		size += len(c)
	}
	for _, bc := range []struct {
		name  string
		lexer chroma.Lexer
	}{{"chroma", chromaBash(b)}, {"shlex", shellLexer{chromaBash(b)}}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, c := range codes {
					it, err := bc.lexer.Tokenise(nil, c)
					if err != nil {
						b.Fatal(err)
					}
					for tok := it(); tok != chroma.EOF; tok = it() {
					}
				}
			}
		})
	}
}

// FuzzShellLexerAgainstChroma: on short valid UTF-8 input our tokens have
// chroma's types, byte for byte.
func FuzzShellLexerAgainstChroma(f *testing.F) {
	for _, code := range shellCases {
		f.Add(code)
	}
	f.Fuzz(func(t *testing.T, code string) {
		if len(code) > 256 || !utf8.ValidString(code) {
			return
		}
		if same, total := agreement(t, code); same != total {
			t.Errorf("%q: %d of %d bytes agree\nchroma: %v\nours:   %v", code, same, total,
				tokenise(t, chromaBash(t), code), tokenise(t, shellLexer{chromaBash(t)}, code))
		}
	})
}

// BenchmarkShellBlockHTML highlights the same blocks to HTML, tokens and
// formatter both, with chroma's Bash lexer and with ours.
func BenchmarkShellBlockHTML(b *testing.B) {
	var codes []string
	for _, dir := range shellCorpora {
		if _, err := os.Stat(dir); err == nil {
			codes = append(codes, shellBlocks(b, dir)...)
		}
	}
	if len(codes) == 0 {
		codes = shellCases
	}
	for _, bc := range []struct {
		name  string
		lexer chroma.Lexer
	}{{"chroma", chromaBash(b)}, {"shlex", shellLexer{chromaBash(b)}}} {
		b.Run(bc.name, func(b *testing.B) {
			var out bytes.Buffer
			for b.Loop() {
				for _, c := range codes {
					out.Reset()
					it, err := chroma.Coalesce(bc.lexer).Tokenise(nil, c)
					if err != nil {
						b.Fatal(err)
					}
					if err := codeFormatter.Format(&out, codeStyle, it); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// shellSessionCases are made-up shell sessions.
var shellSessionCases = []string{
	"$ ls -l\ntotal 0\n$ echo \"$HOME\"  # where\n/home/me\n",
	"$ cd data\n\n$ pwd\n/data", "# apt install x\n% zsh\n> continued\n",
	"[me@host ~]$ ls\n[me@host ~] $ ls\n[me@host ~]  $ ls\n[@x]$ no\n[a@]$ no\n[a@b]$\n",
	"[a@b\nc]$ x\n[no at]$ x\n[a@b] x\n[", "$\n\n  ls\n", "$", "\n\n", "$ cat <<EOF\nx\nEOF\n",
	"$ #!/bin/sh\n$ echo 'a\nb'\n", "output only", "\r\n$ x\r\n", "",
}

func chromaSession(t testing.TB) chroma.Lexer {
	t.Helper()
	l := lexers.Get("console")
	if l == nil || l.Config().Name != "Bash Session" {
		t.Fatal("chroma has no Bash Session lexer")
	}
	return l
}

// sessionAgreement counts the bytes to which chroma's Bash Session lexer
// and ours give the same class.
func sessionAgreement(t testing.TB, code string) (same, total int) {
	t.Helper()
	want := classes(tokenise(t, chromaSession(t), code))
	got := classes(tokenise(t, shellSessionLexer{chromaSession(t)}, code))
	if len(got) != len(want) {
		t.Fatalf("%q: %d bytes of tokens from us, %d from chroma", code, len(got), len(want))
	}
	for i := range want {
		if got[i] == want[i] {
			same++
		}
	}
	return same, len(want)
}

// TestShellSessionMatchesChroma: on made-up and random sessions our tokens
// have chroma's types, byte for byte.
func TestShellSessionMatchesChroma(t *testing.T) {
	codes := append([]string{}, shellSessionCases...)
	pieces := []string{"$ ", "$", "# ", "%", ">", "[", "]", "@", "a@b", " ", "\n", "\n\n", "\t", "ls", "echo \"$x\"",
		"'", "<<EOF", "EOF", "\\", "é", "x"}
	rng := rand.New(rand.NewSource(2))
	for range 2000 {
		var b strings.Builder
		for range 1 + rng.Intn(20) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		codes = append(codes, b.String())
	}
	bad := 0
	for _, code := range codes {
		if same, total := sessionAgreement(t, code); same != total {
			bad++
			if bad <= 10 {
				t.Errorf("%q: %d of %d bytes agree\nchroma: %v\nours:   %v", code, same, total,
					tokenise(t, chromaSession(t), code), tokenise(t, shellSessionLexer{chromaSession(t)}, code))
			}
		}
	}
}

func FuzzShellSessionAgainstChroma(f *testing.F) {
	for _, code := range shellSessionCases {
		f.Add(code)
	}
	f.Fuzz(func(t *testing.T, code string) {
		toks := tokeniseShellSession(code)
		var b strings.Builder
		for _, tok := range toks {
			b.WriteString(tok.Value)
		}
		if b.String() != code {
			t.Fatalf("tokens of %q join to %q", code, b.String())
		}
		if len(code) > 256 || !utf8.ValidString(code) {
			return
		}
		if same, total := sessionAgreement(t, code); same != total {
			t.Errorf("%q: %d of %d bytes agree\nchroma: %v\nours:   %v", code, same, total,
				tokenise(t, chromaSession(t), code), tokenise(t, shellSessionLexer{chromaSession(t)}, code))
		}
	})
}

// BenchmarkShellSession tokenises sessions made from the corpora's shell
// blocks (each line a command, followed by a line of output) with chroma's
// Bash Session lexer and with ours.
func BenchmarkShellSession(b *testing.B) {
	var codes []string
	for _, dir := range shellCorpora {
		if _, err := os.Stat(dir); err == nil {
			codes = append(codes, shellBlocks(b, dir)...)
		}
	}
	if len(codes) == 0 {
		codes = shellCases
	}
	for i, c := range codes {
		var s strings.Builder
		for _, line := range strings.SplitAfter(c, "\n") {
			if line != "" {
				s.WriteString("$ " + line + "output\n")
			}
		}
		codes[i] = s.String()
	}
	for _, bc := range []struct {
		name  string
		lexer chroma.Lexer
	}{{"chroma", chromaSession(b)}, {"shlex", shellSessionLexer{chromaSession(b)}}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, c := range codes {
					it, err := bc.lexer.Tokenise(nil, c)
					if err != nil {
						b.Fatal(err)
					}
					for tok := it(); tok != chroma.EOF; tok = it() {
					}
				}
			}
		})
	}
}
