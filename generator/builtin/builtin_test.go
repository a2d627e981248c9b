package builtin

import (
	"testing"

	"p2pc/generator/directive"
)

// TestOwnDivs: every fenced div a built-in feature claims is one the
// directive pass knows as p2pc's own, so that its advice for an unknown
// Hugo shortcode of that name does not change the text's meaning.
func TestOwnDivs(t *testing.T) {
	for _, f := range Features() {
		m := f.Manifest()
		names := append([]string{}, m.Divs...)
		for d := range m.Render {
			names = append(names, d)
		}
		for d := range m.TrainerNotes {
			names = append(names, d)
		}
		for _, d := range names {
			if !directive.OwnDiv(d) {
				t.Errorf("feature %s claims the div %q, which directive.OwnDiv does not know", m.Name, d)
			}
		}
	}
}
