package generator

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"p2pc/generator/synthetic"
)

// TestEarlyBodies builds sites three ways: bodies rendered while checking
// and spooled to a file, the same held in memory, and with a server's
// pipeline, which parses a page again to render it. All three must give
// the same bytes, and the spool must be gone when the run ends.
//
// The curriculum has a glossary, whose terms change the trees of the pages
// that name them, even where its scan of the Markdown does not look (a
// nested list): its pages are parsed again, none is rendered early.
// Without a glossary page, and in a synthetic course, most bodies come from
// the check's parse, among them a lesson that links to another's heading
// and shows a diagram whose link is written with an escape.
func TestEarlyBodies(t *testing.T) {
	content := curriculumFS(t)
	content["02-five-steps/zz-early.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Early\n---\n\n" +
		"See [the first step](02-ask.md) and [why peers](../01-start-here/01-what-is-p2pc.md#why-peers).\n\n" +
		"![The loop of the five steps](five-steps-loop.sv%67)\n")}
	content["02-five-steps/zz-nested.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Nested\n---\n\n" +
		"- First point\n    - Then Kākou, nested.\n\n1. Step\n\n    A paragraph about Lōkahi.\n")}
	// A lesson read only for its notes is rendered before the features read
	// it: a collapsed part in a note has its heading moved into a summary
	// by then, and a box's heading marked, which the guide must not show.
	content["02-five-steps/zz-noted.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Noted\n---\n\n" +
		"Some text.\n\n::: facilitator\nAsk the room first.\n\n::: solution\n### What to listen for\n\nNames of the steps.\n:::\n\n" +
		"::: callout\n### A tip\n\nKeep it short.\n:::\n:::\n")}
	files, st := buildThreeWays(t, content)
	if st.Early != 0 {
		t.Errorf("%d pages of a course with a glossary rendered from the check's parse, want 0", st.Early)
	}
	if n := strings.Count(string(files["five-steps/zz-nested/index.html"]), `class="term-link"`); n != 2 {
		t.Errorf("the nested lesson links %d glossary terms, want 2", n)
	}
	glossary := content["05-values/01-glossary.md"] // made a lesson like any other: its URL no longer ends in glossary/
	glossary.Data = []byte(strings.Replace(string(glossary.Data), "---\n", "---\nslug: words\n", 1))
	files, st = buildThreeWays(t, content)
	if st.Early == 0 { // most of its lessons hold cards or worksheets, which their features read
		t.Error("no page of the curriculum without a glossary page was rendered from the check's parse")
	}
	if guide := string(files["facilitator-guide/index.html"]); !strings.Contains(guide, "<div class=\"solution\">\n<h5>What to listen for</h5>") {
		t.Errorf("the guide does not show the note's solution as a div opening with its heading:\n%s", guide[max(0, strings.Index(guide, "Ask the room")-200):][:min(1200, len(guide)-max(0, strings.Index(guide, "Ask the room")-200))])
	}
	if !strings.Contains(string(files["five-steps/zz-early/index.html"]), `class="diagram"`) {
		t.Error("the test lesson's diagram is not in its page")
	}
	_, st = buildThreeWays(t, syntheticFS(synthetic.Size(200)))
	if st.Early*2 < st.Rendered {
		t.Errorf("%d of %d pages of the synthetic course rendered from the check's parse, want at least half", st.Early, st.Rendered)
	}
	if spooledTexts != st.Early {
		t.Errorf("%d pages' search texts waited in the spool, want those of the %d rendered early", spooledTexts, st.Early)
	}
}

// spooledTexts counts the pages whose search texts waited in the spool in
// the last buildThreeWays.
var spooledTexts int

// buildThreeWays builds content three ways (see TestEarlyBodies), fails the
// test where they differ, and returns the spooled build's files and
// Stats.
func buildThreeWays(t *testing.T, content fstest.MapFS) (map[string][]byte, Stats) {
	t.Helper()
	spool := t.TempDir()
	pl := NewPipeline(content, layoutsFS, Options{}, false)
	pl.spool = spool
	spooled := NewMemory()
	site, err := pl.Run(spooled)
	if err != nil {
		t.Fatal(err)
	}
	spooledTexts = 0
	for _, pg := range site.Pages {
		if pg.texts.n > 0 {
			spooledTexts++
		}
	}
	if left, _ := os.ReadDir(spool); len(left) != 0 {
		t.Errorf("the spool folder holds %d files after the run", len(left))
	}
	inMemory, err := Build(content, layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	server := NewMemory()
	if _, err := NewPipeline(content, layoutsFS, Options{}, true).Run(server); err != nil {
		t.Fatal(err)
	}
	for name, want := range server.Files {
		for how, got := range map[string][]byte{"spooled": spooled.Files[name], "in memory": inMemory.Files[name]} {
			if string(got) != string(want) {
				t.Errorf("%s, %s: differs from a page parsed again to render it\n%s", name, how, firstDiff(got, want))
			}
		}
	}
	if len(spooled.Files) != len(server.Files) || len(inMemory.Files) != len(server.Files) {
		t.Errorf("%d files spooled, %d in memory, %d parsed again", len(spooled.Files), len(inMemory.Files), len(server.Files))
	}
	return spooled.Files, pl.Stats()
}

// TestEarlyBodiesRunAgain: a one-off pipeline that keeps its parses (as
// one resumed from a build cache does) and runs again after one lesson's
// text is edited makes the search index a clean build makes: the parses
// it kept for the other pages, not rendered again, hold no sections whose
// texts waited in the last run's spool.
func TestEarlyBodiesRunAgain(t *testing.T) {
	content := syntheticFS(20)
	pl := NewPipeline(content, layoutsFS, Options{}, false)
	pl.spool, pl.keepParses = t.TempDir(), true
	out := NewMemory()
	if _, err := pl.Run(out); err != nil {
		t.Fatal(err)
	}
	out.Sweep()
	var edited string
	for _, name := range slices.Sorted(maps.Keys(content)) {
		if strings.HasSuffix(name, ".md") && strings.Contains(string(content[name].Data), "\ntitle: ") {
			edited = name
			break
		}
	}
	f := content[edited]
	f.Data = append(f.Data, "\nA new closing line about Kākou.\n"...)
	pl.Forget(edited)
	if _, err := pl.Run(out); err != nil {
		t.Fatal(err)
	}
	out.Sweep()
	if st := pl.Stats(); st.Parsed != 1 {
		t.Fatalf("the second run parsed %d pages, want the edited one", st.Parsed)
	}
	clean, err := Build(content, layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range clean.Files {
		if strings.HasPrefix(name, "search/") && string(out.Files[name]) != string(want) {
			t.Errorf("%s differs from a clean build's\n%s", name, firstDiff(out.Files[name], want))
		}
	}
}
