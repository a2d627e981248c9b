package directive

import (
	"slices"
	"strings"
	"testing"
)

// TestHugoIncludes: Relearn's and Geekdoc's include and Docsy's readfile
// paste the file's Markdown, or a code block, in their place; a file that
// is not in the content folder leaves a placeholder and a warning.
func TestHugoIncludes(t *testing.T) {
	files := map[string]string{
		"docs/part.md":        "# Part heading\n\nPart text with {{< param p >}}.\n",
		"docs/code/main.go":   "package main\n\n// ```\nfunc main() {}\n",
		"static/shared.md":    "Shared text.\n",
		"docs/loop.md":        "{{% include \"loop.md\" %}}\n",
		"docs/deep/nested.md": "Nested {{< include file=\"/static/shared.md\" >}}\n",
		"docs/self.md":        "Shows itself:\n{{< readfile file=\"self.md\" code=\"true\" lang=\"md\" >}}\n",
		"docs/script.md":      "```sh\n#!/bin/sh\n```\n#hashtag\n# Title\nText.\n",
		"docs/code/run.sh":    "echo one\n\necho two\n",
		"docs/part.html":      "<div>\n    <h4>Four</h4>\n\n    <p>Text</p>\n</div>\n",
	}
	for _, tt := range []struct {
		name, in, want string
		root           string // Env.ContentRoot
		problems       []string
		includes       []string
	}{
		{name: "relearn, next to the page", in: "{{% include \"part.md\" %}}\n", want: "# Part heading\n\nPart text with v.\n\n", includes: []string{"docs/part.md"}},
		{name: "first heading hidden", in: "{{% include file=\"part.md\" hidefirstheading=true %}}\n", want: "\nPart text with v.\n\n", includes: []string{"docs/part.md"}},
		{name: "from the content root", in: "{{< include file=\"/static/shared.md\" >}}\n", want: "Shared text.\n\n", includes: []string{"static/shared.md"}},
		{name: "geekdoc html", in: "{{< include file=\"part.html\" type=\"html\" >}}\n", want: "<div>\n<h4>Four</h4>\n<p>Text</p>\n</div>\n", includes: []string{"docs/part.html"}},
		{name: "geekdoc code", in: "{{< include file=\"code/main.go\" language=\"go\" >}}\n", want: "````go\npackage main\n\n// ```\nfunc main() {}\n````\n", includes: []string{"docs/code/main.go"}},
		{name: "docsy readfile code", in: "{{< readfile file=\"code/main.go\" code=\"true\" lang=\"go\" >}}\n", want: "````go\npackage main\n\n// ```\nfunc main() {}\n````\n", includes: []string{"docs/code/main.go"}},
		{name: "included shortcodes expand", in: "{{< include \"deep/nested.md\" >}}\n", want: "Nested Shared text.\n\n\n", includes: []string{"docs/deep/nested.md", "static/shared.md"}},
		{name: "missing", in: "Before.\n{{< readfile file=\"../../etc/passwd\" >}}\n", want: "Before.\n[missing include: ../../etc/passwd]\n",
			problems: []string{`2:1: warning: {{< readfile >}}: the file is outside the content folder, which p2pc never reads outside (looked for "../../etc/passwd")`}},
		{name: "not found", in: "{{% include \"nope.md\" %}}\n", want: "[missing include: nope.md]\n",
			problems: []string{`1:1: warning: {{% include %}}: no such file in the content folder (looked for "docs/nope.md" and "nope.md")`}},
		{name: "cycle", in: "{{% include \"loop.md\" %}}\n", want: "[include cycle: loop.md]\n\n",
			problems: []string{`1:1: in included "docs/loop.md": {{% include %}}: docs/loop.md includes itself or nests more than 10 deep (docs/page.md → docs/loop.md → docs/loop.md)`}, includes: []string{"docs/loop.md"}},
		{name: "a file shown as code while it is included", in: "{{% include \"self.md\" %}}\n",
			want: "Shows itself:\n```md\nShows itself:\n{{< readfile file=\"self.md\" code=\"true\" lang=\"md\" >}}\n```\n\n", includes: []string{"docs/self.md"}},
		{name: "first heading outside code", in: "{{% include file=\"script.md\" hidefirstheading=true %}}\n",
			want: "```sh\n#!/bin/sh\n```\n#hashtag\nText.\n\n", includes: []string{"docs/script.md"}},
		{name: "code after text", in: "Run: {{< include file=\"code/run.sh\" lang=\"sh\" >}} then.\n",
			want: "Run: \n```sh\necho one\n\necho two\n```\n then.\n", includes: []string{"docs/code/run.sh"}},
		{name: "code in a list item", in: "- Run: {{< include file=\"code/run.sh\" lang=\"sh\" >}}\n- Next.\n",
			want: "- Run: \n  ```sh\n  echo one\n  \n  echo two\n  ```\n- Next.\n", includes: []string{"docs/code/run.sh"}},
		{name: "code in a quote", in: "> 1. {{< include file=\"code/run.sh\" lang=\"sh\" >}}\n",
			want: "> 1. ```sh\n>    echo one\n>    \n>    echo two\n>    ```\n", includes: []string{"docs/code/run.sh"}},
		{name: "no file", in: "{{< include >}}\n", want: "\n", problems: []string{`1:1: {{< include >}} needs a file, like {{< include file="part.md" >}}`}},
		// a site built from its root: its content folder is docs/
		{name: "from the content folder", root: "docs", in: "{{% include \"code/run.sh\" %}}\n{{% include \"/deep/nested.md\" %}}\n{{% include \"static/shared.md\" %}}\n",
			want: "echo one\n\necho two\n\nNested Shared text.\n\n\nShared text.\n\n", includes: []string{"docs/code/run.sh", "docs/deep/nested.md", "static/shared.md"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := Env{Format: "hugo", Read: reader(files), Params: map[string]any{"p": "v"}, ContentRoot: tt.root}
			page := "docs/page.md"
			if tt.root != "" {
				page = "docs/sub/page.md" // a page below the content folder's top
			}
			res := Expand(page, []byte(tt.in), env)
			if string(res.Body) != tt.want {
				t.Errorf("body\n%q\nwant\n%q", res.Body, tt.want)
			}
			if got := problems(res.Problems); !slices.Equal(got, tt.problems) {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.problems, "\n"))
			}
			if !slices.Equal(res.Includes, tt.includes) {
				t.Errorf("includes %q, want %q", res.Includes, tt.includes)
			}
			checkLines(t, res, strings.Count(tt.in, "\n")+1)
		})
	}
}
