package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"p2pc/generator"
	"p2pc/generator/blocks"
	"p2pc/generator/cards"
	"p2pc/generator/coachlog"
	"p2pc/generator/feature"
	"p2pc/generator/glossary"
	"p2pc/generator/markdown"
	"p2pc/generator/trainer"
	"p2pc/generator/worksheet"
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

// assessed builds the curriculum with its lessons given to the worksheet
// feature (SetLessons), so objectives= numbers are checked against them and
// the questions know the text of what they assess.
func assessed(t *testing.T) (*generator.Site, *worksheet.Worksheets) {
	t.Helper()
	site, err := generator.Build(os.DirFS("content"), os.DirFS("layouts"), generator.Options{})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	lessons := map[string]worksheet.Lesson{}
	for _, p := range site.Pages {
		if p.Kind == "lesson" {
			lessons[p.Source] = worksheet.Lesson{Title: p.Title, URL: p.URL, Objectives: p.Objectives}
		}
	}
	w := worksheet.New()
	w.SetLessons(func(source string) (worksheet.Lesson, bool) {
		l, ok := lessons[source]
		return l, ok
	})
	site, err = generator.Build(os.DirFS("content"), os.DirFS("layouts"), generator.Options{
		Features: []feature.Feature{blocks.New(), glossary.New(), cards.New(), w, coachlog.New(), trainer.New()}})
	if err != nil {
		t.Fatalf("build with the lessons' objectives: %v", err)
	}
	return site, w
}

// topModule is the first folder of a source path: "02-five-steps".
func topModule(source string) string { return strings.SplitN(source, "/", 2)[0] }

// TestObjectivesAssessed holds the course to its rule: every objective of
// every lesson is assessed by at least one question (objectives=) of a
// worksheet in the same top-level module, so a learner meets the check in
// the module that teaches it; a question may name objectives of any lesson
// of its own module, but not of another. Every scored question names at
// least one objective.
func TestObjectivesAssessed(t *testing.T) {
	site, w := assessed(t)
	covered := map[string]bool{} // "source#N"
	for _, s := range w.Sheets() {
		for _, q := range s.Questions {
			if q.Graded() && len(q.Objectives) == 0 {
				t.Errorf("%s:%d: question #%s assesses no objective: add objectives=", s.Page.Source, q.Line, q.ID)
			}
			for _, o := range q.Objectives {
				if topModule(o.Source) != topModule(s.Page.Source) {
					t.Errorf("%s:%d: question #%s assesses %s#%d, a lesson of another module", s.Page.Source, q.Line, q.ID, o.Source, o.Number)
				}
				covered[fmt.Sprintf("%s#%d", o.Source, o.Number)] = true
			}
		}
	}
	checked := 0
	for _, p := range site.Pages {
		if p.Kind != "lesson" {
			continue
		}
		for i, o := range p.Objectives {
			checked++
			if !covered[fmt.Sprintf("%s#%d", p.Source, i+1)] {
				t.Errorf("%s: objective %d (%q) is assessed by no question in %s", p.Source, i+1, o, topModule(p.Source))
			}
		}
	}
	if checked < 100 {
		t.Fatalf("checked %d objectives", checked)
	}
	key := string(site.Files["worksheets/ws-five-steps/key/index.html"])
	if !strings.Contains(key, `<p class="ws-key-label">Assesses</p>`) {
		t.Error("the five steps' answer key lists no objectives")
	}
}

// TestAnswerNotInStem: no scored question gives its correct answer away by
// quoting it in its own text (true/false questions aside: their answers are
// the words True and False).
func TestAnswerNotInStem(t *testing.T) {
	_, w := assessed(t)
	norm := func(s string) string {
		s = strings.ToLower(strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s))
		return " " + strings.Join(strings.FieldsFunc(s, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'' || r > 127)
		}), " ") + " "
	}
	checked := 0
	for _, s := range w.Sheets() {
		for _, q := range s.Questions {
			if !q.Graded() || q.Type == worksheet.TrueFalse {
				continue
			}
			stem := norm(markdown.PlainText(s.Page.Body, q.Prompt...))
			var answers []string
			for _, c := range q.Correct() {
				answers = append(answers, c.Text)
			}
			answers = append(answers, q.Accept...)
			for _, a := range answers {
				checked++
				if a := norm(a); strings.TrimSpace(a) != "" && strings.Contains(stem, a) {
					t.Errorf("%s:%d: question #%s has its answer %q in its text", s.Page.Source, q.Line, q.ID, strings.TrimSpace(a))
				}
			}
		}
	}
	if checked < 30 {
		t.Fatalf("checked %d answers", checked)
	}
}

// promised finds the printables a lesson's prose promises by name: "the
// planning worksheet", "the conversation starters deck", "the blank habit
// plan", "a blank copy of the habit plan", "the habit plan on the worksheets
// page". The build checks links; these are the promises made in words.
var promised = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\bthe ((?:[\pL'’-]+ ){0,2}[\pL'’-]+) (worksheet|deck)\b`),
	regexp.MustCompile(`(?i)\b(?:the|a|an) (?:blank|printable|printed) (?:copy of (?:the |this |a |your )?)?((?:[\pL'’-]+ ){0,2}?[\pL'’-]+)(?: above| below| for| from| on| in| to|[.,;:()]|$)`),
	regexp.MustCompile(`(?i)\b(?:the|a|an|this|your) ((?:[\pL'’-]+ ){0,2}?[\pL'’-]+) (?:above |below )?(?:is |are )?(?:also )?\(?(?:on|from|in) the (worksheets|cards|card decks) page`),
}

// promisedPath finds generated pages named by path in prose or code spans,
// such as `cards/` or `worksheets/ws-habit-plan/`.
var promisedPath = regexp.MustCompile("(?:^|[\\s`(])((?:cards|worksheets)/(?:[a-z0-9-]+/)?)")

// notAName are the words of a promise that do not name anything.
var notAName = map[string]bool{"same": true, "whole": true, "full": true, "first": true, "next": true,
	"last": true, "other": true, "right": true, "blank": true, "printed": true, "printable": true,
	"copy": true, "copies": true, "of": true, "this": true, "that": true, "it": true, "them": true,
	"one": true, "each": true, "your": true, "own": true, "new": true, "module's": true, "page": true,
	"worksheets": true, "worksheet": true, "deck": true, "decks": true, "cards": true, "card": true}

// TestPromisesKept: every worksheet, deck or generated page a lesson
// promises in its prose exists. A name is kept when each of its words
// appears in the title or id of a worksheet or deck of the built site.
func TestPromisesKept(t *testing.T) {
	site, w := assessed(t)
	var things []string // "ws-habit-plan my habit plan"
	for _, s := range w.Sheets() {
		things = append(things, s.ID+" "+s.Title)
	}
	deckFence := regexp.MustCompile(`(?m)^::: deck \{#([a-z0-9-]+)(?: title="([^"]*)")?`)
	err := walkMarkdown("content", func(path string, data []byte) {
		for _, m := range deckFence.FindAllStringSubmatch(string(data), -1) {
			if site.Files["cards/"+m[1]+"/index.html"] == nil {
				t.Errorf("%s: deck %s has no page cards/%s/", path, m[1], m[1])
			}
			things = append(things, m[1]+" "+m[2])
		}
	})
	if err != nil || len(things) < 20 {
		t.Fatalf("found %d worksheets and decks: %v", len(things), err)
	}
	norm := func(s string) string {
		s = strings.ToLower(strings.NewReplacer("-", " ", "’", "'", ":", " ").Replace(s))
		return " " + strings.Join(strings.Fields(s), " ") + " "
	}
	exists := func(name string) bool {
		var words []string
		for _, word := range strings.Fields(norm(name)) {
			if !notAName[word] {
				words = append(words, strings.TrimSuffix(word, "s"))
			}
		}
		if len(words) == 0 {
			return true // "the same deck": no name, nothing promised
		}
	next:
		for _, th := range things {
			for _, word := range words {
				if !strings.Contains(norm(th), " "+word) {
					continue next
				}
			}
			return true
		}
		return false
	}
	checked := 0
	err = walkMarkdown("content", func(path string, data []byte) {
		text := strings.Join(strings.Fields(prose(string(data))), " ")
		for _, re := range promised {
			for _, m := range re.FindAllStringSubmatch(text, -1) {
				checked++
				if !exists(m[1]) {
					t.Errorf("%s: %q promises %q, but no worksheet or deck has that name", path, m[0], m[1])
				}
			}
		}
		for _, m := range promisedPath.FindAllStringSubmatch(string(data), -1) {
			checked++
			if site.Files[m[1]+"index.html"] == nil {
				t.Errorf("%s: names the page %s, which the site does not have", path, m[1])
			}
		}
	})
	t.Logf("checked %d promises", checked)
	if err != nil || checked < 5 {
		t.Fatalf("checked %d promises: %v", checked, err)
	}
}
