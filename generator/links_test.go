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
