package search_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"p2pc/generator"
	"p2pc/generator/search"
)

// itemsContent is a lesson with a section, a worksheet of one question and
// a card at the bottom, with text after the card.
var itemsContent = fstest.MapFS{
	"01-m/_index.md": {Data: []byte("---\ntitle: Module\n---\n")},
	"01-m/01-lesson.md": {Data: []byte(`---
title: Lighthouse keeping
summary: How to keep a lighthouse.
---

## Lamps {#lamps}

Trim the wick every evening.

:::: worksheet {#ws title="Quick check"}

::: question {#q-colour type=single}
Which colour is the glass of the lamp?

- [x] Amber
- [ ] Turquoise
:::

::::

## Fog {#fog}

Sound the horn in fog.

::: card {#card-keeper deck="m"}
### Polish the prism
Polish the prism with a soft cloth.

---

Scratches scatter the beam.
:::

Log every ship you see.
`)},
}

// byKind returns the documents of a kind.
func byKind(docs []search.Document, kind string) []search.Document {
	var out []search.Document
	for _, d := range docs {
		if d.Kind == kind {
			out = append(out, d)
		}
	}
	return out
}

// TestItemsFoundOnce checks the documents of a lesson with a card and a
// question: the card and the question are documents of their own, the
// lesson's sections hold neither (nor the card's heading as a section),
// the text after the card stays in the section it belongs to, and the
// question's text is its prompt, without its choices.
func TestItemsFoundOnce(t *testing.T) {
	site, err := generator.Build(itemsContent, layoutsFS, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := search.DecodeIndex(site.Files)
	if err != nil {
		t.Fatal(err)
	}
	lessons := byKind(docs, "lesson")
	if len(lessons) != 1 {
		t.Fatalf("%d lesson documents, want 1: %+v", len(lessons), docs)
	}
	want := []search.Section{
		{Text: "How to keep a lighthouse."},
		{Anchor: "lamps", Heading: "Lamps", Text: "Trim the wick every evening."},
		{Anchor: "fog", Heading: "Fog", Text: "Sound the horn in fog. Log every ship you see."},
	}
	if got := lessons[0].Sections; !equalSections(got, want) {
		t.Errorf("lesson sections:\n%q\nwant\n%q", got, want)
	}

	cards := byKind(docs, "card")
	if len(cards) != 1 || cards[0].URL != lessons[0].URL || len(cards[0].Sections) != 1 ||
		cards[0].Sections[0].Anchor != "card-keeper" || !strings.Contains(cards[0].Sections[0].Text, "soft cloth") {
		t.Errorf("card documents %+v, want one at %s#card-keeper with the card's text", cards, lessons[0].URL)
	}

	questions := byKind(docs, "question")
	if len(questions) != 1 || questions[0].URL != lessons[0].URL || len(questions[0].Sections) != 1 {
		t.Fatalf("question documents %+v, want one on the lesson", questions)
	}
	if q := questions[0].Sections[0]; q.Anchor != "q-colour" || q.Text != "Which colour is the glass of the lamp?" {
		t.Errorf("question #%s text %q, want #q-colour with the prompt alone", q.Anchor, q.Text)
	}
	if strings.Contains(questions[0].Title, "Turquoise") || strings.Contains(questions[0].Title, "Amber") {
		t.Errorf("question title %q shows a choice", questions[0].Title)
	}
}

func equalSections(a, b []search.Section) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestDefaultSiteItemsFoundOnce checks the default curriculum: no lesson's
// sections hold a card's or a question's text, or a section at a card's,
// a question's or a glossary entry's anchor, and a question's text is its
// prompt (the start of its title's text, never its choices).
func TestDefaultSiteItemsFoundOnce(t *testing.T) {
	site := buildSite(t, os.DirFS("../../content"))
	docs, err := search.DecodeIndex(site.Files)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]search.Document{}
	for _, d := range docs {
		if d.Kind == "lesson" || d.Kind == "page" || d.Kind == "module" {
			pages[d.URL] = d
		}
	}
	n := map[string]int{}
	for _, item := range docs {
		switch item.Kind {
		case "card", "question", "glossary":
		default:
			continue
		}
		n[item.Kind]++
		it := item.Sections[0]
		page, ok := pages[item.URL]
		if !ok {
			t.Errorf("%s %q: no page %s", item.Kind, item.Title, item.URL)
			continue
		}
		for _, s := range page.Sections {
			if s.Anchor == it.Anchor {
				t.Errorf("%s: a section of the page is at %s %q's anchor #%s", item.URL, item.Kind, item.Title, it.Anchor)
			}
			if item.Kind != "glossary" && strings.Contains(s.Text, it.Text) {
				t.Errorf("%s#%s holds the text of %s %q: %q", item.URL, s.Anchor, item.Kind, item.Title, it.Text)
			}
		}
	}
	if n["card"] < 40 || n["question"] < 100 {
		t.Errorf("%d cards and %d questions in the index, want 40 and 100 or more", n["card"], n["question"])
	}
}
