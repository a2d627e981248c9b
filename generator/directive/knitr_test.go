package directive

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestKnitrChildren: an R Markdown chunk with a child option gives the
// child's Markdown in its place, read from the page's folder; no other
// directive of mdBook or Hugo is expanded in R Markdown; every line keeps
// its number; a missing child is a warning naming the chunk's option.
func TestKnitrChildren(t *testing.T) {
	files := map[string]string{"ep/files/note.Rmd": "::: callout\nNote.\n:::\n"}
	env := Env{Read: reader(files), KnitrChildren: true}
	body := "A\n\n```{r child='files/note.Rmd'}\n```\n\n```{r, child = c(\"files/note.Rmd\")}\nignored()\n```\n\n" +
		"{{#include x.md}} {{< ref a >}}\n\n```{r child='gone.Rmd'}\n```\n\n```r\n# child='files/note.Rmd'\n```\n"
	res := Expand("ep/a.Rmd", []byte(body), env)
	got := string(res.Body)
	if n := strings.Count(got, "::: callout\nNote.\n:::"); n != 2 {
		t.Errorf("the child is in %d places, want 2:\n%s", n, got)
	}
	for _, kept := range []string{"{{#include x.md}} {{< ref a >}}", "```r\n# child='files/note.Rmd'\n```", "[missing include: gone.Rmd]"} {
		if !strings.Contains(got, kept) {
			t.Errorf("no %q in:\n%s", kept, got)
		}
	}
	if strings.Contains(got, "ignored()") || strings.Contains(got, "{r") {
		t.Errorf("a child chunk's own lines show:\n%s", got)
	}
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "the chunk's child='gone.Rmd': no such file") || res.Problems[0].Line != 12 {
		t.Errorf("problems %+v, want one warning for gone.Rmd at line 12", res.Problems)
	}
	checkLines(t, res, countLines(body))
	if res.Includes == nil || res.Includes[0] != "ep/files/note.Rmd" {
		t.Errorf("Includes %q, want the child", res.Includes)
	}
	if plain := Expand("ep/a.Rmd", []byte("no children {{#include x}}\n"), env); string(plain.Body) != "no children {{#include x}}\n" {
		t.Errorf("a page without children changed: %q", plain.Body)
	}
}

// TestKnitrChildrenLinear: 100,000 child chunks, and as many unclosed
// chunk headers, are read in time linear in the text (best of three
// runs under a second each).
func TestKnitrChildrenLinear(t *testing.T) {
	env := Env{Read: reader(map[string]string{"c.md": "child\n"}), KnitrChildren: true}
	for name, in := range map[string]string{
		"children":         strings.Repeat("```{r child='c.md'}\n```\n", 100_000),
		"unclosed headers": strings.Repeat("```{r child='c.md'}\n", 100_000),
		"other blocks":     strings.Repeat("```{r}\nx\n```\n", 100_000),
	} {
		d := time.Hour
		var res Result
		for i := 0; i < 3 && d > 250*time.Millisecond; i++ {
			start := time.Now()
			res = Expand("p.Rmd", []byte(in), env)
			d = min(d, time.Since(start))
		}
		if d > time.Second {
			t.Errorf("%s: %v for %d KiB: not linear", name, d, len(in)>>10)
		}
		checkLines(t, res, countLines(in))
	}
}

// TestKnitrChildrenNames: a child's name may hold spaces and colons, and
// child = c(…) includes every file it names, in order.
func TestKnitrChildrenNames(t *testing.T) {
	files := map[string]string{"my setup.Rmd": "One.", "b:2.Rmd": "Two.", "c.Rmd": "Three."}
	env := Env{Read: reader(files), KnitrChildren: true}
	body := "```{r child='my setup.Rmd'}\n```\n\n```{r child=c('b:2.Rmd', \"c.Rmd\")}\n\n```\n"
	res := Expand("p.Rmd", []byte(body), env)
	if want := "One.\n\n\nTwo.\n\nThree.\n"; string(res.Body) != want || len(res.Problems) > 0 {
		t.Errorf("got %q (problems %v), want %q", res.Body, res.Problems, want)
	}
	checkLines(t, res, countLines(body))
}

// TestKnitrCode: a chunk whose code knitr reads from a file (file = "a.R"
// in its header, #| file: a.R, or code = readLines("a.R"), with [N:M]
// after it or not) shows that file's lines in place of its own; its "#|"
// lines stay for the chunk's other options; every line keeps its number;
// a missing file is a warning naming the option.
func TestKnitrCode(t *testing.T) {
	files := map[string]string{"ep/files/f.R": "one()\ntwo()\nthree()"}
	env := Env{Read: reader(files), KnitrChildren: true}
	for _, tt := range []struct{ body, want string }{
		{"```{r, file=\"files/f.R\"}\n```\n", "```{r, file=\"files/f.R\"}\none()\ntwo()\nthree()\n```\n"},
		{"```{r}\n#| file: files/f.R\nmine()\n```\n", "```{r}\n#| file: files/f.R\n\none()\ntwo()\nthree()\n```\n"},
		{"```{r}\n#| eval = FALSE,\n#| code = readLines('files/f.R')[2:3]\n```\n", "```{r}\n#| eval = FALSE,\n#| code = readLines('files/f.R')[2:3]\ntwo()\nthree()\n```\n"},
		{"```{r}\n#| code = readLines(\"files/f.R\")[1]\n```\n", "```{r}\n#| code = readLines(\"files/f.R\")[1]\none()\n```\n"},
		{"```r\n# file = \"files/f.R\"\n```\n", "```r\n# file = \"files/f.R\"\n```\n"},
	} {
		res := Expand("ep/a.Rmd", []byte(tt.body), env)
		if got := string(res.Body); got != tt.want {
			t.Errorf("%q gives\n%q, want\n%q", tt.body, got, tt.want)
		}
		if len(res.Problems) != 0 {
			t.Errorf("%q: problems %+v", tt.body, res.Problems)
		}
		checkLines(t, res, countLines(tt.body))
	}
	res := Expand("ep/a.Rmd", []byte("Text.\n\n```{r, file='gone.R'}\n```\n"), env)
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "the chunk's code from 'gone.R': no such file") || !strings.Contains(string(res.Body), "[missing include: gone.R]\n```") {
		t.Errorf("a missing file: problems %+v, body %q", res.Problems, res.Body)
	}
}

// TestInlineR: inline R code in R Markdown gets one warning, at the
// first, outside fenced code; “r“ and code blocks do not count.
func TestInlineR(t *testing.T) {
	env := Env{KnitrChildren: true}
	for body, want := range map[string]string{
		"We have `r nrow(d)` rows and `r ncol(d)` columns.\n":  "1:9",
		"```r\nx <- `r y`\n```\n\nText ``r x`` and `r 1+1`.\n": "5:18",
		"No code here, `rm -rf` either.\n":                     "",
		"```{r}\n`r inside`\n```\n":                            "",
	} {
		res := Expand("ep/a.Rmd", []byte(body), env)
		got := ""
		for _, p := range res.Problems {
			if strings.Contains(p.Msg, "inline R code") {
				got += fmt.Sprintf("%d:%d", p.Line, p.Col)
			}
		}
		if got != want {
			t.Errorf("%q: inline R warned at %q, want %q", body, got, want)
		}
	}
	if res := Expand("a.md", []byte("`r x`\n"), Env{}); len(res.Problems) != 0 {
		t.Errorf("a page knitr does not read: %+v", res.Problems)
	}
}
