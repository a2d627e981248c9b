package search

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hoohanohano", "hoohanohano"},
		{"Hoohanohano", "hoohanohano"},
		{"ho'ohanohano", "hoohanohano"},
		{"hoʻohanohano", "hoohanohano"}, // ʻokina U+02BB
		{"Hoʻohanohano", "hoohanohano"},
		{"ho’ohanohano", "hoohanohano"},
		{"hoʼohanohano", "hoohanohano"},
		{"Lōkahi", "lokahi"},
		{"Lo\u0304kahi", "lokahi"}, // already decomposed
		{"Kākou", "kakou"},
		{"HAWAIʻI", "hawaii"},
		{"Café", "cafe"},
		{"İstanbul", "istanbul"},
		{"ΟΔΟΣ", "οδοσ"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
