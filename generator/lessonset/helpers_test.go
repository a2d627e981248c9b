package lessonset

import (
	"strings"
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
