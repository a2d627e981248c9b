package worksheet

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// collect parses the Markdown files of an archive as lessons, runs Collect
// on them and returns the feature and the problems.
func collect(t *testing.T, ar *txtar.Archive) (*Worksheets, []feature.Problem) {
	t.Helper()
	return collectWith(t, ar, nil)
}

// collectWith is collect with the site's lessons given (SetLessons).
func collectWith(t *testing.T, ar *txtar.Archive, lessons func(string) (Lesson, bool)) (*Worksheets, []feature.Problem) {
	t.Helper()
	md := markdown.New(false, nil)
	var pages []*feature.Page
	for _, f := range ar.Files {
		if !strings.HasSuffix(f.Name, ".md") {
			continue
		}
		url := strings.TrimSuffix(f.Name, ".md") + "/"
		pages = append(pages, &feature.Page{Source: f.Name, URL: url, Title: "Page " + f.Name,
			Module: "Module", ModuleURL: "m/", ModuleKey: "m", Body: f.Data, Doc: md.Parse(f.Data)})
	}
	w := New()
	if lessons != nil {
		w.SetLessons(lessons)
	}
	return w, w.Collect(pages)
}

// TestParseGolden reads each testdata/parse/*.txtar (Markdown pages), and
// compares the problems and the question model with its "want" file.
func TestParseGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/parse/*.txtar")
	if len(files) == 0 {
		t.Fatal("no archives in testdata/parse")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			w, problems := collect(t, ar)
			got := dump(w, problems)
			golden(t, file, ar, "want", got)
		})
	}
}

// golden compares got with the archive's file name, or rewrites it with -update.
func golden(t *testing.T, file string, ar *txtar.Archive, name, got string) {
	t.Helper()
	for i, f := range ar.Files {
		if f.Name != name {
			continue
		}
		if *update {
			ar.Files[i].Data = []byte(got)
			if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		if want := string(f.Data); got != want {
			t.Errorf("%s differs (run go test ./generator/worksheet -update and review the diff)\ngot:\n%s\nwant:\n%s", name, got, want)
		}
		return
	}
	if *update {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(got)})
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s has no %q file (run go test ./generator/worksheet -update)", file, name)
}

// dump writes the problems and the model in a form easy to review.
func dump(w *Worksheets, problems []feature.Problem) string {
	var b strings.Builder
	for _, p := range problems {
		fmt.Fprintf(&b, "problem %s:%d:%d: %s\n", p.Path, p.Line, p.Col, p.Msg)
	}
	for _, s := range w.Sheets() {
		src := s.Page.Body
		fmt.Fprintf(&b, "worksheet #%s %q at %s:%d, hash %s\n", s.ID, s.Title, s.Page.Source, s.Line, s.Hash())
		if text := markdown.PlainText(src, s.Intro...); text != "" {
			fmt.Fprintf(&b, "  intro: %s\n", text)
		}
		for _, q := range s.Questions {
			fmt.Fprintf(&b, "  %d. #%s %s at line %d, graded %t\n", q.Number, q.ID, q.Type, q.Line, q.Graded())
			fmt.Fprintf(&b, "     prompt: %s\n", markdown.PlainText(src, q.Prompt...))
			for _, c := range q.Choices {
				box := "[ ]"
				if c.Correct {
					box = "[x]"
				}
				fmt.Fprintf(&b, "     %s %s\n", box, c.Text)
				if fb := markdown.PlainText(src, c.Feedback...); fb != "" {
					fmt.Fprintf(&b, "         feedback: %s\n", fb)
				}
			}
			switch q.Type {
			case Short:
				fmt.Fprintf(&b, "     accept: %s\n", strings.Join(q.Accept, " | "))
			case Order:
				var shown []string
				for _, c := range q.Shuffled() {
					shown = append(shown, c.Text)
				}
				fmt.Fprintf(&b, "     shown: %s\n", strings.Join(shown, " / "))
			case Reflection:
				fmt.Fprintf(&b, "     lines: %d\n", q.Lines)
			case Scale:
				fmt.Fprintf(&b, "     low: %s, high: %s\n", q.Low, q.High)
			}
			for _, o := range q.Objectives {
				fmt.Fprintf(&b, "     assesses: %s objective %d\n", o.Source, o.Number)
			}
			if text := markdown.PlainText(src, q.Explanation...); text != "" {
				fmt.Fprintf(&b, "     explanation: %s\n", text)
			}
			if text := markdown.PlainText(src, q.ModelAnswer...); text != "" {
				fmt.Fprintf(&b, "     model answer: %s\n", text)
			}
		}
	}
	return b.String()
}
