package worksheet_test

import (
	"html"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"p2pc/generator"
	"p2pc/generator/builtin"
	"p2pc/generator/feature"
	"p2pc/generator/markdown"
	"p2pc/generator/worksheet"
)

// build builds a site with the built-in features (lessons link to the
// pages of several) and returns it with its worksheet feature, so tests can
// look at the question model.
func build(t *testing.T, content fs.FS) (*generator.Site, *worksheet.Worksheets) {
	t.Helper()
	features := builtin.Features()
	var w *worksheet.Worksheets
	for _, f := range features {
		if f, ok := f.(*worksheet.Worksheets); ok {
			w = f
		}
	}
	site, err := generator.Build(content, os.DirFS("../../layouts"), generator.Options{Features: features})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return site, w
}

// TestCurriculum builds the real content and checks the worksheets the
// curriculum promises: one per module with 6 to 12 questions of mixed types,
// and the planning worksheet.
func TestCurriculum(t *testing.T) {
	site, w := build(t, os.DirFS("../../content"))
	byModule := map[string]*worksheet.Sheet{}
	for _, s := range w.Sheets() {
		byModule[s.Page.ModuleKey+"/"+path.Base(s.Page.URL)] = s
	}
	for _, key := range []string{"start-here/check-yourself", "five-steps/check-yourself", "benefits/check-yourself", "culture/check-yourself"} {
		s := byModule[key]
		if s == nil {
			t.Errorf("no worksheet in %s", key)
			continue
		}
		types := map[worksheet.Type]bool{}
		for _, q := range s.Questions {
			types[q.Type] = true
		}
		if n := len(s.Questions); n < 6 || n > 12 {
			t.Errorf("%s has %d questions, want 6 to 12", s.ID, n)
		}
		if len(types) < 4 {
			t.Errorf("%s mixes only %d question types", s.ID, len(types))
		}
	}
	plan := byModule["start-here/planning-your-first-conversation"]
	if plan == nil {
		t.Fatal("no planning worksheet")
	}
	for _, q := range plan.Questions {
		if q.Graded() {
			t.Errorf("planning worksheet: %s is a graded %s question, want reflections", q.ID, q.Type)
		}
	}
	checkFiles(t, site, w)
}

// checkFiles checks the pages and files of every worksheet in a built site.
func checkFiles(t *testing.T, site *generator.Site, w *worksheet.Worksheets) {
	t.Helper()
	index := string(site.Files["worksheets/index.html"])
	if index == "" {
		t.Fatal("no worksheets/index.html")
	}
	for _, s := range w.Sheets() {
		lesson := string(site.Files[s.Page.URL+"index.html"])
		blank := string(site.Files[s.BlankURL()+"index.html"])
		key := string(site.Files[s.KeyURL()+"index.html"])
		gift := string(site.Files[s.GIFTPath()])
		if !strings.Contains(lesson, `<section class="worksheet" id="`+s.ID+`"`) {
			t.Errorf("%s: lesson %s has no worksheet section", s.ID, s.Page.URL)
		}
		for _, link := range []string{s.LessonLink(), s.BlankURL() + "index.html", s.KeyURL() + "index.html", s.GIFTPath()} {
			link = feature.Root("worksheets/") + link
			if !strings.Contains(index, `href="`+link+`"`) {
				t.Errorf("worksheets/index.html has no link to %s", link)
			}
		}
		for _, link := range []string{"worksheets/" + s.ID + "/blank/index.html", "worksheets/" + s.ID + "/key/index.html"} {
			if !strings.Contains(lesson, `href="`+feature.Root(s.Page.URL)+link+`"`) {
				t.Errorf("%s: the lesson does not link to %s", s.ID, link)
			}
		}
		if !strings.Contains(key, `<meta name="robots" content="noindex">`) {
			t.Errorf("%s: the answer key is not noindex", s.ID)
		}
		if strings.Contains(blank, "noindex") || strings.Contains(blank, "ws-accept") || strings.Contains(blank, "✓") || strings.Contains(blank, "<button") || strings.Contains(blank, "<input") {
			t.Errorf("%s: the blank page has noindex, accepted answers, ticks, buttons or inputs", s.ID)
		}
		if strings.Count(gift, "\n::") != len(s.Questions) {
			t.Errorf("%s.gift has %d questions, want %d", s.ID, strings.Count(gift, "\n::"), len(s.Questions))
		}
		for _, q := range s.Questions {
			src := s.Page.Body
			if m := worksheet.PlainText(q.ModelAnswer, src); m != "" && strings.Contains(text(lesson), m) {
				t.Errorf("%s: the lesson shows the model answer", q.ID)
			}
			for _, answer := range answers(q, src) {
				if strings.Contains(text(blank), answer) {
					t.Errorf("%s: the blank page shows the answer %q", q.ID, answer)
				}
				if !strings.Contains(text(key), answer) {
					t.Errorf("%s: the answer key lacks %q", q.ID, answer)
				}
			}
			for _, a := range q.Accept {
				if !strings.Contains(key, `<span class="ws-accept">`+html.EscapeString(a)+`</span>`) {
					t.Errorf("%s: the answer key lacks the accepted answer %q", q.ID, a)
				}
			}
			if !strings.Contains(lesson, `<fieldset class="ws-q ws-type-`+string(q.Type)+`" id="`+q.ID+`"`) {
				t.Errorf("%s: no fieldset in the lesson", q.ID)
			}
		}
		for name, page := range map[string]string{"lesson": lesson, "blank": blank, "key": key, "index": index} {
			checkLinks(t, site, s, name, page)
		}
	}
	checkSearch(t, site, w)
}

// answers are the texts that only the answer key may show: feedback,
// explanations, model answers and accepted short answers.
func answers(q *worksheet.Question, src []byte) []string {
	var out []string
	add := func(s string) {
		if s != "" {
			out = append(out, s)
		}
	}
	for _, c := range q.Choices {
		add(worksheet.PlainText(c.Feedback, src))
	}
	add(worksheet.PlainText(q.Explanation, src))
	add(worksheet.PlainText(q.ModelAnswer, src))
	return out
}

var (
	tags  = regexp.MustCompile(`<[^>]*>`)
	space = regexp.MustCompile(`\s+`)
	hrefs = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
)

// text is the words of an HTML page, without markup.
func text(page string) string {
	t := tags.ReplaceAllString(page, " ")
	t = html.UnescapeString(t)
	t = space.ReplaceAllString(t, " ")
	return strings.ReplaceAll(t, " .", ".")
}

// checkLinks fails on a link in a worksheet page that is not relative, does
// not name index.html or a file, or leads nowhere in the site.
func checkLinks(t *testing.T, site *generator.Site, s *worksheet.Sheet, name, page string) {
	t.Helper()
	at := map[string]string{"lesson": s.Page.URL, "blank": s.BlankURL(), "key": s.KeyURL(), "index": "worksheets/"}[name]
	for _, m := range hrefs.FindAllStringSubmatch(page, -1) {
		link := m[1]
		file, _, _ := strings.Cut(link, "#")
		switch {
		case file == "":
			continue
		case strings.Contains(link, "://") || strings.HasPrefix(link, "/"):
			t.Errorf("%s %s: link %q is not relative", s.ID, name, link)
		case strings.HasSuffix(file, "/"):
			t.Errorf("%s %s: link %q does not end in index.html", s.ID, name, link)
		default:
			target := path.Join(at, file)
			if _, ok := site.Files[target]; !ok {
				t.Errorf("%s %s: link %q leads to %s, which is not in the site", s.ID, name, link, target)
			}
		}
	}
}

// checkSearch checks there is one search item per question, leading to it,
// its text the question's prompt alone, without its choices.
func checkSearch(t *testing.T, site *generator.Site, w *worksheet.Worksheets) {
	t.Helper()
	docs := w.Search()
	questions := map[string]*worksheet.Question{}
	bodies := map[string][]byte{}
	for _, s := range w.Sheets() {
		bodies[s.Page.URL+"index.html"] = s.Page.Body
		for _, q := range s.Questions {
			questions[s.Page.URL+"index.html#"+q.ID] = q
		}
	}
	if len(docs) != len(questions) {
		t.Errorf("%d search items for %d questions", len(docs), len(questions))
	}
	for _, d := range docs {
		if d.Kind != "question" || !strings.HasSuffix(d.URL, "index.html") || d.Title == "" {
			t.Errorf("search item %+v: want kind question, a URL to index.html and a title", d)
		}
		q := questions[d.URL+"#"+d.Anchor]
		if q == nil {
			t.Errorf("search item %s#%s: no such question", d.URL, d.Anchor)
			continue
		}
		if prompt := markdown.PlainText(bodies[d.URL], q.Prompt...); d.Text != prompt || prompt == "" {
			t.Errorf("search item %s#%s: text %q, want the prompt alone, %q", d.URL, d.Anchor, d.Text, prompt)
		}
		if n := len(q.Choices); n > 0 && strings.HasSuffix(d.Text, q.Choices[n-1].Text) {
			t.Errorf("search item %s#%s: text %q ends with a choice", d.URL, d.Anchor, d.Text)
		}
		if !strings.Contains(string(site.Files[d.URL]), `id="`+d.Anchor+`"`) {
			t.Errorf("search item %s#%s: no such id on the page", d.URL, d.Anchor)
		}
	}
}

// TestBuildReportsProblems checks that worksheet problems stop the build
// with the file and true line (front matter counted) of each.
func TestBuildReportsProblems(t *testing.T) {
	content := fstest.MapFS{
		"01-m/_index.md": {Data: []byte("---\ntitle: M\n---\n")},
		"01-m/01-quiz.md": {Data: []byte("---\ntitle: Quiz\n---\n\n:::: worksheet {#ws}\n\n" +
			"::: question {#q1 type=single}\nPick.\n\n- [x] A\n- [x] B\n:::\n\n" +
			"::: question {#q2 type=short}\nType.\n:::\n\n::::\n\n::: question {#q3 type=scale}\nAlone.\n:::\n")},
	}
	_, err := generator.Build(content, os.DirFS("../../layouts"), generator.Options{Features: []feature.Feature{worksheet.New()}})
	if err == nil {
		t.Fatal("the build passed")
	}
	for _, want := range []string{
		"01-m/01-quiz.md:7:1: single question #q1 has 2 correct choices",
		"01-m/01-quiz.md:14:1: short question #q2 has no accept= list",
		"01-m/01-quiz.md:20:1: question #q3 is outside a worksheet",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("build error\n%v\nlacks %q", err, want)
		}
	}
}

// TestNoDoubleEscaping looks for escaped entities in every worksheet output.
func TestNoDoubleEscaping(t *testing.T) {
	site, w := build(t, os.DirFS("../../content"))
	bad := regexp.MustCompile(`&amp;(#?[a-zA-Z0-9]+);`)
	markup := regexp.MustCompile(`<[a-zA-Z/]|&#?[a-zA-Z0-9]+;`)
	names := []string{"worksheets/index.html"}
	for _, s := range w.Sheets() {
		names = append(names, s.Page.URL+"index.html", s.BlankURL()+"index.html", s.KeyURL()+"index.html", s.GIFTPath())
	}
	for _, name := range names {
		if m := bad.FindString(string(site.Files[name])); m != "" {
			t.Errorf("%s: double-escaped %s", name, m)
		}
		if strings.Contains(name, ".gift") && markup.Match(site.Files[name]) {
			t.Errorf("%s: HTML in the GIFT text", name)
		}
	}
}
