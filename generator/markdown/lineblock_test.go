package markdown

import (
	"testing"
)

// TestLineBlocks: in the Pandoc dialect a paragraph whose lines begin "| "
// is a line block, each line kept with its Markdown and the spaces after
// "| " (as no-break spaces), the lines parted by <br>, a line indented
// more continuing the one before, as pandoc 2.17 writes it (its <br /> is
// <br>); a paragraph that does not begin so, a "|" without a space, and a
// pipe table are not line blocks. GitHub's dialect has none.
func TestLineBlocks(t *testing.T) {
	pandoc := NewDialect(Pandoc, false, nil)
	for _, tt := range []struct {
		name string
		m    *Markdown
		src  string
		want string
	}{
		{"two lines", pandoc, "| one line\n| another line\n", "<div class=\"line-block\">one line<br>\nanother line</div>\n"},
		{"markup, indent, continuation, empty line", pandoc, "| The *limerick*\n|    anatomical\n| into space\n  continued here\n|\n| after\n",
			"<div class=\"line-block\">The <em>limerick</em><br>\n\u00a0\u00a0\u00a0anatomical<br>\ninto space\ncontinued here<br>\n<br>\nafter</div>\n"},
		{"pipes inside", pandoc, "| a | b |\n| c | d |\n", "<div class=\"line-block\">a | b |<br>\nc | d |</div>\n"},
		{"a paragraph after", pandoc, "| one\nplain\n", "<div class=\"line-block\">one</div>\n<p>plain</p>\n"},
		{"in a block quote", pandoc, "> | quoted\n> | block\n", "<blockquote>\n<div class=\"line-block\">quoted<br>\nblock</div>\n</blockquote>\n"},
		{"math", pandoc, "| $x$ and \\(y\\)\n", "<div class=\"line-block\"><span class=\"math inline\">\\(x\\)</span> and <span class=\"math inline\">\\(y\\)</span></div>\n"},
		{"text before", pandoc, "Text before\n| one\n", "<p>Text before\n| one</p>\n"},
		{"no space", pandoc, "|one\n|two\n", "<p>|one\n|two</p>\n"},
		{"a table", pandoc, "| a |\n|---|\n| 1 |\n", "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n"},
		{"GitHub has none", New(false, nil), "| one\n| two\n", "<p>| one\n| two</p>\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			out, err := tt.m.Render(src, tt.m.Parse(src))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", out, tt.want)
			}
		})
	}
}
