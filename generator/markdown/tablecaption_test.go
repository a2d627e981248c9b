package markdown

import (
	"strings"
	"testing"
)

// TestTableCaptions: in the Pandoc dialect a paragraph that begins
// "Table:" or ":" (not "::") right before a pipe table, after a blank
// line, or right after it, with or without one, is the table's <caption>,
// one before taken first, as pandoc 2.17 reads it; "Table:" alone, and a
// line written in the table's paragraph before its header, are not
// captions. GitHub's dialect has no captions.
func TestTableCaptions(t *testing.T) {
	const table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
	pandoc, github := NewDialect(Pandoc, false, nil), New(false, nil)
	for _, tt := range []struct {
		name string
		m    *Markdown
		src  string
		want []string // in order, in the output
		not  string
	}{
		{"after", pandoc, table + "\nTable: Counts *per* group.\n", []string{"<table>\n<caption>Counts <em>per</em> group.</caption>\n<thead>"}, "<p>"},
		{"right after", pandoc, table + "Table: Directly after.\n", []string{"<caption>Directly after.</caption>"}, "<td>Table"},
		{"colon", pandoc, table + "\n: Colon caption.\n", []string{"<caption>Colon caption.</caption>"}, "<p>"},
		{"colon right after", pandoc, table + ": colon direct\n", []string{"<caption>colon direct</caption>"}, "<p>"},
		{"before", pandoc, "Table: Before.\n\n" + table, []string{"<table>\n<caption>Before.</caption>"}, "<p>"},
		{"before wins", pandoc, "Table: Both.\n\n" + table + "\n: After too.\n", []string{"<caption>Both.</caption>", "<p>: After too.</p>"}, ""},
		{"two lines", pandoc, table + "\nTable: two\nlines.\n", []string{"<caption>two\nlines.</caption>"}, ""},
		{"in a blockquote", pandoc, "> Table: quoted\n>\n> " + strings.ReplaceAll(strings.TrimSuffix(table, "\n"), "\n", "\n> ") + "\n", []string{"<blockquote>\n<table>\n<caption>quoted</caption>"}, "<p>"},
		{"code pipes", pandoc, "| `a|b` | c |\n|---|---|\n| 1 | 2 |\nTable: code pipes\n", []string{"<caption>code pipes</caption>", "<code>a|b</code>"}, ""},
		{"empty", pandoc, table + "\nTable:\n", []string{"</table>\n<p>Table:</p>"}, "<caption>"},
		{"double colon", pandoc, table + "\n:: x\n", []string{"</table>\n<p>:: x</p>"}, "<caption>"},
		{"lowercase", pandoc, table + "\ntable: x\n", []string{"</table>\n<p>table: x</p>"}, "<caption>"},
		{"in the table's paragraph", pandoc, "Table: Before direct.\n" + table, []string{"<p>Table: Before direct.</p>\n<table>"}, "<caption>"},
		{"GitHub has none", github, table + "\nTable: x\n", []string{"</table>\n<p>Table: x</p>"}, "<caption>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			b, err := tt.m.Render(src, tt.m.Parse(src))
			if err != nil {
				t.Fatal(err)
			}
			out := string(b)
			at := 0
			for _, w := range tt.want {
				i := strings.Index(out[at:], w)
				if i < 0 {
					t.Fatalf("lacks %q (in order):\n%s", w, out)
				}
				at += i + len(w)
			}
			if tt.not != "" && strings.Contains(out, tt.not) {
				t.Errorf("has %q:\n%s", tt.not, out)
			}
		})
	}
}
