package markdown

import (
	"strings"
	"testing"
)

// TestTOCMarker: with mdbook-toc's marker set, the first block that is
// only the marker becomes a nested list of links to the headings after it
// (down to the maximum level, a skipped level nested one deeper only);
// without headings after it, it goes; without the setting it stays a
// comment, left out.
func TestTOCMarker(t *testing.T) {
	page := "# Spec\n\nContents:\n\n<!-- toc -->\n\n## Overview\n\n## `Box<T>` & co\n\n#### Deep\n\n### Part\n\n##### Too deep\n\n## End\n"
	nested := `<ul>
<li><a href="#overview">Overview</a></li>
<li><a href="#boxt--co">Box&lt;T&gt; &amp; co</a>
<ul>
<li><a href="#deep">Deep</a></li>
<li><a href="#part">Part</a></li>
</ul>
</li>
<li><a href="#end">End</a></li>
</ul>
`
	for _, tt := range []struct {
		name, src string
		d         Dialect
		raw       bool // raw HTML through, comments too
		want      string
	}{
		{"marker", page, Dialect{MdBookIDs: true, TOCMarker: "<!-- toc -->", TOCMaxLevel: 4}, false, "<p>Contents:</p>\n" + nested + `<h2 id="overview">`},
		{"first marker only", strings.Replace(page, "## End", "<!-- toc -->\n\n## End", 1), Dialect{MdBookIDs: true, TOCMarker: "<!-- toc -->", TOCMaxLevel: 2}, false,
			"<p>Contents:</p>\n<ul>\n<li><a href=\"#overview\">Overview</a></li>\n<li><a href=\"#boxt--co\">Box&lt;T&gt; &amp; co</a></li>\n<li><a href=\"#end\">End</a></li>\n</ul>\n<h2"},
		{"own marker", strings.Replace(page, "<!-- toc -->", "[[_TOC_]]", 1), Dialect{MdBookIDs: true, TOCMarker: "[[_TOC_]]", TOCMaxLevel: 4}, false, "<p>Contents:</p>\n" + nested},
		{"nothing after", "# A\n\n## B\n\n<!-- toc -->\n", Dialect{MdBookIDs: true, TOCMarker: "<!-- toc -->", TOCMaxLevel: 4}, true, "<h2 id=\"b\">B</h2>\n"},
		{"no setting", page, Dialect{MdBookIDs: true}, true, "<p>Contents:</p>\n<!-- toc -->\n<h2 id=\"overview\">"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			md := NewDialect(tt.d, tt.raw, nil)
			src := []byte(tt.src)
			out, err := md.Render(src, md.Parse(src))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), tt.want) {
				t.Errorf("want\n%s\nin\n%s", tt.want, out)
			}
			if tt.d.TOCMarker != "" && strings.Contains(string(out), tt.d.TOCMarker) {
				t.Errorf("the marker stays in\n%s", out)
			}
		})
	}
}
