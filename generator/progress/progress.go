package progress

import (
	_ "embed"

	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
)

var (
	//go:embed assets/progress.css
	css []byte
	//go:embed assets/progress.js
	js []byte
)

// Dir is the top-level output folder of the progress page and the outline
// file its script reads.
const Dir = "progress"

// OutlineFile is the script, relative to the site root, that sets
// window.P2PC_OUTLINE to the site's modules and lessons in reading order.
const OutlineFile = Dir + "/lessons.js"

// Progress is the feature: it reads the site's outline and adds the
// progress page, the outline file and the script that keeps the marks.
type Progress struct {
	outline []feature.OutlinePage
}

// New returns the feature for one build.
func New() *Progress { return &Progress{} }

// Manifest implements feature.Feature: the progress/ folder and the style
// and script every page loads.
func (p *Progress) Manifest() feature.Manifest {
	return feature.Manifest{
		Name:      "progress",
		Dirs:      []string{Dir},
		Assets:    map[string][]byte{"progress.css": css, "progress.js": js},
		Styles:    []string{"progress.css"},
		Scripts:   []string{"progress.js"},
		EveryPage: true,
	}
}

// Outline implements feature.OutlineReader: the builder gives the modules
// and lessons in reading order before Collect.
func (p *Progress) Outline(pages []feature.OutlinePage) { p.outline = pages }

// Renderers implements feature.Feature: progress draws nothing in lessons.
func (p *Progress) Renderers() []util.PrioritizedValue { return nil }

// Collect implements feature.Feature: progress reads no lesson's text.
func (p *Progress) Collect([]*feature.Page) []feature.Problem { return nil }

// Pages implements feature.Feature: the progress page.
func (p *Progress) Pages() []feature.Generated {
	return []feature.Generated{{
		URL:     Dir + "/",
		Title:   "Your progress",
		Summary: "The lessons you have marked as done, kept in this browser only, with a way to move them to another device.",
		HTML:    pageHTML(p.outline),
		NoIndex: true,
	}}
}

// Files implements feature.Feature: the outline file.
func (p *Progress) Files() map[string][]byte {
	return map[string][]byte{OutlineFile: outlineScript(p.outline)}
}

// Search implements feature.Feature: nothing to find.
func (p *Progress) Search() []feature.SearchDoc { return nil }
