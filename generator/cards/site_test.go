package cards_test

import (
	"os"
	"sync"
	"testing"

	"p2pc/generator"
	"p2pc/generator/cards"
	"p2pc/generator/feature"
	"p2pc/generator/worksheet"
)

var (
	siteOnce  sync.Once
	site      *generator.Site
	siteCards *cards.Cards
	siteErr   error
)

// curriculum builds the real content with the cards feature (and the
// worksheets, which lessons link to), once.
func curriculum(t *testing.T) (*generator.Site, *cards.Cards) {
	t.Helper()
	siteOnce.Do(func() {
		siteCards = cards.New()
		site, siteErr = generator.Build(os.DirFS("../../content"), os.DirFS("../../layouts"),
			generator.Options{Features: []feature.Feature{siteCards, worksheet.New()}})
	})
	if siteErr != nil {
		t.Fatalf("build the curriculum: %v", siteErr)
	}
	return site, siteCards
}
