package search

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// randomCorpus makes random documents from a vocabulary whose words share
// stems ("rake", "raking", "rakes"), with stop words, punctuation and
// words with marks, so that edits move postings, flags, forms, pieces of
// the dictionary and shard cuts.
type randomCorpus struct {
	rng   *rand.Rand
	vocab []string
	n     int // documents made, for their URLs
	words int // at most this many words in a section
}

func newRandomCorpus(seed uint64, stems, words int) *randomCorpus {
	c := &randomCorpus{rng: rand.New(rand.NewPCG(seed, 7)), words: words}
	letters := "abcdefghiklmnoprstu"
	seen := map[string]bool{}
	for len(c.vocab) < stems*2 {
		var b strings.Builder
		for range 2 + c.rng.IntN(6) {
			b.WriteByte(letters[c.rng.IntN(len(letters))])
		}
		stem := b.String()
		if seen[stem] {
			continue
		}
		seen[stem] = true
		c.vocab = append(c.vocab, stem)
		for _, suffix := range []string{"ing", "s", "ed", "ation", "er"} {
			if c.rng.IntN(3) == 0 {
				c.vocab = append(c.vocab, stem+suffix)
			}
		}
	}
	c.vocab = append(c.vocab, "the", "and", "of", "to", "a", "is", "Hoʻohanohano", "ho'ohanohano", "Lōkahi", "peer-to-peer", "Coaching", "coach", "coaches", "don't", "42")
	return c
}

func (c *randomCorpus) word() string {
	if c.rng.IntN(8) == 0 { // a rare word, and often a rare form of a word
		return c.vocab[c.rng.IntN(len(c.vocab))] + []string{"ing", "s", "", "x"}[c.rng.IntN(4)]
	}
	// Zipf-like: low numbers much more often.
	f := c.rng.Float64()
	return c.vocab[int(f*f*f*float64(len(c.vocab)))]
}

func (c *randomCorpus) text(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			switch c.rng.IntN(12) {
			case 0:
				b.WriteString(", ")
			case 1:
				b.WriteString(". ")
			case 2:
				b.WriteString(" — ")
			case 3:
				b.WriteString("\n  ")
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(c.word())
	}
	return b.String()
}

func (c *randomCorpus) doc() Document {
	c.n++
	d := Document{URL: fmt.Sprintf("m%d/l%d/index.html", c.rng.IntN(5), c.n), Title: c.text(1 + c.rng.IntN(4)),
		Module: fmt.Sprintf("Module %d", c.rng.IntN(4)), Kind: []string{"lesson", "lesson", "card", "glossary", "page"}[c.rng.IntN(5)]}
	for j := range 1 + c.rng.IntN(4) {
		s := Section{Text: c.text(c.rng.IntN(c.words))}
		if j > 0 {
			s.Anchor, s.Heading = fmt.Sprintf("s%d", j), c.text(1+c.rng.IntN(3))
		}
		d.Sections = append(d.Sections, s)
	}
	return d
}

// editBody replaces, adds or removes one word of one section's text.
func (c *randomCorpus) editBody(d *Document) {
	d.Sections = slices.Clone(d.Sections)
	s := &d.Sections[c.rng.IntN(len(d.Sections))]
	words := strings.Split(s.Text, " ")
	i := c.rng.IntN(len(words))
	switch c.rng.IntN(3) {
	case 0:
		words[i] = c.word()
	case 1:
		words = slices.Insert(words, i, c.word())
	default:
		words = slices.Delete(words, i, i+1)
	}
	s.Text = strings.Join(words, " ")
}

func TestIndexUpdate(t *testing.T) {
	for _, tc := range []struct {
		name                      string
		stems, words, docs, steps int
	}{
		{"small", 60, 20, 30, 400},
		{"full dictionary", 2500, 80, 250, 150},
		{"long postings", 40, 10, 1500, 150}, // shards of few terms: edits move the cuts
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newRandomCorpus(uint64(tc.stems), tc.stems, tc.words)
			var docs []Document
			for range tc.docs {
				docs = append(docs, c.doc())
			}
			ix, files, err := NewIndex(docs)
			if err != nil {
				t.Fatal(err)
			}
			checkSame(t, "NewIndex", files, docs)
			written := 0
			for step := range tc.steps {
				what := ""
				switch r := c.rng.IntN(100); {
				case r < 60:
					what = "body edit"
					c.editBody(&docs[c.rng.IntN(len(docs))])
				case r < 70:
					what = "two body edits"
					c.editBody(&docs[c.rng.IntN(len(docs))])
					c.editBody(&docs[c.rng.IntN(len(docs))])
				case r < 77:
					what = "title edit"
					docs[c.rng.IntN(len(docs))].Title = c.text(1 + c.rng.IntN(4))
				case r < 82:
					what = "heading edit"
					d := &docs[c.rng.IntN(len(docs))]
					d.Sections = slices.Clone(d.Sections)
					d.Sections[len(d.Sections)-1].Heading = c.text(2)
				case r < 86:
					what = "kind and module"
					d := &docs[c.rng.IntN(len(docs))]
					d.Kind, d.Module = "question", fmt.Sprintf("Module %d", c.rng.IntN(6))
				case r < 93:
					what = "added"
					docs = append(docs, c.doc())
				default:
					what = "removed"
					i := c.rng.IntN(len(docs))
					docs = slices.Delete(docs, i, i+1)
				}
				given := slices.Clone(docs)
				c.rng.Shuffle(len(given), func(i, j int) { given[i], given[j] = given[j], given[i] })
				changed, removed, err := ix.Update(given)
				if err != nil {
					t.Fatal(err)
				}
				written += len(changed)
				maps.Copy(files, changed)
				for _, name := range removed {
					if _, ok := files[name]; !ok {
						t.Fatalf("step %d (%s): removed %s, which was not there", step, what, name)
					}
					delete(files, name)
				}
				checkSame(t, fmt.Sprintf("step %d (%s)", step, what), files, docs)
			}
			t.Logf("%d steps, %d built again whole, %.1f files written per step", tc.steps, ix.rebuilds, float64(written)/float64(tc.steps))
			if ix.rebuilds > tc.steps*2/3 {
				t.Errorf("%d of %d steps built everything again", ix.rebuilds, tc.steps)
			}
		})
	}
}

// checkSame fails unless files are what Build makes of docs.
func checkSame(t *testing.T, step string, files map[string][]byte, docs []Document) {
	t.Helper()
	want, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if got, ok := files[name]; !ok {
			t.Fatalf("%s: %s missing", step, name)
		} else if !bytes.Equal(got, want[name]) {
			t.Fatalf("%s: %s differs from Build's\n got %.300q\nwant %.300q", step, name, got, want[name])
		}
	}
	for name := range files {
		if _, ok := want[name]; !ok {
			t.Fatalf("%s: %s is not in Build's files", step, name)
		}
	}
}

// TestUpdateSections gives Update each document's sections in the slice it
// was given before, in a new slice with the same sections, and in a new
// slice with one heading changed: only the last is a change, and the index
// is then Build's.
func TestUpdateSections(t *testing.T) {
	c := newRandomCorpus(3, 60, 20)
	var docs []Document
	for range 20 {
		docs = append(docs, c.doc())
	}
	ix, files, err := NewIndex(docs)
	if err != nil {
		t.Fatal(err)
	}
	update := func(what string, want int) {
		t.Helper()
		changed, removed, err := ix.Update(docs)
		if err != nil {
			t.Fatal(err)
		}
		if len(changed) < want || want == 0 && len(changed)+len(removed) > 0 {
			t.Fatalf("%s: %d files written, %d removed", what, len(changed), len(removed))
		}
		maps.Copy(files, changed)
		for _, name := range removed {
			delete(files, name)
		}
		checkSame(t, what, files, docs)
	}
	update("the same slices", 0)
	for i := range docs {
		docs[i].Sections = slices.Clone(docs[i].Sections)
	}
	update("new slices, the same sections", 0)
	d := &docs[5]
	d.Sections = slices.Clone(d.Sections)
	d.Sections[len(d.Sections)-1].Heading = "a heading never seen"
	update("a heading changed", 2) // the document's file and its terms' shard
}
