package generator

import (
	"strings"
	"testing"
)

// TestCarpentriesStyles: a lesson in The Carpentries' older template
// (_config.yml, _episodes/) fails with one error that says what it is and
// what to do, not one per episode; --format p2pc reads it as p2pc's own.
func TestCarpentriesStyles(t *testing.T) {
	content := files("_config.yml", "carpentry: \"lc\"\ntitle: \"Python\"\n", "index.md", "---\nlayout: lesson\n---\nWelcome.\n",
		"_episodes/01-intro.md", "---\ntitle: Intro\nteaching: 5\nexercises: 0\nquestions:\n- Why?\n---\nText.\n",
		"_episodes/02-next.md", "---\ntitle: Next\nteaching: 5\n---\nMore.\n")
	_, err := Build(content, layoutsFS, Options{})
	if err == nil {
		t.Fatal("a styles lesson built")
	}
	msg := err.Error()
	if want := "_config.yml:1:1: this is a lesson in The Carpentries' older template (styles: _config.yml and _episodes/), which p2pc does not read"; !strings.HasPrefix(msg, want) || strings.Count(msg, "\n") > 0 {
		t.Errorf("err =\n%s\nwant one error starting %q", msg, want)
	}
	_, err = Build(content, layoutsFS, Options{Format: "p2pc"})
	if err == nil || strings.Contains(err.Error(), "older template") || !strings.Contains(err.Error(), `"teaching"`) {
		t.Errorf("--format p2pc: err = %v, want p2pc's own front-matter errors", err)
	}
}
