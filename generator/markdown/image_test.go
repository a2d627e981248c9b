package markdown

import (
	"testing"
)

func TestImageAttributes(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"alt replaces the alt text", "An ![caption](a.png){alt='Alt text here'} x\n", `<p>An <img src="a.png" alt="Alt text here"> x</p>` + "\n"},
		{"kept attributes", "x ![c](a.png){alt=\"A\" width=\"50%\" height=20 .cls .two #fig}\n", `<p>x <img src="a.png" alt="A" id="fig" class="cls two" width="50%" height="20"></p>` + "\n"},
		{"style sizes kept", "x ![c](a.png){style='width:90%' .w} ![d](b.png){style=\"height: 120px; color: red; width: 2em\"}\n",
			`<p>x <img src="a.png" alt="c" class="w" width="90%"> <img src="b.png" alt="d" height="120"></p>` + "\n"},
		{"bad style sizes dropped", "x ![e](c.png){style='width:.; height:100; width:1.5px'}\n", `<p>x <img src="c.png" alt="e" width="1"></p>` + "\n"},
		{"others dropped", "x ![c](a.png){style=\"color:red\" onerror=alert(1) src=b.png}\n", `<p>x <img src="a.png" alt="c"></p>` + "\n"},
		{"escaped values", "x ![c](a.png){alt='<b> & \"q\"' .x}\n", `<p>x <img src="a.png" alt="&lt;b&gt; &amp; &quot;q&quot;" class="x"></p>` + "\n"},
		{"reference image", "x ![c][r]{.w}\n\n[r]: a.png\n", `<p>x <img src="a.png" alt="c" class="w"></p>` + "\n"},
		{"alt over lines", "x ![c](a.png){alt='one\ntwo'}\n", "<p>x <img src=\"a.png\" alt=\"one\ntwo\"></p>\n"},
		{"must follow directly", "x ![c](a.png) {.w}\n", `<p>x <img src="a.png" alt="c"> {.w}</p>` + "\n"},
		{"unclosed", "x ![c](a.png){alt='x\n", "<p>x <img src=\"a.png\" alt=\"c\">{alt=&lsquo;x</p>\n"},
		{"malformed", "x ![c](a.png){alt=}{.a .}\n", `<p>x <img src="a.png" alt="c">{alt=}{.a .}</p>` + "\n"},
		{"only one block", "x ![c](a.png){.a}{.b}\n", `<p>x <img src="a.png" alt="c" class="a">{.b}</p>` + "\n"},
		{"after a link they are the link's", "[c](a){.b}\n", `<p><a href="a" class="b">c</a></p>` + "\n"},
		{"after a space it is text", "[c](a) {.b}\n", `<p><a href="a">c</a> {.b}</p>` + "\n"},
		{"after code they are the code's", "`x`{#k .py}\n", `<p><code id="k" class="py">x</code></p>` + "\n"},
		{"after emphasis it is text", "*c*{.b}\n", `<p><em>c</em>{.b}</p>` + "\n"},
		{"in a link", "[![c](a.png){.b}](u)\n", `<p><a href="u"><img src="a.png" alt="c" class="b"></a></p>` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src, false); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestFigures(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"plain image stays", "![alt](a.png)\n", `<p><img src="a.png" alt="alt"></p>` + "\n"},
		{"title is the caption", "![alt](a.png \"The caption\")\n", `<figure><img src="a.png" alt="alt" title="The caption"><figcaption>The caption</figcaption></figure>` + "\n"},
		{"bracket text is the caption", "![A *plot* of x](fig/a.png){alt='Alt text' width=\"50%\"}\n", `<figure><img src="fig/a.png" alt="Alt text" width="50%"><figcaption>A <em>plot</em> of x</figcaption></figure>` + "\n"},
		{"alt and title", "![Cap](a.png \"T\"){alt=A}\n", `<figure><img src="a.png" alt="A" title="T"><figcaption>Cap</figcaption></figure>` + "\n"},
		{"empty caption", "![](a.png){alt='A'}\n", `<p><img src="a.png" alt="A"></p>` + "\n"},
		{"class only", "![alt](a.png){.w}\n", `<p><img src="a.png" alt="alt" class="w"></p>` + "\n"},
		{"not alone", "See ![alt](a.png \"T\")\n", `<p>See <img src="a.png" alt="alt" title="T"></p>` + "\n"},
		{"two images", "![a](a.png \"T\") ![b](b.png \"U\")\n", `<p><img src="a.png" alt="a" title="T"> <img src="b.png" alt="b" title="U"></p>` + "\n"},
		{"escaped title", "![alt](a.png \"a < b & \\\"c\\\"\")\n", `<figure><img src="a.png" alt="alt" title="a &lt; b &amp; &quot;c&quot;"><figcaption>a &lt; b &amp; &quot;c&quot;</figcaption></figure>` + "\n"},
		{"in a blockquote", "> ![Cap](a.png){alt=A}\n", "<blockquote>\n<figure><img src=\"a.png\" alt=\"A\"><figcaption>Cap</figcaption></figure>\n</blockquote>\n"},
		{"in a loose list", "- ![Cap](a.png){alt=A}\n\n- b\n", "<ul>\n<li>\n<figure><img src=\"a.png\" alt=\"A\"><figcaption>Cap</figcaption></figure>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src, false); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestImageAttributeWarnings: an attribute left out of an image is
// reported at its brace.
func TestImageAttributeWarnings(t *testing.T) {
	src := []byte("# T\n\n![c](a.png){alt=A style=\"color:red\"}\n")
	ws := Warnings(New(false, nil).Parse(src))
	if len(ws) != 1 {
		t.Fatalf("warnings %v, want one", ws)
	}
	if line, col := Position(src, ws[0].Offset); line != 3 || col != 12 {
		t.Errorf("warning at %d:%d, want 3:12", line, col)
	}
	if want := `dropped "color:red" from the image's style: only a width and a height in px or % are kept`; ws[0].Msg != want {
		t.Errorf("message %q, want %q", ws[0].Msg, want)
	}
}
