package generator

import (
	"bytes"
	"testing"
)

var wordCases = []string{
	"", " ", "one", " two words ", "tabs\tand\nnew\r\nlines\v\f",
	"no\u00a0break\u2003em\u3000ideographic\u0085next", "ʻokina Hoʻohanohano Lōkahi",
	"bad \xff utf-8 \xe2\x80", "\u200bzero-width is not a space",
}

func TestCountWordsIsLenOfFields(t *testing.T) {
	for _, s := range wordCases {
		if got, want := countWords([]byte(s)), len(bytes.Fields([]byte(s))); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzCountWords(f *testing.F) {
	for _, s := range wordCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countWords([]byte(s)), len(bytes.Fields([]byte(s))); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	})
}
