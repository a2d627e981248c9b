package worksheet

import (
	"fmt"
	"strings"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// checkAnswers reports a question whose choices do not fit its type.
func (p *parser) checkAnswers(d *markdown.FencedDiv, q *Question) {
	id := idSuffix(q.ID)
	correct := len(q.Correct())
	n := len(q.Choices)
	fail := func(format string, args ...any) { p.problemAt(d.Offset, format, args...) }
	switch q.Type {
	case Single, Multi, TrueFalse:
		if q.Choices == nil {
			fail("%s question%s has no choices: write them as a task list, - [x] for a correct choice and - [ ] for a wrong one", q.Type, id)
			return
		}
	}
	switch q.Type {
	case Single:
		if n < 2 {
			fail("single question%s has %d choice: give at least two", id, n)
		}
		if correct != 1 {
			fail("single question%s has %d correct choices: mark exactly one with [x] (or use type=multi)", id, correct)
		}
	case Multi:
		if n < 2 {
			fail("multi question%s has %d choice: give at least two", id, n)
		}
		if correct == 0 {
			fail("multi question%s has no correct choice: mark at least one with [x]", id)
		}
	case TrueFalse:
		if n != 2 || correct != 1 {
			fail("truefalse question%s has %d choices and %d marked [x]: write - [ ] True and - [ ] False and mark the right one [x]", id, n, correct)
		}
	case Order:
		if q.Choices == nil {
			fail("order question%s has no numbered list: write its items as 1. 2. 3. in the right order", id)
		} else if n < 3 {
			fail("order question%s has %d items: write at least three as a numbered list, in the right order", id, n)
		}
	}
	seen := map[string]bool{}
	for _, c := range q.Choices {
		key := strings.ToLower(c.Text)
		if c.Text != "" && seen[key] {
			p.problemAt(c.Offset, "question%s has the choice %q twice: each choice must differ", id, c.Text)
		}
		seen[key] = true
	}
}

// checkUnique reports worksheet and question ids used more than once in the
// site: worksheet ids name URLs, and question ids name answers in the key,
// the GIFT export and the learner's saved answers.
func checkUnique(sheets []*Sheet) []feature.Problem {
	var problems []feature.Problem
	first := map[string]string{} // id -> "path:line" of its first use
	use := func(id, what string, page *feature.Page, line int) {
		if id == "" {
			return
		}
		if at, ok := first[id]; ok {
			problems = append(problems, feature.Problem{Path: page.Source, Line: line, Col: 1,
				Msg: fmt.Sprintf("%s id %q is already used at %s: ids of worksheets and questions must be unique across the site", what, id, at)})
			return
		}
		first[id] = fmt.Sprintf("%s:%d", page.Source, line)
	}
	for _, s := range sheets {
		use(s.ID, "worksheet", s.Page, s.Line)
		for _, q := range s.Questions {
			use(q.ID, "question", s.Page, q.Line)
		}
	}
	return problems
}

func knownType(t Type) bool {
	for _, k := range types {
		if k == t {
			return true
		}
	}
	return false
}

func typeNames() []string {
	var out []string
	for _, t := range types {
		out = append(out, string(t))
	}
	return out
}

// typeList names every type for messages: "single, multi, ... or scale".
func typeList() string {
	names := typeNames()
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// allowed reports whether a question of type t takes the attribute key.
func allowed(t Type, key string) bool {
	for _, k := range t.attrs() {
		if k == key {
			return true
		}
	}
	return false
}

// attrOwner is the type that takes the attribute key, or "".
func attrOwner(key string) Type {
	for _, t := range types {
		if allowed(t, key) {
			return t
		}
	}
	return ""
}

func allAttrs() []string {
	out := []string{"type", "objectives"}
	for _, t := range types {
		out = append(out, t.attrs()...)
	}
	return out
}
