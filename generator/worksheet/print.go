package worksheet

import (
	"bytes"
)

// printView is a worksheet drawn as a standalone printable page.
type printView struct {
	sheetView
	Key bool // the trainer's answer key rather than the blank copy
}

// printPage renders the blank copy of s, or its answer key when key is set,
// as a standalone HTML document at URL at that links only worksheet.css.
func (s *Sheet) printPage(at string, key bool) ([]byte, error) {
	var b bytes.Buffer
	err := templates.ExecuteTemplate(&b, "print", printView{sheetView: s.view(at), Key: key})
	return b.Bytes(), err
}

// Files implements feature.Feature: for every worksheet a blank printable
// page, a trainer's answer key and a GIFT export.
func (w *Worksheets) Files() map[string][]byte {
	files := map[string][]byte{}
	for _, s := range w.sheets {
		for _, key := range []bool{false, true} {
			url := s.BlankURL()
			if key {
				url = s.KeyURL()
			}
			page, err := s.printPage(url, key)
			if err != nil {
				panic("worksheet: print template: " + err.Error()) // the templates are fixed and tested
			}
			files[url+"index.html"] = page
		}
		files[s.GIFTPath()] = s.GIFT()
	}
	return files
}
