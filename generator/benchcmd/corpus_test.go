package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTree writes files (slash-separated names) below dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCorpusRepeat(t *testing.T) {
	set := filepath.Join(t.TempDir(), "tiny-lesson")
	writeTree(t, set, map[string]string{
		// config.yaml's order is not the names' order
		"config.yaml":          "title: Tiny\nepisodes:\n- 02-b.md\n- 01-a.md\n- 03-c.md\nlearners:\n- setup.md\n",
		"episodes/01-a.md":     "---\ntitle: A\n---\n\n## First Steps\n",
		"episodes/02-b.md":     "---\ntitle: B\n---\n\n```bash\n# not a heading\n```\n\n## Let's go\n\n### Second, Steps\n",
		"episodes/03-c.md":     "---\ntitle: C\n---\n\nNo heading.\n",
		"episodes/99-extra.md": "not listed, left out\n",
		"episodes/fig/a.png":   "figure",
		"episodes/data/x.txt":  "data",
		"learners/setup.md":    "not a lesson\n",
		"index.md":             "home\n",
		"instructors/notes.md": "not a lesson\n",
	})
	c, err := readCorpus(set)
	if err != nil {
		t.Fatal(err)
	}
	if c.name != "tiny-lesson" {
		t.Errorf("name %q", c.name)
	}

	content := filepath.Join(t.TempDir(), "content")
	lessons, files, err := c.write(content, 8)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"001-part-1/02-b.md", "001-part-1/01-a.md", "001-part-1/03-c.md",
		"002-part-2/02-b.md", "002-part-2/01-a.md", "002-part-2/03-c.md",
		"003-part-3/02-b.md", "003-part-3/01-a.md",
	}
	if !slices.Equal(lessons, want) {
		t.Errorf("lessons\n%q\nwant\n%q", lessons, want)
	}
	if c.parts(8) != 3 || files != len(want)+3+1 {
		t.Errorf("%d parts, %d files; want 3 parts and %d files", c.parts(8), files, len(want)+4)
	}

	var got []string // every file written
	err = filepath.WalkDir(content, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(content, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := append(slices.Clone(want), "_index.md", "001-part-1/_index.md", "002-part-2/_index.md", "003-part-3/_index.md")
	slices.Sort(got)
	slices.Sort(wantFiles)
	if !slices.Equal(got, wantFiles) {
		t.Errorf("files written\n%q\nwant\n%q", got, wantFiles)
	}
	for _, l := range want { // the lessons unchanged
		b, err := os.ReadFile(filepath.Join(content, filepath.FromSlash(l)))
		if err != nil {
			t.Fatal(err)
		}
		orig, _ := os.ReadFile(filepath.Join(set, "episodes", filepath.Base(l)))
		if string(b) != string(orig) {
			t.Errorf("%s is not a copy of the episode", l)
		}
	}
	index, err := os.ReadFile(filepath.Join(content, "002-part-2", "_index.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(index), "---\ntitle: Part 2\n---\n\n") || strings.Count(strings.TrimSpace(string(index)), "\n") != 4 {
		t.Errorf("002-part-2/_index.md:\n%s", index)
	}

	checked, mark, err := c.checkSample(content, lessons)
	if err != nil {
		t.Fatal(err)
	}
	// from the middle (002-part-2/01-a.md) on, the first with a plain heading
	if checked != "002-part-2/01-a.md" || mark != ">First Steps" {
		t.Errorf("checkSample gives %s, %q", checked, mark)
	}
}

func TestCorpusOrderWithoutConfig(t *testing.T) {
	set := t.TempDir()
	writeTree(t, set, map[string]string{
		"episodes/b.md":     "b",
		"episodes/a.md":     "a",
		"episodes/c.Rmd":    "not Markdown",
		"episodes/fig/x.md": "in a subfolder",
	})
	c, err := readCorpus(set)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range c.episodes {
		names = append(names, filepath.Base(e))
	}
	if !slices.Equal(names, []string{"a.md", "b.md"}) {
		t.Errorf("episodes %q", names)
	}
	lessons, _, err := c.write(filepath.Join(t.TempDir(), "content"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lessons, []string{"001-part-1/a.md"}) {
		t.Errorf("lessons %q", lessons)
	}
}

func TestCorpusErrors(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"missing episode": {"config.yaml": "episodes:\n- 01-a.md\n", "episodes/02-b.md": "b"},
		"no Markdown":     {"episodes/a.Rmd": "a"},
		"bad config":      {"config.yaml": "episodes: [a.md\n", "episodes/a.md": "a"},
	} {
		t.Run(name, func(t *testing.T) {
			set := t.TempDir()
			writeTree(t, set, files)
			if _, err := readCorpus(set); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestHeadingMark(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"# Title\n", ">Title"},
		{"text\n\n## What is the Shell?\n", ">What is the Shell?"},
		{"```\n# comment\n```\n~~~\n## also code\n~~~\n### Real One\n", ">Real One"},
		{"## Let's go\n## The `ls` command\n## Plain, Again ##\n", ""}, // a closing sequence of #s is not matched
		{"## Let's go\n## Plain, Again\n", ">Plain, Again"},
		{"no heading\n#hashtag\n", ""},
	} {
		if got := headingMark([]byte(c.src)); got != c.want {
			t.Errorf("headingMark(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}
