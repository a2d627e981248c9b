package directive

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestLinear expands texts of 100,000 directives, shortcodes or broken
// openers (1 to 4 MB each): each must take under a second, which a
// rescan of the rest of the text per directive could not (that would be
// about 10^11 steps).
func TestLinear(t *testing.T) {
	const n = 100_000
	files := map[string]string{"a.rs": "// ANCHOR: x\nfn a() {}\n// ANCHOR_END: x\nfn b() {}\n"}
	env := Env{Read: reader(files), Params: map[string]any{"v": "1"}, Admonish: true}
	rep := func(s string) string { return strings.Repeat(s, n) }
	var widening strings.Builder // backtick runs of every length, none closed
	for i := 1; widening.Len() < 1<<20; i++ {
		widening.WriteString(strings.Repeat("`", i) + " ")
	}
	tests := []struct{ name, in string }{
		{"includes", rep("{{#include a.rs:x}}\n")},
		{"titles and escapes", rep("{{#title t}} \\{{#include a}}\n")},
		{"refs", rep("{{< ref \"a\" >}}\n")},
		{"file trees", rep("{{< filetree/container >}}{{< filetree/folder name=\"a\" >}}{{< filetree/file name=\"b\" >}}{{< /filetree/folder >}}{{< /filetree/container >}}\n")},
		{"unclosed file tree", "{{< filetree/container >}}" + rep("{{< filetree/folder name=\"a\" >}}{{< x >}}")},
		{"hugo includes", rep("{{% include \"a.rs\" %}}\n")},
		{"hugo includes of code", rep("{{< readfile file=\"a.rs\" code=\"true\" >}}\n")},
		{"missing hugo includes", rep("{{% include \"gone.md\" %}}\n")},
		{"params in one line", rep("{{% param v %}}")},
		{"details", rep("{{< details summary=\"s\" >}}x{{< /details >}}\n")},
		{"highlights", rep("{{< highlight go >}}\nx\n{{< /highlight >}}\n")},
		{"figures", rep("{{< figure src=\"a.png\" >}}\n")},
		{"videos in one line", rep("{{< youtube id=\"a\" title=\"t\" >}} {{< vimeo 1 >}}")},
		{"figures in one line", rep("{{< figure src=\"a.png\" >}}")},
		{"details in one line", rep("{{< details >}}x{{< /details >}}")},
		{"highlights in one line", rep("{{< highlight >}}x{{< /highlight >}}")},
		{"unknown paired", rep("{{< note >}}x{{< /note >}}\n")},
		{"unknown in one line", rep("{{< x >}} a ")},
		{"unknown paired in one line", rep("{{< x >}}a{{< /x >}} ")},
		{"badges in one line", rep("{{< badge title=\"t\" >}} ")},
		{"badges holding their value in one line", rep("{{% badge %}}v{{% /badge %}} ")},
		{"buttons in one line", rep("{{< button href=\"/a\" >}}a{{< /button >}} ")},
		{"notices", rep("{{% notice tip \"t\" %}}x{{% /notice %}}\n")},
		{"tabs", rep("{{< tabs >}}{{< tab a >}}x{{< /tab >}}{{< /tabs >}}\n")},
		{"code spans", rep("`{{< x >}}` ")},
		{"fences", rep("~~~\n{{< x >}}\n~~~\n")},
		{"escapes", rep("{{</* x */>}}")},
		{"unclosed escapes", rep("{{</* x ")},
		{"unclosed highlights", rep("{{< highlight >}} ")},
		{"unclosed code tabs", "{{< tabpane >}}\n" + rep("{{< tab header=\"a\" >}} ")},
		{"unclosed single tabs", rep("{{% tab title=\"a\" %}}\n")},
		{"unclosed params in code", "```\n" + rep("{{< param a ")},
		{"unclosed katex", rep("{{< katex >}} ")},
		{"unclosed details", rep("{{< details >}}\n")},
		{"unclosed shortcodes", rep("{{< x ")},
		{"unclosed quotes", rep("{{< x \"a ")},
		{"unclosed raw strings", rep("{{< x `a ")},
		{"unclosed mdbook", rep("{{#include a ")},
		{"unclosed mdbook escapes", rep("\\{{#x ")},
		{"lone backticks", rep("` ")},
		{"widening backtick runs", widening.String()},
		{"admonish blocks", rep("```admonish tip title=\"t\"\nx\n```\n")},
		{"unclosed admonish blocks", rep("```admonish\n")},
		{"admonish blocks in one closed late", rep("````admonish\n") + "````\n"},
		{"hero buttons after a long blank line", strings.Repeat(" ", 1<<19) + "\n<div>\n" + rep("{{< hextra/hero-button text=\"a\" link=\"b\" >}}\n")},
		{"hero parts in long-indented HTML", strings.Repeat(" ", 1<<16) + "<div>\n" + rep("{{< hextra/hero-headline >}}a{{< /hextra/hero-headline >}}\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The best of up to three runs, as other work may share the machine.
			var res Result
			d := time.Hour
			for i := 0; i < 3 && d > 250*time.Millisecond; i++ {
				start := time.Now()
				res = Expand("p.md", []byte(tt.in), env)
				d = min(d, time.Since(start))
			}
			t.Logf("%d KiB in %v, %d KiB out, %d problems", len(tt.in)>>10, d, len(res.Body)>>10, len(res.Problems))
			if d > time.Second {
				t.Errorf("%v for %d KiB: not linear", d, len(tt.in)>>10)
			}
			checkLines(t, res, countLines(tt.in))
		})
	}
}

func BenchmarkExpand(b *testing.B) {
	var page strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&page, "Para %d with a [link]({{< ref \"p%d.md\" >}}) and `code`.\n\n{{#include a.rs:x}}\n\n", i, i)
	}
	env := Env{Read: reader(map[string]string{"a.rs": "fn a() {}\n"})}
	b.SetBytes(int64(page.Len()))
	for b.Loop() {
		Expand("p.md", []byte(page.String()), env)
	}
}
