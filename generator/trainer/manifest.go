package trainer

import (
	_ "embed"

	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

var (
	//go:embed assets/trainer.css
	css []byte
	//go:embed assets/trainer.js
	js []byte
	//go:embed assets/trainer-pack.css
	packCSS []byte
	//go:embed assets/trainer-pack.js
	packJS []byte
)

// Dir is the top-level output folder of the facilitator guide.
const Dir = "facilitator-guide"

// divAgenda is the fenced div that marks a workshop agenda.
const divAgenda = "agenda"

// Manifest implements feature.Feature: the agenda div, the
// facilitator-guide/ and workshop-pack/ folders, every trainer note, the
// script and style of the trainer view on every page, and those of the
// workshop pack (which its page loads itself).
func (t *Trainer) Manifest() feature.Manifest {
	return feature.Manifest{
		Name:              "trainer",
		Divs:              []string{divAgenda},
		ReadsTrainerNotes: true,
		Render:            map[string]markdown.DivFunc{divAgenda: renderAgenda},
		Dirs:              []string{Dir, PackDir},
		Assets: map[string][]byte{"trainer.css": css, "trainer.js": js,
			"trainer-pack.css": packCSS, "trainer-pack.js": packJS},
		Styles:    []string{"trainer.css"},
		Scripts:   []string{"trainer.js"},
		EveryPage: true,
	}
}

// renderAgenda draws an agenda in its lesson: a plain div around its content.
func renderAgenda(w util.BufWriter, n *markdown.FencedDiv, entering bool) {
	if entering {
		_, _ = w.WriteString("<div" + markdown.DivAttrs(n, "agenda") + ">\n")
		return
	}
	_, _ = w.WriteString("</div>\n")
}
