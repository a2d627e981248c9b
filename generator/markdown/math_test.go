package markdown

import (
	"strings"
	"testing"
)

// TestDollarMath: Pandoc's rules for $…$, each case checked against pandoc
// 2.17: the opening $ has no space after it; the first $ after it closes
// when it has no space before it and no digit after it, else there is no
// math from that opener (that $ may open math itself); \$ is a dollar.
func TestDollarMath(t *testing.T) {
	md := NewDialect(Pandoc, false, nil)
	for in, want := range map[string]string{
		"It costs $5 to run, and the fitted slope $\\beta_1$ is small.": `It costs $5 to run, and the fitted slope <span class="math inline">\(\beta_1\)</span> is small.`,
		"a $x $ y$ b":            "a $x $ y$ b",
		"a $x$5 y$ b":            `a $x<span class="math inline">\(5 y\)</span> b`,
		"a $x\\$y$ b":            `a <span class="math inline">\(x\$y\)</span> b`,
		"costs $5 and $10 later": "costs $5 and $10 later",
		"a $x $y$ z":             `a $x <span class="math inline">\(y\)</span> z`,
	} {
		src := []byte(in + "\n")
		out, err := md.Render(src, md.Parse(src))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSuffix(strings.TrimPrefix(string(out), "<p>"), "</p>\n"); got != want {
			t.Errorf("%q\n got %s\nwant %s", in, got, want)
		}
	}
}
