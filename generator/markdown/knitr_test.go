package markdown

import "testing"

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
