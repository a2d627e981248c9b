package progress

import (
	"encoding/json"
	"strings"
	"testing"

	"p2pc/generator/feature"
)

// TestOutlineScript checks that lessons are grouped under their top-level
// module (as the outline names it, whatever their URLs) in reading order,
// nested modules' lessons included, lessons outside any module in a module
// of their own where they stand, and that a title cannot end the script.
func TestOutlineScript(t *testing.T) {
	pages := []feature.OutlinePage{
		{Kind: "lesson", Title: "Loose", URL: "loose/"}, // outside any module, as an mdBook's chapters
		{Kind: "module", Title: "Basics", URL: "basics/", ModuleURL: "basics/"},
		{Kind: "lesson", Title: "First", URL: "basics/first/", ModuleURL: "basics/"},
		{Kind: "module", Title: "Deeper", URL: "basics/deep/", ModuleURL: "basics/"},
		{Kind: "lesson", Title: "In </script><b>deep</b>", URL: "basics/deep/x/", ModuleURL: "basics/"},
		{Kind: "module", Title: "Part", URL: "part/", ModuleURL: "part/"}, // an mdBook part: its chapters are elsewhere
		{Kind: "lesson", Title: "Chapter", URL: "chapter/", ModuleURL: "part/"},
		{Kind: "module", Title: "Empty", URL: "empty/", ModuleURL: "empty/"},
		{Kind: "lesson", Title: "Also loose", URL: "also/"},
		{Kind: "lesson", Title: "And more", URL: "more/"},
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
	want := ": loose/|basics/: basics/first/ basics/deep/x/|part/: chapter/|empty/:|: also/ more/"
	if strings.Join(got, "|") != want {
		t.Errorf("modules = %q, want %q", strings.Join(got, "|"), want)
	}
	if c.Modules[1].Lessons[1].Title != "In </script><b>deep</b>" {
		t.Errorf("title lost: %q", c.Modules[1].Lessons[1].Title)
	}
}
