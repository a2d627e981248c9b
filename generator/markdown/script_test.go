package markdown

import (
	"strings"
	"testing"
)

func TestScripts(t *testing.T) {
	for _, tc := range []struct {
		dialect Dialect
		in, out string
	}{
		{Pandoc, "H~2~O and 2^10^.", "<p>H<sub>2</sub>O and 2<sup>10</sup>.</p>"},
		{Pandoc, "~~gone~~ stays struck.", "<p><del>gone</del> stays struck.</p>"},
		{Pandoc, "~a b~ and ~~~c~~~ stay as written.", "<p>~a b~ and ~~~c~~~ stay as written.</p>"},
		{GitHub, "~a b~ is struck.", "<p><del>a b</del> is struck.</p>"},
		{Pandoc, "a ^b c^ and x^ and ^^.", "<p>a ^b c^ and x^ and ^^.</p>"},
		{Pandoc, "`H~2~O` in code.", "<p><code>H~2~O</code> in code.</p>"},
		{Pandoc, "*e^x^* and [P~i~](u).", `<p><em>e<sup>x</sup></em> and <a href="u">P<sub>i</sub></a>.</p>`},
		{GitHub, "H~2~O and 2^10^.", "<p>H<del>2</del>O and 2^10^.</p>"},
	} {
		m := NewDialect(tc.dialect, false, nil)
		html, err := m.Render([]byte(tc.in), m.Parse([]byte(tc.in)))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(html)); got != tc.out {
			t.Errorf("dialect %+v, %q:\n got %s\nwant %s", tc.dialect, tc.in, got, tc.out)
		}
	}
}
