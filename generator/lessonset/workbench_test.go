package lessonset

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for k, v := range m {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

func TestWorkbenchCorpus(t *testing.T) {
	s, ok := Detect(corpus(t, "shell-novice"))
	if !ok {
		t.Fatal("shell-novice not recognised")
	}
	if s.Format != Workbench || s.Root != "" || s.Title != "The Unix Shell" || s.Language != "en" {
		t.Errorf("Format %q Root %q Title %q Language %q", s.Format, s.Root, s.Title, s.Language)
	}
	wantFooter := "Licensed under CC-BY 4.0 · Contact: [team@carpentries.org](mailto:team@carpentries.org) · [Source](https://github.com/swcarpentry/shell-novice)"
	if s.Footer != wantFooter {
		t.Errorf("Footer %q\nwant %q", s.Footer, wantFooter)
	}
	if s.Home.Source != "index.md" || s.Home.Title != "The Unix Shell" {
		t.Errorf("Home %q %q", s.Home.Title, s.Home.Source)
	}
	got := outline(s.Home.Children)
	want := `[Episodes](episodes/)
  [](episodes/01-intro.md)
  [](episodes/02-filedir.md)
  [](episodes/03-create.md)
  [](episodes/04-pipefilter.md)
  [](episodes/05-loop.md)
  [](episodes/06-script.md)
  [](episodes/07-find.md)
[Learner resources](learners/)
  [](learners/setup.md)
  [](learners/discuss.md)
  [](learners/reference.md)
  [](learners/resources.md)
[Instructor resources](instructors/)
  [](instructors/instructor-notes.md)
[Learner profiles](profiles/)
  [](profiles/learner-profiles.md)
[](LICENSE.md)
`
	if got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
	for _, p := range []string{"config.yaml", "README.md", "AUTHORS", "CITATION"} {
		if !slices.Contains(s.Ignore, p) {
			t.Errorf("Ignore %v lacks %s", s.Ignore, p)
		}
	}
	if s.Params["created"] != "2014-10-22" || s.Params["carpentry"] != "swc" {
		t.Errorf("Params %v", s.Params)
	}
	if len(s.Problems) > 0 {
		t.Errorf("problems:\n%s", problems(s))
	}
}

func TestWorkbenchRules(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		outline string
		ignore  []string
	}{
		{"empty lists take every page, alphabetical, setup first among learners",
			map[string]string{
				"config.yaml":            "title: T\nepisodes:\nlearners:\n",
				"index.md":               "",
				"episodes/b.md":          "",
				"episodes/a.Rmd":         "",
				"episodes/fig/x.png":     "",
				"learners/reference.md":  "",
				"learners/setup.md":      "",
				"learners/a-notes.md":    "",
				"instructors/notes.md":   "",
				"CODE_OF_CONDUCT.md":     "",
				"LICENSE.md":             "",
				"README.md":              "",
				"links.md":               "",
				"profiles/.hidden.md":    "",
				"profiles/not-a-page.py": "",
			},
			"[Episodes](episodes/)\n  [](episodes/a.Rmd)\n  [](episodes/b.md)\n" +
				"[Learner resources](learners/)\n  [](learners/setup.md)\n  [](learners/a-notes.md)\n  [](learners/reference.md)\n" +
				"[Instructor resources](instructors/)\n  [](instructors/notes.md)\n" +
				"[](LICENSE.md)\n[](CODE_OF_CONDUCT.md)\n",
			[]string{"README.md", "config.yaml", "links.md"}},
		{"listed pages in config order; unlisted ones ignored",
			map[string]string{
				"config.yaml":       "episodes:\n- z.md\n- a.md\nlearners:\n- b.md\n- setup.md\n",
				"index.md":          "",
				"episodes/a.md":     "",
				"episodes/z.md":     "",
				"episodes/draft.md": "",
				"learners/setup.md": "",
				"learners/b.md":     "",
			},
			"[Episodes](episodes/)\n  [](episodes/z.md)\n  [](episodes/a.md)\n" +
				"[Learner resources](learners/)\n  [](learners/b.md)\n  [](learners/setup.md)\n",
			[]string{"config.yaml", "episodes/draft.md"}},
		{"setup.md shown though the list leaves it out, first (sandpaper always shows it)",
			map[string]string{
				"config.yaml":           "episodes:\n- a.md\nlearners:\n- reference.md\n",
				"index.md":              "",
				"episodes/a.md":         "",
				"learners/setup.md":     "",
				"learners/reference.md": "",
				"learners/other.md":     "",
			},
			"[Episodes](episodes/)\n  [](episodes/a.md)\n" +
				"[Learner resources](learners/)\n  [](learners/setup.md)\n  [](learners/reference.md)\n",
			[]string{"config.yaml", "learners/other.md"}},
		{"a single file name is a list of one (sandpaper matches a string like a list)",
			map[string]string{
				"config.yaml":          "episodes: a.md\nlearners: setup.md\ninstructors: notes.md\nprofiles: p.md\n",
				"index.md":             "",
				"episodes/a.md":        "",
				"episodes/b.md":        "",
				"learners/setup.md":    "",
				"learners/other.md":    "",
				"instructors/notes.md": "",
				"profiles/p.md":        "",
			},
			"[Episodes](episodes/)\n  [](episodes/a.md)\n" +
				"[Learner resources](learners/)\n  [](learners/setup.md)\n" +
				"[Instructor resources](instructors/)\n  [](instructors/notes.md)\n" +
				"[Learner profiles](profiles/)\n  [](profiles/p.md)\n",
			[]string{"config.yaml", "episodes/b.md", "learners/other.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := Detect(files(tt.files))
			if !ok || s.Format != Workbench {
				t.Fatalf("not recognised as the Workbench: %v", s)
			}
			if got := outline(s.Home.Children); got != tt.outline {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.outline)
			}
			if !slices.Equal(s.Ignore, tt.ignore) {
				t.Errorf("Ignore %q, want %q", s.Ignore, tt.ignore)
			}
			if len(s.Problems) > 0 {
				t.Errorf("problems:\n%s", problems(s))
			}
		})
	}
}

func TestWorkbenchProblems(t *testing.T) {
	tests := []struct {
		name, config string
		want         string
	}{
		{"missing episode",
			"title: T\nepisodes:\n- a.md\n- gone.md\n",
			"config.yaml:4:3: episodes: episodes/gone.md does not exist; create it or remove it from the list"},
		{"listed twice",
			"episodes:\n  - a.md\n  - a.md\n",
			`config.yaml:3:5: episodes: "a.md" is listed twice; remove one`},
		{"not Markdown",
			"episodes: [a.md, a.html]\n",
			`config.yaml:1:18: episodes: "a.html" is not a Markdown file (.md or .Rmd)`},
		{"leaves the folder",
			"episodes:\n- ../index.md\n",
			`config.yaml:2:3: episodes: "../index.md" is not a file name in episodes/`},
		{"not a list",
			"episodes:\n  a: b.md\n",
			"config.yaml:2:3: episodes: expected a list of file names (- name.md), one file name or nothing"},
		{"a single name is checked like a list of one",
			"episodes: gone.md\n",
			"config.yaml:1:11: episodes: episodes/gone.md does not exist; create it or remove it from the list"},
		{"bad YAML",
			"title: T\nepisodes:\n- a.md\n  - b: [\n",
			"config.yaml:4: bad YAML: mapping values are not allowed in this context"},
		{"not a mapping",
			"- a\n- b\n",
			"config.yaml:1:1: expected keys and values (title: …, episodes: …)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := DetectAs(files(map[string]string{
				"config.yaml":   tt.config,
				"index.md":      "",
				"episodes/a.md": "",
			}), Workbench)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(problems(s)); got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestWorkbenchMissingHome(t *testing.T) {
	s, _ := Detect(files(map[string]string{"config.yaml": "carpentry: swc\n"}))
	if s == nil || s.Home.Source != "" || len(s.Home.Children) != 0 {
		t.Fatalf("got %+v", s)
	}
	if got, want := problems(s), "index.md: missing: the Workbench's home page; create it\n"; got != want {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestWorkbenchReadmeHome: without index.md, README.md is the home page,
// as sandpaper builds it; it is then not ignored.
func TestWorkbenchReadmeHome(t *testing.T) {
	s, _ := Detect(files(map[string]string{"config.yaml": "carpentry: swc\n", "README.md": "# L\n", "CONTRIBUTING.md": ""}))
	if s == nil || s.Home.Source != "README.md" || len(s.Problems) != 0 {
		t.Fatalf("home %q, problems %q; want README.md and none", s.Home.Source, problems(s))
	}
	if slices.Contains(s.Ignore, "README.md") || !slices.Contains(s.Ignore, "CONTRIBUTING.md") {
		t.Errorf("Ignore %q: want CONTRIBUTING.md and not README.md", s.Ignore)
	}
}

func TestWorkbenchFooter(t *testing.T) {
	tests := []struct{ config, want string }{
		{"license: CC0\n", "Licensed under CC0"},
		{"contact: https://example.org/help\n", "Contact: [https://example.org/help](https://example.org/help)"},
		{"contact: the *team*\n", `Contact: the \*team\*`},
		{"source: not a url\n", ""},
		{"title: T\n", ""},
	}
	for _, tt := range tests {
		s, _ := DetectAs(files(map[string]string{"config.yaml": tt.config, "index.md": ""}), Workbench)
		if s.Footer != tt.want {
			t.Errorf("%q: Footer %q, want %q", tt.config, s.Footer, tt.want)
		}
	}
}
