package lessonset

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestMdBookCorpus(t *testing.T) {
	s, ok := Detect(corpus(t, "mdbook-guide"))
	if !ok {
		t.Fatal("mdbook-guide not recognised")
	}
	if s.Format != MdBook || s.Root != "src" || s.Title != "mdBook Documentation" || s.Language != "en" {
		t.Errorf("Format %q Root %q Title %q Language %q", s.Format, s.Root, s.Title, s.Language)
	}
	if !strings.HasPrefix(s.Description, "Create book from markdown files") {
		t.Errorf("Description %q", s.Description)
	}
	if want := "By Mathieu David, Michael-F-Bryan · [Source](https://github.com/rust-lang/mdBook/tree/master/guide)"; s.Footer != want {
		t.Errorf("Footer %q, want %q", s.Footer, want)
	}
	if s.Home.Title != "Introduction" || s.Home.Source != "src/README.md" {
		t.Errorf("Home %q %q", s.Home.Title, s.Home.Source)
	}
	got := outline(s.Home.Children)
	wantStart := `# User guide
  [Installation](src/guide/installation.md)
  [Reading books](src/guide/reading.md)
  [Creating a book](src/guide/creating.md)
# Reference guide
  [Command-line tool](src/cli/README.md)
    [init](src/cli/init.md)
`
	if !strings.HasPrefix(got, wantStart) {
		t.Errorf("outline starts:\n%s\nwant:\n%s", got[:min(len(got), len(wantStart))], wantStart)
	}
	for _, want := range []string{
		"    [SUMMARY.md](src/format/summary.md)\n      [Draft chapter]()\n",
		"      [Environment variables](src/format/configuration/environment-variables.md)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("outline lacks %q", want)
		}
	}
	if wantEnd := "    [Alternative backends](src/for_developers/backends.md)\n---\n[Contributors](src/misc/contributors.md)\n"; !strings.HasSuffix(got, wantEnd) {
		t.Errorf("outline ends:\n%s\nwant:\n%s", got[max(0, len(got)-len(wantEnd)):], wantEnd)
	}
	for _, p := range []string{"book.toml", "src/SUMMARY.md"} {
		if !slices.Contains(s.Ignore, p) {
			t.Errorf("Ignore %v lacks %s", s.Ignore, p)
		}
	}
	if slices.Contains(s.Ignore, "src/404.md") || slices.Contains(s.Ignore, "src/README.md") {
		t.Errorf("Ignore %v holds a page", s.Ignore)
	}
	if len(s.Problems) > 0 {
		t.Errorf("problems:\n%s", problems(s))
	}
}

func TestMdBookConfig(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		root     string
		home     string
		outline  string
		ignore   []string
		problems string
	}{
		{"src setting",
			map[string]string{
				"book.toml":         "[book]\ntitle = \"B\"\nsrc = \"./pages\"\n",
				"pages/SUMMARY.md":  "[Intro](intro.md)\n- [a](a/a.md)\n",
				"pages/intro.md":    "",
				"pages/a/a.md":      "",
				"pages/a/inc.md":    "",
				"pages/a/image.png": "",
				"theme/index.hbs":   "",
				"book/index.html":   "",
			},
			"pages", "pages/intro.md", "[a](pages/a/a.md)\n",
			[]string{"book", "book.toml", "pages/SUMMARY.md", "pages/a/inc.md", "theme"}, ""},
		{"src is the book's folder",
			map[string]string{
				"book.toml":  "[book]\nsrc = \".\"\n",
				"SUMMARY.md": "- [a](a.md)\n",
				"a.md":       "",
			},
			"", "", "[a](a.md)\n", []string{"SUMMARY.md", "book.toml"}, ""},
		{"src leaves the folder",
			map[string]string{
				"book.toml":      "[book]\nsrc = \"../elsewhere\"\n",
				"src/SUMMARY.md": "- [a](a.md)\n",
				"src/a.md":       "",
			},
			"src", "", "[a](src/a.md)\n", []string{"book.toml", "src/SUMMARY.md"},
			`book.toml: [book] src = "../elsewhere" leaves the book's folder; name a folder inside it`},
		{"bad TOML",
			map[string]string{
				"book.toml":      "[book]\ntitle = \"B\nsrc = 1\n",
				"src/SUMMARY.md": "",
			},
			"src", "", "", []string{"book.toml", "src/SUMMARY.md"},
			"book.toml:2:11: bad TOML: strings cannot contain newlines"},
		{"no SUMMARY.md",
			map[string]string{"book.toml": ""},
			"src", "", "", []string{"book.toml", "src/SUMMARY.md"},
			"src/SUMMARY.md: missing: mdBook's table of contents; create it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := Detect(files(tt.files))
			if !ok || s.Format != MdBook {
				t.Fatalf("not recognised as mdBook: %v", s)
			}
			if s.Root != tt.root || s.Home.Source != tt.home {
				t.Errorf("Root %q Home %q; want %q %q", s.Root, s.Home.Source, tt.root, tt.home)
			}
			if got := outline(s.Home.Children); got != tt.outline {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.outline)
			}
			if !slices.Equal(s.Ignore, tt.ignore) {
				t.Errorf("Ignore %q, want %q", s.Ignore, tt.ignore)
			}
			if got := strings.TrimSpace(problems(s)); got != tt.problems {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.problems)
			}
		})
	}
}

func TestMdBookHomeWithoutPrefix(t *testing.T) {
	s, _ := Detect(files(map[string]string{
		"book.toml":      "[book]\ntitle = \"Book\"\n",
		"src/SUMMARY.md": "# Summary\n\n- [One](one.md)\n",
		"src/one.md":     "",
	}))
	if s.Home.Title != "Book" || s.Home.Source != "" {
		t.Errorf("Home %q %q, want the book's title and no page", s.Home.Title, s.Home.Source)
	}
	if got := outline(s.Home.Children); got != "[One](src/one.md)\n" {
		t.Errorf("outline %q", got)
	}
}

func TestMdBookCorpusSrcFolder(t *testing.T) {
	s, ok := Detect(corpus(t, "mdbook-guide/src"))
	if !ok || s.Format != MdBook || s.Root != "" || s.Title != "" {
		t.Fatalf("got %+v, %v", s, ok)
	}
	if s.Home.Source != "README.md" || !strings.HasPrefix(outline(s.Home.Children), "# User guide\n  [Installation](guide/installation.md)\n") {
		t.Errorf("Home %q, outline:\n%s", s.Home.Source, outline(s.Home.Children))
	}
	if len(s.Problems) > 0 {
		t.Errorf("problems:\n%s", problems(s))
	}
}

// TestMdBookCreateMissing: a chapter whose file is missing is a draft and a
// warning with mdBook's default create-missing (mdBook would create the
// file); with create-missing = false it is a problem, as in mdBook.
func TestMdBookCreateMissing(t *testing.T) {
	for cfg, want := range map[string]string{
		"[book]\ntitle = \"B\"\n":           "warning: src/SUMMARY.md:3:3: src/gone.md does not exist: listed as a draft",
		"[build]\ncreate-missing = false\n": "problem: src/SUMMARY.md:3:3: src/gone.md does not exist; create it",
	} {
		s, _ := Detect(files(map[string]string{"book.toml": cfg, "src/SUMMARY.md": "# Summary\n\n- [Gone](gone.md)\n- [One](one.md)\n", "src/one.md": ""}))
		var got []string
		for _, p := range s.Problems {
			got = append(got, "problem: "+p.Error())
		}
		for _, w := range s.Warnings {
			got = append(got, "warning: "+w.Error())
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], want) {
			t.Errorf("%q: got %q, want one starting %q", cfg, got, want)
		}
		if o := outline(s.Home.Children); len(s.Problems) == 0 && !strings.HasPrefix(o, "[Gone]()\n") {
			t.Errorf("%q: outline %q, want Gone as a draft", cfg, o)
		}
	}
}

// TestMdBookUnknownPreprocessors: each preprocessor book.toml names that
// p2pc does not run is one warning at its table, in the file's order;
// those p2pc runs, and one only for other renderers, are none.
func TestMdBookUnknownPreprocessors(t *testing.T) {
	toml := "[book]\ntitle = \"B\"\n\n[preprocessor.katex]\n[preprocessor.links]\n[preprocessor.toc]\n[preprocessor.admonish]\ncommand = \"mdbook-admonish\"\n" +
		"[preprocessor.course]\nverbose = false\n[preprocessor.course.extra]\n\n  [ preprocessor . \"mermaid\" ]\n" +
		"[preprocessor.pdf-only]\nrenderers = [\"latex\"]\n[preprocessor]\nfootnote = {}\n"
	s, _ := Detect(files(map[string]string{"book.toml": toml, "src/SUMMARY.md": "- [A](a.md)\n", "src/a.md": ""}))
	var got []string
	for _, w := range s.Warnings {
		got = append(got, w.Error())
	}
	want := []string{
		`book.toml:9:1: preprocessor "course": p2pc does not run it, so its syntax stays in the pages as written`,
		`book.toml:13:3: preprocessor "mermaid": p2pc does not run it, so its syntax stays in the pages as written`,
		`book.toml:17:1: preprocessor "footnote": p2pc does not run it, so its syntax stays in the pages as written`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMdBookRedirects: book.toml's [output.html.redirect] entries, in the
// file's order, each at its place (quoted keys unescaped, literal and
// bare keys read); those of an inline table at the table's place, after;
// a fragment's entry is a warning, not a redirect.
func TestMdBookRedirects(t *testing.T) {
	toml := "[book]\ntitle = \"B\"\n\n[ output.html.redirect ] # moved\n\"/b.html\" = \"b2.html\"\n  '/a\\b.html' = \"/a2.html\"\n# a comment\n\"/q\\\"uote.html\" = \"https://example.org/\"\nbare = \"x.html\"\n\"/a.html#old\" = \"a.html#new\"\n" +
		"[output.html]\nredirect.\"/dotted.html\" = \"d.html\"\n"
	s, _ := Detect(files(map[string]string{"book.toml": toml, "src/SUMMARY.md": "- [A](a.md)\n", "src/a.md": ""}))
	var got []string
	for _, r := range s.Redirects {
		got = append(got, fmt.Sprintf("%d:%d %s -> %s", r.Line, r.Col, r.From, r.To))
	}
	want := []string{
		"5:1 /b.html -> b2.html",
		`6:3 /a\b.html -> /a2.html`,
		`8:1 /q"uote.html -> https://example.org/`,
		"9:1 bare -> x.html",
		"4:1 /dotted.html -> d.html",
	}
	if !slices.Equal(got, want) {
		t.Errorf("redirects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(s.Warnings) != 1 || s.Warnings[0].Line != 10 || !strings.Contains(s.Warnings[0].Msg, `redirect of the fragment "/a.html#old"`) {
		t.Errorf("warnings %v, want one for the fragment at line 10", s.Warnings)
	}
	if len(s.Problems) > 0 {
		t.Errorf("problems:\n%s", problems(s))
	}
}

// TestMdBookNotFound: NotFound is src/404.md when it exists, else none,
// or the file [output.html] input-404 names ("" for none); it is not in
// Ignore, unlike other Markdown SUMMARY.md leaves out, and input-404
// naming no file is a problem at its place.
func TestMdBookNotFound(t *testing.T) {
	for _, tt := range []struct {
		name, html   string
		files        []string
		want, ignore string // NotFound; the Markdown file in Ignore, or ""
		problem      string
	}{
		{"404.md", "", []string{"src/404.md", "src/gone.md"}, "src/404.md", "src/gone.md", ""},
		{"none", "", []string{"src/gone.md"}, "", "src/gone.md", ""},
		{"input-404", "input-404 = \"gone.md\"\n", []string{"src/404.md", "src/gone.md"}, "src/gone.md", "src/404.md", ""},
		{"input-404 off", "input-404 = \"\"\n", []string{"src/404.md"}, "", "src/404.md", ""},
		{"input-404 missing", "input-404 = \"lost.md\"\n", []string{"src/404.md"}, "", "src/404.md",
			`book.toml:4:1: input-404 "lost.md" names no file in the book's src folder; name its not-found page's Markdown there, or leave the setting out`},
		{"input-404 outside", "input-404 = \"../README.md\"\n", []string{"README.md"}, "", "",
			`book.toml:4:1: input-404 "../README.md" names no file in the book's src folder; name its not-found page's Markdown there, or leave the setting out`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := map[string]string{"book.toml": "[book]\ntitle = \"B\"\n[output.html]\n" + tt.html, "src/SUMMARY.md": "- [A](a.md)\n", "src/a.md": ""}
			for _, f := range tt.files {
				fs[f] = "# X\n"
			}
			s, _ := Detect(files(fs))
			if s.NotFound != tt.want {
				t.Errorf("NotFound %q, want %q", s.NotFound, tt.want)
			}
			var ignored []string
			for _, p := range s.Ignore {
				if strings.HasSuffix(p, ".md") && p != "src/SUMMARY.md" {
					ignored = append(ignored, p)
				}
			}
			if strings.Join(ignored, " ") != tt.ignore {
				t.Errorf("Markdown in Ignore: %q, want %q", ignored, tt.ignore)
			}
			if got := strings.TrimSpace(problems(s)); got != tt.problem {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.problem)
			}
		})
	}
}
