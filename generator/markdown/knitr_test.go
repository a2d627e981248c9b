package markdown

import (
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
