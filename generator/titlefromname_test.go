package generator

import "testing"

// TestTitleFromName: a folder or file without a title of its own is
// named after itself, its order, dashes and underscores gone (Geekdoc's
// _includes folder was " includes").
func TestTitleFromName(t *testing.T) {
	for name, want := range map[string]string{
		"01-getting-started": "Getting started",
		"_includes":          "Includes",
		"intro.md":           "Intro",
		"my_notes_":          "My notes",
	} {
		if got := titleFromName(name); got != want {
			t.Errorf("titleFromName(%q) = %q, want %q", name, got, want)
		}
	}
}
