package worksheet

import (
	"bytes"
	"fmt"
	"html/template"

	"p2pc/generator/feature"
)

var _ feature.Printer = (*Worksheets)(nil)

// PrintParts implements feature.Printer: for a workshop pack, every
// worksheet's blank copy and answer key, as their print pages show them,
// with links relative to the page at url. They flow onto any paper.
func (w *Worksheets) PrintParts(url string) []feature.PrintPart {
	var blanks, keys []feature.PrintPart
	for _, s := range w.sheets {
		for _, key := range []bool{false, true} {
			var b bytes.Buffer
			if err := templates.ExecuteTemplate(&b, "print-body", printView{sheetView: s.view(url), Key: key}); err != nil {
				panic("worksheet: print template: " + err.Error()) // the templates are fixed and tested
			}
			part := feature.PrintPart{
				ID: "worksheet-" + s.ID + "-blank", Group: "Blank worksheets", Title: s.Title,
				About: questions(len(s.Questions)),
				HTML:  template.HTML(b.String()), Class: "ws-print ws-print-blank",
				Styles: []string{"worksheet.css"},
			}
			if key {
				part.ID, part.Group, part.Class = "worksheet-"+s.ID+"-key", "Answer keys", "ws-print ws-print-key"
				part.About = questions(len(s.Questions)) + ", with the answers"
				keys = append(keys, part)
				continue
			}
			blanks = append(blanks, part)
		}
	}
	return append(blanks, keys...)
}

// questions counts questions for people: "1 question", "5 questions".
func questions(n int) string {
	if n == 1 {
		return "1 question"
	}
	return fmt.Sprintf("%d questions", n)
}
