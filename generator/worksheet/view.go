package worksheet

import (
	"html/template"
	"strconv"
	"strings"

	"p2pc/generator/feature"
)

// sheetView is what the templates see of a worksheet drawn on the page at URL
// at: every link in it is relative to that page.
type sheetView struct {
	*Sheet
	Root      string // from the page to the site root
	Hash      string
	Module    string
	Intro     template.HTML
	Questions []questionView
	// Links to the worksheet's other forms, relative to the page.
	LessonHref, BlankHref, KeyHref, GIFTHref, IndexHref string
}

// questionView is a question with its Markdown rendered for one page.
type questionView struct {
	*Question
	Legend      template.HTML // inline HTML of the first paragraph of the prompt
	More        template.HTML // the rest of the prompt
	Choices     []choiceView  // in author order (the correct order for order questions)
	Shown       []choiceView  // in the order shown: shuffled for order questions
	Explanation template.HTML
	ModelAnswer template.HTML
	Positions   []int          // 1..len(Choices), for the position selects of order questions
	Ruled       []int          // one entry per ruled line on the blank printed page
	Room        []template.CSS // short: the width of each ruled line on the blank printed page
	Scale       []int          // 1..5
	Objectives  []objectiveView
}

// choiceView is a choice with its Markdown rendered for one page.
type choiceView struct {
	*Choice
	ID       string // id of its input or select: question id + "-c" + Pos
	Pos      int    // 1-based place in author order
	HTML     template.HTML
	Feedback template.HTML
}

// view renders s for the page at URL at.
func (s *Sheet) view(at string) sheetView {
	f := feature.NewFragments(s.Page.Body, s.Page.URL, at)
	root := feature.Root(at)
	v := sheetView{
		Sheet:      s,
		Root:       root,
		Hash:       s.Hash(),
		Module:     s.Page.Module,
		Intro:      f.HTML(s.Intro),
		LessonHref: root + s.LessonLink(),
		BlankHref:  root + s.BlankURL() + "index.html",
		KeyHref:    root + s.KeyURL() + "index.html",
		GIFTHref:   root + s.GIFTPath(),
		IndexHref:  root + indexURL + "index.html",
	}
	if at == s.Page.URL {
		v.LessonHref = "#" + s.ID
	}
	for _, q := range s.Questions {
		v.Questions = append(v.Questions, q.view(f, root))
	}
	return v
}

// view renders q with f for a page at root from the site root.
func (q *Question) view(f *feature.Fragments, root string) questionView {
	v := questionView{
		Question:    q,
		Explanation: f.HTML(q.Explanation),
		ModelAnswer: f.HTML(q.ModelAnswer),
		Ruled:       make([]int, q.Lines),
		Room:        q.roomStyles(),
		Scale:       []int{1, 2, 3, 4, 5},
	}
	v.Legend, v.More = prompt(f, q.Prompt)
	for _, o := range q.Objectives {
		ov := objectiveView{Objective: o}
		if o.URL != "" {
			ov.Href = root + o.URL + "index.html"
		}
		v.Objectives = append(v.Objectives, ov)
	}
	byChoice := map[*Choice]choiceView{}
	for i, c := range q.Choices {
		cv := choiceView{Choice: c, Pos: i + 1, ID: q.ID + "-c" + strconv.Itoa(i+1),
			HTML: f.HTML(c.Content), Feedback: f.HTML(c.Feedback)}
		byChoice[c] = cv
		v.Choices = append(v.Choices, cv)
		v.Positions = append(v.Positions, i+1)
	}
	shown := q.Choices
	if q.Type == Order {
		shown = q.Shuffled()
	}
	for _, c := range shown {
		v.Shown = append(v.Shown, byChoice[c])
	}
	return v
}

// AcceptAttr is the accept list as the browser reads it: answers joined by |.
func (q *Question) AcceptAttr() string { return strings.Join(q.Accept, "|") }

// Radio reports whether the question is answered with radio buttons.
func (q *Question) Radio() bool { return q.Type == Single || q.Type == TrueFalse }
