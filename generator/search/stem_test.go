package search

import "testing"

func TestStem(t *testing.T) {
	tests := []struct{ word, want string }{
		{"benefits", "benefit"}, {"benefit", "benefit"}, {"coaching", "coach"},
		{"coach", "coach"}, {"coaches", "coach"}, {"listened", "listen"},
		{"listening", "listen"}, {"reciprocity", "reciproc"},
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"caress", "caress"},
		{"cats", "cat"}, {"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"},
		{"bled", "bled"}, {"motoring", "motor"}, {"sing", "sing"}, {"conflated", "conflat"},
		{"troubled", "troubl"}, {"sized", "size"}, {"hopping", "hop"}, {"tanned", "tan"},
		{"falling", "fall"}, {"hissing", "hiss"}, {"fizzed", "fizz"}, {"failing", "fail"},
		{"filing", "file"}, {"happy", "happi"}, {"sky", "sky"},
		{"generalizations", "gener"}, {"oscillators", "oscil"}, {"relational", "relat"},
		{"conditional", "condit"}, {"rational", "ration"}, {"digitizer", "digit"},
		{"hopeful", "hope"}, {"goodness", "good"}, {"revival", "reviv"},
		{"allowance", "allow"}, {"inference", "infer"}, {"airliner", "airlin"},
		{"adjustable", "adjust"}, {"defensible", "defens"}, {"irritant", "irrit"},
		{"replacement", "replac"}, {"adjustment", "adjust"}, {"dependent", "depend"},
		{"adoption", "adopt"}, {"communism", "commun"}, {"activate", "activ"},
		{"effective", "effect"}, {"bowdlerize", "bowdler"}, {"probate", "probat"},
		{"rate", "rate"}, {"cease", "ceas"}, {"controlling", "control"}, {"roll", "roll"},
		{"is", "is"}, {"a", "a"}, {"hoohanohano", "hoohanohano"}, {"lokahi", "lokahi"},
		{"kakou", "kakou"}, {"2024", "2024"}, {"naïve", "naïve"},
	}
	for _, tt := range tests {
		if got := Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
