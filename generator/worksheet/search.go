package worksheet

import (
	"fmt"

	"p2pc/generator/feature"

	"p2pc/generator/markdown"
)

// Search implements feature.Feature: one item per question, found by its
// prompt and leading to the question in its lesson. The item's text is the
// prompt alone: its choices, run together, would read as prose in a result
// and a wrong choice as the answer; a learner finds the question by what it
// asks. The lesson's own search text leaves the question out (SearchItem).
func (w *Worksheets) Search() []feature.SearchDoc {
	var docs []feature.SearchDoc
	for _, s := range w.sheets {
		for _, q := range s.Questions {
			docs = append(docs, feature.SearchDoc{
				URL:     s.Page.URL + "index.html",
				Anchor:  q.ID,
				Title:   fmt.Sprintf("Question %d", q.Number),
				Module:  s.Page.Module,
				Kind:    "question",
				Heading: s.Title,
				Text:    markdown.PlainText(s.Page.Body, q.Prompt...),
			})
		}
	}
	return docs
}

// SearchItem reports that Search lists the question as an item of its own,
// so the generator leaves it out of its lesson's search text.
func (n *QuestionNode) SearchItem() bool { return true }
