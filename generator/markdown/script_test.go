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

// TestMath: Pandoc's $…$, $$…$$, \(…\) and \[…\] (checked against pandoc
// 2.17 with tex_math_single_backslash, as the Workbench runs it) and a
// Hugo site's passthrough delimiters keep TeX as written, in a span for a
// math library; what is not math stays text.
func TestMath(t *testing.T) {
	pandoc := NewDialect(Pandoc, false, nil)
	hugo := NewDialect(Dialect{Math: []MathDelims{{`\(`, `\)`, false}, {`\[`, `\]`, true}, {"$$", "$$", true}}}, false, nil)
	tests := []struct {
		name string
		m    *Markdown
		src  string
		want string
	}{
		{"inline", pandoc, "Let $x_1 + x_2 < y$ hold.\n", `<p>Let <span class="math inline">\(x_1 + x_2 &lt; y\)</span> hold.</p>` + "\n"},
		{"prices are not math", pandoc, "It costs $5 and $10.\n", "<p>It costs $5 and $10.</p>\n"},
		{"space after the opener", pandoc, "a $ b$ c\n", "<p>a $ b$ c</p>\n"},
		{"display over lines", pandoc, "$$\na \\\\ b_1\n$$\n", "<p><span class=\"math display\">\\[\na \\\\ b_1\n\\]</span></p>\n"},
		{"no closer", pandoc, "$$ x *y*\n", "<p>$$ x <em>y</em></p>\n"},
		{"pandoc backslash inline", pandoc, `The mean \(\bar{x}\) and *c*.` + "\n", `<p>The mean <span class="math inline">\(\bar{x}\)</span> and <em>c</em>.</p>` + "\n"},
		{"pandoc backslash display", pandoc, `and \[ \sum x_i \].` + "\n", `<p>and <span class="math display">\[ \sum x_i \]</span>.</p>` + "\n"},
		{"pandoc backslash no markup inside", pandoc, `\(x *y*\)` + "\n", `<p><span class="math inline">\(x *y*\)</span></p>` + "\n"},
		{"pandoc escaped backslash", pandoc, `a \\(x\\) b` + "\n", `<p>a \(x\) b</p>` + "\n"},
		{"pandoc backslash no closer", pandoc, `a \(x b` + "\n", "<p>a (x b</p>\n"},
		{"GitHub has no backslash math", New(false, nil), `a \(x\) b` + "\n", "<p>a (x) b</p>\n"},
		{"hugo inline", hugo, `Here \(a_b\) and *c*.` + "\n", `<p>Here <span class="math inline">\(a_b\)</span> and <em>c</em>.</p>` + "\n"},
		{"hugo block", hugo, "\\[\n\\sum_i x_i\n\\]\n", "<p><span class=\"math display\">\\[\n\\sum_i x_i\n\\]</span></p>\n"},
		{"GitHub has none", New(false, nil), "Let $x_1$ be.\n", "<p>Let $x_1$ be.</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			out, err := tt.m.Render(src, tt.m.Parse(src))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
		})
	}
}
