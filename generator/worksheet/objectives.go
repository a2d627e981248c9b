package worksheet

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"p2pc/generator/feature"
)

// Objective is one lesson objective a question assesses, named in the
// question's objectives= attribute.
type Objective struct {
	Source string // the lesson's path in the content folder, e.g. "02-five-steps/02-ask.md"
	Number int    // 1-based place in the lesson's front-matter objectives
	Lesson string // the lesson's title (set by Collect)
	URL    string // the lesson's URL (set by Collect)
	Text   string // the objective's text, when the feature was given the objectives (SetObjectives)
}

// SetObjectives gives the feature the front-matter objectives of every
// lesson, by source path, before Collect: Collect then reports a number
// beyond a lesson's objectives and the answer key quotes each objective.
// Without it, Collect checks the form of objectives= and that each lesson
// named exists, and the key names objectives by lesson and number.
func (w *Worksheets) SetObjectives(objectives func(source string) []string) {
	w.objectives = objectives
}

// parseObjectives reads objectives="1 3 02-ask.md#2": a number is an
// objective of the lesson holding the question; file.md#N is objective N
// of another lesson, the file named as in a link, relative to this one.
func (p *parser) parseObjectives(offset int, q *Question, value string) {
	seen := map[Objective]bool{}
	fields := strings.Fields(value)
	if len(fields) == 0 {
		p.problemAt(offset, `objectives= of question%s is empty: list objective numbers, as in objectives="1 3" or objectives="02-ask.md#2"`, idSuffix(q.ID))
	}
	for _, f := range fields {
		file, num, other := strings.Cut(f, "#")
		if !other {
			file, num = "", f
		}
		n, err := strconv.Atoi(num)
		if err != nil || n < 1 || other && !strings.HasSuffix(file, ".md") {
			p.problemAt(offset, `objectives= of question%s: %q is not an objective: write its number in the lesson's objectives (1 is the first), or lesson.md#N for another lesson`, idSuffix(q.ID), f)
			continue
		}
		o := Objective{Source: p.page.Source, Number: n}
		if other {
			o.Source = path.Join(path.Dir(p.page.Source), file)
		}
		if seen[o] {
			p.problemAt(offset, "objectives= of question%s names %s twice", idSuffix(q.ID), f)
			continue
		}
		seen[o] = true
		q.Objectives = append(q.Objectives, &o)
	}
}

// resolveObjectives finds the lesson of every objective a question names and
// reports a lesson that is not in the site or a number it does not have.
func (w *Worksheets) resolveObjectives(pages []*feature.Page) []feature.Problem {
	bySource := map[string]*feature.Page{}
	for _, pg := range pages {
		bySource[pg.Source] = pg
	}
	var problems []feature.Problem
	for _, s := range w.sheets {
		for _, q := range s.Questions {
			fail := func(format string, args ...any) {
				problems = append(problems, feature.Problem{Path: s.Page.Source, Line: q.Line, Col: 1, Msg: fmt.Sprintf(format, args...)})
			}
			for _, o := range q.Objectives {
				pg := bySource[o.Source]
				if pg == nil {
					fail("objectives= of question%s names %s, which is not a lesson of the site: name the lesson's file as in a link, relative to this one", idSuffix(q.ID), o.Source)
					continue
				}
				o.Lesson, o.URL = pg.Title, pg.URL
				if w.objectives == nil {
					continue
				}
				texts := w.objectives(o.Source)
				if o.Number > len(texts) {
					fail("objectives= of question%s names objective %d of %s, which has %s: count the objectives: list in its front matter from 1",
						idSuffix(q.ID), o.Number, o.Source, plural(len(texts), "objective"))
					continue
				}
				o.Text = texts[o.Number-1]
			}
		}
	}
	return problems
}

func plural(n int, word string) string {
	switch n {
	case 0:
		return "no " + word + "s"
	case 1:
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// objectiveView is an objective as the answer key shows it.
type objectiveView struct {
	*Objective
	Href string // the lesson, relative to the page
}

// Label names the objective: "Step 1: Ask, objective 2".
func (o *Objective) Label() string {
	return fmt.Sprintf("%s, objective %d", o.Lesson, o.Number)
}
