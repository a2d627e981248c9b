package worksheet

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// The names of the fenced divs this package gives a meaning.
const (
	divWorksheet   = "worksheet"
	divQuestion    = "question"
	divExplanation = "explanation"
	divModelAnswer = "model-answer"
)

// parser reads the worksheets of one page and records what is wrong with them.
type parser struct {
	page     *feature.Page
	problems []feature.Problem
}

// problemAt records a problem at a byte offset of the page's source.
func (p *parser) problemAt(offset int, format string, args ...any) {
	line, col := markdown.Position(p.page.Body, offset)
	p.problems = append(p.problems, feature.Problem{Path: p.page.Source, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// parsePage finds the worksheets of a page, checks where each of our fenced
// divs stands, and returns the sheets read. The tree is not changed.
func (p *parser) parsePage(doc ast.Node) []*Sheet {
	var divs []*markdown.FencedDiv
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if d, ok := n.(*markdown.FencedDiv); ok && entering && ours(d.Name) {
			divs = append(divs, d)
		}
		return ast.WalkContinue, nil
	})
	defer func() { sortProblems(p.problems) }()
	var sheets []*Sheet
	for _, d := range divs {
		parent, _ := d.Parent().(*markdown.FencedDiv)
		switch d.Name {
		case divWorksheet:
			if outer := enclosing(d); outer != nil {
				p.problemAt(d.Offset, "::: worksheet inside ::: %s: close the %s first (a line of colons) and start the worksheet after it", outer.Name, outer.Name)
				continue
			}
			sheets = append(sheets, p.sheet(d))
		case divQuestion:
			switch {
			case parent != nil && parent.Name == divWorksheet:
			case enclosing(d) == nil:
				p.problemAt(d.Offset, "question%s is outside a worksheet: put it between ::: worksheet {#id} and its closing fence", idSuffix(d.ID))
			default:
				p.problemAt(d.Offset, "question%s is inside ::: %s: a question must stand directly inside ::: worksheet", idSuffix(d.ID), enclosing(d).Name)
			}
		default:
			if parent == nil || parent.Name != divQuestion {
				p.problemAt(d.Offset, "::: %s outside a question: put it inside the ::: question it belongs to", d.Name)
			}
		}
	}
	return sheets
}

// sheet reads a ::: worksheet div and the questions directly inside it.
func (p *parser) sheet(d *markdown.FencedDiv) *Sheet {
	s := &Sheet{ID: d.ID, Page: p.page, div: d}
	s.Line, _ = markdown.Position(p.page.Body, d.Offset)
	p.checkID(d, "worksheet", `::: worksheet {#ws-topic title="Check yourself"}`)
	for _, a := range d.Attrs {
		if a.Key == "title" {
			s.Title = strings.TrimSpace(a.Value)
			continue
		}
		p.problemAt(d.Offset, "unknown attribute %s= on ::: worksheet: it takes only #id and title=", a.Key)
	}
	p.checkClasses(d, "worksheet")
	if s.Title == "" {
		s.Title = p.page.Title
	}
	for c := d.FirstChild(); c != nil; c = c.NextSibling() {
		div, ok := c.(*markdown.FencedDiv)
		switch {
		case ok && div.Name == divQuestion:
			q := p.question(div)
			q.Number, q.sheet = len(s.Questions)+1, s
			s.Questions = append(s.Questions, q)
		case ok && ours(div.Name):
			// reported by parsePage
		default:
			s.Intro = append(s.Intro, c)
		}
	}
	if len(s.Questions) == 0 {
		p.problemAt(d.Offset, "worksheet%s has no questions: add ::: question {#id type=single} blocks inside it", idSuffix(d.ID))
	}
	return s
}

// question reads a ::: question div: its attributes, prompt, choices,
// explanation and model answer.
func (p *parser) question(d *markdown.FencedDiv) *Question {
	q := &Question{ID: d.ID, Lines: 4, Low: "not at all", High: "completely", div: d}
	q.Line, _ = markdown.Position(p.page.Body, d.Offset)
	p.checkID(d, "question", "::: question {#q-topic type=single}")
	p.checkClasses(d, "question")
	p.attributes(d, q)
	for c := d.FirstChild(); c != nil; c = c.NextSibling() {
		switch n := c.(type) {
		case *markdown.FencedDiv:
			switch n.Name {
			case divExplanation:
				p.onlyOnce(n, q.Explanation != nil)
				q.Explanation = children(n)
			case divModelAnswer:
				p.onlyOnce(n, q.ModelAnswer != nil)
				q.ModelAnswer, q.model = children(n), n
			case divQuestion, divWorksheet:
				p.problemAt(n.Offset, "::: %s inside question%s: close the question first", n.Name, idSuffix(q.ID))
			default:
				q.Prompt = append(q.Prompt, n)
			}
		case *ast.List:
			if !p.choices(q, n) {
				q.Prompt = append(q.Prompt, n)
			}
		default:
			q.Prompt = append(q.Prompt, c)
		}
	}
	if len(q.Prompt) == 0 {
		p.problemAt(d.Offset, "question%s has no text: write the question on the lines after ::: question", idSuffix(q.ID))
	}
	p.checkAnswers(d, q)
	return q
}

// attributes reads type= and the attributes that depend on it.
func (p *parser) attributes(d *markdown.FencedDiv, q *Question) {
	t, ok := d.Attr("type")
	switch {
	case !ok || t == "":
		p.problemAt(d.Offset, "question%s has no type: add type= with one of %s", idSuffix(q.ID), typeList())
	case !knownType(Type(t)):
		p.problemAt(d.Offset, "unknown question type %q%s: use one of %s", t, feature.DidYouMean(t, typeNames()), typeList())
	default:
		q.Type = Type(t)
	}
	for _, a := range d.Attrs {
		switch {
		case a.Key == "type":
		case a.Key == "objectives":
			p.parseObjectives(d.Offset, q, a.Value)
		case q.Type != "" && !allowed(q.Type, a.Key):
			if owner := attrOwner(a.Key); owner != "" {
				p.problemAt(d.Offset, "attribute %s= is only for type=%s questions, not %s", a.Key, owner, q.Type)
			} else {
				p.problemAt(d.Offset, "unknown attribute %s= on question%s%s", a.Key, idSuffix(q.ID), feature.DidYouMean(a.Key, allAttrs()))
			}
		case a.Key == "accept":
			for _, alt := range strings.Split(a.Value, "|") {
				alt = strings.TrimSpace(alt)
				if alt == "" {
					p.problemAt(d.Offset, "accept= of question%s has an empty answer: separate answers with a single |", idSuffix(q.ID))
					continue
				}
				q.Accept = append(q.Accept, alt)
			}
		case a.Key == "lines":
			n, err := strconv.Atoi(a.Value)
			if err != nil || n < 1 || n > 30 {
				p.problemAt(d.Offset, "lines=%s on question%s: write a whole number of ruled lines from 1 to 30", a.Value, idSuffix(q.ID))
				continue
			}
			q.Lines = n
		case a.Key == "low":
			q.Low = a.Value
		case a.Key == "high":
			q.High = a.Value
		}
	}
	if q.Type == Short && len(q.Accept) == 0 {
		if _, given := d.Attr("accept"); !given {
			p.problemAt(d.Offset, `short question%s has no accept= list: add accept="answer|other answer"`, idSuffix(q.ID))
		}
	}
}

// choices reads a list inside a question as its choices when it is a task
// list, or the items of an order question, and reports whether it did.
func (p *parser) choices(q *Question, list *ast.List) bool {
	task := isTaskList(list)
	switch {
	case q.Type == Order && list.IsOrdered():
		if task {
			p.problemAt(markdown.NodeOffset(list), "order items take no [ ] boxes: write them as a numbered list in the right order")
		}
	case task && q.Type != "" && !q.Type.HasChoices():
		p.problemAt(markdown.NodeOffset(list), "type=%s questions take no [ ] choices: remove the boxes, or use type=single, multi or truefalse", q.Type)
		return true
	case task:
	default:
		return false
	}
	if q.Choices != nil {
		p.problemAt(markdown.NodeOffset(list), "question%s has a second list of choices: keep all choices in one list", idSuffix(q.ID))
		return true
	}
	q.Choices = []*Choice{}
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		if c := p.choice(q, item); c != nil {
			q.Choices = append(q.Choices, c)
		}
	}
	return true
}

// choice reads one list item: a box, a line of text and an optional > feedback.
func (p *parser) choice(q *Question, item ast.Node) *Choice {
	off := markdown.NodeOffset(item)
	c := &Choice{Offset: off}
	first := item.FirstChild()
	if first == nil || (first.Kind() != ast.KindParagraph && first.Kind() != ast.KindTextBlock) {
		p.problemAt(off, "empty choice in question%s: write its text after the box", idSuffix(q.ID))
		return nil
	}
	for n := first.FirstChild(); n != nil; n = n.NextSibling() {
		if box, ok := n.(*extast.TaskCheckBox); ok && n == first.FirstChild() {
			c.Correct = box.IsChecked
			continue
		}
		c.Content = append(c.Content, n)
	}
	if q.Type.HasChoices() && !hasBox(first) {
		p.problemAt(off, "choice without a box in question%s: start every choice with [ ] or [x]", idSuffix(q.ID))
	}
	c.Text = markdown.PlainText(p.page.Body, c.Content...)
	if c.Text == "" {
		p.problemAt(off, "empty choice in question%s: write its text after the box", idSuffix(q.ID))
	}
	for n := first.NextSibling(); n != nil; n = n.NextSibling() {
		bq, ok := n.(*ast.Blockquote)
		switch {
		case ok && q.Type == Order:
			p.problemAt(markdown.NodeOffset(n), "order items take no > feedback: put advice in an ::: explanation")
		case ok && c.Feedback == nil:
			c.Feedback = children(bq)
		default:
			p.problemAt(markdown.NodeOffset(n), "a choice holds one line of text and at most one > feedback quote: move anything else into the question text")
		}
	}
	return c
}

// checkID reports a missing or malformed id; ids become URLs and anchors.
func (p *parser) checkID(d *markdown.FencedDiv, what, example string) {
	switch {
	case d.ID == "":
		p.problemAt(d.Offset, "%s has no id: add one, as in %s", what, example)
	case !validID(d.ID):
		p.problemAt(d.Offset, "%s id %q: use only letters, digits, - and _, starting with a letter", what, d.ID)
	}
}

// checkClasses reports .classes, which worksheets and questions do not use.
func (p *parser) checkClasses(d *markdown.FencedDiv, what string) {
	for _, c := range d.Classes {
		p.problemAt(d.Offset, "::: %s takes no classes: remove .%s", what, c)
	}
}

// onlyOnce reports a second explanation or model answer in a question.
func (p *parser) onlyOnce(d *markdown.FencedDiv, seen bool) {
	if seen {
		p.problemAt(d.Offset, "second ::: %s in one question: merge them into one", d.Name)
	}
}

// sortProblems puts a page's problems in line order.
func sortProblems(problems []feature.Problem) {
	sort.SliceStable(problems, func(i, j int) bool {
		a, b := problems[i], problems[j]
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
}

func ours(name string) bool {
	return name == divWorksheet || name == divQuestion || name == divExplanation || name == divModelAnswer
}

// enclosing returns the nearest fenced div around n, or nil.
func enclosing(n ast.Node) *markdown.FencedDiv {
	for a := n.Parent(); a != nil; a = a.Parent() {
		if d, ok := a.(*markdown.FencedDiv); ok {
			return d
		}
	}
	return nil
}

func children(n ast.Node) []ast.Node {
	out := []ast.Node{}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

func isTaskList(list *ast.List) bool {
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		if first := item.FirstChild(); first != nil && hasBox(first) {
			return true
		}
	}
	return false
}

func hasBox(block ast.Node) bool {
	_, ok := block.FirstChild().(*extast.TaskCheckBox)
	return ok
}

func idSuffix(id string) string {
	if id == "" {
		return ""
	}
	return " #" + id
}

func validID(id string) bool {
	for i, r := range id {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '-' || r == '_')) {
			return false
		}
	}
	return id != ""
}
