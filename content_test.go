package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"p2pc/generator"
)

// TestCurriculumStructure builds the default curriculum and checks what the
// curriculum promises: five step lessons, twenty numbered benefits, five
// culture practices, a glossary with an anchor per term, and front matter
// (summary, objectives, duration) on every lesson.
func TestCurriculumStructure(t *testing.T) {
	site, err := generator.Build(os.DirFS("content"), os.DirFS("layouts"), generator.Options{})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	modules := map[string]*generator.Module{}
	for _, m := range site.Modules() {
		modules[m.Page.URL] = m
	}
	lessons := func(url string) []*generator.Page {
		m := modules[url]
		if m == nil {
			t.Fatalf("no module %s", url)
		}
		var out []*generator.Page
		for _, l := range m.Lessons {
			if !strings.Contains(l.URL, "check-yourself") {
				out = append(out, l)
			}
		}
		return out
	}
	for _, url := range []string{"start-here/", "five-steps/", "benefits/", "culture/", "values/", "trainers/"} {
		lessons(url)
	}

	steps := lessons("five-steps/")
	for i, want := range []string{"ask", "open-mind", "clarify-and-thank", "follow-up", "check-back"} {
		if len(steps) != 6 || steps[i+1].URL != "five-steps/"+want+"/" {
			t.Fatalf("five-steps lessons: want an overview then the five steps, got %v", urls(steps))
		}
	}
	benefits := lessons("benefits/")
	if len(benefits) != 20 {
		t.Fatalf("%d benefit lessons, want 20", len(benefits))
	}
	for i, b := range benefits {
		if prefix := fmt.Sprintf("%d. ", i+1); !strings.HasPrefix(b.Title, prefix) {
			t.Errorf("benefit %d is titled %q, want it to start with %q", i+1, b.Title, prefix)
		}
	}
	if n := len(lessons("culture/")); n != 5 {
		t.Errorf("%d culture practices, want 5", n)
	}

	glossary := site.Files["values/glossary/index.html"]
	for _, id := range []string{"hoohanohano", "kakou", "lokahi", "ike-loa", "ohana-in-business", "talk-story",
		"daily-five-minutes", "language-of-intention", "law-of-reciprocity", "wow-projects", "feedback-360",
		"spaced-repetition", "managing-with-aloha"} {
		if !strings.Contains(string(glossary), `id="`+id+`"`) {
			t.Errorf("glossary has no entry #%s", id)
		}
	}

	for _, p := range site.Pages {
		if p.Kind != "lesson" {
			continue
		}
		if p.Summary == "" || p.Duration == 0 || len(p.Objectives) < 2 || len(p.Objectives) > 4 {
			t.Errorf("%s: summary %q, duration %d, %d objectives; want a summary, a duration and 2-4 objectives",
				p.Source, p.Summary, p.Duration, len(p.Objectives))
		}
	}
}

var wrongOkina = regexp.MustCompile(`(?i)\b(ho['‘’]ohanohano|['‘’]ike loa|['‘’]ohana|kakou|lokahi)\b`)

// TestHawaiianSpelling rejects an apostrophe or quote where the ʻokina
// belongs, and Kākou or Lōkahi without their kahakō.
func TestHawaiianSpelling(t *testing.T) {
	files, _ := os.ReadDir("content")
	checked := 0
	err := walkMarkdown("content", func(path string, data []byte) {
		checked++
		for i, line := range strings.Split(string(data), "\n") {
			// Ids and file names are ASCII on purpose (#kakou); only prose counts.
			prose := regexp.MustCompile(`\{#[^}]*\}|\]\([^)]*\)`).ReplaceAllString(line, "")
			if m := wrongOkina.FindString(prose); m != "" {
				t.Errorf("%s:%d: %q is misspelled (use ʻ U+02BB and the kahakō: Hoʻohanohano, ʻIke loa, ʻOhana, Kākou, Lōkahi)", path, i+1, m)
			}
		}
	})
	if err != nil || checked < 40 || len(files) == 0 {
		t.Fatalf("checked %d files: %v", checked, err)
	}
}

func walkMarkdown(dir string, fn func(string, []byte)) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		p := dir + "/" + e.Name()
		if e.IsDir() {
			if err := walkMarkdown(p, fn); err != nil {
				return err
			}
		} else if strings.HasSuffix(p, ".md") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fn(p, data)
		}
	}
	return nil
}

// TestNoCopiedSentences runs the shared overlap check: no run of 8 or more
// words may be copied from the source article.
func TestNoCopiedSentences(t *testing.T) {
	tool := "../shared/tools/overlap"
	if _, err := os.Stat(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not found: CI must check overlap with the source article", tool)
		}
		t.Skip("the shared overlap tool is not beside this checkout")
	}
	out, err := exec.Command("python3", tool, "content").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "overlap: 0 ") {
		t.Errorf("overlap with the source article:\n%s", out)
	}
}

func urls(pages []*generator.Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.URL)
	}
	return out
}
