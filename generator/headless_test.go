package generator

import "testing"

// TestHeadlessFrontMatter: front matter without its opening --- line is
// found; front matter with it, a setext heading and other text are not.
func TestHeadlessFrontMatter(t *testing.T) {
	for src, want := range map[string]int{
		"title: 'Exercise with Fractals'\nteaching: 10\nexercises: 50\n---\n\n# Text\n": 1,
		"\n\ntitle: A\nobjectives:\n- one\n  - two\n---\nBody.\n":                       3,
		"---\ntitle: A\n---\nBody.\n":                                                   0,
		"Note: this matters\n---\n":                                                     0,
		"title: A\nNot a key line\n---\n":                                               0,
		"title: A\nweight: 2\n":                                                         0,
		"":                                                                              0,
	} {
		if got := headlessFrontMatter([]byte(src)); got != want {
			t.Errorf("headlessFrontMatter(%q) = %d, want %d", src, got, want)
		}
	}
}
