// Package blocks is the feature of the boxes any lesson may use:
//
//	::: objectives     a box headed "Objectives"
//	::: keypoints      a box headed "Key points"
//	::: callout        a highlighted aside; title="..." sets its heading
//	::: solution       a collapsed <details>; title="..." sets the summary
//	::: facilitator    notes for trainers (see feature.Manifest.TrainerNotes):
//	                   hidden from learners, shown in trainer views and
//	                   printed by "Print with trainer notes"
//
// They need nothing from other lessons, so the feature only renders them in
// place; their colours are in assets/blocks.css and the script that opens
// solutions for printing in assets/blocks.js, loaded by pages that use one.
package blocks

import (
	_ "embed"
	"html"

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
			"objectives": markdown.Box("objectives", "Objectives"),
			"keypoints":  markdown.Box("keypoints", "Key points"),
			"callout":    markdown.Box("callout", ""),
			"solution":   solution,
		},
		TrainerNotes: map[string]string{"facilitator": "For trainers"},
		Assets:       map[string][]byte{"blocks.css": css, "blocks.js": js},
		Styles:       []string{"blocks.css"},
		Scripts:      []string{"blocks.js"},
	}
}

// solution renders a collapsed answer; the reader opens it.
func solution(w util.BufWriter, n *markdown.FencedDiv, entering bool) {
	if !entering {
		w.WriteString("</div></details>\n")
		return
	}
	title, _ := n.Attr("title")
	if title == "" {
		title = "Show solution"
	}
	w.WriteString("<details" + markdown.DivAttrs(n, "solution") + "><summary>" + html.EscapeString(title) + "</summary><div class=\"solution-body\">\n")
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
