package main

import (
	"regexp"
	"strings"
	"testing"
)

var (
	fencedLine  = regexp.MustCompile(`(?m)^(:{3,}.*|-{3,}|\+{3,}|\|.*\||#{1,6} .*)$`)
	mdLink      = regexp.MustCompile(`\]\([^)]*\)|\{[#.][^}]*\}`)
	mdMarks     = regexp.MustCompile("[*_`>#\\[\\]|]")
	sentenceEnd = regexp.MustCompile(`[.!?]+(\s|$)|\n\s*\n|\n\s*[-*\d]+[.)]?\s`)
	vowelGroups = regexp.MustCompile(`[aeiouy]+`)
)

// fleschReadingEase scores English prose: 60-70 is plain English, higher is easier.
func fleschReadingEase(text string) float64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'' || r == '’')
	})
	sentences := len(sentenceEnd.FindAllString(text, -1))
	if len(words) == 0 || sentences == 0 {
		return 100
	}
	syllables := 0
	for _, w := range words {
		syllables += countSyllables(w)
	}
	return 206.835 - 1.015*float64(len(words))/float64(sentences) - 84.6*float64(syllables)/float64(len(words))
}

// countSyllables estimates a word's syllables from its vowel groups.
func countSyllables(w string) int {
	n := len(vowelGroups.FindAllString(w, -1))
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && n > 1 {
		n--
	}
	return max(n, 1)
}

// prose strips front matter, headings, fences, tables and Markdown marks.
func prose(md string) string {
	if strings.HasPrefix(md, "---\n") {
		if end := strings.Index(md[4:], "\n---"); end >= 0 {
			md = md[4+end+4:]
		}
	}
	md = fencedLine.ReplaceAllString(md, "")
	md = mdLink.ReplaceAllString(md, "]")
	return mdMarks.ReplaceAllString(md, "")
}

func TestFleschScorer(t *testing.T) {
	easy := fleschReadingEase("Ask a coworker for help. Listen to the answer. Say thank you.")
	hard := fleschReadingEase("Organizational implementation of reciprocal developmental conversations necessitates institutional commitment and considerable managerial sophistication.")
	if easy < 80 || hard > 0 {
		t.Fatalf("easy text scored %.0f, hard text %.0f", easy, hard)
	}
}

// TestReadability asks for plain English: every lesson scores at least 60
// on the Flesch reading-ease scale (worksheets and the glossary included).
func TestReadability(t *testing.T) {
	scored := 0
	err := walkMarkdown("content", func(path string, data []byte) {
		text := prose(string(data))
		if len(strings.Fields(text)) < 80 {
			return
		}
		scored++
		if score := fleschReadingEase(text); score < 60 {
			t.Errorf("%s: Flesch reading ease %.0f, want 60 or more (shorter sentences, shorter words)", path, score)
		}
	})
	if err != nil || scored < 40 {
		t.Fatalf("scored %d files: %v", scored, err)
	}
}
