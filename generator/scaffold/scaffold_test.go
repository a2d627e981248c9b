package scaffold

import (
	"os"
	"path/filepath"
	"testing"
)

func TestNextWeight(t *testing.T) {
	dir := t.TempDir()
	if w, err := NextWeight(filepath.Join(dir, "absent")); w != 1 || err != nil {
		t.Errorf("absent folder: %d %v", w, err)
	}
	for name, text := range map[string]string{
		"01-intro.md":         "# no front matter\n",
		"plain.md":            "---\ntitle: x\n---\n",
		"b.md":                "+++\ntitle = \"b\"\nweight = 7\n+++\n",
		"_index.md":           "---\nweight: 99\n---\n", // the folder's own page: not a sibling
		"03-module/_index.md": "---\nweight: 5\n---\n",
		"04-other/README.md":  "# no weight: the prefix counts\n",
		"picture.png":         "",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if w, err := NextWeight(dir); w != 8 || err != nil {
		t.Errorf("NextWeight = %d, %v; want 8 (one after b.md's weight 7)", w, err)
	}
	os.Remove(filepath.Join(dir, "b.md"))
	if w, _ := NextWeight(dir); w != 6 {
		t.Errorf("NextWeight = %d; want 6 (one after 03-module's weight 5)", w)
	}
}

func TestTitle(t *testing.T) {
	for in, want := range map[string]string{
		"giving-feedback":    "Giving feedback",
		"02-giving_feedback": "Giving feedback",
		"Say thank you":      "Say thank you",
		"ask-for-help-today": "Ask for help today",
		"ʻike-loa":           "ʻike loa",
		"03-":                "03",
	} {
		if got := Title(in); got != want {
			t.Errorf("Title(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLessonRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	file, err := Lesson(dir, "First steps")
	if err != nil || file != filepath.Join(dir, "first-steps.md") {
		t.Fatalf("Lesson: %s %v", file, err)
	}
	os.WriteFile(file, []byte("mine"), 0o644)
	if _, err := Lesson(dir, "first-steps"); err == nil {
		t.Error("a second lesson of the same name replaced the first")
	}
	if data, _ := os.ReadFile(file); string(data) != "mine" {
		t.Errorf("the lesson was changed: %q", data)
	}
	if _, err := Lesson(dir, "!!!"); err == nil {
		t.Error("a name with no letters made a file")
	}
}
