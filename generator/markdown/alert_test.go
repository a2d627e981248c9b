package markdown

import (
	"strings"
	"testing"
)

func TestAlerts(t *testing.T) {
	box := func(name, title, body string) string {
		return `<aside class="box callout alert-` + name + `" aria-label="` + title + `"><p class="box-title">` + title + "</p>\n" + body + "</aside>\n"
	}
	tests := []struct{ name, src, want string }{
		{"note", "> [!NOTE]\n> Useful *info*.\n", box("note", "Note", "<p>Useful <em>info</em>.</p>\n")},
		{"tip", "> [!TIP]\n> x\n", box("tip", "Tip", "<p>x</p>\n")},
		{"important", "> [!IMPORTANT]\n> x\n", box("important", "Important", "<p>x</p>\n")},
		{"warning in lower case", "> [!warning]\n> x\n", box("warning", "Warning", "<p>x</p>\n")},
		{"caution in mixed case", "> [!Caution]  \n> x\n", box("caution", "Caution", "<p>x</p>\n")},
		{"marker alone in its paragraph", "> [!NOTE]\n>\n> One.\n>\n> - two\n", box("note", "Note", "<p>One.</p>\n<ul>\n<li>two</li>\n</ul>\n")},
		{"marker only", "> [!NOTE]\n", box("note", "Note", "")},
		{"nested in a list", "- > [!TIP]\n  > x\n", "<ul>\n<li>\n" + box("tip", "Tip", "<p>x</p>\n") + "</li>\n</ul>\n"},
		{"unknown type", "> [!DANGER]\n> x\n", "<blockquote>\n<p>[!DANGER]\nx</p>\n</blockquote>\n"},
		{"a title after the marker", "> [!NOTE] Before *you* start\n> x\n", box("note", "Before you start", "<p>x</p>\n")},
		{"a fold sign and a title", "> [!tip]- Shortcuts & keys\n> x\n", box("tip", "Shortcuts &amp; keys", "<p>x</p>\n")},
		{"a fold sign alone", "> [!WARNING]+\n> x\n", box("warning", "Warning", "<p>x</p>\n")},
		{"a title and nothing else", "> [!CAUTION] Hot\n", box("caution", "Hot", "")},
		{"escaped marker", "> \\[!NOTE] x\n", "<blockquote>\n<p>[!NOTE] x</p>\n</blockquote>\n"},
		{"marker not first", "> x\n> [!NOTE]\n", "<blockquote>\n<p>x\n[!NOTE]</p>\n</blockquote>\n"},
		{"plain quote", "> x\n", "<blockquote>\n<p>x</p>\n</blockquote>\n"},
		{"in code", "> `[!NOTE]`\n", "<blockquote>\n<p><code>[!NOTE]</code></p>\n</blockquote>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src, false); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestAlertLooksLikeBox: an alert renders as a callout Box with the same
// title does.
func TestAlertLooksLikeBox(t *testing.T) {
	m := New(false, map[string]DivFunc{"callout": Box("callout alert-note", "Note")})
	src := []byte("::: callout\nx\n:::\n")
	box, err := m.Render(src, m.Parse(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := render(t, "> [!NOTE]\n> x\n", false); got != string(box) {
		t.Errorf("alert\n%s\nbox\n%s", got, box)
	}
}

func TestDefinitionLists(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"one", "Term\n: definition\n", "<dl>\n<dt>Term</dt>\n<dd>definition</dd>\n</dl>\n"},
		{"two definitions", "Term\n:   one\n:   two\n", "<dl>\n<dt>Term</dt>\n<dd>one</dd>\n<dd>two</dd>\n</dl>\n"},
		{"loose", "Term *a*\n\n: para\n\n  more\n", "<dl>\n<dt>Term <em>a</em></dt>\n<dd>\n<p>para</p>\n<p>more</p>\n</dd>\n</dl>\n"},
		{"not a fenced div", "Term\n::: note\nx\n:::\n", "<p>Term</p>\n<div class=\"note\">\n<p>x</p>\n</div>\n"},
		{"inside a div", "::: glossary\nTerm\n: def\n:::\n", "<div class=\"glossary\">\n<dl>\n<dt>Term</dt>\n<dd>def</dd>\n</dl>\n</div>\n"},
		{"colon in text", "a: b\n", "<p>a: b</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src, false); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestBlockAttributes: with Dialect.BlockAttributes, a line that is only a
// {…} block gives the block before it an id and classes; without, it is
// text.
func TestBlockAttributes(t *testing.T) {
	hugo := NewDialect(Dialect{BlockAttributes: true}, false, nil)
	tests := []struct{ name, src, want string }{
		{"a paragraph's last line", "Lead text\nmore.\n{.lead #top}\n", "<p id=\"top\" class=\"lead\">Lead text\nmore.</p>\n"},
		{"after a quote", "> q\n\n{.border-0}\n", "<blockquote class=\"border-0\"><p>q</p>\n</blockquote>\n"},
		{"after a list", "- a\n- b\n\n{.plain}\n", "<ul class=\"plain\">\n<li>a</li>\n<li>b</li>\n</ul>\n"},
		{"first on the page", "{.x}\n\nText.\n", "<p>{.x}</p>\n<p>Text.</p>\n"},
		{"not a whole line", "Text\n{.x} more\n", "<p>Text\n{.x} more</p>\n"},
		{"other keys dropped", "Text\n{.a style=\"color:red\"}\n", "<p class=\"a\">Text</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			out, err := hugo.Render(src, hugo.Parse(src))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
		})
	}
	src := []byte("Text\n{.a style=\"color:red\"}\n")
	if ws := Warnings(hugo.Parse(src)); len(ws) != 1 || ws[0].Offset != 5 || !strings.Contains(ws[0].Msg, "dropped style") {
		t.Errorf("warnings %v, want one at offset 5 for style", ws)
	}
	if got := render(t, "Text\n{.lead}\n", false); got != "<p>Text\n{.lead}</p>\n" {
		t.Errorf("without BlockAttributes: %s", got)
	}
}
