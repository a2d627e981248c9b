package markdown

import (
	"strings"
	"testing"
)

// TestListComments: read as Pandoc's Markdown, an item commented out on a
// line of its own leaves the list whole (as pandoc 2.17 reads it); a line
// with more than a comment, or a list of another kind after it, does not.
// GitHub's reading ends the list there, as CommonMark does.
func TestListComments(t *testing.T) {
	src := []byte("1. Install Git\n<!-- 2. Install an editor -->\n3. Set your name\n\n" +
		"text\n\n- a\n<!-- b -->\n1. c\n\ntext\n\n- d\n<!-- e --> f\n- g\n")
	for _, tt := range []struct {
		d    Dialect
		want string
	}{
		{Pandoc, "<ol>\n<li>Install Git</li>\n<li>Set your name</li>\n</ol>\n"},
		{GitHub, "<ol>\n<li>Install Git</li>\n</ol>\n"},
	} {
		md := NewDialect(tt.d, false, nil)
		out, err := md.Render(src, md.Parse(src))
		if err != nil {
			t.Fatal(err)
		}
		got := string(out)
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("pandoc %v: got\n%s\nwant it to start\n%s", tt.d.Pandoc, got, tt.want)
		}
		if n := strings.Count(got, "<ul>"); n != 3 {
			t.Errorf("pandoc %v: %d bulleted lists, want 3 (none joined):\n%s", tt.d.Pandoc, n, got)
		}
	}
}
