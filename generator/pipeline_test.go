package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestPipelineReplay replays random sequences of edits, of every kind an
// author makes, through one Pipeline, and after each one compares what it
// holds with a build from scratch of the same files: the same bytes in
// every file (the search index included), the same files, or the same
// errors. It also checks that the files that changed are exactly those
// the run gave anew, and that most edits rendered few pages.
func TestPipelineReplay(t *testing.T) {
	steps := 60
	if testing.Short() {
		steps = 15
	}
	fast, viaFeatures := 0, 0
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			f, v := replay(t, seed, steps)
			fast, viaFeatures = fast+f, viaFeatures+v
		})
	}
	// A fifth of the edits or more render few pages, counted over all seeds: one seed's
	// random edits (15 under -short) may be mostly titles and layouts.
	if fast < 4*steps/5 {
		t.Errorf("only %d of %d edits rendered 3 pages or fewer", fast, 4*steps)
	}
	// Edits of lessons with cards or worksheets run the features again
	// and render few pages (and the output is still a clean build's).
	if viaFeatures < 4 {
		t.Errorf("only %d edits ran the features again and rendered few pages", viaFeatures)
	}
}

// replay returns how many edits rendered few pages, and how many of those
// ran the features again.
func replay(t *testing.T, seed uint64, steps int) (fast, viaFeatures int) {
	e := newEditor(seed)
	layouts := Layers(e.layouts, snapshotLayouts(t))
	pl := NewPipeline(e.content, layouts, Options{}, true)
	mem := NewMemory()
	site, err := pl.Run(mem)
	if err != nil {
		t.Fatalf("first build: %v", err)
	}
	mem.Sweep()
	if !slices.ContainsFunc(slices.Collect(maps.Values(mem.Files)), func(b []byte) bool { return bytes.Contains(b, []byte(`class="term-link"`)) }) {
		t.Fatal("no glossary term is linked in the first build: the replay would not cover the glossary's marks")
	}
	good := maps.Clone(mem.Files)
	searchFiles := 0
	for step := range steps {
		what, contentPaths, _ := e.edit()
		want, wantErr := Build(e.content, layouts, Options{})
		pl.Forget(contentPaths...)
		_, gotErr := pl.Run(mem)
		switch {
		case wantErr != nil && gotErr == nil:
			t.Fatalf("step %d (%s): Build fails but Run does not:\n%v", step, what, wantErr)
		case wantErr == nil && gotErr != nil:
			t.Fatalf("step %d (%s): Run fails but Build does not:\n%v", step, what, gotErr)
		case wantErr != nil:
			if gotErr.Error() != wantErr.Error() {
				t.Fatalf("step %d (%s): errors differ\nRun:\n%v\nBuild:\n%v", step, what, gotErr, wantErr)
			}
			var fe *FileError
			if errors.As(wantErr, &fe) && e.rng.IntN(4) > 0 {
				e.fix = fe.Path // as an author fixes what the overlay shows
			}
			continue
		}
		changed := mem.Sweep()
		got := mem
		if st := pl.Stats(); st.Rendered-st.Assembled <= 3 {
			fast++
			if st.Features {
				viaFeatures++
			}
			for _, name := range changed {
				if strings.HasPrefix(name, "search/") {
					searchFiles++
				}
			}
		}
		for _, name := range slices.Sorted(maps.Keys(want.Files)) {
			if string(got.Files[name]) != string(want.Files[name]) {
				t.Fatalf("step %d (%s): %s differs from a clean build\n%s", step, what, name, firstDiff(got.Files[name], want.Files[name]))
			}
		}
		for name := range got.Files {
			if _, ok := want.Files[name]; !ok {
				t.Fatalf("step %d (%s): %s is not in a clean build", step, what, name)
			}
		}
		if reported, actual := changed, changedFiles(good, want.Files); !slices.Equal(reported, actual) {
			t.Fatalf("step %d (%s): reported changes %q, actual %q", step, what, reported, actual)
		}
		good = maps.Clone(want.Files)
	}
	t.Logf("%d steps, %d rendered 3 pages or fewer (%d of them running the features again), writing %d search files (%d pages)",
		steps, fast, viaFeatures, searchFiles, len(site.Pages))
	return fast, viaFeatures
}

// snapshotLayouts reads ../layouts once, so that edits others make to it
// while the tests run do not show as differences.
func snapshotLayouts(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(layoutsFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(layoutsFS, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// editor holds a small curriculum in memory and edits it at random.
type editor struct {
	rng     *rand.Rand
	content fstest.MapFS
	layouts fstest.MapFS // overrides of the real layouts
	n       int          // a counter for new names and words
	next    string       // a lesson whose linked heading the next edit renames
	fix     string       // a file in error that the next edit rewrites
}

const diagram = `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 10 10"><title>Loop</title><desc>A loop %d.</desc><circle cx="5" cy="5" r="%d"/></svg>`

func newEditor(seed uint64) *editor {
	e := &editor{rng: rand.New(rand.NewPCG(seed, 99)), content: fstest.MapFS{}, layouts: fstest.MapFS{}}
	e.put("_index.md", "---\ntitle: Home\n---\nWelcome home.\n")
	e.put("site.yaml", "title: Replay\n")
	e.put("about.md", "---\ntitle: About\nsummary: What this is.\n---\nAbout the site.\n")
	e.put("01-alpha/_index.md", "---\ntitle: Alpha\nsummary: The first module.\n---\nAlpha intro.\n")
	e.put("02-beta/_index.md", "---\ntitle: Beta\n---\nBeta intro.\n")
	e.put("02-beta/diagram.svg", fmt.Sprintf(diagram, 0, 4))
	for _, name := range []string{"01-alpha/01-one.md", "01-alpha/02-two.md", "01-alpha/03-three.md", "02-beta/01-four.md", "02-beta/02-five.md"} {
		e.put(name, e.lesson(name))
	}
	e.put("02-beta/03-six.md", e.lesson("02-beta/03-six.md")+"\n![A loop](diagram.svg)\n")
	// A glossary whose terms the lessons' words use, linked in their text.
	e.put("02-beta/09-glossary.md", "---\ntitle: Glossary\nslug: glossary\n---\n## Trust {#trust}\n\nBelief in others.\n\n## Team goal\n\nWhat a team works for.\n")
	// A card and a worksheet, whose text edits rebuild the features' pages.
	e.put("01-alpha/02-two.md", e.get("01-alpha/02-two.md")+"\n::: card {#card-0}\n### Card zero\nWhat is "+e.words(3)+"?\n:::\n")
	e.put("02-beta/01-four.md", e.get("02-beta/01-four.md")+"\n:::: worksheet {#ws-0 title=\"Sheet zero\"}\n\n::: question {#q-0 type=short accept=\"yes\"}\nIs it "+e.words(3)+"?\n:::\n\n::::\n")
	return e
}

func (e *editor) put(name, data string)  { e.content[name] = &fstest.MapFile{Data: []byte(data)} }
func (e *editor) get(name string) string { return string(e.content[name].Data) }

func (e *editor) words(n int) string {
	ws := strings.Fields("peer coach listens asks trust story value team goal practice respect help share notice")
	var b []string
	for range n {
		b = append(b, ws[e.rng.IntN(len(ws))])
	}
	return strings.Join(b, " ")
}

func (e *editor) lesson(name string) string {
	e.n++
	title := strings.TrimSuffix(path.Base(name), ".md")
	return fmt.Sprintf("---\ntitle: Lesson %s\nsummary: About %s.\n---\nIntro %s.\n\n## Part one {#p1}\n\n%s.\n\n## Part two\n\n%s.\n",
		title, e.words(2), e.words(8), e.words(30), e.words(20))
}

// lessons lists the lesson files (not module pages).
func (e *editor) lessons() []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(e.content)) {
		if strings.HasSuffix(name, ".md") && strings.Contains(name, "/") && !strings.HasSuffix(name, "_index.md") {
			out = append(out, name)
		}
	}
	return out
}

func (e *editor) pick(list []string) string { return list[e.rng.IntN(len(list))] }

// relLink is a link from file from to file to.
func relLink(from, to string) string {
	if path.Dir(from) == path.Dir(to) {
		return path.Base(to)
	}
	return "../" + to
}

// edit makes one random edit and returns what it was and the paths it touched.
func (e *editor) edit() (what string, content, layouts []string) {
	ls := e.lessons()
	f := e.pick(ls)
	if f := e.fix; f != "" && strings.HasSuffix(f, ".md") {
		e.fix = ""
		e.put(f, e.lesson(f))
		return "fix " + f, []string{f}, nil
	}
	if e.next != "" && e.content[e.next] != nil {
		f = e.next
		data := e.get(f)
		e.put(f, strings.Replace(data, "## Part two", "## Part "+e.words(1), 1))
		e.next = ""
		return "heading linked to, of " + f, []string{f}, nil
	}
	data := e.get(f)
	setFM := func(key, value string) string {
		lines := strings.Split(data, "\n")
		end := slices.Index(lines[1:], "---") + 1
		for i := 1; i < end; i++ {
			if strings.HasPrefix(lines[i], key+":") {
				if value == "" {
					return strings.Join(slices.Delete(lines, i, i+1), "\n")
				}
				lines[i] = key + ": " + value
				return strings.Join(lines, "\n")
			}
		}
		if value == "" {
			return data
		}
		return strings.Join(slices.Insert(lines, end, key+": "+value), "\n")
	}
	switch x := e.rng.IntN(100); {
	case x < 30:
		e.put(f, data+"\n"+e.words(5+e.rng.IntN(12))+".\n")
		return "body text of " + f, []string{f}, nil
	case x < 34:
		// Two lessons saved at once, one linking to the other's heading,
		// which the next edit renames.
		g := e.pick(ls)
		e.put(g, e.get(g)+"\nAlso "+e.words(4)+".\n")
		e.put(f, e.get(f)+"\nSee ["+e.words(2)+"]("+relLink(f, g)+"#part-two).\n")
		e.next = g
		return "two bodies " + f + " " + g, []string{f, g}, nil
	case x < 37:
		// Rename the second heading, or give it its old name back: links
		// to #part-two break and mend.
		lines := strings.Split(data, "\n")
		for i, line := range lines {
			if strings.HasPrefix(line, "## Part ") && !strings.Contains(line, "{#") {
				lines[i] = []string{"## Part two", "## Part " + e.words(1)}[e.rng.IntN(2)]
			}
		}
		e.put(f, strings.Join(lines, "\n"))
		return "heading of " + f, []string{f}, nil
	case x < 40:
		// Link to a heading of another lesson; the next edit renames it.
		g := e.pick(ls)
		e.put(f, data+"\nSee ["+e.words(2)+"]("+relLink(f, g)+"#part-two).\n")
		e.next = g
		return "link from " + f + " to " + g + "#part-two", []string{f}, nil
	case x < 47:
		g := e.pick(ls)
		anchor := []string{"", "#p1", "#part-two", "#nowhere"}[e.rng.IntN(4)]
		target := relLink(f, g) + anchor
		if e.rng.IntN(4) == 0 { // a page a feature makes, or one none does
			target = []string{"../cards/", "../cards/alpha/", "../worksheets/", "../cards/nope/"}[e.rng.IntN(4)]
		}
		e.put(f, data+"\nSee ["+e.words(2)+"]("+target+").\n")
		return "link from " + f + " to " + target, []string{f}, nil
	case x < 51:
		e.put(f, setFM("title", "Title "+e.words(2)))
		return "title of " + f, []string{f}, nil
	case x < 54:
		e.put(f, setFM("summary", e.words(4)+"."))
		return "summary of " + f, []string{f}, nil
	case x < 57:
		e.put(f, setFM("duration", fmt.Sprint(e.rng.IntN(3)*10)))
		return "duration of " + f, []string{f}, nil
	case x < 59:
		e.put(f, setFM("weight", fmt.Sprint(e.rng.IntN(4))))
		return "weight of " + f, []string{f}, nil
	case x < 61:
		if e.rng.IntN(2) == 0 { // a draft with an error: Build leaves it out, error and all
			data = data + "\n[broken](nowhere.md)\n"
		}
		e.put(f, setFM("draft", []string{"true", ""}[e.rng.IntN(2)]))
		return "draft of " + f, []string{f}, nil
	case x < 64:
		e.n++
		name := fmt.Sprintf("%s/%02d-new-%d.md", path.Dir(f), 10+e.n, e.n)
		e.put(name, e.lesson(name))
		return "new lesson " + name, []string{name}, nil
	case x < 66:
		delete(e.content, f)
		return "delete " + f, []string{f}, nil
	case x < 68:
		e.n++
		name := fmt.Sprintf("%s/%02d-renamed-%d.md", path.Dir(f), 20+e.n, e.n)
		delete(e.content, f)
		e.put(name, data)
		return "rename " + f + " to " + name, []string{f, name}, nil
	case x < 69:
		from := path.Dir(f)
		e.n++
		to := fmt.Sprintf("%02d-moved-%d", 3+e.n, e.n)
		for name, file := range e.content {
			if strings.HasPrefix(name, from+"/") {
				delete(e.content, name)
				e.content[to+strings.TrimPrefix(name, from)] = file
			}
		}
		return "rename module " + from + " to " + to, []string{from, to}, nil
	case x < 72:
		e.n++
		e.put(f, data+fmt.Sprintf("\n:::: worksheet {#ws-%d title=\"Sheet %d\"}\n\n::: question {#q-%d type=short accept=\"yes\"}\nIs it %s?\n:::\n\n::::\n", e.n, e.n, e.n, e.words(3)))
		return "worksheet in " + f, []string{f}, nil
	case x < 74:
		e.put(f, data+"\n::: callout {title=\"Note\"}\n"+e.words(6)+".\n:::\n")
		return "callout in " + f, []string{f}, nil
	case x < 77:
		e.n++
		e.put(f, data+fmt.Sprintf("\n::: card {#card-%d}\n### Card %s\n%s?\n:::\n", e.n, e.words(2), e.words(6)))
		return "card in " + f, []string{f}, nil
	case x < 80:
		bad := []string{setFM("titel", "Typo"), data + "\n::: callout\nNever closed.\n", data + "\n[broken](nowhere.md)\n"}[e.rng.IntN(3)]
		e.put(f, bad)
		return "error in " + f, []string{f}, nil
	case x < 82:
		return e.fedText(ls)
	case x < 84:
		e.put(f, e.lesson(f)) // also repairs errors
		return "rewrite " + f, []string{f}, nil
	case x < 86:
		e.n++
		e.layouts["lesson.html"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(`{{define "main"}}<article><h1>{{.Page.Title}}</h1>{{.Page.HTML}}<p>v%d</p></article>{{end}}`, e.n))}
		return "layout lesson.html", nil, []string{"lesson.html"}
	case x < 87:
		e.n++
		e.layouts["assets/extra.css"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("p{margin:%dpx}\n", e.n))}
		return "layout asset", nil, []string{"assets/extra.css"}
	case x < 90:
		e.n++
		e.put("02-beta/diagram.svg", fmt.Sprintf(diagram, e.n, 1+e.n%4))
		return "diagram", []string{"02-beta/diagram.svg"}, nil
	case x < 92:
		e.put(f, data)
		return "save without change " + f, []string{f}, nil
	case x < 95:
		return e.fedText(ls)
	case x < 97:
		e.put("site.yaml", "title: Replay "+e.words(1)+"\n")
		return "site.yaml", []string{"site.yaml"}, nil
	default:
		m := e.pick([]string{"01-alpha/_index.md", "_index.md"})
		if _, ok := e.content[m]; !ok {
			return "nothing", nil, nil
		}
		e.put(m, e.get(m)+"\n"+e.words(6)+".\n")
		return "module page body " + m, []string{m}, nil
	}
}

// fedText edits the text of a lesson with a card or a worksheet (one that
// feeds the features): inside a card or a question, or outside them.
func (e *editor) fedText(ls []string) (what string, content, layouts []string) {
	var fed []string
	for _, l := range ls {
		if strings.Contains(e.get(l), "::: card") || strings.Contains(e.get(l), "::: question") {
			fed = append(fed, l)
		}
	}
	if len(fed) == 0 {
		return "nothing", nil, nil
	}
	f := e.pick(fed)
	data := e.get(f)
	switch e.rng.IntN(3) {
	case 0:
		data = strings.Replace(data, "?\n:::", " "+e.words(2)+"?\n:::", 1)
	case 1:
		data = strings.Replace(data, "?\n:::", "?\n\n"+e.words(4)+".\n:::", 1)
	default:
		data += "\n" + e.words(6) + ".\n"
	}
	e.put(f, data)
	return "text of card or question lesson " + f, []string{f}, nil
}

// TestPipelineRealCurriculum edits lessons of the real curriculum one at a
// time and compares each run with a clean build.
func TestPipelineRealCurriculum(t *testing.T) {
	content := curriculumFS(t)
	layouts := snapshotLayouts(t)
	pl, mem := NewPipeline(content, layouts, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	mem.Sweep()
	n := 0
	for _, name := range slices.Sorted(maps.Keys(content)) {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		if n++; testing.Short() && n > 5 {
			break
		}
		content[name] = &fstest.MapFile{Data: append(append([]byte{}, content[name].Data...), "\nOne more sentence.\n"...)}
		pl.Forget(name)
		if _, err := pl.Run(mem); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		mem.Sweep()
		got := mem
		if st := pl.Stats(); st.Parsed != 1 {
			t.Errorf("after editing %s: %d sources parsed, want 1", name, st.Parsed)
		}
		want, err := Build(content, layouts, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(got.Files, want.Files, func(a, b []byte) bool { return string(a) == string(b) }) {
			for out := range want.Files {
				if string(got.Files[out]) != string(want.Files[out]) {
					t.Errorf("after editing %s: %s differs from a clean build\n%s", name, out, firstDiff(got.Files[out], want.Files[out]))
				}
			}
			t.FailNow()
		}
	}
}

// TestPipelineSyntheticSearch edits the text of lessons of a 1,000-lesson
// synthetic curriculum (a word changed, added, removed, a new word, a word
// gone from the whole site) and checks after each edit that the site,
// search index included, is a clean build's, and that the index was
// brought up to date by writing a few of its files, not all.
func TestPipelineSyntheticSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-lesson site 7 times")
	}
	content := syntheticFS(1000)
	layouts := snapshotLayouts(t)
	pl, mem := NewPipeline(content, layouts, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	mem.Sweep()
	lesson := func(i int) string {
		return fmt.Sprintf("%03d-module-%d/%03d-lesson-%d.md", i/50+1, i/50+1, i%50+1, i+1)
	}
	edits := []struct {
		what string
		i    int
		edit func(text string) string
	}{
		{"a word changed", 7, func(s string) string { return strings.Replace(s, " trust ", " respect ", 1) }},
		{"a new word", 123, func(s string) string { return strings.Replace(s, ".\n\n", " Zyxwvutsing.\n\n", 1) }},
		{"the new word again, elsewhere", 500, func(s string) string { return strings.Replace(s, ".\n\n", " zyxwvutsing.\n\n", 1) }},
		{"the new word gone from one", 123, func(s string) string { return strings.Replace(s, " Zyxwvutsing.", "", 1) }},
		{"the new word gone from the site", 500, func(s string) string { return strings.Replace(s, " zyxwvutsing.", "", 1) }},
		{"a word removed", 999, func(s string) string { return strings.Replace(s, " team ", " ", 1) }},
	}
	for _, e := range edits {
		name := lesson(e.i)
		before := string(content[name].Data)
		after := e.edit(before)
		if after == before {
			t.Fatalf("%s: the edit of %s changes nothing", e.what, name)
		}
		content[name] = &fstest.MapFile{Data: []byte(after)}
		pl.Forget(name)
		if _, err := pl.Run(mem); err != nil {
			t.Fatal(err)
		}
		changed, got := mem.Sweep(), mem
		if st := pl.Stats(); st.Rendered-st.Assembled != 1 || st.Parsed != 1 {
			t.Errorf("%s: %d pages rendered (%d of them views that show it), %d parsed; want 1 and 1", e.what, st.Rendered-st.Assembled, st.Assembled, st.Parsed)
		}
		want, err := Build(content, layouts, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for name := range want.Files {
			if string(got.Files[name]) != string(want.Files[name]) {
				t.Fatalf("%s: %s differs from a clean build\n%s", e.what, name, firstDiff(got.Files[name], want.Files[name]))
			}
		}
		if len(got.Files) != len(want.Files) {
			t.Fatalf("%s: %d files, a clean build has %d", e.what, len(got.Files), len(want.Files))
		}
		search := 0
		for _, name := range changed {
			if strings.HasPrefix(name, "search/") {
				search++
			}
		}
		t.Logf("%s: %d files written, %d of the search index", e.what, len(changed), search)
		if search == 0 || search > 4 {
			t.Errorf("%s: %d search files written (%q)", e.what, search, changed)
		}
	}
}

// BenchmarkEditCardLesson times one text edit of a lesson with cards in the
// real curriculum: "pipeline" through a Pipeline that keeps its last run
// (the features run again), "build" a clean Build of the same files. It
// reports the median time of an edit.
//
//	go test ./generator -run '^$' -bench EditCardLesson -benchtime 20x
func BenchmarkEditCardLesson(b *testing.B) {
	content := curriculumFS(b)
	name := ""
	for _, n := range slices.Sorted(maps.Keys(content)) {
		if strings.HasSuffix(n, ".md") && strings.Contains(string(content[n].Data), "::: card") {
			name = n
			break
		}
	}
	if name == "" {
		b.Skip("no lesson with a card in ../content")
	}
	orig := content[name].Data
	edit := func(i int) {
		content[name] = &fstest.MapFile{Data: append(append([]byte{}, orig...), fmt.Sprintf("\nOne more sentence %d.\n", i%2)...)}
	}
	median := func(b *testing.B, times []time.Duration) {
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	}
	b.Run("pipeline", func(b *testing.B) {
		pl, mem := NewPipeline(content, layoutsFS, Options{}, true), NewMemory()
		if _, err := pl.Run(mem); err != nil {
			b.Fatal(err)
		}
		mem.Sweep()
		var times []time.Duration
		i := 0
		for b.Loop() {
			i++
			edit(i)
			start := time.Now()
			pl.Forget(name)
			if _, err := pl.Run(mem); err != nil {
				b.Fatal(err)
			}
			mem.Sweep()
			times = append(times, time.Since(start))
			if !pl.Stats().Features {
				b.Fatalf("the edit of %s did not run the features", name)
			}
		}
		median(b, times)
	})
	b.Run("build", func(b *testing.B) {
		var times []time.Duration
		i := 0
		for b.Loop() {
			i++
			edit(i)
			start := time.Now()
			if _, err := Build(content, layoutsFS, Options{}); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
		median(b, times)
	})
}

// changedFiles lists the files that differ between two builds, written or
// removed, sorted.
func changedFiles(old, files map[string][]byte) []string {
	var changed []string
	for name, data := range files {
		if prev, ok := old[name]; !ok || string(prev) != string(data) {
			changed = append(changed, name)
		}
	}
	for name := range old {
		if _, ok := files[name]; !ok {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	return changed
}

// curriculumFS copies the real curriculum into memory, so tests can edit it.
func curriculumFS(tb testing.TB) fstest.MapFS {
	tb.Helper()
	content := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("../content"), p)
		content[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return content
}
