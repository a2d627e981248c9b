package glossary

import (
	"testing"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

func TestEntries(t *testing.T) {
	body := []byte("Words we use.\n\n## Lōkahi {#lokahi}\n\nUnity.\n\n::: facilitator\nSecret note.\n:::\n\n## Kākou\n\nAll of us.\n")
	md := markdown.New(false, nil)
	pages := []*feature.Page{
		{URL: "words/glossary/", Title: "Glossary", Module: "Words", Body: body, Doc: md.Parse(body), Hidden: map[string]bool{"facilitator": true}},
		{URL: "words/other/", Title: "Other", Module: "Words", Body: body, Doc: md.Parse(body)},
		{URL: "glossary/", Title: "Top-level page", Body: body, Doc: md.Parse(body)},
	}
	g := New()
	if problems := g.Collect(pages); len(problems) != 0 {
		t.Fatal(problems)
	}
	got := g.Search()
	want := []feature.SearchDoc{
		{URL: "words/glossary/index.html", Anchor: "lokahi", Title: "Lōkahi", Module: "Words", Kind: Kind, Heading: "Lōkahi", Text: "Unity."},
		{URL: "words/glossary/index.html", Anchor: "kakou", Title: "Kākou", Module: "Words", Kind: Kind, Heading: "Kākou", Text: "All of us."},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d:\ngot  %+v\nwant %+v", i, got[i], want[i])
		}
	}
	m := g.Manifest()
	if !m.Reads("words/glossary/") || m.Reads("words/other/") || m.Reads("glossary/") {
		t.Error("Reads does not pick exactly the glossary lessons")
	}
}
