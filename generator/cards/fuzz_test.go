package cards_test

import (
	"testing"
	"testing/fstest"
)

// FuzzCollect builds one-lesson sites with cards and decks from random
// Markdown: whatever the input, the build returns a site or errors and
// never panics.
func FuzzCollect(f *testing.F) {
	for _, seed := range []string{
		"::: card\n### T\nFront.\n\n---\n\nBack.\n:::\n",
		"::: deck {#m size=poker backs=fold gutter=2mm}\nAbout.\n:::\n\n::: card {title=x back=y}\nz\n:::\n",
		":::: deck {#d width=30mm height=40mm}\n::: card\n# A\nb\n:::\n::::\n",
		"::: card {deck=\"\" #}\n---\n---\n:::\n",
		"::: card\nText\n---\n## H\n:::\n::: card\n:::\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, md string) {
		_, _, _ = build(fstest.MapFS{"m/a.md": {Data: []byte(md)}, "m/b.md": {Data: []byte("::: card {deck=m}\n### B\nb\n:::\n")}})
	})
}
