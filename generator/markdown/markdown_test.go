package markdown

import (
	"bytes"
	"strings"
	"testing"

	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

func render(t *testing.T, src string, raw bool) string {
	t.Helper()
	m := New(raw, nil)
	doc := m.Parse([]byte(src))
	out, err := m.Render([]byte(src), doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestDivFuncs: a div with a registered DivFunc is drawn by it, others as <div>.
func TestDivFuncs(t *testing.T) {
	m := New(false, map[string]DivFunc{"tip": Box("tip", "A tip")})
	src := []byte("::: tip {#t1 .wide}\nGo\n:::\n\n::: tip {title=\"Mine\"}\nx\n:::\n\n::: other\ny\n:::\n")
	out, err := m.Render(src, m.Parse(src))
	if err != nil {
		t.Fatal(err)
	}
	want := "<aside id=\"t1\" class=\"box tip wide\" aria-label=\"A tip\"><p class=\"box-title\">A tip</p>\n<p>Go</p>\n</aside>\n" +
		"<aside class=\"box tip\" aria-label=\"Mine\"><p class=\"box-title\">Mine</p>\n<p>x</p>\n</aside>\n" +
		"<div class=\"other\">\n<p>y</p>\n</div>\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestRender(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown div", "::: note\nHello *there*\n:::\n", "<div class=\"note\">\n<p>Hello <em>there</em></p>\n</div>\n"},
		{"attributes", "::: note {.wide #n1 deck=\"five steps\"}\nx\n:::\n", "<div id=\"n1\" class=\"note wide\" data-deck=\"five steps\">\n<p>x</p>\n</div>\n"},
		{"nested by colons", ":::: outer\n::: inner\na\n:::\nb\n::::\n", "<div class=\"outer\">\n<div class=\"inner\">\n<p>a</p>\n</div>\n<p>b</p>\n</div>\n"},
		{"bare fence closes innermost", "::: outer\n::: inner\na\n:::\nb\n:::\n", "<div class=\"outer\">\n<div class=\"inner\">\n<p>a</p>\n</div>\n<p>b</p>\n</div>\n"},
		{"fence inside code", "::: outer\n```\n:::\n```\n:::\n", "<div class=\"outer\">\n<pre class=\"hl-chroma\"><code>:::\n</code></pre>\n</div>\n"},
		{"fence after indented code", "::: outer\n    code\n:::\nafter\n", "<div class=\"outer\">\n<pre><code>code\n</code></pre>\n</div>\n<p>after</p>\n"},
		{"fence indented as code", "::: outer\n    code\n    :::\n:::\n", "<div class=\"outer\">\n<pre><code>code\n:::\n</code></pre>\n</div>\n"},
		{"fence after indented code in a list", "::: outer\n- item\n\n      code\n  :::\nafter\n", "<div class=\"outer\">\n<ul>\n<li>\n<p>item</p>\n<pre><code>code\n</code></pre>\n</li>\n</ul>\n</div>\n<p>after</p>\n"},
		{"fence after indented code in a div in a wide list in a div", "::: outer\n-   item\n\n    ::: inner\n        code\n    :::\n:::\nafter\n", "<div class=\"outer\">\n<ul>\n<li>\n<p>item</p>\n<div class=\"inner\">\n<pre><code>code\n</code></pre>\n</div>\n</li>\n</ul>\n</div>\n<p>after</p>\n"},
		{"fence indented as code in a quote in a div", "::: outer\n> ::: inner\n>     code\n>     :::\n> :::\n:::\nafter\n", "<div class=\"outer\">\n<blockquote>\n<div class=\"inner\">\n<pre><code>code\n:::\n</code></pre>\n</div>\n</blockquote>\n</div>\n<p>after</p>\n"},
		{"raw html made safe", "Hi <b>x</b>\n\n<script>alert(1)</script>\n", "<p>Hi <b>x</b></p>\n"},
		{"heading ids", "# Hoʻohanohano and respect\n## Why\n## Why\n## Custom {#mine}\n", "<h1 id=\"hoohanohano-and-respect\">Hoʻohanohano and respect</h1>\n<h2 id=\"why\">Why</h2>\n<h2 id=\"why-1\">Why</h2>\n<h2 id=\"mine\">Custom</h2>\n"},
		{"typographer", "\"Talk story\" isn't hard\n", "<p>&ldquo;Talk story&rdquo; isn&rsquo;t hard</p>\n"},
		{"gfm", "- [x] done\n\n~~old~~ https://example.org\n", "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\" aria-label=\"done\"> done</li>\n</ul>\n<p><del>old</del> <a href=\"https://example.org\">https://example.org</a></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src, false); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestPlainPunctuation: with PlainPunctuation (an mdBook without
// smart-punctuation) quotes, dashes and dots stay as typed.
func TestPlainPunctuation(t *testing.T) {
	src := []byte("Run cargo build --release and \"quote\" it... -- don't\n")
	m := NewDialect(Dialect{MdBookIDs: true, PlainPunctuation: true}, false, nil)
	out, err := m.Render(src, m.Parse(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := "<p>Run cargo build --release and &quot;quote&quot; it... -- don't</p>\n"; string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestRawHTMLAllowed(t *testing.T) {
	if got := render(t, "Hi <b>x</b>\n", true); got != "<p>Hi <b>x</b></p>\n" {
		t.Errorf("got %q", got)
	}
}

func TestHighlight(t *testing.T) {
	got := render(t, "```go\nfunc main() {}\n```\n", false)
	if !strings.Contains(got, `<span class="hl-kd">func</span>`) {
		t.Errorf("no chroma classes in %s", got)
	}
	var css strings.Builder
	if err := WriteHighlightCSS(&css); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(css.String(), `[data-theme="dark"] .hl-chroma .hl-kd`) {
		t.Errorf("dark theme missing from CSS:\n%s", css.String()[:300])
	}
}

func TestUnclosedDiv(t *testing.T) {
	src := []byte("text\n\n::: card\nbody\n")
	doc := New(false, nil).Parse(src)
	d, ok := doc.LastChild().(*FencedDiv)
	if !ok || d.Closed {
		t.Fatalf("want an unclosed FencedDiv, got %T closed", doc.LastChild())
	}
	if line, col := Position(src, d.Offset); line != 3 || col != 1 {
		t.Errorf("position %d:%d, want 3:1", line, col)
	}
}

// TestDivClosesRawHTML: a closing fence right after raw HTML that a
// blank line would end (<a …>, <div>) ends it and closes the div, as in
// Pandoc; inside <script> or a comment it is their text.
func TestDivClosesRawHTML(t *testing.T) {
	src := "::: card\nText.\n\n<a href=\"https://example.org\">\n  <b>Example</b>\n</a>\n:::\n\nAfter.\n"
	doc := New(true, nil).Parse([]byte(src))
	d, ok := doc.FirstChild().(*FencedDiv)
	if !ok || !d.Closed || d.NextSibling() == nil {
		t.Fatalf("the div is not closed by the fence after the raw HTML:\n%s", render(t, src, true))
	}
	if out := render(t, src, true); strings.Contains(out, ":::") {
		t.Errorf("the fence is in the output:\n%s", out)
	}
	src = "::: card\n<!-- a note\n:::\n-->\n:::\n"
	d, ok = New(true, nil).Parse([]byte(src)).FirstChild().(*FencedDiv)
	if !ok || !d.Closed || !strings.Contains(render(t, src, true), "<!-- a note\n:::\n-->") {
		t.Errorf("a fence inside a comment closed the div:\n%s", render(t, src, true))
	}
}

func TestBadAttributes(t *testing.T) {
	for _, src := range []string{"::: x {.}\n:::\n", "::: x {key=\"open}\n:::\n", "::: x {word}\n:::\n"} {
		d, ok := New(false, nil).Parse([]byte(src)).FirstChild().(*FencedDiv)
		if !ok || d.AttrErr == "" {
			t.Errorf("%q: want an attribute error", src)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"ʻIke loa": "ike-loa", "Kākou, the language of “we”": "kakou-the-language-of-we", "360° feedback": "360-feedback", "": ""} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Slug("my_var option"); got != "my-var-option" {
		t.Errorf("Slug keeps an underscore: %q", got)
	}
}

// TestHeadingIDUnderscores: heading ids keep underscores, as GitHub, Hugo,
// mdBook and Pandoc give them (lessons link to #my_var-option).
func TestHeadingIDUnderscores(t *testing.T) {
	out := render(t, "## The my_var option\n\n## `__init__` and *self*\n", false)
	for _, want := range []string{`id="the-my_var-option"`, `id="__init__-and-self"`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
}

// FuzzRender: no input makes parsing or rendering fail or panic, and with
// raw HTML off the output has no element or attribute outside what the
// safe subset and our own rendering produce.
func FuzzRender(f *testing.F) {
	f.Add("::: a {#x .y k=v}\n:::: b\n# h {#i}\n::::\n:::\n")
	f.Add("```\n:::\n```\n<div>x</div>")
	f.Add("![Cap *x*](a.png){alt='A \"b\"' width=50% .c #d}\n\n![a](b \"T\")\n")
	f.Add("[a [b]{.c} `]{.x}` *d]{#e}* [f](g) [h][i] [j]\n\n[i]: /k\n- [x] l\n")
	f.Add("Term\n: def\n\n> [!NOTE]\n> x\n\n> [!tip]\n")
	f.Add("a <kbd>b</kbd> <script>c</script> <a href=\"javascript:d\" onclick=e>f</a>\n\n<div style=x><iframe></iframe><img src=x onerror=y></div>\n")
	f.Add("[a]{[b]{![c](d){e=\"f]{\n")
	f.Add("H~2~O ~~x~~ ~a b~ 2^10^ ^^\n\n```rust\n# fn main() {\n## x\n```\n")
	f.Add("> q\n\n{.a #b c=\"d\"}\n\np\n{#e}\n")
	f.Add("$x_1 < y$ $5 $$\na \\\\ b\n$$ \\(c\\) $$ \\( $a \\[ x\n")
	f.Add("1. a\n<!-- b -->\n3. c\n<!-- d\n-->\n4. e\n<!-- f --> g\n- h\n")
	f.Add("a^[b *c* [d](e) ^[f]] \\^[g] ^[h\n\ni] [^j]\n\n[^j]: k ^[l]\n")
	f.Add("p\n| `|` | `` a|` `` \\| |\n|:-|-:|\n| `|` | x | y |\n|\n| `` ` |")
	dialects := []*Markdown{New(false, nil), NewDialect(Pandoc, false, nil), NewDialect(Dialect{HideLines: map[string]string{"rust": "#", "python": "~"}, BlockAttributes: true, Math: []MathDelims{{`\(`, `\)`, false}, {"$$", "$$", true}}}, false, nil)}
	f.Fuzz(func(t *testing.T, src string) {
		for _, m := range dialects {
			doc := m.Parse([]byte(src))
			out, err := m.Render([]byte(src), doc)
			if err != nil {
				t.Skip()
			}
			if msg := unsafeOutput(out); msg != "" {
				t.Errorf("%s in\n%s", msg, out)
			}
			for _, w := range Warnings(doc) {
				if w.Offset < 0 || w.Offset > len(src) {
					t.Errorf("warning %q at %d, outside the source", w.Msg, w.Offset)
				}
			}
		}
	})
}

// ownTags are the elements our rendering writes besides the safe subset of
// raw HTML, each with the attributes it may have.
var ownTags = map[string][]string{
	"blockquote": nil, "aside": {"aria-label"}, "input": {"type", "checked", "disabled", "aria-label"},
	"th": {"style"}, "td": {"style"}, "figure": nil, "img": {"src", "alt", "title", "width", "height"},
	"a": {"href", "title", "role"}, "span": {"title", "lang"}, "div": {"data-*", "role"}, // role: footnotes' doc-noteref, doc-backlink, doc-endnotes
	"ol": {"start"}, "h1": nil, "h2": nil, "h3": nil, "h4": nil, "h5": nil, "h6": nil,
}

// unsafeOutput reads rendered HTML and returns the first element or
// attribute neither the safe subset nor our rendering allows, or a
// script URL; "" when there is none.
func unsafeOutput(out []byte) string {
	z := html.NewTokenizer(bytes.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			safe, ok1 := safeTags[tok.Data]
			own, ok2 := ownTags[tok.Data]
			if !ok1 && !ok2 {
				return "element <" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				data := strings.HasPrefix(a.Key, "data-") && (contains(own, "data-*") || tok.Data == "span")
				if a.Key != "class" && a.Key != "id" && !contains(safe, a.Key) && !contains(own, a.Key) && !data {
					return "attribute " + a.Key + " of <" + tok.Data + ">"
				}
				// Raw HTML keeps only http(s), mailto and relative URLs (the
				// sanitizer's tests check it); Markdown's own links and
				// images may name any scheme an author writes (tel:, a
				// bare <A0:>), but never one that runs code.
				if urlSchemes[a.Key] != nil && gmhtml.IsDangerousURL([]byte(a.Val)) {
					return a.Key + "=" + a.Val
				}
				if a.Key == "style" && !strings.HasPrefix(a.Val, "text-align:") {
					return "style=" + a.Val
				}
			}
		}
	}
}

func TestPlainText(t *testing.T) {
	src := []byte("# A *bold* \"idea\"\n\nSee <https://example.org> and `code`.\n<b>raw</b>\n\n```\nx := 1\n```\n")
	doc := New(false, nil).Parse(src)
	got := PlainText(src, doc)
	want := "A bold “idea” See https://example.org and code. raw x := 1"
	if got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
}

// TestTaskListNamed: a task list's boxes have a name for screen readers.
func TestTaskListNamed(t *testing.T) {
	out := render(t, "- [x] Asked\n- [ ] Listened\n", false)
	for _, want := range []string{`<input checked="" disabled="" type="checkbox" aria-label="done"> Asked`, `<input disabled="" type="checkbox" aria-label="to do"> Listened`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
}

// TestLinesAgreesWithPosition: the index gives what Position gives.
func TestLinesAgreesWithPosition(t *testing.T) {
	for _, src := range []string{"", "a", "a\n", "ab\ncd\n\nef", "\n\n\n", "x\r\ny\n"} {
		l := NewLines([]byte(src))
		for off := -1; off <= len(src)+1; off++ {
			wl, wc := Position([]byte(src), off)
			if gl, gc := l.Position(off); gl != wl || gc != wc {
				t.Errorf("%q at %d: %d:%d, want %d:%d", src, off, gl, gc, wl, wc)
			}
		}
	}
}

// TestPlainTextResolvesEscapes: a heading's plain text (page titles, the
// table of contents, search) shows what the page shows: backslash escapes
// and character references resolved, code spans as written.
func TestPlainTextResolvesEscapes(t *testing.T) {
	src := []byte("## Controlling page \\<title\\> &amp; `\\<raw\\>` &copy; \\*\n")
	m := New(false, nil)
	doc := m.Parse(src)
	if got, want := PlainText(src, doc.FirstChild()), "Controlling page <title> & \\<raw\\> © *"; got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
	secs := Sections(src, doc, nil, "")
	if len(secs) == 0 || secs[len(secs)-1].Heading != "Controlling page <title> & \\<raw\\> © *" {
		t.Errorf("Sections = %+v", secs)
	}
}
