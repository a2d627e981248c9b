package search

import (
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Peer to Peer Coaching", []string{"peer", "to", "peer", "coaching"}},
		{"peer-to-peer, (really)!", []string{"peer", "to", "peer", "really"}},
		{"Hoʻohanohano means to honor", []string{"hoohanohano", "means", "to", "honor"}},
		{"don't 'quote' ' alone", []string{"dont", "quote", "alone"}},
		{"Lōkahi: unity; Kākou.", []string{"lokahi", "unity", "kakou"}},
		{"<script>alert(1)</script>", []string{"script", "alert", "1", "script"}},
		{"  ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.in) {
			got = append(got, tok.Word)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	text := "Talk story, Hoʻohanohano!"
	want := []string{"Talk", "story", "Hoʻohanohano"}
	toks := Tokenize(text)
	if len(toks) != len(want) {
		t.Fatalf("Tokenize(%q) = %d tokens, want %d", text, len(toks), len(want))
	}
	for i, tok := range toks {
		if got := text[tok.Start:tok.End]; got != want[i] {
			t.Errorf("token %d spans %q, want %q", i, got, want[i])
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Hoʻohanohano", "Lōkahi Kākou", "peer-to-peer", "a'b'c", "\xff\xfe", "ǅemal ΣΟΦΟΣ İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range Tokenize(s) {
			if tok.Word == "" {
				t.Fatalf("empty token in %q", s)
			}
			if tok.Start < 0 || tok.End > len(s) || tok.Start >= tok.End {
				t.Fatalf("bad span %d:%d in %q", tok.Start, tok.End, s)
			}
			if Normalize(tok.Word) != tok.Word {
				t.Fatalf("token %q of %q is not normalized: %q", tok.Word, s, Normalize(tok.Word))
			}
			if !utf8.ValidString(tok.Word) && utf8.ValidString(s) {
				t.Fatalf("token %q of valid %q is not valid UTF-8", tok.Word, s)
			}
			for _, r := range tok.Word {
				if isApostrophe(r) || unicode.Is(unicode.M, r) || !isWordRune(r) && r != utf8.RuneError {
					t.Fatalf("token %q of %q has %q", tok.Word, s, r)
				}
			}
			_ = Stem(tok.Word)
		}
	})
}
