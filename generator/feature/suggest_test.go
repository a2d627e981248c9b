package feature

import "testing"

func TestDidYouMean(t *testing.T) {
	names := []string{"title", "weight", "summary"}
	for in, want := range map[string]string{
		"wieght":  ` (did you mean "weight"?)`,
		"Titel":   ` (did you mean "title"?)`,
		"summary": ` (did you mean "summary"?)`,
		"colour":  "",
	} {
		if got := DidYouMean(in, names); got != want {
			t.Errorf("DidYouMean(%q) = %q, want %q", in, got, want)
		}
	}
}
