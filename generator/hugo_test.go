package generator

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestHugoRawHTML: a Hugo config's markup.goldmark.renderer.unsafe lets
// raw HTML through; without it, the warning names that setting, not
// site.yaml, which a Hugo site does not have.
func TestHugoRawHTML(t *testing.T) {
	const page = "---\ntitle: A\n---\n<span style=\"color:red\">red</span>\n"
	tests := []struct {
		name    string
		files   fstest.MapFS
		kept    bool
		warning string
	}{
		{"hugo.toml unsafe", files("hugo.toml", "[markup.goldmark.renderer]\nunsafe = true\n", "content/a.md", page), true, ""},
		{"hugo.yaml unsafe", files("hugo.yaml", "markup:\n  goldmark:\n    renderer:\n      unsafe: true\n", "content/a.md", page), true, ""},
		{"config/_default/markup.toml", files("config/_default/hugo.toml", "title = 'S'\n", "config/_default/markup.toml", "[goldmark.renderer]\nunsafe = true\n", "content/a.md", page), true, ""},
		{"hugo.toml without it", files("hugo.toml", "title = 'S'\n", "content/a.md", page), false,
			"content/a.md:4:1: warning: dropped the style attribute of <span>: raw HTML outside the safe list is not published (set markup.goldmark.renderer.unsafe to true in hugo.toml to allow all)"},
		{"unsafe false", files("hugo.toml", "[markup.goldmark.renderer]\nunsafe = false\n", "content/a.md", page), false,
			"content/a.md:4:1: warning: dropped the style attribute of <span>: raw HTML outside the safe list is not published (set markup.goldmark.renderer.unsafe to true in hugo.toml to allow all)"},
		{"own format", files("a.md", page), false,
			"a.md:4:1: warning: dropped the style attribute of <span>: raw HTML outside the safe list is not published (set raw_html: true in site.yaml to allow all)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Build(tt.files, layoutsFS, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if kept := strings.Contains(string(site.Files["a/index.html"]), `<span style="color:red">`); kept != tt.kept {
				t.Errorf("style attribute kept: %v, want %v", kept, tt.kept)
			}
			var got []string
			for _, w := range site.Warnings {
				got = append(got, w.Error())
			}
			if want := slices.DeleteFunc([]string{tt.warning}, func(s string) bool { return s == "" }); !slices.Equal(got, want) {
				t.Errorf("warnings\n got %q\nwant %q", got, want)
			}
		})
	}
}

// TestHugoPageParams: {{< param >}} reads the page's own params (its
// front matter's other keys, and its [params]) before the site's; a Draft
// key in another case still leaves the page out.
func TestHugoPageParams(t *testing.T) {
	site, err := Build(files(
		"hugo.toml", "[params]\ncolour = 'site blue'\nsize = 'site size'\n",
		"content/a.md", "+++\ntitle = 'A'\ncolour = 'page red'\n[params]\nshape = 'page round'\n+++\n{{< param colour >}}, {{< param shape >}}, {{< param size >}}.\n",
		"content/b.md", "---\nTitle: B\nDraft: true\n---\nA draft.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := string(site.Files["a/index.html"]); !strings.Contains(a, "page red, page round, site size.") {
		t.Errorf("a/ does not show the page's params before the site's")
	}
	if _, ok := site.Files["b/index.html"]; ok {
		t.Error("the page with Draft: true is published")
	}
	var got []string
	for _, w := range site.Warnings {
		got = append(got, w.Error())
	}
	want := []string{
		`content/a.md:3:1: warning: front-matter key "colour" is not used by p2pc (layouts can read it as .Params.colour)`,
		`content/a.md:5:1: warning: front-matter key "shape" is not used by p2pc (layouts can read it as .Params.shape)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n got %q\nwant %q", got, want)
	}
}
