package directive

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// bookFiles are the files the mdBook tests include; the page is
// book/ch/page.md.
var bookFiles = map[string]string{
	"book/ch/lines.txt": "one\ntwo\nthree\nfour\n",
	"book/ch/anchors.rs": "// ANCHOR: all\n" +
		"use std::io;\n" +
		"/* ANCHOR: main */\n" +
		"fn main() {\n" +
		"    // ANCHOR: body\n" +
		"    run();\n" +
		"    // ANCHOR_END: body\n" +
		"}\n" +
		"/* ANCHOR_END: main */\n" +
		"// ANCHOR_END: all\n",
	"book/ch/fenced.rs":    "let s = \"```\";\n",
	"book/ch/nested.md":    "nested says {{#include ../shared/leaf.txt}}.\n",
	"book/shared/leaf.txt": "leaf\n",
	"book/shared/rel.md":   "{{#include leaf.txt}}\n",
	"book/ch/loop-a.md":    "a {{#include loop-b.md}}\n",
	"book/ch/loop-b.md":    "b {{#include loop-a.md}}\n",
	"book/ch/title.md":     "{{#title From an include}}\ntext\n",
	"book/ch/missing.md":   "before {{#include nowhere.rs}} after\n",
	"book/ch/crlf.txt":     "one\r\ntwo\r\n",
}

func init() {
	// A chain of includes deeper than the limit: deep0 includes deep1 …
	for i := range 12 {
		bookFiles[fmt.Sprintf("book/ch/deep%d.md", i)] = fmt.Sprintf("%d {{#include deep%d.md}}", i, i+1)
	}
	bookFiles["book/ch/deep12.md"] = "bottom"
}

func TestMdbook(t *testing.T) {
	tests := []struct {
		name, in, want string
		problems       []string
		includes       []string
		title          string
	}{
		{name: "whole file", in: "{{#include lines.txt}}\n", want: "one\ntwo\nthree\nfour\n", includes: []string{"book/ch/lines.txt"}},
		{name: "line N only", in: "{{#include lines.txt:2}}\n", want: "two\n"},
		{name: "from line N", in: "{{#include lines.txt:3:}}\n", want: "three\nfour\n"},
		{name: "up to line M", in: "{{#include lines.txt::2}}\n", want: "one\ntwo\n"},
		{name: "lines N to M", in: "{{#include lines.txt:2:3}}\n", want: "two\nthree\n"},
		{name: "end not a number", in: "{{#include lines.txt:3:x}}\n", want: "three\nfour\n"},
		{name: "range past the end", in: "{{#include lines.txt:3:99}}\n", want: "three\nfour\n"},
		{name: "empty range", in: "[{{#include lines.txt:3:2}}]\n", want: "[]\n"},
		{name: "spaces in the braces", in: "{{ #include  lines.txt:1 }}\n", want: "one\n"},
		{name: "CRLF file", in: "{{#include crlf.txt}}\n", want: "one\ntwo\n"},
		{name: "anchor", in: "{{#include anchors.rs:main}}\n", want: "fn main() {\n    run();\n}\n"},
		{name: "inner anchor", in: "{{#include anchors.rs:body}}\n", want: "    run();\n"},
		{name: "anchor lines kept in whole files, as mdBook keeps them", in: "{{#include anchors.rs}}\n",
			want: "// ANCHOR: all\nuse std::io;\n/* ANCHOR: main */\nfn main() {\n    // ANCHOR: body\n    run();\n    // ANCHOR_END: body\n}\n/* ANCHOR_END: main */\n// ANCHOR_END: all\n"},
		{name: "anchor lines kept in ranges", in: "{{#include anchors.rs:3:5}}\n", want: "/* ANCHOR: main */\nfn main() {\n    // ANCHOR: body\n"},
		{name: "anchor lines left out of an anchor's lines", in: "{{#include anchors.rs:main}}\n", want: "fn main() {\n    run();\n}\n"},
		{
			name: "anchor not found", in: "x{{#include anchors.rs:nope}}y\n", want: "xy\n",
			problems: []string{`1:2: warning: {{#include anchors.rs:nope}}: book/ch/anchors.rs has no line "ANCHOR: nope"`},
		},
		{name: "inside a fenced code block", in: "```rust\n{{#include anchors.rs:body}}\n```\n", want: "```rust\n    run();\n```\n"},
		{name: "inside a code span", in: "`{{#include lines.txt:1}}`\n", want: "`one`\n"},
		{name: "in the middle of a line", in: "a {{#include lines.txt:1:2}} b\n", want: "a one\ntwo b\n"},
		{name: "escaped", in: "\\{{#include lines.txt}} and `\\{{#title x}}`\n", want: "{{#include lines.txt}} and `{{#title x}}`\n"},
		{name: "escape covers one directive", in: "\\{{#include a}} {{#include lines.txt:1}}\n", want: "{{#include a}} one\n"},
		{name: "backslash with no directive", in: "\\{{#not closed\n", want: "\\{{#not closed\n"},
		{name: "nested, relative to the included file", in: "{{#include nested.md}}\n", want: "nested says leaf.\n", includes: []string{"book/ch/nested.md", "book/shared/leaf.txt"}},
		{name: "from the content root", in: "{{#include /book/shared/rel.md}}\n", want: "leaf\n", includes: []string{"book/shared/rel.md", "book/shared/leaf.txt"}},
		{name: "each file listed once", in: "{{#include lines.txt:1}} {{#include lines.txt:2}}\n", want: "one two\n", includes: []string{"book/ch/lines.txt"}},
		{
			name: "missing file", in: "A\n  {{#include gone.rs}}\n", want: "A\n  [missing include: gone.rs]\n",
			problems: []string{`2:3: warning: {{#include gone.rs}}: no such file (looked for "book/ch/gone.rs")`},
		},
		{
			name: "outside the content folder", in: "```\n{{#include ../../../x.rs}}\n```\n", want: "```\n[missing include: ../../../x.rs]\n```\n",
			problems: []string{`2:1: warning: {{#include ../../../x.rs}}: the file is outside the content folder (looked for "../x.rs")`},
		},
		{
			name: "missing in an included file", in: "x\n{{#include missing.md}}\n", want: "x\nbefore [missing include: nowhere.rs] after\n",
			problems: []string{`2:1: warning: in included "book/ch/missing.md": {{#include nowhere.rs}}: no such file (looked for "book/ch/nowhere.rs")`},
		},
		{
			name: "cycle", in: "{{#include loop-a.md}}\n", want: "a b [include cycle: loop-a.md]\n",
			problems: []string{`1:1: in included "book/ch/loop-b.md": {{#include loop-a.md}}: the file includes itself (book/ch/loop-a.md → book/ch/loop-b.md → book/ch/loop-a.md)`},
		},
		{
			name: "includes itself", in: "me: {{#include page.md}}\n", want: "me: [include cycle: page.md]\n",
			problems: []string{`1:5: {{#include page.md}}: the file includes itself (book/ch/page.md → book/ch/page.md)`},
		},
		{
			name: "too deep", in: "{{#include deep0.md}}\n", want: "0 1 2 3 4 5 6 7 8 9 [include too deep: deep10.md]\n",
			problems: []string{`1:1: in included "book/ch/deep9.md": {{#include deep10.md}}: includes nest more than 10 deep`},
		},
		{name: "title", in: "{{#title  My Title }}\n# Heading\n", want: "\n# Heading\n", title: "My Title"},
		{name: "last title wins, from includes too", in: "{{#title First}}\n{{#include title.md}}\n", want: "\n\ntext\n", title: "From an include"},
		{name: "rustdoc_include", in: "```rust\n{{#rustdoc_include anchors.rs:4:4}}\n```\n", want: "```rust\nfn main() {\n```\n"},
		{name: "playground", in: "{{#playground lines.txt}}\n", want: "```rust\none\ntwo\nthree\nfour\n```\n"},
		{name: "playground attributes", in: "{{#playground lines.txt editable no_run}}\n", want: "```rust,editable,no_run\none\ntwo\nthree\nfour\n```\n"},
		{name: "playground fence longer than the code's", in: "{{#playpen fenced.rs}}\n", want: "````rust\nlet s = \"```\";\n````\n"},
		{name: "other names left alone", in: "{{#toc}}{{/toc}} {{#if x}}y{{/if}} {{#include}}\n", want: "{{#toc}}{{/toc}} {{#if x}}y{{/if}} {{#include}}\n"},
		{name: "one line only", in: "{{#include\nlines.txt}}\n", want: "{{#include\nlines.txt}}\n"},
		{name: "no closing braces", in: "{{#include lines.txt\n", want: "{{#include lines.txt\n"},
		{name: "hugo syntax untouched", in: "{{< ref \"x\" >}}\n", want: "{{< ref \"x\" >}}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Expand("book/ch/page.md", []byte(tt.in), Env{Format: "mdbook", Read: reader(bookFiles)})
			if string(res.Body) != tt.want {
				t.Errorf("body\n got %q\nwant %q", res.Body, tt.want)
			}
			if got := problems(res.Problems); !slices.Equal(got, tt.problems) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.problems)
			}
			if tt.includes != nil && !slices.Equal(res.Includes, tt.includes) {
				t.Errorf("includes %q, want %q", res.Includes, tt.includes)
			}
			if res.Title != tt.title {
				t.Errorf("title %q, want %q", res.Title, tt.title)
			}
			checkLines(t, res, countLines(tt.in))
		})
	}
}

func TestMdbookReadError(t *testing.T) {
	read := func(string) ([]byte, error) { return nil, errors.New("disk on fire") }
	res := Expand("p.md", []byte("x {{#include a.rs}}\n"), Env{Format: "mdbook", Read: read})
	if got, want := string(res.Body), "x [missing include: a.rs]\n"; got != want {
		t.Errorf("body %q, want %q", got, want)
	}
	want := []string{"1:3: {{#include a.rs}}: disk on fire"}
	if got := problems(res.Problems); !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	if res.Includes != nil {
		t.Errorf("includes %q, want none", res.Includes)
	}
}

func TestMdbookNilRead(t *testing.T) {
	res := Expand("p.md", []byte("{{#include a.rs}}"), Env{})
	if got, want := string(res.Body), "[missing include: a.rs]"; got != want {
		t.Errorf("body %q, want %q", got, want)
	}
	if len(res.Problems) != 1 || !res.Problems[0].Warning {
		t.Errorf("problems %v, want one warning", res.Problems)
	}
}

// TestMdbookTooLarge: files that include each other many times over stop
// at the size limit instead of filling the memory.
func TestMdbookTooLarge(t *testing.T) {
	files := map[string]string{"l0.txt": strings.Repeat("x", 1<<16)}
	for i := 1; i <= 8; i++ {
		files[fmt.Sprintf("l%d.txt", i)] = strings.Repeat(fmt.Sprintf("{{#include l%d.txt}}\n", i-1), 16)
	}
	res := Expand("p.md", []byte("{{#include l8.txt}}\n"), Env{Format: "mdbook", Read: reader(files)})
	if len(res.Body) > 2*maxIncluded {
		t.Errorf("body of %d bytes, over the limit of %d", len(res.Body), maxIncluded)
	}
	if len(res.Problems) == 0 || !strings.Contains(res.Problems[0].Msg, "more than 32 MiB") {
		t.Errorf("problems %v, want one about the size", res.Problems[:min(len(res.Problems), 3)])
	}
}

// TestLines: included lines map to the directive's line, the lines after
// it to their own.
func TestLines(t *testing.T) {
	in := "# Title\n" + // 1
		"```\n" + // 2
		"{{#include lines.txt:1:3}}\n" + // 3
		"```\n" + // 4
		"x {{< details summary=\"s\" >}} y\n" + // 5
		"{{#include nested.md}}\n" + // 6
		"{{< /details >}}\n" + // 7
		"end" // 8
	res := Expand("book/ch/page.md", []byte(in), Env{Read: reader(bookFiles)})
	want := "# Title\n```\none\ntwo\nthree\n```\nx \n::: spoiler {title=\"s\"}\n y\nnested says leaf.\n:::\nend"
	if string(res.Body) != want {
		t.Fatalf("body\n got %q\nwant %q", res.Body, want)
	}
	wantLines := []int{1, 2, 3, 3, 3, 4, 5, 5, 5, 6, 7, 8}
	if !slices.Equal(res.Lines, wantLines) {
		t.Errorf("lines %v, want %v", res.Lines, wantLines)
	}
	if len(res.Problems) != 0 {
		t.Errorf("problems %v", res.Problems)
	}
}
