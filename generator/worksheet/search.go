package worksheet

import (
	"fmt"
	"strings"

	"p2pc/generator/feature"

	"p2pc/generator/markdown"
)

// Search implements feature.Feature: one item per question, found by its
// prompt and choices and leading to the question in its lesson.
func (w *Worksheets) Search() []feature.SearchDoc {
	var docs []feature.SearchDoc
	for _, s := range w.sheets {
		src := s.Page.Body
		for _, q := range s.Questions {
			prompt := markdown.PlainText(src, q.Prompt...)
			text := []string{prompt}
			for _, c := range q.Choices {
				text = append(text, c.Text)
			}
			docs = append(docs, feature.SearchDoc{
				URL:     s.Page.URL + "index.html",
				Anchor:  q.ID,
				Title:   fmt.Sprintf("Question %d: %s", q.Number, prompt),
				Module:  s.Page.Module,
				Kind:    "question",
				Heading: s.Title,
				Text:    strings.Join(text, " "),
			})
		}
	}
	return docs
}
