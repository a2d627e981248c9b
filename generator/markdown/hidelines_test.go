package markdown

import (
	"strings"
	"testing"
)

func TestHiddenLines(t *testing.T) {
	hide := map[string]string{"rust": "#", "python": "~"}
	for _, tc := range []struct{ info, code, want string }{
		{"rust", "# fn main() {\n    let x = 5;\n    #\n# }\n", "    let x = 5;\n"},
		{"rust,ignore", "#[derive(Debug)]\n#![allow(x)]\n## not hidden\n    # hidden\n", "#[derive(Debug)]\n#![allow(x)]\n# not hidden\n"},
		{"python", "~hidden()\nshown():\n~    hidden()\n    ~hidden()\n    shown()\n", "shown():\n    shown()\n"},
		{"python,hidelines=!!!", "!!!hidden()\n~shown()\n", "~shown()\n"},
		{"bash", "# a comment stays\nls\n", "# a comment stays\nls\n"},
		{"", "# no language\n", "# no language\n"},
	} {
		var got strings.Builder
		prefix := hidePrefix(hide, tc.info, codeLanguage(tc.info))
		for _, line := range strings.SplitAfter(tc.code, "\n") {
			if l, shown := shownLine([]byte(line), prefix, codeLanguage(tc.info)); shown {
				got.Write(l)
			}
		}
		if got.String() != tc.want {
			t.Errorf("%s:\n%q\nshows\n%q\nwant\n%q", tc.info, tc.code, got.String(), tc.want)
		}
	}
	if p := hidePrefix(nil, "rust", "rust"); p != "" {
		t.Errorf("without mdBook's hidden lines, rust hides %q", p)
	}
}

// TestHiddenLinesRendered: a dialect with hidden lines leaves them out of
// the page; GitHub's shows every line.
func TestHiddenLinesRendered(t *testing.T) {
	src := []byte("```rust\n# fn main() {\nlet x = 1;\n# }\n```\n")
	for _, tc := range []struct {
		d    Dialect
		main bool
	}{{Dialect{HideLines: map[string]string{"rust": "#"}}, false}, {GitHub, true}} {
		m := NewDialect(tc.d, false, nil)
		html, err := m.Render(src, m.Parse(src))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(html), "main"); got != tc.main || !strings.Contains(string(html), "let") {
			t.Errorf("dialect %+v: shows fn main: %v, want %v:\n%s", tc.d, got, tc.main, html)
		}
	}
}
