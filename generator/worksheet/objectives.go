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
	// Known when the feature was given the lessons (SetLessons); without
	// them, Lesson and URL are known for lessons that hold a worksheet.
	Lesson string // the lesson's title
	URL    string // the lesson's URL
	Text   string // the objective's text
}

// Lesson is what objectives= needs to know of a lesson: its title, URL and
// front-matter objectives.
type Lesson struct {
	Title, URL string
	Objectives []string
}

// SetLessons gives the feature, before Collect, every lesson of the site by
// source path (ok is false for a path that is not a lesson). Collect then
// reports an objectives= entry naming a file that is not a lesson or a
// number beyond the lesson's objectives, and the answer key names each
// objective by its lesson's title and quotes its text. Without it (Collect
// sees only the pages with worksheets), Collect checks only how entries are
// written, and the key names an objective by its lesson's title when that
// lesson has a worksheet too, else by file, and by number.
func (w *Worksheets) SetLessons(lesson func(source string) (l Lesson, ok bool)) {
	w.lessons = lesson
}

// Lessons implements feature.LessonReader: the builder gives the lessons
// as SetLessons takes them.
func (w *Worksheets) Lessons(lookup func(source string) (feature.Lesson, bool)) {
	w.SetLessons(func(source string) (Lesson, bool) {
		l, ok := lookup(source)
		return Lesson{Title: l.Title, URL: l.URL, Objectives: l.Objectives}, ok
	})
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

// resolveObjectives looks up the lesson of every objective a question names,
// when the feature knows the lessons, and reports a file that is not a
// lesson or a number the lesson does not have.
func (w *Worksheets) resolveObjectives(pages []*feature.Page) []feature.Problem {
	if w.lessons == nil {
		// Name the lessons Collect was given (those with worksheets) by
		// title; the others keep their file name.
		bySource := map[string]*feature.Page{}
		for _, pg := range pages {
			bySource[pg.Source] = pg
		}
		for _, s := range w.sheets {
			for _, q := range s.Questions {
				for _, o := range q.Objectives {
					if pg := bySource[o.Source]; pg != nil {
						o.Lesson, o.URL = pg.Title, pg.URL
					}
				}
			}
		}
		return nil
	}
	var problems []feature.Problem
	for _, s := range w.sheets {
		for _, q := range s.Questions {
			fail := func(format string, args ...any) {
				problems = append(problems, feature.Problem{Path: s.Page.Source, Line: q.Line, Col: 1, Msg: fmt.Sprintf(format, args...)})
			}
			for _, o := range q.Objectives {
				l, ok := w.lessons(o.Source)
				if !ok {
					fail("objectives= of question%s names %s, which is not a lesson of the site: name the lesson's file as in a link, relative to this one", idSuffix(q.ID), o.Source)
					continue
				}
				if o.Number > len(l.Objectives) {
					fail("objectives= of question%s names objective %d of %s, which has %s: count the objectives: list in its front matter from 1",
						idSuffix(q.ID), o.Number, o.Source, plural(len(l.Objectives), "objective"))
					continue
				}
				o.Lesson, o.URL, o.Text = l.Title, l.URL, l.Objectives[o.Number-1]
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

// Label names the objective: "Step 1: Ask, objective 2", or by file when
// the lesson is not known: "02-five-steps/02-ask.md, objective 2".
func (o *Objective) Label() string {
	if o.Lesson == "" {
		return fmt.Sprintf("%s, objective %d", o.Source, o.Number)
	}
	return fmt.Sprintf("%s, objective %d", o.Lesson, o.Number)
}
