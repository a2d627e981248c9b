package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A synthetic curriculum for the scale tests and benchmarks: lessons of
// 300-600 words in 4-6 sections. Words follow Zipf's law: about 45% come
// from a list of English function words and the rest from 20,000 made-up
// content words (plus some real ones from the course) with English endings,
// so the vocabulary, word lengths and stems look like English text.

var functionWords = strings.Fields(`the of and to a in is that for it as with was on be by you
this are or have not from at but an they which one we all can their has there more
if will would about so when what your other into some them these may could then
than its only also just how our over such like even most after us any those very
through where because each while both between before should under here well again`)

var courseWords = []string{"coach", "coaching", "peer", "peers", "listen", "listened",
	"listening", "benefit", "benefits", "reciprocity", "aloha", "Hoʻohanohano", "Lōkahi",
	"Kākou", "trust", "question", "questions", "feedback", "conversation", "story",
	"values", "respect", "ʻohana", "kuleana", "mālama", "team", "goal", "goals"}

type corpus struct {
	rng     *rand.Rand
	content []string  // content words, most frequent first
	zipf    []float64 // cumulative weights of content
	fzipf   []float64 // cumulative weights of functionWords
}

func newCorpus(seed uint64) *corpus {
	c := &corpus{rng: rand.New(rand.NewPCG(seed, 1))}
	onsets := strings.Fields("b c d f g h j k l m n p r s t v w st tr pl ch sh br cr gr th qu")
	vowels := strings.Fields("a e i o u ai ea ou io ee")
	codas := []string{"", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "rt"}
	seen := map[string]bool{}
	for len(c.content) < 20000 {
		var b strings.Builder
		n := 1 + c.rng.IntN(3)
		for range n {
			b.WriteString(onsets[c.rng.IntN(len(onsets))])
			b.WriteString(vowels[c.rng.IntN(len(vowels))])
			b.WriteString(codas[c.rng.IntN(len(codas))])
		}
		if w := b.String(); !seen[w] && len(w) > 2 {
			seen[w] = true
			c.content = append(c.content, w)
		}
	}
	for i, w := range courseWords { // spread the course words over the frequent ranks
		c.content[5+i*37] = w
	}
	c.zipf = cumulative(len(c.content), 1.0)
	c.fzipf = cumulative(len(functionWords), 0.9)
	return c
}

func cumulative(n int, s float64) []float64 {
	out := make([]float64, n)
	sum := 0.0
	for i := range out {
		sum += 1 / pow(float64(i+2), s)
		out[i] = sum
	}
	return out
}

func pow(x, s float64) float64 {
	if s == 1 {
		return x
	}
	r := 1.0
	for range 9 { // s is 0.9 here: x^0.9 = x / x^0.1, x^0.1 by Newton on y^10 = x
		r = r - (pow10(r)-x)/(10*pow10(r)/r)
	}
	return x / r
}

func pow10(r float64) float64 { r2 := r * r; r4 := r2 * r2; return r4 * r4 * r2 }

func (c *corpus) pick(cum []float64) int {
	x := c.rng.Float64() * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if cum[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// word returns one word of running text.
func (c *corpus) word() string {
	if c.rng.Float64() < 0.45 {
		return functionWords[c.pick(c.fzipf)]
	}
	w := c.content[c.pick(c.zipf)]
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || strings.ContainsAny(w, "ʻāō") {
		return w
	}
	switch x := c.rng.IntN(100); {
	case x < 15:
		return w + "s"
	case x < 23:
		return w + "ed"
	case x < 33:
		return w + "ing"
	case x < 36:
		return w + "er"
	case x < 40:
		return w + "ly"
	case x < 42:
		return w + "ation"
	}
	return w
}

func (c *corpus) words(n int, title bool) string {
	var b strings.Builder
	for i := range n {
		w := c.content[c.pick(c.zipf)]
		if i > 0 {
			b.WriteByte(' ')
		}
		if title || i == 0 {
			w = capitalize(w)
		}
		b.WriteString(w)
	}
	return b.String()
}

func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == 'ʻ' {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// text returns about n words of sentences.
func (c *corpus) text(n int) string {
	var b strings.Builder
	for n > 0 {
		m := min(n, 6+c.rng.IntN(15))
		n -= m
		for i := range m {
			w := c.word()
			if i == 0 {
				w = capitalize(w)
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			if i < m-1 && c.rng.IntN(12) == 0 {
				b.WriteByte(',')
			}
		}
		if c.rng.IntN(10) == 0 {
			b.WriteString("? ")
		} else {
			b.WriteString(". ")
		}
	}
	return strings.TrimSpace(b.String())
}

// syntheticDocs returns n lessons in n/100 modules (at least one); one
// document in ten is a glossary entry, card or question instead.
func syntheticDocs(n int) []Document {
	c := newCorpus(42)
	modules := make([]string, max(1, n/100))
	for i := range modules {
		modules[i] = fmt.Sprintf("Module %d: %s", i+1, c.words(2, true))
	}
	kinds := []string{"lesson", "lesson", "lesson", "lesson", "lesson", "lesson", "lesson", "glossary", "card", "question"}
	docs := make([]Document, n)
	for i := range docs {
		m := i * len(modules) / n
		d := Document{
			URL:    fmt.Sprintf("m%03d/lesson-%05d/index.html", m, i),
			Title:  c.words(2+c.rng.IntN(4), true),
			Module: modules[m],
			Kind:   kinds[i%len(kinds)],
		}
		total := 300 + c.rng.IntN(301)
		ns := 4 + c.rng.IntN(3)
		for s := range ns {
			anchor := ""
			heading := ""
			if s > 0 {
				heading = c.words(2+c.rng.IntN(3), false)
				anchor = fmt.Sprintf("s%d", s)
			}
			d.Sections = append(d.Sections, Section{Anchor: anchor, Heading: heading, Text: c.text(total / ns)})
		}
		docs[i] = d
	}
	return docs
}

// textSize is the size of the documents' text: titles, headings and texts.
func textSize(docs []Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Title)
		for _, s := range d.Sections {
			n += len(s.Heading) + len(s.Text)
		}
	}
	return n
}
