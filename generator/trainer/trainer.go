package trainer

import (
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
)

// Trainer is the feature; it keeps what the last Collect found.
type Trainer struct {
	printers []feature.Printer
	guide    *guide
	pack     *pack // made from the printers' parts once per run
}

// New returns the feature; printers are the features whose parts the
// workshop pack offers (none: no pack).
func New(printers ...feature.Printer) *Trainer { return &Trainer{printers: printers} }

var _ feature.Feature = (*Trainer)(nil)

// Renderers implements feature.Feature: the agenda div is drawn by Manifest.Render.
func (t *Trainer) Renderers() []util.PrioritizedValue { return nil }

// Collect implements feature.Feature: it gathers every trainer note and
// agenda, in reading order, for the facilitator guide.
func (t *Trainer) Collect(pages []*feature.Page) []feature.Problem {
	t.guide, t.pack = collectGuide(pages), nil
	return nil
}

// Pages implements feature.Feature: the facilitator guide, when the site
// has a trainer note or an agenda.
func (t *Trainer) Pages() []feature.Generated {
	if !t.hasGuide() {
		return nil
	}
	return []feature.Generated{t.guide.page(t.hasPack())}
}

// Files implements feature.Feature: the workshop pack, when a printer
// offers a part.
func (t *Trainer) Files() map[string][]byte {
	if !t.hasPack() {
		return nil
	}
	return map[string][]byte{packURL + "index.html": t.thePack().html()}
}

// hasGuide reports whether the site has a facilitator guide.
func (t *Trainer) hasGuide() bool {
	return t.guide != nil && (len(t.guide.modules) > 0 || len(t.guide.agendas) > 0)
}

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

// thePack is the workshop pack of this run.
func (t *Trainer) thePack() *pack {
	if t.pack == nil {
		t.pack = newPack(t.printers, t.hasGuide())
	}
	return t.pack
}

// hasPack reports whether the site has a workshop pack.
func (t *Trainer) hasPack() bool { return len(t.thePack().Parts) > 0 }
