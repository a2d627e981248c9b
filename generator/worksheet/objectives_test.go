package worksheet

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

const objectivesArchive = `
-- m/01-ask.md --
# Ask

Text.
-- m/02-check.md --
:::: worksheet {#ws-check}

::: question {#q-own type=single objectives="1 2"}
Own lesson.

- [x] A
- [ ] B
:::

::: question {#q-other type=reflection objectives="01-ask.md#2 2"}
Another lesson.
:::

::: question {#q-far type=single objectives="01-ask.md#4"}
Beyond the lesson.

- [x] A
- [ ] B
:::

::: question {#q-bad type=truefalse objectives="0 x 05-none.md#1 ask#1 1 1"}
Badly written.

- [x] True
- [ ] False
:::

::: question {#q-empty type=short accept="a" objectives=""}
Empty.
:::

::::
`

var lessons = map[string]Lesson{
	"m/01-ask.md":   {Title: "Ask", URL: "m/ask/", Objectives: []string{"Ask for one thing", "Pick the right person", "Say thank you"}},
	"m/02-check.md": {Title: "Check", URL: "m/check/", Objectives: []string{"Check the asking", "Check the thanks"}},
}

// TestObjectives checks objectives=: numbers of the question's own lesson,
// lesson.md#N of another, file:line problems for what is malformed, names
// no lesson or goes beyond a lesson's objectives, and the key's list.
func TestObjectives(t *testing.T) {
	w, problems := collectWith(t, txtar.Parse([]byte(objectivesArchive)), func(src string) (Lesson, bool) {
		l, ok := lessons[src]
		return l, ok
	})
	var got []string
	for _, p := range problems {
		got = append(got, fmt.Sprintf("%s:%d:%d: %s", p.Path, p.Line, p.Col, p.Msg))
	}
	want := []string{
		`m/02-check.md:14:1: objectives= of question #q-far names objective 4 of m/01-ask.md, which has 3 objectives: count the objectives: list in its front matter from 1`,
		`m/02-check.md:21:1: objectives= of question #q-bad: "0" is not an objective: write its number in the lesson's objectives (1 is the first), or lesson.md#N for another lesson`,
		`m/02-check.md:21:1: objectives= of question #q-bad: "x" is not an objective: write its number in the lesson's objectives (1 is the first), or lesson.md#N for another lesson`,
		`m/02-check.md:21:1: objectives= of question #q-bad: "ask#1" is not an objective: write its number in the lesson's objectives (1 is the first), or lesson.md#N for another lesson`,
		`m/02-check.md:21:1: objectives= of question #q-bad names 1 twice`,
		`m/02-check.md:21:1: objectives= of question #q-bad names m/05-none.md, which is not a lesson of the site: name the lesson's file as in a link, relative to this one`,
		`m/02-check.md:28:1: objectives= of question #q-empty is empty: list objective numbers, as in objectives="1 3" or objectives="02-ask.md#2"`,
	}
	sortStrings(got)
	sortStrings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	s := w.Sheets()[0]
	other := s.Questions[1].Objectives
	if len(other) != 2 || other[0].Source != "m/01-ask.md" || other[0].Number != 2 || other[0].Text != "Pick the right person" ||
		other[0].Lesson != "Ask" || other[1].Source != "m/02-check.md" || other[1].Text != "Check the thanks" {
		t.Errorf("objectives of #q-other: %+v %+v", other[0], other[1])
	}
	key, err := s.printPage(s.KeyURL(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<p class="ws-key-label">Assesses</p>`,
		`<li><a href="../../../m/ask/index.html">Ask, objective 2</a>: Pick the right person</li>`,
		`<li><a href="../../../m/check/index.html">Check, objective 2</a>: Check the thanks</li>`,
	} {
		if !strings.Contains(string(key), want) {
			t.Errorf("the answer key has no %s", want)
		}
	}
	blank, _ := s.printPage(s.BlankURL(), false)
	if strings.Contains(string(blank), "Assesses") {
		t.Error("the blank copy names the objectives")
	}

	// Without the lessons, only how entries are written is checked.
	// Collect sees only the lessons with worksheets, as in a build.
	ar := txtar.Parse([]byte(objectivesArchive))
	ar.Files = ar.Files[1:]
	w, problems = collect(t, ar)
	for _, p := range problems {
		if strings.Contains(p.Msg, "which has") || strings.Contains(p.Msg, "not a lesson") {
			t.Errorf("without SetLessons: %s", p.Msg)
		}
	}
	if len(problems) != 5 {
		t.Errorf("without SetLessons: %d problems, want the 5 about how entries are written", len(problems))
	}
	// m/02-check.md holds a worksheet, so Collect knows its title; m/01-ask.md
	// does not, so it is named by file.
	s = w.Sheets()[0]
	if o := s.Questions[1].Objectives[0]; o.Text != "" || o.Lesson != "" {
		t.Errorf("without SetLessons: %+v", o)
	}
	key, _ = s.printPage(s.KeyURL(), true)
	for _, want := range []string{
		"<li>m/01-ask.md, objective 2</li>",
		`<li><a href="../../../m/02-check/index.html">Page m/02-check.md, objective 2</a></li>`,
	} {
		if !strings.Contains(string(key), want) {
			t.Errorf("without SetLessons, the key has no %s", want)
		}
	}
}

func sortStrings(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}
