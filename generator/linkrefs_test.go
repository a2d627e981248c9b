package generator

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestLinksFor(t *testing.T) {
	defs := parseLinkDefs("Some text, not a definition.\n\n[python]: https://python.org\n[The  Shell]: https://example.org/shell\n   \"A title on its own line\"\n[unused]: https://example.org/u\n[esc\\]aped]: https://example.org/e\n")
	var labels []string
	for _, d := range defs {
		labels = append(labels, d.label)
	}
	if got := strings.Join(labels, "|"); got != `python|the shell|unused|esc\]aped` {
		t.Errorf("labels %q", got)
	}
	body := []byte("Use [Python][python] in [the\nshell] and [x](y).\n")
	got := string(linksFor(body, defs))
	want := "[python]: https://python.org\n[The  Shell]: https://example.org/shell\n   \"A title on its own line\"\n"
	if got != want {
		t.Errorf("linksFor =\n%q\nwant\n%q", got, want)
	}
	if got := linksFor([]byte("No references here.\n"), defs); len(got) != 0 {
		t.Errorf("a page with no references gets %q", got)
	}
}

// TestLinksForLinear: the time to pick a page's definitions grows with the
// page and links.md, not with their product, whatever the brackets' shape.
func TestLinksForLinear(t *testing.T) {
	var md strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&md, "[ref%d]: https://example.org/%d\n", i, i)
	}
	defs := parseLinkDefs(md.String())
	bodies := map[string]string{
		"open brackets":  strings.Repeat("[", 200000) + "]",
		"many pairs":     strings.Repeat("[a] ", 50000),
		"references":     strings.Repeat("[x][ref7] ", 20000),
		"one long label": "[" + strings.Repeat("a ", 100000) + "]",
	}
	for name, body := range bodies {
		start := time.Now()
		for range 20 {
			linksFor([]byte(body), defs)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: 20 pages took %v", name, d)
		}
	}
}
