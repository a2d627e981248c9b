package markdown

import (
	"strings"
	"testing"
	"time"
)

// hostileInputs are 100 KB inputs of shapes that make a careless bracket
// or attribute scanner quadratic.
func hostileInputs() map[string]string {
	const size = 100 << 10
	rep := func(s string) string { return strings.Repeat(s, size/len(s)) }
	nest := func(open, mid, close string) string {
		n := size / (len(open) + len(close))
		return strings.Repeat(open, n) + mid + strings.Repeat(close, n)
	}
	return map[string]string{
		"unclosed span braces":       rep("[a]{"),
		"unclosed quoted values":     rep(`[a]{k="`),
		"unclosed unquoted values":   rep("[]{k=a"),
		"brace after bracket":        rep("]{"),
		"open brackets":              rep("["),
		"open braces":                rep("{"),
		"image braces":               rep("![a](b){"),
		"image quoted braces":        rep(`![a](b){alt="`),
		"spans":                      rep("[a]{.b} "),
		"nested spans":               nest("[", "a", "]{.x}"),
		"nested spans with ids":      nest("[*", "a", "*]{#x}"),
		"emphasis in spans":          "*" + rep("[_a_]{.x}"),
		"backticks":                  rep("`` ` [a]{.b} "),
		"inline tags":                rep("<b>x</b>"),
		"inline script":              rep("<script>x"),
		"block tags":                 "<div>\n" + rep("<i>a</i><script>") + "\n</div>\n",
		"alert markers":              rep("> [!NOTE]\n"),
		"definition lists":           rep("a\n: b\n"),
		"indented definitions":       rep("a\n  : b\n"),
		"spans across lines":         rep("[a\n"),
		"heading of spans":           "# " + rep("[a]{#b .c} "),
		"heading of braces":          "# " + rep("){ .a"),
		"heading of link openers":    "# [" + rep("]("),
		"heading of note openers":    "# " + rep("^["),
		"heading of image openers":   "# " + rep("!["),
		"heading of backtick runs":   "# " + backtickRuns(size),
		"heading of angle openers":   "# " + rep("<a "),
		"heading of underscores":     "# " + rep("_a _"),
		"heading of entities":        "# " + rep("&a"),
		"heading of comment openers": "# " + rep("<!-- <? <!a <![CDATA["),
		"heading of open parens":     "# [" + rep("]((") + rep(")"),
		"headings after a marker":    "<!-- toc -->\n\n" + rep("## a\n"),
		"long attribute block":       "[a]{" + rep(" .c") + "}",
		"link braces":                rep("[a](b){"),
		"code braces":                rep("`a`{k=\""),
		"sub and superscript marks":  rep("^a ~b "),
		"unclosed superscripts":      rep("^ab"),
		"footnote references":        rep("a[^n] ") + "\n\n[^n]: The note.\n",
		"footnote definitions":       rep("[^n]: b\n"),
		"undefined footnotes":        rep("[^x"),
		"table of backtick runs":     "| a | b |\n|---|---|\n| " + backtickRuns(size) + " |\n",
		"table rows":                 "| a | b |\n|---|---|\n" + rep("| `|` | c | d |\n"),
		"commented list items":       rep("- a\n<!-- b -->\n"),
		"unclosed inline notes":      rep("^[a "),
		"nested brackets":            nest("[", "a", "]"),
		"nested links":               nest("[", "a", "](x)"),
		"link openers":               rep("[a]("),
		"image openers":              rep("![a]("),
		"angle link openers":         rep("[a](<"),
		"link titles across lines":   rep("[a](x\n("),
		"nested inline notes":        nest("^[", "a", "]"),
		"table delimiter lines":      rep("a\n|-|-|-|-|-|\n"),
		"table of dollars":           "| a | b |\n|---|---|\n| " + rep("$a | b $ ") + " |\n",
	}
}

// backtickRuns is about size bytes of backtick runs of growing lengths,
// none closed: a scanner that looks for each run's closer to the end of
// the line is quadratic on it.
func backtickRuns(size int) string {
	var b strings.Builder
	for n := 1; b.Len() < size; n = n%1000 + 1 {
		b.WriteString(strings.Repeat("`", n))
		b.WriteString(" | ")
	}
	return b.String()
}

// TestHostileInputsLinear: no input shape makes parsing and rendering
// slow. Each 100 KB input takes some tens of milliseconds, about as long as
// 100 KB of prose; a quadratic scan would take seconds. The best of three
// runs is taken, and on a machine so busy that even prose is slow the
// bound is relative to prose, so load does not fail the test. mdBook's
// dialect makes heading ids from the heading's HTML and reads the toc
// marker, each a scan of its own.
func TestHostileInputsLinear(t *testing.T) {
	for name, d := range map[string]Dialect{"github": GitHub, "pandoc": Pandoc, "mdbook": {MdBookIDs: true, TOCMarker: "<!-- toc -->", TOCMaxLevel: 4}} {
		t.Run(name, func(t *testing.T) { hostileLinear(t, NewDialect(d, false, nil)) })
	}
}

func hostileLinear(t *testing.T, m *Markdown) {
	best := func(src string) time.Duration {
		d := time.Duration(1 << 62)
		for try := 0; try < 3 && d > 300*time.Millisecond; try++ {
			start := time.Now()
			doc := m.Parse([]byte(src))
			if _, err := m.Render([]byte(src), doc); err != nil {
				t.Fatal(err)
			}
			d = min(d, time.Since(start))
		}
		return d
	}
	prose := best(strings.Repeat("Some *prose* with a [link](x) and `code`, in a paragraph of its own.\n\n", 100<<10/72))
	for name, src := range hostileInputs() {
		t.Run(name, func(t *testing.T) {
			if d := best(src); d > 500*time.Millisecond && d > 30*prose {
				t.Errorf("took %v for %d bytes (prose: %v)", d, len(src), prose)
			}
		})
	}
}
