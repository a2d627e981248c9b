package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"p2pc/generator"
)

// builtinLayouts are the real layouts, read once so that the tests see
// the same files throughout; a test's layouts folder overrides them.
var builtinLayouts = snapshot("../../layouts")

func snapshot(dir string) fstest.MapFS {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		panic(err)
	}
	return fsys
}

// testSite is a small curriculum: two modules, three lessons, one link.
var testSite = map[string]string{
	"_index.md":               "---\ntitle: Home\n---\nWelcome.\n",
	"01-basics/_index.md":     "---\ntitle: Basics\n---\nThe basics.\n",
	"01-basics/01-first.md":   "---\ntitle: First\n---\nOriginal first text. See [the second](02-second.md).\n",
	"01-basics/02-second.md":  "---\ntitle: Second\n---\nOriginal second text.\n",
	"02-more/_index.md":       "---\ntitle: More\n---\nMore.\n",
	"02-more/01-third.md":     "---\ntitle: Third\n---\nOriginal third text.\n",
	"02-more/02-fourth.md":    "---\ntitle: Fourth\n---\nOriginal fourth text.\n",
	"02-more/03-diagram.txt":  "an asset\n",
	"../layouts/keep.txt":     "the test's layouts folder\n",
	"../layouts/assets/x.css": "body{}\n",
}

// testServer is a Server on a temporary copy of testSite.
type testServer struct {
	*Server
	t                     *testing.T
	dir                   string // holds content/, layouts/ and public/
	content, layouts, out string
	events                chan sseEvent
	stdout, stderr        *lockedBuffer
}

type sseEvent struct {
	name string
	data string
}

func startTest(t *testing.T) *testServer {
	t.Helper()
	dir := t.TempDir()
	ts := &testServer{t: t, dir: dir, content: filepath.Join(dir, "content"), layouts: filepath.Join(dir, "layouts"),
		out: filepath.Join(dir, "public"), stdout: &lockedBuffer{}, stderr: &lockedBuffer{}}
	for name, data := range testSite {
		ts.write(name, data)
	}
	ts.start()
	return ts
}

func (ts *testServer) start() {
	t := ts.t
	t.Helper()
	s, err := Start(Config{Addr: "127.0.0.1:0", Out: ts.out,
		Content: os.DirFS(ts.content), ContentDir: ts.content,
		Layouts: generator.Layers(os.DirFS(ts.layouts), builtinLayouts), LayoutsDir: ts.layouts,
		Stdout: ts.stdout, Stderr: ts.stderr})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	ts.Server = s
	ts.events = ts.subscribe()
}

// in returns ts reporting to the subtest t.
func (ts *testServer) in(t *testing.T) *testServer {
	c := *ts
	c.t = t
	return &c
}

// subscribe connects to the event stream like a page does.
func (ts *testServer) subscribe() chan sseEvent { return subscribe(ts.t, ts.URL()) }

func subscribe(t testing.TB, url string) chan sseEvent {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"__p2pc/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("event stream Content-Type %q", ct)
	}
	ch := make(chan sseEvent, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			case line == "" && ev.name != "":
				ch <- ev
				ev = sseEvent{}
			}
		}
	}()
	return ch
}

// next waits for the next build event until deadline.
func (ts *testServer) next(deadline time.Time) sseEvent {
	ts.t.Helper()
	select {
	case ev := <-ts.events:
		return ev
	case <-time.After(time.Until(deadline)):
		ts.t.Fatalf("no build event in time\nstdout:\n%s\nstderr:\n%s", ts.stdout, ts.stderr)
	}
	return sseEvent{}
}

// The await methods wait through the build events for a state the author
// would see, rather than for a count of events: on a busy machine one save
// can make two builds (an editor's write can reach the watcher in two
// parts, more than the quiet time apart), which is right but not
// predictable.

func deadline() time.Time { return time.Now().Add(20 * time.Second) }

// awaitPage waits until the page at p holds text after a build, and returns
// the reloads seen on the way merged into one message.
func (ts *testServer) awaitPage(p, text string) reloadMsg {
	ts.t.Helper()
	return ts.awaitReload(func() bool {
		code, body := ts.get(p)
		return code == 200 && strings.Contains(body, text)
	})
}

// awaitGone waits until the page at p is gone.
func (ts *testServer) awaitGone(p string) reloadMsg {
	ts.t.Helper()
	return ts.awaitReload(func() bool {
		code, _ := ts.get(p)
		return code == 404
	})
}

func (ts *testServer) awaitReload(done func() bool) reloadMsg {
	ts.t.Helper()
	var merged reloadMsg
	end := deadline()
	for {
		ev := ts.next(end)
		if ev.name != "reload" {
			continue
		}
		var msg reloadMsg
		if err := json.Unmarshal([]byte(ev.data), &msg); err != nil {
			ts.t.Fatal(err)
		}
		for _, c := range msg.Changed {
			if !slices.Contains(merged.Changed, c) {
				merged.Changed = append(merged.Changed, c)
			}
		}
		merged.All = merged.All || msg.All
		if msg.Edited != "" {
			merged.Edited = msg.Edited
		}
		if done() {
			return merged
		}
	}
}

// awaitErrors waits for a failed build whose errors mention text.
func (ts *testServer) awaitErrors(text string) []problem {
	ts.t.Helper()
	end := deadline()
	for {
		ev := ts.next(end)
		if ev.name != "errors" || !strings.Contains(ev.data, text) {
			continue
		}
		var ps []problem
		if err := json.Unmarshal([]byte(ev.data), &ps); err != nil {
			ts.t.Fatal(err)
		}
		return ps
	}
}

// awaitOK waits for a build that changed nothing; a reload on the way fails.
func (ts *testServer) awaitOK() {
	ts.t.Helper()
	end := deadline()
	for {
		switch ev := ts.next(end); ev.name {
		case "ok":
			return
		case "reload":
			ts.t.Fatalf("reload %s, want a build that changes nothing", ev.data)
		}
	}
}

// path is a file of the test's folder: "content/a.md" or "../layouts/x" style names
// are relative to content/.
func (ts *testServer) path(name string) string {
	return filepath.Join(ts.content, filepath.FromSlash(name))
}

func (ts *testServer) write(name, data string) {
	ts.t.Helper()
	p := ts.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		ts.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		ts.t.Fatal(err)
	}
}

func (ts *testServer) rename(from, to string) {
	ts.t.Helper()
	if err := os.Rename(ts.path(from), ts.path(to)); err != nil {
		ts.t.Fatal(err)
	}
}

func (ts *testServer) remove(name string) {
	ts.t.Helper()
	if err := os.RemoveAll(ts.path(name)); err != nil {
		ts.t.Fatal(err)
	}
}

// get fetches a page and returns its status and body.
func (ts *testServer) get(p string) (int, string) {
	ts.t.Helper()
	resp, err := http.Get(ts.URL() + p)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// page fetches a page that must exist.
func (ts *testServer) page(p string) string {
	ts.t.Helper()
	code, body := ts.get(p)
	if code != 200 {
		ts.t.Fatalf("GET %s: %d", p, code)
	}
	return body
}

// sameAsCleanBuild checks that the output folder holds exactly what a
// clean build of the content folder writes, search index included, as
// soon as the last build's event was sent.
func (ts *testServer) sameAsCleanBuild() {
	ts.t.Helper()
	site, err := generator.Build(os.DirFS(ts.content), generator.Layers(os.DirFS(ts.layouts), builtinLayouts), generator.Options{})
	if err != nil {
		ts.t.Fatal(err)
	}
	clean := filepath.Join(ts.t.TempDir(), "public")
	if err := generator.Write(clean, site.Files); err != nil {
		ts.t.Fatal(err)
	}
	want := readTree(ts.t, clean)
	got := readTree(ts.t, ts.out)
	var diffs []string
	for name := range want {
		if got[name] != want[name] {
			diffs = append(diffs, name+" differs from a clean build")
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, name+" is in the served folder but not in a clean build")
		}
	}
	if len(diffs) == 0 {
		return
	}
	slices.Sort(diffs)
	ts.t.Errorf("the served folder is not what a clean build writes:\n%s", strings.Join(diffs, "\n"))
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // a temporary file renamed into place meanwhile
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestServeFirstBuild(t *testing.T) {
	ts := startTest(t)
	body := ts.page("basics/first/")
	if !strings.Contains(body, "Original first text.") {
		t.Error("lesson text not served")
	}
	if !strings.Contains(body, `<script src="/__p2pc/livereload.js"></script>`+"\n</body>") {
		t.Error("live-reload script not injected before </body>")
	}
	onDisk, err := os.ReadFile(filepath.Join(ts.out, "basics/first/index.html"))
	if err != nil || strings.Contains(string(onDisk), "livereload") {
		t.Errorf("the output folder must not hold the live-reload script (err %v)", err)
	}
	if _, err := os.Stat(filepath.Join(ts.out, generator.MarkerFile)); err != nil {
		t.Error("no marker file in the output folder")
	}
	if out := ts.stdout.String(); !strings.Contains(out, "serving ") || !strings.Contains(out, ts.URL()) {
		t.Errorf("stdout %q does not give the URL", out)
	}
	code, js := ts.get("__p2pc/livereload.js")
	if code != 200 || !strings.Contains(js, "EventSource") {
		t.Errorf("livereload.js: %d", code)
	}
}

func TestServeEdits(t *testing.T) {
	ts := startTest(t)
	const first = "01-basics/01-first.md"
	edit := func(text string) string {
		return "---\ntitle: First\n---\n" + text + " See [the second](02-second.md).\n"
	}

	t.Run("write in place", func(t *testing.T) {
		ts := ts.in(t)
		ts.write(first, edit("Edited in place."))
		msg := ts.awaitPage("basics/first/", "Edited in place.")
		if msg.Edited != "basics/first/index.html" || !slices.Contains(msg.Changed, "basics/first/index.html") {
			t.Errorf("reload %+v", msg)
		}
		if slices.Contains(msg.Changed, "basics/second/index.html") {
			t.Error("a body edit reloads other pages")
		}
	})
	t.Run("atomic save", func(t *testing.T) {
		ts := ts.in(t)
		ts.write("01-basics/.01-first.md.tmp42", edit("Saved atomically."))
		ts.rename("01-basics/.01-first.md.tmp42", first)
		ts.awaitPage("basics/first/", "Saved atomically.")
	})
	t.Run("vim", func(t *testing.T) {
		ts := ts.in(t)
		ts.write("01-basics/.01-first.md.swp", "swap")
		ts.write("01-basics/4913", "")
		ts.remove("01-basics/4913")
		ts.rename(first, "01-basics/01-first.md~")
		ts.write(first, edit("Saved by vim."))
		ts.remove("01-basics/01-first.md~")
		ts.remove("01-basics/.01-first.md.swp")
		ts.awaitPage("basics/first/", "Saved by vim.")
	})
	t.Run("helix", func(t *testing.T) {
		ts := ts.in(t)
		ts.rename(first, "01-basics/01-first.mdU77clA.bck")
		ts.write(first, edit("Saved by helix."))
		ts.remove("01-basics/01-first.mdU77clA.bck")
		ts.awaitPage("basics/first/", "Saved by helix.")
	})
	t.Run("JetBrains", func(t *testing.T) {
		ts := ts.in(t)
		ts.write("01-basics/01-first.md___jb_tmp___", edit("Saved by JetBrains."))
		ts.rename(first, "01-basics/01-first.md___jb_old___")
		ts.rename("01-basics/01-first.md___jb_tmp___", first)
		ts.remove("01-basics/01-first.md___jb_old___")
		ts.awaitPage("basics/first/", "Saved by JetBrains.")
	})
	t.Run("unchanged output does not reload", func(t *testing.T) {
		ts := ts.in(t)
		data, _ := os.ReadFile(ts.path(first))
		ts.write(first, string(data)) // saved without a change
		ts.awaitOK()
	})
	t.Run("burst of saves", func(t *testing.T) {
		ts := ts.in(t)
		start := strings.Count(ts.stdout.String(), "rebuilt")
		for i := range 300 {
			ts.write(first, edit("Burst "+strings.Repeat("x", i%7)+"."))
		}
		ts.write(first, edit("Burst done."))
		ts.awaitPage("basics/first/", "Burst done.")
		// One rebuild, or a few if the machine paused the watcher for
		// longer than the quiet time; never hundreds.
		if n := strings.Count(ts.stdout.String(), "rebuilt") - start; n > 3 {
			t.Errorf("%d rebuilds for one burst of 301 saves", n)
		}
	})
	t.Run("delete and re-create", func(t *testing.T) {
		ts := ts.in(t)
		ts.remove("02-more/01-third.md")
		msg := ts.awaitGone("more/third/")
		if !slices.Contains(msg.Changed, "more/third/index.html") {
			t.Errorf("reload %+v does not name the removed page", msg)
		}
		if _, err := os.Stat(filepath.Join(ts.out, "more/third")); !os.IsNotExist(err) {
			t.Error("the removed page's folder is still in the output folder")
		}
		ts.write("02-more/01-third.md", "---\ntitle: Third\n---\nThird is back.\n")
		ts.awaitPage("more/third/", "Third is back.")
	})
	ts.sameAsCleanBuild()
}

func TestServeRenames(t *testing.T) {
	ts := startTest(t)
	t.Run("lesson with a link to it", func(t *testing.T) {
		ts := ts.in(t)
		ts.rename("01-basics/02-second.md", "01-basics/02-later.md")
		ps := ts.awaitErrors("02-second.md") // first.md still links to 02-second.md
		if len(ps) != 1 || ps[0].Path != "01-basics/01-first.md" {
			t.Fatalf("problems %+v, want the broken link in 01-first.md", ps)
		}
		if !strings.Contains(ts.page("basics/second/"), "Original second text.") {
			t.Error("the last good site is not served while the build fails")
		}
		ts.write("01-basics/01-first.md", "---\ntitle: First\n---\nSee [the second](02-later.md).\n")
		msg := ts.awaitPage("basics/first/", `href="../../basics/later/index.html"`)
		if !slices.Contains(msg.Changed, "basics/second/index.html") || !slices.Contains(msg.Changed, "basics/later/index.html") {
			t.Errorf("reload %+v", msg)
		}
		if code, _ := ts.get("basics/second/"); code != 404 {
			t.Errorf("old page: %d, want 404", code)
		}
	})
	t.Run("module", func(t *testing.T) {
		ts := ts.in(t)
		ts.rename("02-more", "03-extra")
		ts.awaitPage("extra/third/", "Original third text.")
		if code, _ := ts.get("more/third/"); code != 404 {
			t.Errorf("old module's lesson: %d, want 404", code)
		}
		// The folder keeps being watched under its new name.
		ts.write("03-extra/01-third.md", "---\ntitle: Third\n---\nEdited after the move.\n")
		ts.awaitPage("extra/third/", "Edited after the move.")
		ts.rename("03-extra", "02-more")
		ts.awaitPage("more/third/", "Edited after the move.")
	})
	t.Run("new folder with files in it", func(t *testing.T) {
		ts := ts.in(t)
		staged := filepath.Join(ts.dir, "staged")
		for name, data := range map[string]string{"_index.md": "---\ntitle: New\n---\n", "01-a.md": "New lesson a.\n", "sub/01-b.md": "New lesson b.\n"} {
			p := filepath.Join(staged, name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte(data), 0o644)
		}
		if err := os.Rename(staged, ts.path("04-new")); err != nil {
			t.Fatal(err)
		}
		ts.awaitPage("new/sub/b/", "New lesson b.")
		ts.write("04-new/sub/01-b.md", "Edited b.\n") // the moved-in folders are watched
		ts.awaitPage("new/sub/b/", "Edited b.")
		// A folder made, then files written into it and into a folder below.
		ts.write("05-made/01-c.md", "Made c.\n")
		ts.awaitPage("made/c/", "Made c.")
		ts.write("05-made/deeper/01-d.md", "Made d.\n")
		ts.awaitPage("made/deeper/d/", "Made d.")
		ts.write("05-made/deeper/01-d.md", "Made d, edited.\n")
		ts.awaitPage("made/deeper/d/", "Made d, edited.")
	})
	ts.sameAsCleanBuild()
}

func TestServeErrors(t *testing.T) {
	ts := startTest(t)
	ts.write("01-basics/02-second.md", "---\ntitle: Second\nweigth: 2\n---\nBroken second text.\n")
	ps := ts.awaitErrors("weigth")
	if len(ps) != 1 {
		t.Fatalf("problems %+v", ps)
	}
	p := ps[0]
	if p.Text != `01-basics/02-second.md:3:1: unknown front-matter key "weigth" (did you mean "weight"?)` {
		t.Errorf("problem text %q", p.Text)
	}
	want := []sourceLine{{1, "---", false}, {2, "title: Second", false}, {3, "weigth: 2", true}, {4, "---", false}, {5, "Broken second text.", false}}
	if !slices.Equal(p.Source, want) {
		t.Errorf("source lines %+v, want %+v", p.Source, want)
	}
	// The terminal prints the errors once per build.
	if n, builds := strings.Count(ts.stderr.String(), p.Text), strings.Count(ts.stderr.String(), "build failed"); n < 1 || n != builds {
		t.Errorf("terminal shows the error %d times in %d failed builds:\n%s", n, builds, ts.stderr)
	}
	if body := ts.page("basics/second/"); !strings.Contains(body, "Original second text.") {
		t.Error("the last good page is not served")
	}
	// A page opened (or reloaded) while the build is failing gets the errors at once.
	late := ts.subscribe()
	select {
	case ev := <-late:
		if ev.name != "errors" {
			t.Errorf("first event for a new page: %s", ev.name)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a page connecting during a failed build does not get the errors")
	}
	// Another failing save reports again; a fix clears the overlay.
	ts.write("01-basics/02-second.md", "---\ntitle: Second\nweigth: 2\ndraft: 3\n---\nStill broken.\n")
	ts.awaitErrors("draft")
	ts.write("01-basics/02-second.md", "---\ntitle: Second\n---\nFixed second text.\n")
	msg := ts.awaitPage("basics/second/", "Fixed second text.")
	if msg.Edited != "basics/second/index.html" {
		t.Errorf("reload %+v", msg)
	}
	// Breaking and restoring the exact old file: the fix changes no output, and says ok.
	ts.write("01-basics/02-second.md", "---\ntitle: Second\n---\n::: callout\nNever closed.\n")
	ts.awaitErrors("never closed")
	ts.write("01-basics/02-second.md", "---\ntitle: Second\n---\nFixed second text.\n")
	ts.awaitOK()
	ts.sameAsCleanBuild()
}

func TestServeTitleAndLayoutChanges(t *testing.T) {
	ts := startTest(t)
	// A lesson's title is in its module's sidebar, its neighbours' pager
	// and the lists of lessons (its module's page, contents/).
	ts.write("02-more/01-third.md", "---\ntitle: Third, renamed\n---\nOriginal third text.\n")
	msg := ts.awaitPage("more/fourth/", "Third, renamed")
	for _, p := range []string{"contents/index.html", "more/index.html", "more/third/index.html", "more/fourth/index.html"} {
		if !slices.Contains(msg.Changed, p) {
			t.Errorf("lesson title change does not update %s (%+v)", p, msg)
		}
	}
	// A module's title is in every page's sidebar.
	ts.write("02-more/_index.md", "---\ntitle: More, renamed\n---\nMore.\n")
	msg = ts.awaitPage("basics/first/", "More, renamed")
	for _, p := range []string{"index.html", "basics/first/index.html", "more/third/index.html", "404.html"} {
		if !slices.Contains(msg.Changed, p) {
			t.Errorf("module title change does not update %s (%+v)", p, msg)
		}
	}
	if err := os.WriteFile(filepath.Join(ts.layouts, "404.html"), []byte(`{{define "main"}}<h1>Lost here</h1>{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	msg = ts.awaitPage("404.html", "Lost here")
	if !slices.Equal(msg.Changed, []string{"404.html"}) {
		t.Errorf("404 layout change: %+v", msg)
	}
	if code, body := ts.get("nowhere/"); code != 404 || !strings.Contains(body, "Lost here") {
		t.Errorf("404 page: %d", code)
	}
	if err := os.WriteFile(filepath.Join(ts.layouts, "assets/x.css"), []byte("body{color:red}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg := ts.awaitPage("assets/x.css", "red"); !slices.Equal(msg.Changed, []string{"assets/x.css"}) {
		t.Errorf("layout asset change: %+v", msg)
	}
	ts.sameAsCleanBuild()
}

// TestServeFirstBuildFails: the server starts anyway, and the first good
// build writes the site.
func TestServeFirstBuildFails(t *testing.T) {
	ts := &testServer{t: t, dir: t.TempDir(), stdout: &lockedBuffer{}, stderr: &lockedBuffer{}}
	ts.content, ts.layouts, ts.out = filepath.Join(ts.dir, "content"), filepath.Join(ts.dir, "layouts"), filepath.Join(ts.dir, "public")
	for name, data := range testSite {
		ts.write(name, data)
	}
	ts.write("01-basics/02-second.md", "---\ntitle: [unclosed\n---\n")
	ts.start()
	ts.awaitErrors("02-second.md")
	code, body := ts.get("")
	if code != 404 || !strings.Contains(body, "No site has been built yet") || !strings.Contains(body, "livereload.js") {
		t.Errorf("before any good build: %d %s", code, body)
	}
	ts.write("01-basics/02-second.md", "---\ntitle: Second\n---\nNow good.\n")
	ts.awaitPage("basics/second/", "Now good.")
	ts.sameAsCleanBuild()
}

func TestServeCloseWithOpenPages(t *testing.T) {
	ts := startTest(t)
	ts.subscribe()
	ts.subscribe()
	start := time.Now()
	if err := ts.Server.Close(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Close took %v with open event streams", d)
	}
}
