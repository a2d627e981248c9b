package trainer

import (
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
)

// Trainer is the feature; it keeps what the last Collect found.
type Trainer struct {
	guide *guide
}

// New returns the feature.
func New() *Trainer { return &Trainer{} }

var _ feature.Feature = (*Trainer)(nil)

// Renderers implements feature.Feature: the agenda div is drawn by Manifest.Render.
func (t *Trainer) Renderers() []util.PrioritizedValue { return nil }

// Collect implements feature.Feature: it gathers every trainer note and
// agenda, in reading order, for the facilitator guide.
func (t *Trainer) Collect(pages []*feature.Page) []feature.Problem {
	t.guide = collectGuide(pages)
	return nil
}

// Pages implements feature.Feature: the facilitator guide, when the site
// has a trainer note or an agenda.
func (t *Trainer) Pages() []feature.Generated {
	if t.guide == nil || len(t.guide.modules) == 0 && len(t.guide.agendas) == 0 {
		return nil
	}
	return []feature.Generated{t.guide.page()}
}

// Files implements feature.Feature: none.
func (t *Trainer) Files() map[string][]byte { return nil }

// Search implements feature.Feature: trainer notes stay out of the search.
func (t *Trainer) Search() []feature.SearchDoc { return nil }

// Notes returns every trainer note the last Collect found, in reading order.
func (t *Trainer) Notes() []Note {
	if t.guide == nil {
		return nil
	}
	var notes []Note
	for _, m := range t.guide.modules {
		for _, l := range m.lessons {
			notes = append(notes, l.notes...)
		}
	}
	return notes
}
