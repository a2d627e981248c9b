package blocks

import (
	_ "embed"

	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

var (
	//go:embed assets/blocks.css
	css []byte
	//go:embed assets/blocks.js
	js []byte
)

// Blocks is the feature; it keeps nothing between calls.
type Blocks struct{}

// New returns the feature.
func New() Blocks { return Blocks{} }

var _ feature.Feature = Blocks{}

// Manifest implements feature.Feature.
func (Blocks) Manifest() feature.Manifest {
	return feature.Manifest{
		Name: "blocks",
		Render: map[string]markdown.DivFunc{
			"objectives":  box("objectives", "Objectives"),
			"questions":   box("questions", "Questions"),
			"prereq":      box("prereq", "Prerequisites"),
			"keypoints":   box("keypoints", "Key points"),
			"callout":     box("callout", ""),
			"challenge":   box("challenge", "Challenge"),
			"caution":     box("caution", "Caution"),
			"checklist":   box("checklist", "Checklist"),
			"discussion":  box("discussion", "Discussion"),
			"testimonial": box("testimonial", "Testimonial"),
			"solution":    collapsed("solution", "Show solution"),
			"hint":        collapsed("hint", "Show hint"),
			"spoiler":     collapsed("spoiler", "Show details"),
			"tab":         tabs,
			"group-tab":   tabs,
		},
		TrainerNotes: map[string]string{
			"facilitator": "For trainers",
			"instructor":  "Instructor note",
		},
		Assets:  map[string][]byte{"blocks.css": css, "blocks.js": js},
		Styles:  []string{"blocks.css"},
		Scripts: []string{"blocks.js"},
	}
}

// Renderers implements feature.Feature: the boxes are fenced divs, drawn by Manifest.Render.
func (Blocks) Renderers() []util.PrioritizedValue { return nil }

// Collect implements feature.Feature: boxes need nothing from other lessons.
func (Blocks) Collect([]*feature.Page) []feature.Problem { return nil }

// Pages implements feature.Feature: none.
func (Blocks) Pages() []feature.Generated { return nil }

// Files implements feature.Feature: none.
func (Blocks) Files() map[string][]byte { return nil }

// Search implements feature.Feature: the boxes are found as part of their lessons.
func (Blocks) Search() []feature.SearchDoc { return nil }
