package worksheet

import (
	"bytes"
	"html/template"

	"p2pc/generator/feature"
)

// indexURL is the clean URL of the page that lists every worksheet.
const indexURL = "worksheets/"

// Pages implements feature.Feature: the worksheets/ page lists every
// worksheet with links to its lesson, blank copy, answer key and GIFT file.
func (w *Worksheets) Pages() []feature.Generated {
	if len(w.sheets) == 0 {
		return nil
	}
	var views []sheetView
	for _, s := range w.sheets {
		views = append(views, s.view(indexURL))
	}
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, "index", views); err != nil {
		panic("worksheet: index template: " + err.Error()) // the templates are fixed and tested
	}
	return []feature.Generated{{
		URL:     indexURL,
		Title:   "Worksheets",
		Summary: "Self-check worksheets for every module and a planning worksheet, to do on screen or print.",
		HTML:    template.HTML(b.String()),
	}}
}
