package coachlog_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"p2pc/generator"
	"p2pc/generator/builtin"
)

// TestPageOnlyWithDiv checks that a site gets the log page only when a
// lesson holds the coaching-log div, that the div is drawn as a box, and
// that a link to the page without the div is reported.
func TestPageOnlyWithDiv(t *testing.T) {
	build := func(content fstest.MapFS) (*generator.Site, error) {
		return generator.Build(content, os.DirFS("../../layouts"), generator.Options{Features: builtin.Features()})
	}
	s, err := build(site("Div test"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Files["coaching-log/index.html"] == nil {
		t.Fatal("no coaching-log/index.html although a lesson holds the div")
	}
	lesson := string(s.Files["steps/check/index.html"])
	if !strings.Contains(lesson, `<aside class="box coaching-log" aria-label="Your coaching log"><p class="box-title">Your coaching log</p>`) ||
		!strings.Contains(lesson, `href="../../coaching-log/index.html"`) {
		t.Errorf("the div is not drawn as a box with its link:\n%s", lesson)
	}

	plain := site("Div test")
	plain["01-steps/01-check.md"] = &fstest.MapFile{Data: []byte("# Check back\n\nNo log here.\n")}
	s, err = build(plain)
	if err != nil {
		t.Fatal(err)
	}
	for name := range s.Files {
		if strings.HasPrefix(name, "coaching-log/") {
			t.Errorf("%s is made although no lesson holds the div", name)
		}
	}

	plain["01-steps/01-check.md"] = &fstest.MapFile{Data: []byte("# Check back\n\nKeep a [log](../coaching-log/).\n")}
	if _, err := build(plain); err == nil || !strings.Contains(err.Error(), "link to coaching-log/, but no such page is made") {
		t.Errorf("a link to the log page without the div: %v", err)
	}
}
