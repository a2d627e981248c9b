package markdown

import (
	"fmt"
	"html"
	"strings"
	"testing"
)

// TestHiddenChunk: which code block info strings are knitr chunks that
// show nothing.
func TestHiddenChunk(t *testing.T) {
	for info, want := range map[string]bool{
		"{r setup, include=FALSE}":          true,
		"{r, echo=F}":                       true,
		"{python, echo = false, fig.cap=1}": true,
		"{r setup include=FALSE}":           true,
		" {r label, message=FALSE}":         false,
		"{r, eval=FALSE}":                   false,
		"{r}":                               false,
		"{.output}":                         false,
		"{#id echo=FALSE}":                  false,
		"r echo=FALSE":                      false,
		"{r, echo=FALSE":                    false,
		"":                                  false,
	} {
		if got := hiddenChunk(info); got != want {
			t.Errorf("hiddenChunk(%q) = %v, want %v", info, got, want)
		}
	}
}

// TestHashPipeOptions: knitr's in-chunk options ("#| echo: false", knitr
// 1.35 on) hide a chunk as the header's do, and their lines never show.
func TestHashPipeOptions(t *testing.T) {
	src := "```{r}\n#| label: setup\n#| include: false\nlibrary(secret)\n```\n\n" +
		"```{r}\n#| echo: FALSE\nplot(x)\n```\n\n" +
		"```{r}\n#| eval: false\n#| fig-cap: \"A plot\"\nshown(1)\n#| not an option: after the code\n```\n\n" +
		"```python\n#| a comment in Python\n```\n"
	md := NewDialect(Pandoc, false, nil)
	out, err := md.Render([]byte(src), md.Parse([]byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, gone := range []string{"secret", "plot(x)", "#| eval", "fig-cap"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q is shown:\n%s", gone, got)
		}
	}
	for _, kept := range []string{">shown<", "#| not an option", "#| a comment in Python"} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q is not shown:\n%s", kept, got)
		}
	}
}

// TestChunkBlankLines: as knitr's strip.white does by default, a chunk's
// code loses the blank lines at its start (after its #| options) and end;
// inside it they stay, and strip.white in the header keeps them all.
func TestChunkBlankLines(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"```{r}\n#| label: x\n\nshown(1)\n\nshown(2)\n\n```\n", "shown(1)\n\nshown(2)\n"},
		{"```{r}\n\n  \nshown(1)\n```\n", "shown(1)\n"},
		{"```{r, strip.white=FALSE}\n\nshown(1)\n```\n", "\nshown(1)\n"},
		{"```python\n\nkept(1)\n```\n", "\nkept(1)\n"},
	} {
		md := NewDialect(Pandoc, false, nil)
		out, err := md.Render([]byte(tt.src), md.Parse([]byte(tt.src)))
		if err != nil {
			t.Fatal(err)
		}
		if got := textOf(string(out)); got != tt.want {
			t.Errorf("%q shows %q, want %q", tt.src, got, tt.want)
		}
	}
}

// textOf is HTML with its tags left out.
func textOf(html string) string {
	var b strings.Builder
	in := false
	for _, r := range html {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestChunkDuplicateLabels: a chunk labelled as an earlier chunk of the
// page was (in its header, or by a #| label: line) gets a warning at its
// header, naming the first one's line, as knitr stops there; chunks
// without labels, and other code blocks, never do.
func TestChunkDuplicateLabels(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want []string // "line:col message part"
	}{
		{"```{r setup}\na\n```\n\n```{r plot, echo=FALSE}\nb\n```\n\n```{r setup, include=FALSE}\nc\n```\n",
			[]string{`9:4 duplicate chunk label "setup": the chunk on line 1 has it already`}},
		{"```{r}\n#| label: fit\na\n```\n\n```{r fit echo=TRUE}\nb\n```\n",
			[]string{`6:4 duplicate chunk label "fit": the chunk on line 1 has it already`}},
		{"```{r, label='x'}\na\n```\n\n```{python x}\nb\n```\n", []string{`5:4 duplicate chunk label "x"`}},
		{"```{r}\na\n```\n\n```{r}\nb\n```\n\n```{r echo=FALSE}\nc\n```\n\n```r\nd\n```\n\n```r\ne\n```\n", nil},
		{"```{r one}\na\n```\n\n```{r two}\nb\n```\n", nil},
	} {
		md := NewDialect(Pandoc, false, nil)
		src := []byte(tt.src)
		doc := md.Parse(src)
		var got []string
		for _, w := range Warnings(doc) {
			line, col := Position(src, w.Offset)
			got = append(got, fmt.Sprintf("%d:%d %s", line, col, w.Msg))
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: warnings %q, want %d", tt.src, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("%q: warning %q, want %q", tt.src, got[i], w)
			}
		}
	}
}

// TestChunkPictures: a chunk that only calls knitr::include_graphics shows
// its picture, a figure when it has fig.cap, after its code when echo
// leaves that shown, and not at all when include or eval is false; a
// hidden chunk with a caption whose figure R draws gets a warning. "#|"
// options are read in R's form too.
func TestChunkPictures(t *testing.T) {
	for _, tt := range []struct {
		src, want string
		warnings  int
	}{
		{"```{r, echo=FALSE, fig.cap=\"How it looks, at first\"}\nknitr::include_graphics(\"fig/start.png\")\n```\n",
			`<figure><img src="fig/start.png" alt="How it looks, at first"><figcaption>How it looks, at first</figcaption></figure>`, 0},
		{"```{r}\n#| label = \"pic\",\n#| echo = FALSE,\n#| fig.alt = \"A cat\"\ninclude_graphics('fig/cat.jpg')\n```\n",
			`<p><img src="fig/cat.jpg" alt="A cat"></p>`, 0},
		{"```{r pic2}\nknitr::include_graphics(\"a.png\", dpi = 300)\n```\n",
			"</code></pre><p><img src=\"a.png\" alt=\"\"></p>", 0},
		{"```{r, include=FALSE}\nknitr::include_graphics(\"a.png\")\n```\n", "", 0},
		{"```{r, echo=FALSE, eval=FALSE}\nknitr::include_graphics(\"a.png\")\n```\n", "", 0},
		{"```{r, echo=FALSE, fig.cap='A plot of sex'}\nplot(sex)\n```\n", "", 1},
		{"```{r}\n#| echo = FALSE,\nsecret()\n```\n", "", 0},
	} {
		md := NewDialect(Pandoc, false, nil)
		src := []byte(tt.src)
		doc := md.Parse(src)
		out, err := md.Render(src, doc)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(out)); !strings.Contains(got, tt.want) || tt.want == "" && got != "" {
			t.Errorf("%q renders\n%s\nwant\n%s", tt.src, got, tt.want)
		}
		if n := len(Warnings(doc)); n != tt.warnings {
			t.Errorf("%q: %d warnings %v, want %d", tt.src, n, Warnings(doc), tt.warnings)
		}
	}
}

// TestChunkEchoPick: echo given as numbers shows those R expressions of
// the chunk (or, negative, all but those), an expression running on over
// open brackets and a line ending in an operator, comments going with the
// expression after them.
func TestChunkEchoPick(t *testing.T) {
	code := "pushd(dir)\n# fit it\nfit <- lm(y ~ x,\n  data = d)\ndata |>\n  summary()\npopd()\n"
	for _, tt := range []struct{ opt, want string }{
		{"#| echo: [2, 3]\n", "# fit it\nfit <- lm(y ~ x,\n  data = d)\ndata |>\n  summary()\n"},
		{"#| echo = 2:3,\n", "# fit it\nfit <- lm(y ~ x,\n  data = d)\ndata |>\n  summary()\n"},
		{"#| echo: -c(1, 4)\n", "# fit it\nfit <- lm(y ~ x,\n  data = d)\ndata |>\n  summary()\n"},
		{"#| echo: 1:x\n", ""}, // not a vector p2pc reads: all shown
		{"#| echo: c(-1, -4)\n", "# fit it\nfit <- lm(y ~ x,\n  data = d)\ndata |>\n  summary()\n"},
		{"#| echo: -(1:3)\n", "popd()\n"},
		{"#| echo: 4\n", "popd()\n"},
		{"#| echo: TRUE\n", code},
	} {
		want := tt.want
		if want == "" {
			want = code
		}
		src := "```{r}\n" + tt.opt + code + "```\n"
		md := NewDialect(Pandoc, false, nil)
		out, err := md.Render([]byte(src), md.Parse([]byte(src)))
		if err != nil {
			t.Fatal(err)
		}
		if got := html.UnescapeString(textOf(string(out))); got != want {
			t.Errorf("%s shows\n%q, want\n%q", tt.opt, got, want)
		}
	}
}
