package lessonset

import (
	"slices"
	"strings"
	"testing"
)

func TestHugoCorpus(t *testing.T) {
	s, ok := Detect(corpus(t, "hugo-docs"))
	if !ok {
		t.Fatal("hugo-docs not recognised")
	}
	if s.Format != Hugo || s.Root != "content/en" || s.Title != "Hugo" || s.Language != "en-US" || s.Home != nil {
		t.Errorf("Format %q Root %q Title %q Language %q Home %v", s.Format, s.Root, s.Title, s.Language, s.Home)
	}
	if !strings.HasPrefix(s.Description, "The world") {
		t.Errorf("Description %q", s.Description)
	}
	if s.Params["ghrepo"] != "https://github.com/gohugoio/hugoDocs/" {
		t.Errorf("Params %v", s.Params)
	}
	if !slices.Contains(s.Ignore, "hugo.toml") {
		t.Errorf("Ignore %v", s.Ignore)
	}
	if len(s.Problems) > 0 {
		t.Errorf("problems:\n%s", problems(s))
	}
}

func TestHugoCorpusContentFolder(t *testing.T) {
	s, ok := Detect(corpus(t, "hugo-docs/content/en"))
	if !ok {
		t.Fatal("hugo-docs/content/en not recognised")
	}
	if s.Format != Hugo || s.Root != "" || s.Home != nil || len(s.Ignore) != 0 || len(s.Problems) != 0 {
		t.Errorf("got %+v", *s)
	}
}

func TestHugoConfigs(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		root     string
		title    string
		lang     string
		footer   string
		problems string
	}{
		{"hugo.toml defaults",
			map[string]string{"hugo.toml": "title = 'S'\n", "content/_index.md": ""},
			"content", "S", "en", "", ""},
		{"contentDir, languageCode, copyright",
			map[string]string{"hugo.toml": "title = 'S'\ncontentDir = 'pages'\nlanguageCode = 'fr-FR'\ncopyright = '© 2026 Us'\n", "pages/_index.md": ""},
			"pages", "S", "fr-FR", "© 2026 Us", ""},
		{"keys in any case",
			map[string]string{"hugo.toml": "Title = 'S'\nCONTENTDIR = 'pages'\n", "pages/a.md": ""},
			"pages", "S", "en", "", ""},
		{"language's contentDir and title",
			map[string]string{"hugo.yaml": "title: S\ndefaultContentLanguage: de\nlanguages:\n  de:\n    title: Seite\n    contentDir: content/de\n  en:\n    contentDir: content/en\n", "content/de/_index.md": ""},
			"content/de", "Seite", "de", "", ""},
		{"module mount for the default language",
			map[string]string{"hugo.json": `{"title": "S", "module": {"mounts": [{"source": "docs/fr", "target": "content", "lang": "fr"}, {"source": "docs/en", "target": "content", "lang": "en"}]}}`, "docs/en/a.md": ""},
			"docs/en", "S", "en", "", ""},
		{"config.toml with Hugo keys",
			map[string]string{"config.toml": "baseURL = 'https://example.org/'\ntitle = 'S'\n", "content/a.md": ""},
			"content", "S", "en", "", ""},
		{"config/_default folder",
			map[string]string{"config/_default/hugo.toml": "title = 'S'\n", "config/_default/params.yaml": "description: D\n", "content/a.md": ""},
			"content", "S", "en", "", ""},
		{"missing content folder",
			map[string]string{"hugo.toml": "title = 'S'\n"},
			"content", "S", "en", "", "hugo.toml: content folder content/ does not exist (Hugo's default); create it or set contentDir"},
		{"content dir leaves the site",
			map[string]string{"hugo.toml": "contentDir = '../x'\n", "content/a.md": ""},
			"content", "", "en", "", `hugo.toml: contentDir = "../x" leaves the site's folder; name a folder inside it`},
		{"bad TOML",
			map[string]string{"hugo.toml": "title = 'S'\n[params\n", "content/a.md": ""},
			"content", "", "en", "", "hugo.toml:2:8: bad TOML: expected '.' or ']' to end table name, but got '\\n' instead"},
		{"bad JSON",
			map[string]string{"hugo.json": "{\n  \"title\": \"S\",\n}\n", "content/a.md": ""},
			"content", "", "en", "", "hugo.json:3:1: bad JSON: invalid character '}' looking for beginning of object key string"},
		{"bad YAML",
			map[string]string{"hugo.yaml": "title: S\n  x: [\n", "content/a.md": ""},
			"content", "", "en", "", "hugo.yaml:2: bad YAML: mapping values are not allowed in this context"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := Detect(files(tt.files))
			if !ok || s.Format != Hugo {
				t.Fatalf("not recognised as Hugo: %v", s)
			}
			if s.Root != tt.root || s.Title != tt.title || s.Language != tt.lang || s.Footer != tt.footer {
				t.Errorf("Root %q Title %q Language %q Footer %q; want %q %q %q %q", s.Root, s.Title, s.Language, s.Footer, tt.root, tt.title, tt.lang, tt.footer)
			}
			if got := strings.TrimSpace(problems(s)); got != tt.problems {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.problems)
			}
		})
	}
}

func TestHugoConfigDirParams(t *testing.T) {
	s, _ := Detect(files(map[string]string{
		"config/_default/hugo.toml":    "title = 'S'\n",
		"config/_default/params.yaml":  "description: D\n",
		"content/a.md":                 "",
		"layouts/_default/single.html": "",
	}))
	if s.Description != "D" || s.Params["description"] != "D" {
		t.Errorf("Description %q Params %v", s.Description, s.Params)
	}
	if !slices.Equal(s.Ignore, []string{"config", "layouts"}) {
		t.Errorf("Ignore %q", s.Ignore)
	}
}

// A content folder with no config is Hugo's when its _index.md files say
// so; p2pc's own content, which has _index.md files too, is not.
func TestHugoContentFolder(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		hugo  bool
	}{
		{"Hugo front matter at the root", map[string]string{"_index.md": "---\ntitle: Home\ndescription: D\n---\n"}, true},
		{"Hugo TOML front matter in a section", map[string]string{"_index.md": "+++\ntitle = 'Home'\n+++\n", "docs/_index.md": "+++\nlinkTitle = 'Docs'\n+++\n"}, true},
		{"a shortcode", map[string]string{"docs/_index.md": "---\ntitle: D\n---\n{{< note >}}x{{< /note >}}\n"}, true},
		{"p2pc front matter only", map[string]string{"_index.md": "---\ntitle: Home\nsummary: S\n---\n", "01-a/_index.md": "---\ntitle: A\nweight: 1\n---\n"}, false},
		{"p2pc settings file", map[string]string{"site.yaml": "title: S\n", "_index.md": "---\ndescription: D\n---\n"}, false},
		{"no _index.md", map[string]string{"a.md": "---\ndescription: D\n---\n"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := Detect(files(tt.files))
			if ok != tt.hugo {
				t.Fatalf("Detect = %v, %v; want %v", s, ok, tt.hugo)
			}
			if ok && (s.Format != Hugo || s.Root != "") {
				t.Errorf("Format %q Root %q", s.Format, s.Root)
			}
		})
	}
}
