package directive

import (
	"bytes"
	"testing"
)

// FuzzExpand: any text, in any format, expands without a panic, with
// Lines true to the output, problems inside the body, and the same result
// twice.
func FuzzExpand(f *testing.F) {
	files := map[string]string{
		"a.md":   "a {{#include b.rs:x}} {{#include a.md}} {{< ref \"c\" >}}\n",
		"b.rs":   "// ANCHOR: x\nfn b() {}\n// ANCHOR_END: x\n```\n",
		"d/e.md": "{{#include ../a.md}}\n{{< details >}}\n",
	}
	env := Env{Read: reader(files), Params: map[string]any{"p": "v", "m": map[string]any{"k": 1}}, Admonish: true, Listings: true}
	for _, s := range []string{
		"{{#include a.md}}\n{{#include b.rs:1:2}}\n\\{{#include x}}\n{{#title T}}",
		"{{#playground b.rs editable}}\n{{#include d/e.md}}\n{{#include ../x}}",
		"{{< ref \"a\" >}} {{% param p %}} {{< param m.k >}} {{< figure src=\"x\" caption=\"c\" >}}",
		"{{< details summary=\"s\" >}}\nx\n{{< /details >}}\n{{< highlight go >}}\nx\n{{< /highlight >}}",
		"```\n{{< x >}}\n```\n`{{< y >}}` {{</* z */>}} {{< new-in 1 >}}a{{< /new-in >}}",
		"{{< x \"a\n{{< y `b\n\nc {{< z",
		"- {{< figure src=\"a b\" link=\"l\" >}}\n  x",
		"{{< katex >}}a_1 < b{{< /katex >}} {{< katex display=true >}}\nx\n{{% /katex %}} {{< katex >}}{{% steps %}}1. a{{% /steps %}}{{% card title=t %}}c{{% /card %}}",
		"{{< columns >}}\na\n<--->\n  <--->\n{{< /columns >}}{{% children %}}{{% siteparam p %}}\n<--->",
		"1. s\n\n    {{< tabpane lang=go >}}\n{{< tab header=\"a\" >}}\n```x```\n{{< /tab >}}\n{{% tab %}}y{{% /tab %}}\n    {{< /tabpane >}}\n> {{% alert color=warning %}}\nz\n{{% /alert %}}",
		"- {{< hint warning >}}\n{{% notice tip \"t\" icon=x %}}\n{{< button relref=\"/a\" >}}b{{< /button >}}\n{{% /notice %}}\n  {{< /hint >}}",
		"{{< tabs \"id\" >}}\n{{% tab title=\"a\" %}}\n```sh\nx\n```\n{{% /tab %}}\n{{< tab \"b\" />}}\n{{< /tabs >}}\n{{% expand \"e\" %}}x{{% /expand %}}",
		"````admonish warning title=\"A \\\"b\\\"\" collapsible=true\n```admonish\nx\n```\n  ~~~admonish tip\n````\n```admonish\n",
		"{{< cards >}}\n  {{< card link=\"a\" title=\"[t]\" subtitle=\"*s*\" >}}\n{{< /cards >}}{{< callout type=error >}}x{{< /callout >}}{{< card link >}}",
		"<Listing number=\"1\" file-name=\"a\" caption=\"*c*\">\n```\n</Listing>\n```\n</Listing>\n</Listing>\n<Listing",
		"{{< filetree/container >}}\n {{< filetree/folder name=\"a\" >}}{{< filetree/file b >}}{{< /filetree/folder >}}{{< icon x >}}\n{{< /filetree/container >}}{{< filetree/container >}}{{< /filetree/folder >}}",
		"{{% include \"a.md\" %}} {{< readfile file=\"b.rs\" code=\"true\" lang=\"rust\" >}}\n{{< include file=\"/d/e.md\" hidefirstheading=true >}}{{< include >}}{{% include \"../x\" %}}",
		"| {{< badge title=\"t\" value=1 >}} | {{% badge %}}v{{% /badge %}} | {{< kbd x >}} |\n{{< card >}}\n{{< /card >}}\n{{< details \"d\" open >}}{{< /details >}}",
	} {
		for format := range byte(3) {
			f.Add(s, format)
		}
	}
	f.Add("```{r child='a.md'}\n```\n```{r, child = c(\"b.rs\")}\nx\n```\n{{#include a.md}}\n```{r child='\n", byte(3))
	f.Fuzz(func(t *testing.T, body string, format byte) {
		env := env
		env.Format = []string{"", "mdbook", "hugo"}[format%3]
		env.KnitrChildren = format%4 == 3
		res := Expand("p.md", []byte(body), env)
		checkLines(t, res, countLines(body))
		again := Expand("p.md", []byte(body), env)
		if !bytes.Equal(res.Body, again.Body) || len(res.Problems) != len(again.Problems) {
			t.Fatalf("two runs differ")
		}
	})
}
