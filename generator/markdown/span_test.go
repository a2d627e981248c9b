package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

func TestSpans(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"id and class", "[some text]{#term-id .class}\n", `<p><span id="term-id" class="class">some text</span></p>` + "\n"},
		{"keys", "[Aloha]{lang=haw title=\"Hello\" level=2 data-x=y}\n", `<p><span lang="haw" title="Hello" data-level="2" data-x="y">Aloha</span></p>` + "\n"},
		{"inline markup inside", "[*a* `b` [c](d)]{.x}\n", `<p><span class="x"><em>a</em> <code>b</code> <a href="d">c</a></span></p>` + "\n"},
		{"nested", "[a [b]{.in} c]{.out}\n", `<p><span class="out">a <span class="in">b</span> c</span></p>` + "\n"},
		{"in a link", "[see [x]{.s}](u)\n", `<p><a href="u">see <span class="s">x</span></a></p>` + "\n"},
		{"over lines", "[a\nb]{.x\n#y}\n", "<p><span id=\"y\" class=\"x\">a\nb</span></p>\n"},
		{"emphasis stays inside", "*a [b* c]{.x}\n", `<p>*a <span class="x">b* c</span></p>` + "\n"},
		{"emphasis around", "*[a]{.x}*\n", `<p><em><span class="x">a</span></em></p>` + "\n"},
		{"link", "[a](b)\n", `<p><a href="b">a</a></p>` + "\n"},
		{"reference link", "[a][b] [b]\n\n[b]: /u\n", `<p><a href="/u">a</a> <a href="/u">b</a></p>` + "\n"},
		{"brackets", "[x] and [ ] and [a]\n", "<p>[x] and [ ] and [a]</p>\n"},
		{"task list", "- [x] done\n- [ ] [not]{.y} yet\n", "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\" aria-label=\"done\"> done</li>\n<li><input disabled=\"\" type=\"checkbox\" aria-label=\"to do\"> <span class=\"y\">not</span> yet</li>\n</ul>\n"},
		{"space before brace", "[a] {.x}\n", "<p>[a] {.x}</p>\n"},
		{"malformed braces", "[a]{ bad} [b]{.x [c]{#}\n", "<p>[a]{ bad} [b]{.x [c]{#}</p>\n"},
		{"unclosed", "[a]{.x\n", "<p>[a]{.x</p>\n"},
		{"escaped", "\\[a]{.x} [b\\]{.y}\n", "<p>[a]{.x} [b]{.y}</p>\n"},
		{"in code", "`[a]{.x}`\n", "<p><code>[a]{.x}</code></p>\n"},
		{"bracket in code", "[a `]{.x}` b]{.y}\n", `<p><span class="y">a <code>]{.x}</code> b</span></p>` + "\n"},
		{"image is not a span", "![a]{.x}\n", "<p>![a]{.x}</p>\n"},
		{"empty", "[]{.e}\n", `<p><span class="e"></span></p>` + "\n"},
		{"in heading", "## A [b]{.c} d\n", `<h2 id="a-b-d">A <span class="c">b</span> d</h2>` + "\n"},
		{"heading attributes win at the end", "## A [b]{.c}\n", `<h2 class="c" id="a-b">A [b]</h2>` + "\n"},
		{"in table", "| a |\n|---|\n| [b]{.c} |\n", "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><span class=\"c\">b</span></td>\n</tr>\n</tbody>\n</table>\n"},
		{"in blockquote over lines", "> [a\n> b]{.c}\n", "<blockquote>\n<p><span class=\"c\">a\nb</span></p>\n</blockquote>\n"},
		{"escaped html in value", "[a]{title='<b>&'}\n", `<p><span title="&lt;b&gt;&amp;">a</span></p>` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src, false); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestSpanNode: a span is a Span node with its id, classes and offset, for
// the builder to collect anchors from.
func TestSpanNode(t *testing.T) {
	src := []byte("Intro.\n\nA [term]{#term-id .gloss} here.\n")
	doc := New(false, nil).Parse(src)
	var spans []*Span
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := n.(*Span); ok && entering {
			spans = append(spans, s)
		}
		return ast.WalkContinue, nil
	})
	if len(spans) != 1 {
		t.Fatalf("%d spans, want 1", len(spans))
	}
	s := spans[0]
	if s.Kind() != KindSpan || s.ID != "term-id" || len(s.Classes) != 1 || s.Classes[0] != "gloss" {
		t.Errorf("span = %+v", s)
	}
	if line, col := Position(src, s.Offset); line != 3 || col != 3 {
		t.Errorf("span at %d:%d, want 3:3", line, col)
	}
	if got := PlainText(src, doc); got != "Intro. A term here." {
		t.Errorf("PlainText = %q", got)
	}
}

// TestNodeRenderers: a renderer built elsewhere (a worksheet's, say) draws
// spans, alerts and definition lists with NodeRenderers.
func TestNodeRenderers(t *testing.T) {
	src := []byte("[a]{.b}\n\n> [!TIP]\n> c\n\nd\n: e\n")
	doc := New(false, nil).Parse(src)
	r := renderer.NewRenderer(renderer.WithNodeRenderers(append(NodeRenderers(), util.Prioritized(html.NewRenderer(), 1000))...))
	var b bytes.Buffer
	if err := r.Render(&b, src, doc); err != nil {
		t.Fatal(err)
	}
	want := "<p><span class=\"b\">a</span></p>\n" +
		"<aside class=\"box callout alert-tip\" aria-label=\"Tip\"><p class=\"box-title\">Tip</p>\n<p>c</p>\n</aside>\n" +
		"<dl>\n<dt>d</dt>\n<dd>e</dd>\n</dl>\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
