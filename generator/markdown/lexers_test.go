package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// TestLexerForAgreesWithChroma: every lexer name and alias, and the common
// extensions and file names, resolve to the lexer chroma's own (slow) look-up
// gives.
func TestLexerForAgreesWithChroma(t *testing.T) {
	var names []string
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		names = append(names, l.Config().Name)
		names = append(names, l.Config().Aliases...)
	}
	names = append(names, "py", "go", "rs", "js", "ts", "rb", "yml", "sh", "R", "Makefile", "Dockerfile", "main.go", "x.py", "BASH", "Python")
	for _, n := range names {
		if plainNames[strings.ToLower(n)] {
			continue
		}
		want, got := lexers.Get(n), lexerFor(n)
		if want == nil || got == nil {
			if want != got {
				t.Errorf("%q: got %v, chroma gives %v", n, got, want)
			}
			continue
		}
		if got.Config().Name != want.Config().Name {
			// Two lexers may claim one alias; both must at least claim it.
			if !claims(got, n) {
				t.Errorf("%q: got %s, chroma gives %s", n, got.Config().Name, want.Config().Name)
			}
		}
	}
}

// claims reports whether lexer l lists n as its name, an alias or a file pattern.
func claims(l chroma.Lexer, n string) bool {
	cfg := l.Config()
	for _, x := range append(append([]string{cfg.Name}, cfg.Aliases...), cfg.Filenames...) {
		if strings.EqualFold(x, n) || strings.EqualFold(x, "*."+n) {
			return true
		}
	}
	return false
}

func TestLexerForPlainAndUnknown(t *testing.T) {
	for _, n := range []string{"", "  ", "output", "Error", "text", "source", "nohighlight", "no-such-language", "{.output}", strings.Repeat("x", 100)} {
		if l := lexerFor(n); l != nil {
			t.Errorf("%q: got lexer %s, want none", n, l.Config().Name)
		}
	}
}

func TestCodeLabels(t *testing.T) {
	tests := []struct{ src, want string }{
		{"```output\n<b>3 files</b>\n```\n", "<div class=\"code-block code-output\"><div class=\"code-label\">Output</div>\n<pre class=\"hl-chroma\"><code>&lt;b&gt;3 files&lt;/b&gt;\n</code></pre>\n</div>\n"},
		{"```error\nNo such file\n```\n", "<div class=\"code-block code-error\"><div class=\"code-label\">Error</div>\n<pre class=\"hl-chroma\"><code>No such file\n</code></pre>\n</div>\n"},
		{"```\nplain & simple\n```\n", "<pre class=\"hl-chroma\"><code>plain &amp; simple\n</code></pre>\n"},
		{"```unknownlang\na<b\n```\n", "<pre class=\"hl-chroma\"><code class=\"language-unknownlang\">a&lt;b\n</code></pre>\n"},
		{"```mermaid\ngraph LR; A-->B\n```\n", "<pre class=\"hl-chroma\"><code class=\"language-mermaid\">graph LR; A--&gt;B\n</code></pre>\n"},
		{"```foo<bar>\nz\n```\n", "<pre class=\"hl-chroma\"><code>z\n</code></pre>\n"},
		// the file a block shows: Hugo's themes' filename=, and title=
		{"```text {filename=\"hugo <1>.yaml\"}\nz\n```\n", "<div class=\"code-block code-file\"><div class=\"code-label\">hugo &lt;1&gt;.yaml</div>\n<pre class=\"hl-chroma\"><code>z\n</code></pre>\n</div>\n"},
		{"```text {linenos=table,title=main.go}\nz\n```\n", "<div class=\"code-block code-file\"><div class=\"code-label\">main.go</div>\n<pre class=\"hl-chroma\"><code>z\n</code></pre>\n</div>\n"},
		{"```x-y subtitle=x\nz\n```\n", "<pre class=\"hl-chroma\"><code class=\"language-x-y\">z\n</code></pre>\n"},
		{"```x-y {title=\"open\nz\n```\n", "<pre class=\"hl-chroma\"><code class=\"language-x-y\">z\n</code></pre>\n"},
	}
	for _, tt := range tests {
		if got := render(t, tt.src, false); got != tt.want {
			t.Errorf("%q:\ngot  %q\nwant %q", tt.src, got, tt.want)
		}
	}
	got := render(t, "```console\n$ ls\n```\n", false)
	if !strings.HasPrefix(got, `<div class="code-block code-console"><div class="code-label">Shell session</div>`) || !strings.Contains(got, `class="hl-gp"`) {
		t.Errorf("console block is not labelled and highlighted as a shell session:\n%s", got)
	}
}

// BenchmarkCodeBlocks renders a lesson of 200 code blocks of each kind:
// unlabelled and unknown names must cost no more than a known language.
func BenchmarkCodeBlocks(b *testing.B) {
	for _, lang := range []string{"bash", "", "output", "error", "unknownlang"} {
		var src strings.Builder
		for i := 0; i < 200; i++ {
			fmt.Fprintf(&src, "Step %d.\n\n```%s\n$ ls -l data/%d\ntotal 8\n-rw-r--r-- 1 me me 42 file.txt\n```\n\n", i, lang, i)
		}
		m := New(false, nil)
		b.Run("lang="+lang, func(b *testing.B) {
			for b.Loop() {
				doc := m.Parse([]byte(src.String()))
				if _, err := m.Render([]byte(src.String()), doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCodeLanguage: a code block's language as each format writes it; R
// Markdown chunks are highlighted by their language.
func TestCodeLanguage(t *testing.T) {
	for info, want := range map[string]string{
		"{r}": "r", "{r": "r", "{r,": "r", "{python}": "python", "{r setup, echo=FALSE}": "r",
		"bash": "bash", "": "", "{": "", "{}": "", " python ": "python",
		"rust,ignore": "rust", "rust,editable,no_run": "rust",
		"go {linenos=table,hl_lines=[2]}": "go", "go{linenos=true}": "go", `python title="x.py"`: "python",
		"{.output}": "output", "{#l1 .python .numberLines}": "python", "{.bash filename=\"a.sh\"}": "bash",
		"{#only-an-id}": "", "{echo=FALSE}": "",
		"{.language-python}": "python", "{#l2 .language-r .numberLines}": "r", "{.language-}": "language-",
	} {
		if got := codeLanguage(info); got != want {
			t.Errorf("codeLanguage(%q) = %q, want %q", info, got, want)
		}
	}
	for _, block := range []string{"```rust,ignore\nfn main() {}\n```\n", "```{.output}\ntotal 0\n```\n", "~~~ {.language-python}\nprint(1)\n~~~\n"} {
		out := render(t, block, false)
		if !strings.Contains(out, `<span class="hl-`) && !strings.Contains(out, "code-output") {
			t.Errorf("%q is neither highlighted nor labelled:\n%s", block, out)
		}
	}
	out := render(t, "```{r setup, message=FALSE}\nx <- c(1, 2)\n```\n", false)
	if !strings.Contains(out, "hl-") || strings.Contains(out, "{r") {
		t.Errorf("an R chunk is not highlighted as R:\n%s", out)
	}
}
