package generator

import (
	"strings"
	"testing"
)

// TestOtherToolsLinks: links written as site URLs ("/m/b/", as Hugo content
// has them) and to other tools' output files ("index.html", "b.html", as
// mdBook books have them) lead to the pages, written relative.
func TestOtherToolsLinks(t *testing.T) {
	site, err := Build(files(
		"index.md", "# Home\n\n[to b](/m/b/) [to m](/m/) [home](/)\n",
		"m/index.md", "# M\n\n[b as html](b.html) [b anchored](/m/b/#there)\n",
		"m/a.md", "# A\n\n[m](index.html) [home](../index.html) [b](/m/b.md)\n",
		"m/b.md", "# B\n\n## There\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string][]string{
		"index.html":     {`href="m/b/index.html"`, `href="m/index.html"`, `href="index.html"`},
		"m/index.html":   {`href="../m/b/index.html"`, `href="../m/b/index.html#there"`},
		"m/a/index.html": {`href="../../m/index.html"`, `href="../../index.html"`, `href="../../m/b/index.html"`},
	} {
		html := string(site.Files[page])
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
	}
}

// TestDiagramAsImage: an SVG that cannot be put into the page (a script, no
// <title>, an XML comment first) is shown as an <img> with the Markdown's
// alt text, never an error; without alt text it is a warning.
func TestDiagramAsImage(t *testing.T) {
	site, err := Build(files(
		"a.md", "# A\n\n![A loop of four steps](d.svg)\n\n![Safe](ok.svg)\n",
		"b.md", "# B\n\n![](bare.svg)\n",
		"d.svg", `<svg role="img"><title>t</title><desc>d</desc><script>alert(1)</script></svg>`,
		"bare.svg", "<!-- made by a tool -->\n<svg viewBox=\"0 0 1 1\"></svg>",
		"ok.svg", `<svg role="img"><title>t</title><desc>d</desc></svg>`,
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := string(site.Files["a/index.html"])
	if !strings.Contains(a, `<img src="../d.svg" alt="A loop of four steps">`) || strings.Contains(a, "<script>alert") {
		t.Errorf("the unsafe SVG is not an <img> with its alt text:\n%s", a)
	}
	if !strings.Contains(a, `<figure class="diagram">`) {
		t.Errorf("the accessible SVG is not put into the page")
	}
	if len(site.Warnings) != 1 || !strings.Contains(site.Warnings[0].Error(), "b.md:3:1: warning: ") || !strings.Contains(site.Warnings[0].Msg, "needs alt text") {
		t.Errorf("warnings = %v, want one for bare.svg's missing alt text", site.Warnings)
	}
}
