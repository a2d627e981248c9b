package worksheet

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
)

// Worksheets is the worksheet feature for one build: it reads every
// ::: worksheet in the lessons and adds the interactive form, the
// worksheets/ index, the printable pages and the GIFT exports.
type Worksheets struct {
	sheets  []*Sheet
	lessons func(source string) (Lesson, bool) // see SetLessons
}

var _ feature.Feature = (*Worksheets)(nil)

// New returns the worksheet feature for a new build.
func New() *Worksheets { return &Worksheets{} }

// Sheets returns the worksheets found by Collect, in reading order.
func (w *Worksheets) Sheets() []*Sheet { return w.sheets }

// Renderers implements feature.Feature: they draw the worksheets in lessons.
func (w *Worksheets) Renderers() []util.PrioritizedValue {
	return []util.PrioritizedValue{util.Prioritized(lessonRenderer{}, 100)}
}

// Collect implements feature.Feature. It reads and checks every worksheet,
// and puts a SheetNode and QuestionNodes in place of their fenced divs.
func (w *Worksheets) Collect(pages []*feature.Page) []feature.Problem {
	var problems []feature.Problem
	w.sheets = nil
	for _, page := range pages {
		doc, ok := page.Doc.(ast.Node)
		if !ok {
			continue
		}
		p := &parser{page: page}
		w.sheets = append(w.sheets, p.parsePage(doc)...)
		problems = append(problems, p.problems...)
	}
	problems = append(problems, checkUnique(w.sheets)...)
	problems = append(problems, w.resolveObjectives(pages)...)
	for _, s := range w.sheets {
		s.graft()
	}
	return problems
}

// graft replaces the fenced divs of s with nodes of this package, and takes
// the model answers out of the lesson, so that only the key shows them (and
// the site's search never finds them).
func (s *Sheet) graft() {
	for _, q := range s.Questions {
		if q.model != nil {
			q.model.Parent().RemoveChild(q.model.Parent(), q.model)
		}
		replace(q.div, &QuestionNode{Question: q})
	}
	replace(s.div, &SheetNode{Sheet: s})
}
