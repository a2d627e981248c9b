package lessonset

import (
	"strings"
	"testing"
)

// outline writes an outline one entry a line, indented by depth:
// "[Title](Source)", "[Title]()" for a draft, "# Part", "---", and
// "[Title](Dir/)" for a group without a page.
func outline(es []*Entry) string {
	var b strings.Builder
	var walk func([]*Entry, int)
	walk = func(es []*Entry, depth int) {
		for _, e := range es {
			b.WriteString(strings.Repeat("  ", depth))
			switch {
			case e.Dir != "":
				b.WriteString("[" + e.Title + "](" + e.Dir + "/)")
			case e.Source == "" && !e.Part && !e.Separator && !e.Draft:
				b.WriteString("[" + e.Title + "](?)")
			default:
				b.WriteString(e.String())
			}
			b.WriteString("\n")
			walk(e.Children, depth+1)
		}
	}
	walk(es, 0)
	return b.String()
}

func problems(s *Set) string {
	var b strings.Builder
	for _, p := range s.Problems {
		b.WriteString(p.Error() + "\n")
	}
	return b.String()
}

func TestDumpCorpora(t *testing.T) {
	for _, name := range []string{"shell-novice", "mdbook-guide", "hugo-docs", "hugo-docs/content/en"} {
		s, ok := Detect(corpus(t, name))
		if !ok {
			t.Logf("%s: not detected", name)
			continue
		}
		var home []*Entry
		if s.Home != nil {
			home = s.Home.Children
			t.Logf("home %q %q", s.Home.Title, s.Home.Source)
		}
		t.Logf("%s: %+v\n%s%s", name, *s, outline(home), problems(s))
	}
}
