package worksheet

import (
	_ "embed"

	"p2pc/generator/feature"
)

var (
	//go:embed assets/worksheet.css
	css []byte
	//go:embed assets/worksheet.js
	js []byte
)

// Dir is the top-level output folder of the worksheet pages.
const Dir = "worksheets"

// Manifest implements feature.Feature: the worksheet divs, the worksheets/
// folder, the question search kind, and the style and script that pages
// with a worksheet and the worksheets/ pages load.
func (w *Worksheets) Manifest() feature.Manifest {
	return feature.Manifest{
		Name:        "worksheets",
		Divs:        []string{divWorksheet, divQuestion, divExplanation, divModelAnswer},
		Dirs:        []string{Dir},
		SearchKinds: []string{"question"},
		Assets:      map[string][]byte{"worksheet.css": css, "worksheet.js": js},
		Styles:      []string{"worksheet.css"},
		Scripts:     []string{"worksheet.js"},
	}
}
