package directive

import "testing"

func TestAdmonish(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"kind and title", "```admonish warning title=\"Data loss\"\nText *here*.\n```\n",
			"::: caution {title=\"Data loss\"}\nText *here*.\n:::\n"},
		{"kind names the title", "```admonish tip\nx\n```\n", "::: callout {title=\"Tip\"}\nx\n:::\n"},
		{"no kind is a note", "```admonish\nx\n```\n", "::: callout {title=\"Note\"}\nx\n:::\n"},
		{"empty title", "```admonish info title=\"\"\nx\n```\n", "::: callout\nx\n:::\n"},
		{"collapsible", "```admonish bug collapsible=true\nx\n```\n", "::: spoiler {title=\"Bug\"}\nx\n:::\n"},
		{"a longer fence around code", "````admonish example\n```python\nx = 1\n```\n````\n",
			"::: callout {title=\"Example\"}\n```python\nx = 1\n```\n:::\n"},
		{"nested", "````admonish note\n```admonish danger\ny\n```\n````\n",
			"::: callout {title=\"Note\"}\n::: caution {title=\"Danger\"}\ny\n:::\n:::\n"},
		{"inside another code block: text", "~~~\n```admonish\nx\n```\n~~~\n", "~~~\n```admonish\nx\n```\n~~~\n"},
		{"never closed: a code block", "```admonish\nx\n", "```admonish\nx\n"},
		{"indented, CRLF", "  ```admonish quote\r\n  x\r\n  ```\r\n", "  ::: callout {title=\"Quote\"}\r\n  x\r\n  :::\r\n"},
		{"a kind in another script", "```admonish élan\nx\n```\n", "::: callout {title=\"Élan\"}\nx\n:::\n"},
		{"other code blocks", "```go\nadmonish\n```\n", "```go\nadmonish\n```\n"},
		{"an empty kind is a note", "```admonish \"\"\nx\n```\n```admonish type=''\nx\n```\n", "::: callout {title=\"Note\"}\nx\n:::\n::: callout {title=\"Note\"}\nx\n:::\n"},
		{"a control character escaped", "```admonish title=\"a\\u0000b\"\nx\n```\n", "::: callout {title=\"au0000b\"}\nx\n:::\n"},
		{"a literal title", "```admonish note title='Single quoted'\nx\n```\n", "::: callout {title=\"Single quoted\"}\nx\n:::\n"},
		{"options with commas", "```admonish quote collapsible=true, title=\"Comma sep\"\nx\n```\n", "::: spoiler {title=\"Comma sep\"}\nx\n:::\n"},
		{"the newer form", "```admonish type = \"danger\", title = \"Mind it\"\nx\n```\n", "::: caution {title=\"Mind it\"}\nx\n:::\n"},
		{"escapes", "```admonish title=\"Tab\\there, \\u00e9, \\\"q\\\"\"\nx\n```\n", "::: callout {title='Tab here, \u00e9, \"q\"'}\nx\n:::\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(admonish([]byte(tt.in))); got != tt.want {
				t.Errorf("admonish(%q)\n= %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
