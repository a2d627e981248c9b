package cards_test

import (
	"os"
	"sync"
	"testing"

	"p2pc/generator"
	"p2pc/generator/builtin"
	"p2pc/generator/cards"
)

var (
	siteOnce  sync.Once
	site      *generator.Site
	siteCards *cards.Cards
	siteErr   error
)

// curriculum builds the real content with the built-in features (lessons
// link to the pages of several), once, and returns it with its cards feature.
func curriculum(t *testing.T) (*generator.Site, *cards.Cards) {
	t.Helper()
	siteOnce.Do(func() {
		features := builtin.Features()
		for _, f := range features {
			if c, ok := f.(*cards.Cards); ok {
				siteCards = c
			}
		}
		site, siteErr = generator.Build(os.DirFS("../../content"), os.DirFS("../../layouts"),
			generator.Options{Features: features})
	})
	if siteErr != nil {
		t.Fatalf("build the curriculum: %v", siteErr)
	}
	return site, siteCards
}
