package lessonset

import (
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestDetectChoosesFormat(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		format string // "" for none
	}{
		{"Workbench by its episodes folder", map[string]string{"config.yaml": "title: T\n", "episodes/a.md": ""}, Workbench},
		{"Workbench by its episodes key", map[string]string{"config.yaml": "episodes:\n"}, Workbench},
		{"Hugo config.yaml", map[string]string{"config.yaml": "baseURL: https://example.org/\ntitle: T\n", "content/a.md": ""}, Hugo},
		{"another tool's config.yaml", map[string]string{"config.yaml": "title: T\n", "a.md": ""}, ""},
		{"unreadable config.yaml", map[string]string{"config.yaml": ":\n- [", "a.md": ""}, ""},
		{"mdBook", map[string]string{"book.toml": "", "src/SUMMARY.md": ""}, MdBook},
		{"mdBook's src folder", map[string]string{"SUMMARY.md": "- [a](a.md)\n", "a.md": ""}, MdBook},
		{"Hugo site", map[string]string{"hugo.toml": ""}, Hugo},
		{"p2pc content", map[string]string{"site.yaml": "title: T\n", "_index.md": "---\ntitle: Home\n---\n", "01-a/_index.md": "---\ntitle: A\n---\n", "01-a/01-b.md": "# B\n"}, ""},
		{"Hugo content folder", map[string]string{"_index.md": "---\ntitle: Docs\nlinkTitle: D\n---\n"}, Hugo},
		{"Hugo content folder, blank lines before the front matter", map[string]string{"_index.md": "\n \t\n---\ntitle: Docs\nlinkTitle: D\n---\n"}, Hugo},
		{"Hugo content folder, TOML after a blank line", map[string]string{"a/_index.md": "\r\n+++\ntitle = 'A'\ndescription = 'd'\n+++\n"}, Hugo},
		{"Hugo content folder, JSON front matter", map[string]string{"_index.md": "\n{\n  \"title\": \"Docs\",\n  \"linkTitle\": \"D\"\n}\nBody {x}\n"}, Hugo},
		{"Hugo content folder of a site with languages", map[string]string{"_index.en.md": "---\ntitle: Docs\n---\n", "_index.fr.md": "---\ntitle: Docs\n---\n"}, Hugo},
		{"a page named like one", map[string]string{"_index.md": "---\ntitle: Home\n---\n", "_index..md": "", "_index.x/y.md": ""}, ""},
		{"p2pc content, blank line before the front matter", map[string]string{"_index.md": "\n---\ntitle: Home\n---\n"}, ""},
		{"a page starting with attributes", map[string]string{"_index.md": "{#id .c}\n"}, ""},
		{"empty", map[string]string{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := Detect(files(tt.files))
			if tt.format == "" {
				if ok || s != nil {
					t.Fatalf("Detect = %+v, %v; want nothing", s, ok)
				}
				return
			}
			if !ok || s.Format != tt.format {
				t.Fatalf("Detect = %+v, %v; want %s", s, ok, tt.format)
			}
		})
	}
}

// The project's own curriculum is p2pc's format, not another tool's.
func TestDetectOwnContent(t *testing.T) {
	if _, err := os.Stat("../../content/_index.md"); err != nil {
		t.Skip("no content folder:", err)
	}
	if s, ok := Detect(os.DirFS("../../content")); ok {
		t.Errorf("p2pc's own content detected as %s", s.Format)
	}
}

func TestDetectAs(t *testing.T) {
	fsys := files(map[string]string{"config.yaml": "title: T\n", "index.md": "", "_index.md": "---\ntitle: x\n---\n"})
	tests := []struct {
		format, want, err string
	}{
		{"auto", "", ""},
		{"", "", ""},
		{"p2pc", "", ""},
		{"workbench", Workbench, ""},
		{"hugo", Hugo, ""},
		{"mdbook", "", "--format mdbook: no book.toml or SUMMARY.md at the root of the content folder"},
		{"jekyll", "", `unknown format "jekyll": use auto, p2pc, workbench, mdbook or hugo`},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			s, err := DetectAs(fsys, tt.format)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("err = %v, want %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want == "" && s != nil:
				t.Errorf("got %s, want nil", s.Format)
			case tt.want != "" && (s == nil || s.Format != tt.want):
				t.Errorf("got %+v, want %s", s, tt.want)
			}
		})
	}
}

func TestDetectAsHugoContentFolder(t *testing.T) {
	s, err := DetectAs(files(map[string]string{"_index.md": "---\ntitle: Home\n---\n", "a/index.md": ""}), Hugo)
	if err != nil || s.Format != Hugo || s.Root != "" {
		t.Fatalf("DetectAs = %+v, %v", s, err)
	}
	s, err = DetectAs(files(map[string]string{"docs/_index.md": "", "docs/a.md": ""}), Hugo)
	if err != nil || s.Format != Hugo || s.Root != "" {
		t.Fatalf("DetectAs without _index.md at the root = %+v, %v", s, err)
	}
}

// A content folder without the site's settings has the languages of its
// _index.LANG.md files, English the default if it has one.
func TestHugoContentFolderLanguages(t *testing.T) {
	tests := []struct {
		files map[string]string
		lang  string
		langs []string
	}{
		{map[string]string{"_index.en.md": "", "_index.fr.md": "", "_index.pt-br.md": "", "_index.x.y.md": ""}, "en", []string{"fr", "pt-br"}},
		{map[string]string{"_index.md": "", "_index.de.md": ""}, "en", []string{"de"}},
		{map[string]string{"_index.fr.md": "", "_index.de.md": ""}, "de", []string{"fr"}},
		{map[string]string{"_index.md": "---\ntitle: T\nlinkTitle: L\n---\n"}, "en", nil},
	}
	for _, tt := range tests {
		s, err := DetectAs(files(tt.files), Hugo)
		if err != nil || s.ContentLanguage != tt.lang || !slices.Equal(s.Languages, tt.langs) {
			t.Errorf("%v: %q %q, %v; want %q %q", slices.Sorted(maps.Keys(tt.files)), s.ContentLanguage, s.Languages, err, tt.lang, tt.langs)
		}
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{"config.yaml", 4, 3, "m"}, "config.yaml:4:3: m"},
		{Problem{"config.yaml", 4, 0, "m"}, "config.yaml:4: m"},
		{Problem{"config.yaml", 0, 0, "m"}, "config.yaml: m"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("%#v: %q, want %q", tt.p, got, tt.want)
		}
	}
	s := &Set{Problems: []Problem{tests[0].p, tests[2].p}}
	err := s.Err()
	var p Problem
	if !errors.As(err, &p) || err.Error() != "config.yaml:4:3: m\nconfig.yaml: m" {
		t.Errorf("Err() = %v", err)
	}
	if (&Set{}).Err() != nil || (*Set)(nil).Err() != nil {
		t.Error("Err() of a Set without problems is not nil")
	}
}

// Nothing in the API panics on odd paths or empty folders.
func TestOddInput(t *testing.T) {
	for _, m := range []map[string]string{
		{"book.toml": "[book]\nsrc = \"/abs\"\n", "src/SUMMARY.md": "- [a](a.md)\n"},
		{"book.toml": "[book]\nsrc = \"a\\\\b\"\n"},
		{"hugo.toml": "contentDir = ''\n[languages]\nen = 3\n[module]\nmounts = 'x'\n"},
		{"hugo.yaml": "- 1\n"},
		{"config.yaml": "episodes:\n- {a: 1}\n- [x]\nlearners: {a: b}\n", "episodes/a.md": ""},
		{"config.yaml": "", "episodes/": ""},
	} {
		for _, f := range []string{"auto", Workbench, MdBook, Hugo} {
			s, err := DetectAs(files(m), f)
			if err == nil && s != nil && strings.Contains(problems(s), "\n\n") {
				t.Errorf("%v: empty problem", m)
			}
		}
	}
}

// FuzzDetect feeds odd config files and tables of contents to every format.
func FuzzDetect(f *testing.F) {
	f.Add("title: T\nepisodes:\n- a.md\n", "[book]\nsrc = \"src\"\n", "- [a](a.md)\n", "contentDir = 'content'\n", "---\ndescription: d\n---\n")
	f.Add("- x", "[book", "[a](", "[[module.mounts]]\nsource = 1\ntarget = 'content'\n", "+++\n+++")
	f.Fuzz(func(t *testing.T, workbench, book, summary, hugo, index string) {
		for _, m := range []map[string]string{
			{"config.yaml": workbench, "episodes/a.md": "", "index.md": ""},
			{"book.toml": book, "src/SUMMARY.md": summary, "src/a.md": ""},
			{"hugo.toml": hugo, "content/_index.md": index},
			{"config.yaml": workbench, "_index.md": index, "x/_index.md": index},
		} {
			for _, format := range []string{"auto", Workbench, MdBook, Hugo} {
				s, err := DetectAs(files(m), format)
				if err == nil && s != nil {
					for _, p := range s.Problems {
						if p.Path == "" || p.Msg == "" || p.Line < 0 || p.Col < 0 {
							t.Fatalf("bad problem %#v", p)
						}
					}
				}
			}
		}
	})
}
