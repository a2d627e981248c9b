package worksheet

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"

	"p2pc/generator/markdown"
)

// Type is the kind of a question: how it is answered and whether it is graded.
type Type string

// The question types an author can write as type=...
const (
	Single     Type = "single"     // one correct choice, radio buttons
	Multi      Type = "multi"      // every correct choice needed, checkboxes, partial credit
	TrueFalse  Type = "truefalse"  // two choices, one correct
	Short      Type = "short"      // a few words, compared with the accept list
	Order      Type = "order"      // an ordered list, shown shuffled, put back in order
	Reflection Type = "reflection" // free text, never graded
	Scale      Type = "scale"      // a 1–5 self-rating, never graded
)

// types lists the question types in the order the documentation gives them.
var types = []Type{Single, Multi, TrueFalse, Short, Order, Reflection, Scale}

// Graded reports whether answers to questions of this type are right or wrong.
func (t Type) Graded() bool { return t != Reflection && t != Scale }

// HasChoices reports whether the type takes a task list of choices.
func (t Type) HasChoices() bool { return t == Single || t == Multi || t == TrueFalse }

// attrs are the key=value attributes each type accepts besides type itself.
func (t Type) attrs() []string {
	switch t {
	case Short:
		return []string{"accept"}
	case Reflection:
		return []string{"lines"}
	case Scale:
		return []string{"low", "high"}
	}
	return nil
}

// Sheet is a worksheet: a titled group of questions on one lesson page.
type Sheet struct {
	ID        string
	Title     string
	Page      *feature.Page // the lesson that holds it
	Line      int           // line of the opening ::: worksheet fence
	Intro     []ast.Node    // Markdown blocks inside the worksheet that are not questions
	Questions []*Question

	div ast.Node // the fenced div it was read from
}

// Question is one question of a worksheet.
type Question struct {
	ID     string
	Type   Type
	Number int // 1-based position in its worksheet
	Line   int
	Prompt []ast.Node // the Markdown blocks that ask the question
	// Choices are the task-list items of single, multi and truefalse
	// questions, or the items of an order question in the correct order.
	Choices     []*Choice
	Accept      []string // short: the accepted answers
	Lines       int      // reflection: ruled lines on the printed page
	Low, High   string   // scale: what 1 and 5 mean
	Explanation []ast.Node
	ModelAnswer []ast.Node
	// Objectives are the lesson objectives the question assesses
	// (objectives=), in the order written.
	Objectives []*Objective

	div   ast.Node // the fenced div it was read from
	model ast.Node // the ::: model-answer div, kept out of the lesson's tree
	sheet *Sheet
}

// Choice is one choice of a question, or one item of an order question.
type Choice struct {
	Content  []ast.Node // the inline Markdown of the choice
	Text     string     // Content as plain text
	Correct  bool       // written - [x]
	Feedback []ast.Node // the blocks of the > blockquote under the choice
	Offset   int        // where the choice starts in the page's source
}

// Graded reports whether the question is marked right or wrong.
func (q *Question) Graded() bool { return q.Type.Graded() }

// Correct returns the correct choices.
func (q *Question) Correct() []*Choice {
	var out []*Choice
	for _, c := range q.Choices {
		if c.Correct {
			out = append(out, c)
		}
	}
	return out
}

// Shuffled returns the items of an order question in the order they are
// shown: a permutation that depends only on the question's id and is never
// the correct order (for two or more items).
func (q *Question) Shuffled() []*Choice {
	out := append([]*Choice(nil), q.Choices...)
	n := len(out)
	if n < 2 {
		return out
	}
	seed := fnv32(q.ID)
	for i := n - 1; i > 0; i-- {
		seed = seed*1664525 + 1013904223
		j := int(seed>>8) % (i + 1)
		out[i], out[j] = out[j], out[i]
	}
	same := true
	for i := range out {
		same = same && out[i] == q.Choices[i]
	}
	if same {
		out = append(out[1:], out[0])
	}
	return out
}

// Hash identifies the content of the worksheet: its questions, their types,
// prompts, choices and answers. The browser keeps saved answers under it, so
// answers to an edited worksheet are discarded rather than misapplied.
func (s *Sheet) Hash() string {
	h := sha256.New()
	src := s.Page.Body
	for _, q := range s.Questions {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00", q.ID, q.Type, markdown.PlainText(src, q.Prompt...))
		for _, c := range q.Choices {
			fmt.Fprintf(h, "%t\x00%s\x00", c.Correct, c.Text)
		}
		fmt.Fprintf(h, "%s\x00%d\x00%s\x00%s\x01", strings.Join(q.Accept, "|"), q.Lines, q.Low, q.High)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Graded counts the questions that are marked right or wrong.
func (s *Sheet) Graded() int {
	n := 0
	for _, q := range s.Questions {
		if q.Graded() {
			n++
		}
	}
	return n
}

// LessonLink is the worksheet's place in its lesson, relative to the site root.
func (s *Sheet) LessonLink() string { return s.Page.URL + "index.html#" + s.ID }

// BlankURL is the clean URL of the printable blank worksheet.
func (s *Sheet) BlankURL() string { return "worksheets/" + s.ID + "/blank/" }

// KeyURL is the clean URL of the trainer's answer key.
func (s *Sheet) KeyURL() string { return "worksheets/" + s.ID + "/key/" }

// GIFTPath is the path of the worksheet's Moodle GIFT export.
func (s *Sheet) GIFTPath() string { return "worksheets/" + s.ID + ".gift" }

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
