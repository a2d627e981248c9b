package progress

import (
	"encoding/json"
	"strings"
	"testing"

	"p2pc/generator/feature"
)

// TestOutlineScript checks that lessons are grouped under their top-level
// module in reading order, nested modules' lessons included, and that a
// title cannot end the script.
func TestOutlineScript(t *testing.T) {
	pages := []feature.OutlinePage{
		{Kind: "module", Title: "Basics", URL: "basics/"},
		{Kind: "lesson", Title: "First", URL: "basics/first/"},
		{Kind: "module", Title: "Deeper", URL: "basics/deep/"},
		{Kind: "lesson", Title: "In </script><b>deep</b>", URL: "basics/deep/x/"},
		{Kind: "module", Title: "More", URL: "more/"},
		{Kind: "module", Title: "Empty", URL: "empty/"},
		{Kind: "lesson", Title: "Last", URL: "more/last/"},
	}
	text := string(outlineScript(pages))
	if strings.Contains(text, "</script>") {
		t.Errorf("a title closes the script: %s", text)
	}
	const prefix = "window.P2PC_OUTLINE = "
	_, js, ok := strings.Cut(text, prefix)
	if !ok || !strings.HasSuffix(js, ";\n") {
		t.Fatalf("not an assignment to window.P2PC_OUTLINE: %s", text)
	}
	var c Course
	if err := json.Unmarshal([]byte(strings.TrimSuffix(js, ";\n")), &c); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range c.Modules {
		s := m.URL + ":"
		for _, l := range m.Lessons {
			s += " " + l.URL
		}
		got = append(got, s)
	}
	want := "basics/: basics/first/ basics/deep/x/|more/:|empty/:"
	if strings.Join(got, "|") != want {
		t.Errorf("modules = %q, want %q", strings.Join(got, "|"), want)
	}
	if c.Modules[0].Lessons[1].Title != "In </script><b>deep</b>" {
		t.Errorf("title lost: %q", c.Modules[0].Lessons[1].Title)
	}
}
