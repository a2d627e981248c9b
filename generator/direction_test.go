package generator

import (
	"strings"
	"testing"
)

// TestDirection: a site in a language written right to left, or that says
// so, gives its pages dir="rtl"; site.yaml's direction and mdBook's
// text-direction win over the language.
func TestDirection(t *testing.T) {
	for _, tt := range []struct {
		name string
		site []string
		want string // the <html> start tag
	}{
		{"p2pc, Hebrew", []string{"site.yaml", "language: he\n", "_index.md", "# Home\n"}, `<html lang="he" dir="rtl">`},
		{"p2pc, English", []string{"_index.md", "# Home\n"}, `<html lang="en">`},
		{"p2pc, said", []string{"site.yaml", "language: ar-EG\ndirection: ltr\n", "_index.md", "# Home\n"}, `<html lang="ar-EG" dir="ltr">`},
		{"mdBook, Persian", []string{"book.toml", "[book]\nlanguage = \"fa\"\n", "src/SUMMARY.md", "[Intro](README.md)\n", "src/README.md", "# Intro\n"}, `<html lang="fa" dir="rtl">`},
		{"mdBook, said", []string{"book.toml", "[book]\nlanguage = \"en\"\ntext-direction = \"rtl\"\n", "src/SUMMARY.md", "[Intro](README.md)\n", "src/README.md", "# Intro\n"}, `<html lang="en" dir="rtl">`},
		{"Hugo, said", []string{"hugo.toml", "defaultContentLanguage = \"he\"\n[languages.he]\nlanguageCode = \"he\"\nlanguageDirection = \"rtl\"\n", "content/_index.md", "# Home\n"}, `<html lang="he" dir="rtl">`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Build(files(tt.site...), layoutsFS, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if html := string(site.Files["index.html"]); !strings.Contains(html, tt.want) {
				t.Errorf("no %s in\n%.300s", tt.want, html)
			}
		})
	}
	_, err := Build(files("site.yaml", "direction: sideways\n", "_index.md", "# Home\n"), layoutsFS, Options{})
	if err == nil || !strings.Contains(err.Error(), `site.yaml:1:12: direction: "sideways" is not a direction`) {
		t.Errorf("err = %v, want a bad direction at site.yaml:1:12", err)
	}
	_, err = Build(files("book.toml", "[book]\n  text-direction = \"up\"\n", "src/SUMMARY.md", "[Intro](README.md)\n", "src/README.md", "# Intro\n"), layoutsFS, Options{})
	if err == nil || !strings.Contains(err.Error(), `book.toml:2:3: text-direction "up" is not a direction`) {
		t.Errorf("err = %v, want a bad text-direction at book.toml:2:3", err)
	}
}
