package markdown

import (
	"strings"
	"testing"
)

// TestIndentedDefinitions: a definition's colon indented by one or two
// spaces gives the same list as a colon at the start of the line; three
// spaces leave it text, as in Pandoc.
func TestIndentedDefinitions(t *testing.T) {
	flush := "term A\n: One, which\n  runs on.\n\nterm B\n: Two.\n: Three.\n\n    code\n"
	want := render(t, flush, false)
	if !strings.Contains(want, "<dl>") || strings.Count(want, "<dd>") != 3 {
		t.Fatalf("the flush list is not one list of three definitions:\n%s", want)
	}
	for _, pad := range []string{" ", "  "} {
		in := strings.ReplaceAll(flush, "\n: ", "\n"+pad+": ")
		if got := render(t, in, false); got != want {
			t.Errorf("colons indented %q:\n%s\nwant\n%s", pad, got, want)
		}
	}
	if got := render(t, "Not a term\n   : three spaces\n", false); strings.Contains(got, "<dl>") {
		t.Errorf("a colon indented three spaces made a list:\n%s", got)
	}
}
