package allinone

import (
	"strings"
	"testing"

	"p2pc/generator/feature"
)

func TestSharedTakesOnlyTheSame(t *testing.T) {
	pages := []feature.OutlinePage{{Kind: "lesson", Title: "One", URL: "m/one/"}}
	bodies := [][]byte{[]byte("<p>one</p>")}
	var s shared
	n := 0
	mk := func() made { n++; return made{html: "html"} }

	s.take("m/", "../../", pages, bodies, mk)
	s.take("m/", "../../", pages, [][]byte{[]byte("<p>one</p>")}, mk)
	if n != 1 {
		t.Fatalf("the second edition made the pages again (%d makes) though they are the same", n)
	}
	if len(s.views) != 0 {
		t.Fatalf("the second edition left its entry: %d views held", len(s.views))
	}

	s.take("m/", "../../", pages, bodies, mk)
	s.take("m/", "../../", pages, [][]byte{[]byte("<p>two</p>")}, mk)
	if n != 3 {
		t.Fatalf("a changed body was taken from the other edition (%d makes, want 3)", n)
	}
	retitled := []feature.OutlinePage{{Kind: "lesson", Title: "Uno", URL: "m/one/"}}
	s.take("m/", "../../", retitled, bodies, mk)
	if n != 4 {
		t.Fatalf("a changed title was taken from the other edition (%d makes, want 4)", n)
	}
	s.take("m/", "../", retitled, bodies, mk)
	if n != 5 {
		t.Fatalf("a view at another depth took the other's links (%d makes, want 5)", n)
	}
}

// The trainers' edition is the learners' with every <details> open, made
// once for both (whichever edition comes first).
func TestEditionsShareTheirPages(t *testing.T) {
	body := []byte(`<details class="solution"><summary>S</summary><p>a</p></details>` +
		`<p>&lt;details&gt; <detailsx></detailsx></p><details><summary>T</summary></details>`)
	outline := []feature.OutlinePage{
		{Kind: "module", Title: "M", URL: "m/", ModuleURL: "m/"},
		{Kind: "lesson", Title: "L", URL: "m/l/", ModuleURL: "m/"},
	}
	for _, trainerFirst := range []bool{false, true} {
		a := New()
		a.Outline(outline)
		get := func(string) []byte { return body }
		order := []string{Dir + "/m/", TrainerDir + "/m/"}
		if trainerFirst {
			order[0], order[1] = order[1], order[0]
		}
		got := map[string]string{}
		for _, u := range order {
			got[u] = string(a.Assemble(u, get))
		}
		learner, trainer := got[Dir+"/m/"], got[TrainerDir+"/m/"]
		if strings.Contains(learner, "<details open") {
			t.Errorf("trainer first %v: the learners' edition has an open <details>", trainerFirst)
		}
		if n := strings.Count(trainer, "<details open"); n != 4 || !strings.Contains(trainer, `<details open class="solution">`) || strings.Contains(trainer, "<detailsx open") {
			t.Errorf("trainer first %v: the trainers' edition opens %d <details> (want 4: two on the module page, two on the lesson):\n%s", trainerFirst, n, trainer)
		}
		_, lp, _ := strings.Cut(learner, "</p>\n") // after the intro, which names the other edition
		_, tp, _ := strings.Cut(trainer, "</p>\n")
		if strings.ReplaceAll(tp, "<details open", "<details") != lp {
			t.Errorf("trainer first %v: the editions' pages differ beyond the open <details>", trainerFirst)
		}
	}
}
