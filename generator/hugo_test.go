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

