package trainer_test

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"p2pc/generator"
	"p2pc/generator/blocks"
	"p2pc/generator/builtin"
	"p2pc/generator/feature"
	"p2pc/generator/trainer"
)

// build builds content with the built-in features and returns the site
// and the trainer feature of that build.
func build(t *testing.T, content fs.FS) (*generator.Site, *trainer.Trainer) {
	t.Helper()
	var tr *trainer.Trainer
	features := builtin.Features()
	for _, f := range features {
		if f, ok := f.(*trainer.Trainer); ok {
			tr = f
		}
	}
	if tr == nil {
		t.Fatal("package builtin does not list the trainer feature")
	}
	site, err := generator.Build(content, os.DirFS("../../layouts"), generator.Options{Features: features})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return site, tr
}

// fenceNotes counts, by scanning the Markdown of every content file, the
// fenced divs whose name is a trainer note of package blocks: file -> lines.
func fenceNotes(t *testing.T, content fs.FS) map[string][]int {
	t.Helper()
	var names []string
	for name := range blocks.New().Manifest().TrainerNotes {
		names = append(names, regexp.QuoteMeta(name))
	}
	open := regexp.MustCompile(`^\s{0,3}:{3,}\s*(` + strings.Join(names, "|") + `)\b`)
	found := map[string][]int{}
	err := fs.WalkDir(content, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		f, err := content.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			if open.MatchString(sc.Text()) {
				found[path] = append(found[path], line)
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestGuideHoldsEveryNote builds the real curriculum and checks that the
// facilitator guide holds each trainer note of the content, found by
// scanning the Markdown, at its file and line, and nothing else.
func TestGuideHoldsEveryNote(t *testing.T) {
	content := os.DirFS("../../content")
	want := fenceNotes(t, content)
	total := 0
	for _, lines := range want {
		total += len(lines)
	}
	if total < 10 {
		t.Fatalf("the curriculum has %d trainer notes by the scan; expected at least 10 (is the scan broken?)", total)
	}
	site, tr := build(t, content)
	got := map[string][]int{}
	for _, n := range tr.Notes() {
		got[n.Source] = append(got[n.Source], n.Line)
		if strings.TrimSpace(string(n.HTML)) == "" {
			t.Errorf("%s:%d: the note is empty in the guide", n.Source, n.Line)
		}
	}
	for src := range got {
		sort.Ints(got[src])
	}
	for src, lines := range want {
		if fmt.Sprint(lines) != fmt.Sprint(got[src]) {
			t.Errorf("%s: notes at lines %v in the Markdown, %v in the guide", src, lines, got[src])
		}
	}
	for src := range got {
		if want[src] == nil {
			t.Errorf("%s: the guide has notes %v the scan did not find", src, got[src])
		}
	}
	page := string(site.Files["facilitator-guide/index.html"])
	if n := strings.Count(page, `class="box guide-note"`); n != total {
		t.Errorf("the guide page shows %d notes, the content has %d", n, total)
	}
	for _, s := range []string{`<meta name="robots" content="noindex">`, `id="workshop-agenda"`, "1:18"} {
		if !strings.Contains(page, s) {
			t.Errorf("the guide page lacks %s", s)
		}
	}
	module := string(site.Files["trainers/index.html"])
	if !strings.Contains(module, `href="../facilitator-guide/index.html"`) {
		t.Error("the trainers' module does not link to the facilitator guide")
	}
}

// small is a site with notes in a module, nested in a box and on a
// top-level page, and an agenda.
var small = fstest.MapFS{
	"_index.md":             {Data: []byte("---\ntitle: Home\n---\nWelcome.\n")},
	"about.md":              {Data: []byte("---\ntitle: About\n---\n::: instructor\nTop-level note.\n:::\n")},
	"01-mod/_index.md":      {Data: []byte("---\ntitle: The module\n---\nIntro.\n")},
	"01-mod/01-one.md":      {Data: []byte("---\ntitle: One\n---\n## Plan {#plan}\n\n::: agenda\n| Start | What |\n| --- | --- |\n| 0:00 | Hello |\n:::\n\n## Practice {#practice}\n\n::: facilitator\n### Pairs\nSee [two](02-two.md#end) and [above](#plan).\n:::\n")},
	"01-mod/02-two.md":      {Data: []byte("---\ntitle: Two\n---\n## End {#end}\n\n::: callout\n::: facilitator {title=\"Timing\"}\nKeep it short.\n:::\n:::\n")},
	"01-mod/03-no-notes.md": {Data: []byte("---\ntitle: Three\n---\nNothing for trainers.\n")},
}

// TestGuidePage checks the guide of a small site: notes in reading order
// under their module and lesson, links made relative to the guide, note
// headings without ids, the agenda first, and a top-level page's note.
func TestGuidePage(t *testing.T) {
	site, tr := build(t, small)
	var where []string
	for _, n := range tr.Notes() {
		where = append(where, fmt.Sprintf("%s:%d#%s", n.Source, n.Line, n.Section))
	}
	if got, want := strings.Join(where, " "), "01-mod/01-one.md:14#practice 01-mod/02-two.md:7#end about.md:4#"; got != want {
		t.Errorf("notes found: %s, want %s", got, want)
	}
	page := string(site.Files["facilitator-guide/index.html"])
	for _, s := range []string{
		`<a href="../mod/two/index.html#end">two</a>`,    // a link to another lesson, from the guide
		`<a href="../mod/one/index.html#plan">above</a>`, // a link within the lesson
		`<h5>Pairs</h5>`,                                  // the note's heading, below the guide's, without an id
		`aria-label="Timing"`,                             // title= labels the note
		`<a href="../mod/one/index.html#practice">`,       // the note links to its section
		`<td>Hello</td>`,                                  // the agenda
		`<a href="../mod/index.html">The module</a></h2>`, // grouped by module
		`<h2 id="module-2">Other pages</h2>`,              // top-level pages
	} {
		if !strings.Contains(page, s) {
			t.Errorf("the guide lacks %s", s)
		}
	}
	if i, j := strings.Index(page, "workshop-agenda"), strings.Index(page, "Keep it short."); i < 0 || j < i {
		t.Error("the agenda does not come before the notes")
	}
	if strings.Contains(page, "Nothing for trainers") || strings.Contains(page, `id="pairs"`) {
		t.Error("the guide holds text that is not a note, or a note heading's id")
	}
	lesson := string(site.Files["mod/one/index.html"])
	if !strings.Contains(lesson, `<div class="agenda">`) || !strings.Contains(lesson, "assets/trainer.js") {
		t.Error("the lesson lacks its agenda div or the trainer view script")
	}
}

// TestNoGuideWithoutNotes: a site without notes or agendas has no guide.
func TestNoGuideWithoutNotes(t *testing.T) {
	site, tr := build(t, fstest.MapFS{
		"_index.md":        {Data: []byte("---\ntitle: Home\n---\nWelcome.\n")},
		"01-mod/01-one.md": {Data: []byte("---\ntitle: One\n---\nText.\n")},
	})
	if len(tr.Notes()) != 0 || site.Files["facilitator-guide/index.html"] != nil {
		t.Error("a site without notes has a facilitator guide")
	}
}

var _ feature.Feature = trainer.New()
