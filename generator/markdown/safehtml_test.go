package markdown

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSafeHTML(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"inline tags", "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup><br>\n", "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup><br></p>\n"},
		{"lone end tag kept", "a</kbd> b</em>\n", "<p>a</kbd> b</em></p>\n"},
		{"attributes filtered", `<span class="k" id="i" style="color:red" onclick="x()">y</span>` + "\n", `<p><span class="k" id="i">y</span></p>` + "\n"},
		{"abbr and img", `<abbr title="HyperText">HTML</abbr> <img src="a.png" alt="A" width="10" loading="lazy">` + "\n", `<p><abbr title="HyperText">HTML</abbr> <img src="a.png" alt="A" width="10"></p>` + "\n"},
		{"safe links", `<a href="https://x.org/a?b=c&amp;d" title="t">x</a> <a href="../b.html#c">y</a> <a href="mailto:a@b.org">z</a>` + "\n", `<p><a href="https://x.org/a?b=c&amp;d" title="t">x</a> <a href="../b.html#c">y</a> <a href="mailto:a@b.org">z</a></p>` + "\n"},
		{"javascript links", `<a href="javascript:alert(1)">a</a> <a href=" JaVa&#x09;script:x">b</a> <a href="&#106;avascript:x">c</a> <img src="data:image/svg+xml,x">` + "\n", "<p><a>a</a> <a>b</a> <a>c</a> <img></p>\n"},
		{"colon in a path", `<a href="a/b:c">x</a>` + "\n", `<p><a href="a/b:c">x</a></p>` + "\n"},
		{"inline script and style", "a <script>alert(1)</script> b <style>p{}</style> c\n", "<p>a  b  c</p>\n"},
		{"inline script never closed", "a <script>alert(1) *b*\n\nc\n", "<p>a </p>\n<p>c</p>\n"},
		{"other elements", `a <font color="red">b</font> <input type="text"> <iframe src="x"></iframe> c` + "\n", "<p>a b   c</p>\n"},
		{"comment", "a <!-- note --> b\n\n<!-- block\ncomment -->\n", "<p>a  b</p>\n"},
		{"processing instruction", "a <?php echo 1 ?> b\n", "<p>a  b</p>\n"},
		{"details block", "<details>\n<summary>Solution</summary>\n\nText **bold**\n\n</details>\n", "<details>\n<summary>Solution</summary>\n<p>Text <strong>bold</strong></p>\n</details>\n"},
		{"block with bad parts", "<div class=\"x\" style=\"s\"><iframe src=\"e\">in</iframe><img src=\"a.png\" onerror=\"x\"><form><input></form>ok</div>\n", "<div class=\"x\"><img src=\"a.png\">ok</div>\n"},
		{"style block", "<style>\nbody { color: red }\n</style>\n\nafter\n", "<p>after</p>\n"},
		{"script block", "<script>\nif (a < b) alert(1)\n</script>\n", ""},
		{"table", "<table><tr><th align=\"left\">h</th><td colspan=\"2\" rowspan=\"1\" bgcolor=\"red\">c</td></tr></table>\n", "<table><tr><th align=\"left\">h</th><td colspan=\"2\" rowspan=\"1\">c</td></tr></table>\n"},
		{"text escaped", "<div>\na < b > c &amp; d\n</div>\n", "<div>\na &lt; b &gt; c &amp; d\n</div>\n"},
		{"quotes in values", `<abbr title='say "hi"'>x</abbr>` + "\n", `<p><abbr title="say &#34;hi&#34;">x</abbr></p>` + "\n"},
		{"headings and lists", "<h2 id=\"h\">T</h2>\n<ul><li>a</li></ul>\n", "<h2 id=\"h\">T</h2>\n<ul><li>a</li></ul>\n"},
		{"in a fenced div", "::: note\n<kbd>x</kbd> <b onclick=\"y\">z</b>\n:::\n", "<div class=\"note\">\n<p><kbd>x</kbd> <b>z</b></p>\n</div>\n"},
		{"code stays code", "`<script>` and\n\n```\n<script>x</script>\n```\n", "<p><code>&lt;script&gt;</code> and</p>\n<pre class=\"hl-chroma\"><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src, false); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestRawHTMLAllowsAll: with rawHTML everything goes through, as before.
func TestRawHTMLAllowsAll(t *testing.T) {
	src := "a <font color=red onclick=\"x\">b</font> <script>c</script>\n\n<style>\np{}\n</style>\n"
	want := "<p>a <font color=red onclick=\"x\">b</font> <script>c</script></p>\n<style>\np{}\n</style>\n"
	if got := render(t, src, true); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if ws := Warnings(New(true, nil).Parse([]byte(src))); len(ws) != 0 {
		t.Errorf("warnings with raw HTML allowed: %v", ws)
	}
}

// TestSafeHTMLWarnings: each thing left out is reported once, at its place.
func TestSafeHTMLWarnings(t *testing.T) {
	src := []byte("# Title\n\nA <font>b</font> <a href=\"javascript:x\" onclick=\"y\">c</a> <!-- quiet -->\n\n> <div>\n> <style>\n> p{}\n> </style></div>\n\nd</blink>\n")
	type pos struct {
		line, col int
		msg       string
	}
	want := []pos{
		{3, 3, "dropped the <font> element: " + rawHTMLHint},
		{3, 18, `dropped href="javascript:x" of <a>: only http, https, mailto and relative URLs are published`},
		{3, 18, "dropped the onclick attribute of <a>: " + rawHTMLHint},
		{6, 3, "dropped the <style> element: " + rawHTMLHint},
		{10, 2, "dropped the </blink> end tag: " + rawHTMLHint},
	}
	var got []pos
	for _, w := range Warnings(New(false, nil).Parse(src)) {
		line, col := Position(src, w.Offset)
		got = append(got, pos{line, col, w.Msg})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings\n%v\nwant\n%v", got, want)
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://x.org": true, "HTTP://x.org": true, "mailto:a@b": true, "page.html": true, "../a/b.png": true,
		"#frag": true, "?q=a:b": true, "a/b:c": true, "": true, "//cdn.org/x": true,
		"javascript:alert(1)": false, " javascript:x": false, "java\tscript:x": false, "\x01javascript:x": false,
		"JAVASCRIPT:x": false, "vbscript:x": false, "data:text/html,x": false, "ftp://x": false,
	} {
		if got := safeURL(u, urlSchemes["href"]); got != want {
			t.Errorf("safeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestParseTag: the quick reading of a single tag agrees with the HTML
// tokenizer, and leaves what it does not know to it.
func TestParseTag(t *testing.T) {
	for _, tag := range []string{
		"<b>", "</b>", "<br/>", "<br />", "<IMG SRC=a.png Alt='x y'>", `<a href="&#106;s:x" title="a&amp;b">`,
		"<span\n  class=\"a\"\n>", "<x-y data-z=1>", "<input disabled>", "<a b = 'c' >", "</kbd  >",
	} {
		got, ok := parseTag([]byte(tag))
		if !ok {
			t.Errorf("parseTag(%q) failed", tag)
			continue
		}
		z := html.NewTokenizer(strings.NewReader(tag))
		z.Next()
		want := z.Token()
		want.DataAtom = 0
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parseTag(%q) = %#v, tokenizer %#v", tag, got, want)
		}
	}
	for _, s := range []string{"<!-- x -->", "<?p ?>", "<!DOCTYPE html>", "<a", "<>", "</ b>", "<a b='c'd>", "<a =b>", "<b>x</b>"} {
		if _, ok := parseTag([]byte(s)); ok {
			t.Errorf("parseTag(%q) read a tag", s)
		}
	}
}

// TestSanitizerOutputIsSafe: what the sanitizer keeps, read again by the
// tokenizer, has only allowed elements and attributes.
func TestSanitizerOutputIsSafe(t *testing.T) {
	in := `<div onmouseover=x><scr<script>ipt>alert(1)</script><svg><script>x</script></svg><img src=x onerror=y><a href="javascript&colon;x">a</a><math><mi href="javascript:x">m</mi></math><p style="x">p</p><textarea><img src=x onerror=y></textarea></div>`
	out := (&sanitizer{}).clean([]byte(in))
	if msg := unsafeHTML(out); msg != "" {
		t.Errorf("%s in %s", msg, out)
	}
}

// unsafeHTML reads out and returns what it finds that the safe subset
// does not allow, or "".
func unsafeHTML(out []byte) string {
	z := html.NewTokenizer(bytes.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			keep, ok := safeTags[tok.Data]
			if !ok {
				return "element <" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				if a.Key != "class" && a.Key != "id" && !contains(keep, a.Key) {
					return "attribute " + a.Key + " of <" + tok.Data + ">"
				}
				if s := urlSchemes[a.Key]; s != nil && !safeURL(a.Val, s) {
					return a.Key + "=" + a.Val
				}
			}
		}
	}
}

// FuzzSanitize: whatever HTML goes in, what comes out has only allowed
// elements and attributes, and cleaning it again changes nothing.
func FuzzSanitize(f *testing.F) {
	f.Add(`<div onmouseover=x><scr<script>ipt>alert(1)</script><img src=x onerror=y></div>`)
	f.Add(`<a href="&#106;avascript:x" title='t'>a</a><kbd>b</kbd></kbd><!-- c --><?d?>`)
	f.Add("<table><tr><td colspan=2 style=x>c</td></tr></table><textarea><b>x</textarea>")
	f.Fuzz(func(t *testing.T, in string) {
		out := (&sanitizer{}).clean([]byte(in))
		if msg := unsafeHTML(out); msg != "" {
			t.Fatalf("%s in %q", msg, out)
		}
		if again := (&sanitizer{}).clean(out); !bytes.Equal(again, out) {
			t.Errorf("cleaning %q again gives %q", out, again)
		}
	})
}

// TestSafeInlineSemantics: the inline elements of meaning Carpentries
// lessons use (acronym, dfn, q, cite, var, samp, time, wbr) are kept,
// with the attributes that carry it.
func TestSafeInlineSemantics(t *testing.T) {
	src := `A <acronym title="command-line interface">CLI</acronym>, a <dfn title="x">term</dfn>, <q>said</q> in <cite>a book</cite>, <var>n</var>, <samp>ok</samp>, <time datetime="2024-01-01">today</time>, long<wbr>word.` + "\n"
	md := NewDialect(Pandoc, false, nil)
	doc := md.Parse([]byte(src))
	out, err := md.Render([]byte(src), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<acronym title="command-line interface">CLI</acronym>`, `<dfn title="x">term</dfn>`, `<q>said</q>`, `<cite>a book</cite>`, `<var>n</var>`, `<samp>ok</samp>`, `<time datetime="2024-01-01">today</time>`, `long<wbr>word`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %s in %s", want, out)
		}
	}
	if w := Warnings(doc); len(w) != 0 {
		t.Errorf("warnings %v", w)
	}
}
