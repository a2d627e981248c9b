package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
	builtinfeatures "p2pc/generator/builtin"
	"p2pc/generator/scaffold"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// treeHash fingerprints every file and its content below dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, n)
		fmt.Fprintf(h, "%s %x\n", rel, sha256.Sum256(data))
	}
	return fmt.Sprintf("%x (%d files)", h.Sum(nil), len(names))
}

func writeFiles(t *testing.T, dir string, kv ...string) {
	t.Helper()
	for i := 0; i+1 < len(kv); i += 2 {
		p := filepath.Join(dir, kv[i])
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(kv[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestUsageAndHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"help"}, 0, "p2pc build [flags]"},
		{[]string{"serve", "--content", "/does/not/exist"}, 2, "no such folder"},
		{[]string{}, 2, "Usage:"},
		{[]string{"build", "--content", "/does/not/exist"}, 2, "no such folder"},
	} {
		code, out, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("p2pc %s: exit %d, output %q; want exit %d and %q", strings.Join(tc.args, " "), code, out+errOut, tc.code, tc.want)
		}
	}
}

// TestUsageErrors checks that every mistake on the command line is one
// line on stderr, with the closest name and where to find help, exit 2.
func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"biuld"}, `p2pc: unknown command "biuld"; did you mean "build"? (p2pc -h for help)`},
		{[]string{"sevre"}, `p2pc: unknown command "sevre"; did you mean "serve"? (p2pc -h for help)`},
		{[]string{"xyzzy"}, `p2pc: unknown command "xyzzy" (p2pc -h for help)`},
		{[]string{"build", "--otu", "x"}, `p2pc build: unknown flag --otu; did you mean --out? (p2pc build -h for help)`},
		{[]string{"build", "-otu", "x"}, `p2pc build: unknown flag --otu; did you mean --out? (p2pc build -h for help)`},
		{[]string{"build", "--draft"}, `p2pc build: unknown flag --draft; did you mean --drafts? (p2pc build -h for help)`},
		{[]string{"build", "--nope"}, `p2pc build: unknown flag --nope (p2pc build -h for help)`},
		{[]string{"serve", "--adr", "x"}, `p2pc serve: unknown flag --adr; did you mean --addr? (p2pc serve -h for help)`},
		{[]string{"build", "--out"}, `p2pc build: flag needs an argument: --out (p2pc build -h for help)`},
		{[]string{"build", "extra"}, `p2pc build: unexpected argument "extra" (p2pc build -h for help)`},
		{[]string{"serve", "extra"}, `p2pc serve: unexpected argument "extra" (p2pc serve -h for help)`},
		{[]string{"help", "biuld"}, `p2pc help: no help for "biuld"; did you mean "build"? (p2pc -h for help)`},
		{[]string{"version", "x"}, `p2pc version: unexpected argument "x" (p2pc version -h for help)`},
	} {
		code, out, errOut := runCLI(t, tc.args...)
		if code != 2 || out != "" || errOut != tc.want+"\n" {
			t.Errorf("p2pc %s: exit %d, stdout %q, stderr %q; want exit 2 and stderr %q", strings.Join(tc.args, " "), code, out, errOut, tc.want)
		}
	}
}

// TestCommandHelp checks that each command's help, however asked for,
// lists that command's flags, every one and no other, with an example,
// and that no help sends to tools a user of the binary lacks.
func TestCommandHelp(t *testing.T) {
	for _, c := range commands() {
		for _, args := range [][]string{{c.name, "-h"}, {c.name, "--help"}, {c.name, "-help"}, {"help", c.name}, {"-h", c.name}} {
			code, out, errOut := runCLI(t, args...)
			if code != 0 || out != c.help || errOut != "" {
				t.Errorf("p2pc %s: exit %d, stdout %q, stderr %q; want %s's help", strings.Join(args, " "), code, out, errOut, c.name)
			}
		}
		if !strings.HasPrefix(c.help, "Usage: p2pc "+c.name) || !strings.Contains(c.help, "\nExample:\n  p2pc "+c.name) {
			t.Errorf("%s's help lacks its usage line or example:\n%s", c.name, c.help)
		}
	}
	// The flags a command's help lists are the flags it defines.
	for name, defined := range map[string][]string{
		"build":   {"base-url", "content", "drafts", "format", "layouts", "out"},
		"serve":   {"addr", "allow-host", "base-url", "content", "drafts", "format", "layouts", "out"},
		"check":   {"base-url", "content", "drafts", "format", "layouts"},
		"new":     {"content"},
		"version": nil,
	} {
		c, _ := lookup(name)
		var listed []string
		for _, line := range strings.Split(c.help, "\n") {
			if f, ok := strings.CutPrefix(line, "  --"); ok {
				listed = append(listed, strings.Fields(f)[0])
			}
		}
		sort.Strings(listed)
		if strings.Join(listed, " ") != strings.Join(defined, " ") {
			t.Errorf("%s's help lists the flags %v, want %v", name, listed, defined)
		}
		for _, f := range defined {
			args := []string{name, "--" + f + "=x", "-h"}
			if name == "new" {
				args = []string{name, "lesson", "--" + f + "=x", "-h"}
			}
			if code, _, errOut := runCLI(t, args...); strings.Contains(errOut, "unknown flag") {
				t.Errorf("p2pc %s does not define --%s: exit %d, %s", name, f, code, errOut)
			}
		}
	}
	code, out, _ := runCLI(t, "help")
	for _, c := range commands() {
		if !strings.Contains(out, "\n  p2pc "+c.name) {
			t.Errorf("p2pc help does not list %s:\n%s", c.name, out)
		}
		if strings.Contains(c.help, "go doc") {
			t.Errorf("%s's help points to go doc", c.name)
		}
	}
	if code != 0 || strings.Contains(out, "go doc") {
		t.Errorf("p2pc help: exit %d:\n%s", code, out)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		code, out, errOut := runCLI(t, args...)
		if code != 0 || !strings.HasPrefix(out, "p2pc ") || !strings.HasSuffix(out, ", built with "+runtime.Version()+"\n") || errOut != "" {
			t.Errorf("p2pc %s: exit %d, %q %q", args[0], code, out, errOut)
		}
	}
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "p2pc", Version: "v1.2.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "950ee5236003aa11bb22cc33dd44ee55ff667788"},
			{Key: "vcs.time", Value: "2026-11-29T20:49:36Z"}, {Key: "vcs.modified", Value: "true"}}}
	for _, tc := range []struct {
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{info, true, "p2pc v1.2.0, commit 950ee5236003 (modified), 2026-11-29T20:49:36Z, built with go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, true, "p2pc devel, commit unknown, date unknown, built with go1.26.8"},
		{nil, false, "p2pc devel, commit unknown, date unknown, built with " + runtime.Version()},
	} {
		if got := versionLine(tc.info, tc.ok); got != tc.want {
			t.Errorf("versionLine = %q, want %q", got, tc.want)
		}
	}
}

// TestBuiltinCurriculum runs the binary's build from an empty folder: it
// must use the embedded content and layouts.
func TestBuiltinCurriculum(t *testing.T) {
	t.Chdir(t.TempDir())
	code, out, errOut := runCLI(t, "build")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "built ") || !strings.Contains(out, " pages ") {
		t.Errorf("summary line %q", out)
	}
	for _, f := range []string{"public/index.html", "public/five-steps/index.html", "public/assets/style.css", "public/sitemap.xml", "public/404.html", "public/.p2pc-site"} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("missing %s", f)
		}
	}
}

func TestBadContentLeavesOutputUntouched(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, "content/_index.md", "# Home\n", "content/m/a.md", "# A\n")
	if code, _, errOut := runCLI(t, "build"); code != 0 {
		t.Fatalf("good build failed: %s", errOut)
	}
	before, times := treeHash(t, "public"), modTimes(t, "public")
	writeFiles(t, dir, "content/m/a.md", "---\nwieght: 1\n---\n[x](b.md#gone)\n", "content/m/b.md", "::: card\n")
	code, _, errOut := runCLI(t, "build")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{
		`m/a.md:2:1: unknown front-matter key "wieght" (did you mean "weight"?)`,
		`m/a.md:4:2: link to m/b.md#gone, but that page has no heading or id "gone"`,
		`m/b.md:1:1: fenced div ::: card is never closed`,
		"public was left as it was",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if after := treeHash(t, "public"); after != before {
		t.Errorf("public/ changed after a failed build: %s -> %s", before, after)
	}
	if after := modTimes(t, "public"); after != times {
		t.Errorf("files in public/ were touched by a failed build:\n%s\n%s", times, after)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("stray files beside public/: %v", entries)
	}
}

func TestRefusesForeignOutput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, "content/a.md", "# A\n", "mine/notes.txt", "keep me")
	for _, out := range []string{".", "content", "mine", dir, "content/public", "layouts/out"} {
		code, _, errOut := runCLI(t, "build", "--out", out)
		if code != 2 || !strings.Contains(errOut, "choose") {
			t.Errorf("--out %s: exit %d, %q; want a refusal", out, code, errOut)
		}
	}
	if data, _ := os.ReadFile("mine/notes.txt"); string(data) != "keep me" {
		t.Error("a refused output folder was changed")
	}
}

func TestBuildsAreIdentical(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, errOut := runCLI(t, "build", "--out", "one"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := runCLI(t, "build", "--out", "two"); code != 0 {
		t.Fatal(errOut)
	}
	if a, b := treeHash(t, "one"), treeHash(t, "two"); a != b {
		t.Errorf("two builds differ: %s vs %s", a, b)
	}
	// Rebuilding over an earlier output (it has the marker) works.
	if code, _, errOut := runCLI(t, "build", "--out", "one"); code != 0 {
		t.Fatalf("rebuild over own output: %s", errOut)
	}
}

// modTimes lists every file below dir with its modification time.
func modTimes(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err == nil && !d.IsDir() {
			fmt.Fprintf(&b, "%s %d\n", p, info.ModTime().UnixNano())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestRebuildWritesOnlyChanges builds twice: the second build writes
// nothing; an edit writes its page; a file added by hand is kept and
// reported.
func TestRebuildWritesOnlyChanges(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, "content/_index.md", "# Home\n", "content/m/a.md", "# A\n", "content/m/b.md", "# B\n")
	if code, out, errOut := runCLI(t, "build"); code != 0 || !strings.Contains(out, " removed) into public in ") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	code, out, errOut := runCLI(t, "build")
	if code != 0 || !strings.Contains(out, ", 0 written, 0 removed) into public") || errOut != "" {
		t.Errorf("an unchanged rebuild: exit %d, %q %q", code, out, errOut)
	}
	writeFiles(t, dir, "content/m/b.md", "# B\n\nMore.\n", "public/notes.txt", "mine", "public/m/mine.html", "mine")
	code, out, errOut = runCLI(t, "build")
	var pages, files, written, removed int
	fmt.Sscanf(out, "built %d pages (%d files, %d written, %d removed)", &pages, &files, &written, &removed)
	// the page, the search file holding its text, and the all-in-one views
	// that show it (its module's and the course's, for learners and trainers)
	if code != 0 || written < 1 || written > 6 || removed != 0 {
		t.Errorf("one edit: exit %d, %q", code, out)
	}
	if want := "warning: public holds 2 files p2pc did not write, left as they are: m/mine.html, notes.txt\n"; !strings.HasSuffix(errOut, want) {
		t.Errorf("stderr %q, want a warning %q", errOut, want)
	}
	if data, err := os.ReadFile("public/notes.txt"); err != nil || string(data) != "mine" {
		t.Errorf("a file added by hand was changed: %q %v", data, err)
	}
}

func TestFlagsPointElsewhere(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir,
		"src/_index.md", "# My site\n",
		"src/m/a.md", "---\ntitle: Shown\n---\nHello\n",
		"src/m/b.md", "---\ntitle: Draft page\ndraft: true\n---\n",
		"theme/lesson.html", `{{define "main"}}<p class="custom">{{.Page.Title}}</p>{{end}}`,
	)
	code, _, errOut := runCLI(t, "build", "--content", "src", "--layouts", "theme", "--out", "site", "--base-url", "https://example.org/x/", "--drafts")
	if code != 0 {
		t.Fatal(errOut)
	}
	page, _ := os.ReadFile("site/m/a/index.html")
	if !strings.Contains(string(page), `<p class="custom">Shown</p>`) {
		t.Errorf("layout override not used:\n%s", page)
	}
	if _, err := os.Stat("site/m/b/index.html"); err != nil {
		t.Error("--drafts did not build the draft")
	}
	sitemap, _ := os.ReadFile("site/sitemap.xml")
	if !strings.Contains(string(sitemap), "<loc>https://example.org/x/m/a/</loc>") {
		t.Errorf("sitemap lacks the base URL:\n%s", sitemap)
	}
}

// TestMain keeps the build caches the tests' builds leave out of the
// user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "p2pc-cache-")
	if err == nil {
		os.Setenv("XDG_CACHE_HOME", dir)
	}
	code := m.Run()
	if err == nil {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// TestNewSite makes a site with p2pc new site, builds it at once, adds a
// module and lessons to it, builds again and serves it.
func TestNewSite(t *testing.T) {
	t.Chdir(t.TempDir())
	code, out, errOut := runCLI(t, "new", "site", "course")
	wantOut := `created course/content/01-getting-started/01-first-lesson.md
created course/content/01-getting-started/02-check-yourself.md
created course/content/01-getting-started/_index.md
created course/content/_index.md
created course/content/site.yaml

Next:
  cd course
  p2pc serve            preview the site on http://127.0.0.1:1313/ while you edit it
  p2pc new lesson 01-getting-started/NAME
                        add a lesson to the module
  p2pc build            write the site into public/, ready to publish
  p2pc help authoring   how to write lessons, cards and worksheets
`
	if code != 0 || out != wantOut || errOut != "" {
		t.Fatalf("p2pc new site: exit %d, stdout:\n%s\nstderr: %s", code, out, errOut)
	}
	t.Chdir("course")
	code, out, errOut = runCLI(t, "build")
	// the scaffold's pages, progress/ and 4 all-in-one views (the course's, one module's)
	if code != 0 || !strings.HasPrefix(out, "built 12 pages (") || errOut != "" {
		t.Fatalf("build of a new site: exit %d, %q %q", code, out, errOut)
	}
	for _, f := range []string{"public/getting-started/first-lesson/index.html", "public/cards/getting-started/index.html", "public/worksheets/ws-getting-started/key/index.html"} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("the new site lacks %s", f)
		}
	}
	home, _ := os.ReadFile("public/index.html")
	if !strings.Contains(string(home), "<title>Course") {
		t.Errorf("the site's title is not taken from its folder's name:\n%.600s", home)
	}
	for _, tc := range []struct {
		args    []string
		code    int
		out, er string
	}{
		{[]string{"new", "module", "Giving feedback"}, 0, "created content/giving-feedback/_index.md\n", ""},
		{[]string{"new", "lesson", "giving-feedback/ask-first"}, 0, "created content/giving-feedback/ask-first.md\n", ""},
		{[]string{"new", "lesson", "content/giving-feedback/03-Say thank you.md"}, 0, "created content/giving-feedback/say-thank-you.md\n", ""},
		{[]string{"new", "lesson", "giving-feedback/Ask first"}, 1, "", "p2pc new lesson: content/giving-feedback/ask-first.md already exists; it was left as it is\n"},
		{[]string{"new", "module", "giving-feedback"}, 1, "", "p2pc new module: content/giving-feedback already exists\n"},
		{[]string{"new", "lesson", "nowhere/x"}, 1, "", "p2pc new lesson: no folder content/nowhere; make the module first (p2pc new module)\n"},
		{[]string{"new", "lesson", "../x"}, 2, "", "p2pc new lesson: ../x is not a path in the content folder content\n"},
		{[]string{"new", "lesson", "--content", "src", "x"}, 2, "", "p2pc new lesson: no content folder src here; run it in a site's folder or give --content DIR\n"},
		{[]string{"new", "lesson", "x", "y"}, 2, "", "p2pc new: unexpected argument \"y\" (p2pc new -h for help)\n"},
		{[]string{"new", "lesson"}, 2, "", "p2pc new lesson: missing PATH (p2pc new -h for help)\n"},
		{[]string{"new", "lessen", "x"}, 2, "", "p2pc new: cannot make \"lessen\"; did you mean \"lesson\"? (p2pc new -h for help)\n"},
		{[]string{"new"}, 2, "", "p2pc new: say what to make: site, module or lesson (p2pc new -h for help)\n"},
		{[]string{"new", "site", "."}, 1, "", "p2pc new site: . already exists and is not empty; choose a new folder\n"},
	} {
		code, out, errOut := runCLI(t, tc.args...)
		if code != tc.code || out != tc.out || errOut != tc.er {
			t.Errorf("p2pc %s: exit %d, %q, %q; want exit %d, %q, %q", strings.Join(tc.args, " "), code, out, errOut, tc.code, tc.out, tc.er)
		}
	}
	lesson, _ := os.ReadFile("content/giving-feedback/say-thank-you.md")
	if !strings.HasPrefix(string(lesson), "---\ntitle: \"Say thank you\"\nweight: 2\nsummary: \"") || !strings.Contains(string(lesson), "\nobjectives:\n  - \"") {
		t.Errorf("the new lesson's front matter:\n%s", lesson)
	}
	module, _ := os.ReadFile("content/giving-feedback/_index.md")
	if !strings.HasPrefix(string(module), "---\ntitle: \"Giving feedback\"\nweight: 2\n") {
		t.Errorf("the new module's front matter:\n%s", module)
	}
	code, out, errOut = runCLI(t, "build")
	// the pages, progress/ and 6 all-in-one views (the course's, two modules')
	if code != 0 || !strings.HasPrefix(out, "built 17 pages (") || errOut != "" {
		t.Fatalf("build after new module and lessons: exit %d, %q %q", code, out, errOut)
	}

	// serve builds and serves it too.
	ctx, cancel := context.WithCancel(context.Background())
	interrupted = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	t.Cleanup(func() { interrupted = signalContext })
	var served syncBuffer
	done := make(chan int)
	go func() { done <- run([]string{"serve", "--addr", "127.0.0.1:0", "--out", "served"}, &served, &served) }()
	deadline := time.Now().Add(20 * time.Second)
	var url string
	for url == "" && time.Now().Before(deadline) {
		if _, rest, ok := strings.Cut(served.String(), "serving served at "); ok {
			url, _, _ = strings.Cut(rest, "\n")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if url == "" {
		cancel()
		t.Fatalf("serve printed no address: %s", served.String())
	}
	resp, err := http.Get(strings.TrimSuffix(url, "/") + "/giving-feedback/say-thank-you/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Say thank you") {
		t.Errorf("serve: %d\n%.300s", resp.StatusCode, body)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exit %d: %s", code, served.String())
	}
}

// syncBuffer is a bytes.Buffer safe to write and read from two goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestCheck runs p2pc check: the same problems and exit codes as build,
// and nothing written.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, "content/_index.md", "# Home\n", "content/m/a.md", "# A\n\n[B](b.md)\n", "content/m/b.md", "# B\n")
	before := treeHash(t, dir)
	code, out, errOut := runCLI(t, "check")
	// 4, progress/, the coaching log and 4 all-in-one views
	if code != 0 || !strings.HasPrefix(out, "checked 9 pages: no problems (") || errOut != "" {
		t.Errorf("p2pc check: exit %d, %q %q", code, out, errOut)
	}
	if after := treeHash(t, dir); after != before {
		t.Errorf("p2pc check wrote files: %s -> %s", before, after)
	}
	writeFiles(t, dir, "content/m/a.md", "---\nwieght: 1\n---\n[x](b.md#gone)\n", "content/m/c.md", "::: card\n")
	before = treeHash(t, dir)
	code, out, errOut = runCLI(t, "check")
	problems, ok := strings.CutSuffix(errOut, "p2pc check: failed\n")
	if code != 1 || out != "" || !ok || !strings.HasPrefix(problems, `m/a.md:2:1: unknown front-matter key "wieght" (did you mean "weight"?)`+"\n") || strings.Count(problems, "\n") != 3 {
		t.Errorf("p2pc check of bad content: exit %d, %q, stderr:\n%s", code, out, errOut)
	}
	if after := treeHash(t, dir); after != before {
		t.Errorf("p2pc check wrote files: %s -> %s", before, after)
	}
	code, _, errOut = runCLI(t, "build")
	if code != 1 || errOut != problems+"p2pc build: failed; public was left as it was\n" {
		t.Errorf("p2pc build reports other problems than check:\n%s\ncheck:\n%s", errOut, problems)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--out", "x"}, "p2pc check: unknown flag --out (p2pc check -h for help)\n"},
		{[]string{"check", "--content", "/does/not/exist"}, "p2pc check: --content /does/not/exist: no such folder\n"},
	} {
		if code, out, errOut := runCLI(t, tc.args...); code != 2 || out != "" || errOut != tc.want {
			t.Errorf("p2pc %s: exit %d, %q %q; want exit 2, %q", strings.Join(tc.args, " "), code, out, errOut, tc.want)
		}
	}
}

// TestHelpAuthoring checks that the built-in author guide is printed and
// names every front-matter key and every fenced div the features know.
func TestHelpAuthoring(t *testing.T) {
	code, out, errOut := runCLI(t, "help", "authoring")
	if code != 0 || out != scaffold.Guide || errOut != "" || !strings.HasPrefix(out, "# Writing for p2pc\n") {
		t.Fatalf("p2pc help authoring: exit %d, %.100q, %q", code, out, errOut)
	}
	names := []string{"title", "weight", "summary", "objectives", "duration", "slug", "draft", "content/site.yaml", "base_url", "raw_html"}
	for _, f := range builtinfeatures.Features() {
		m := f.Manifest()
		names = append(names, m.Divs...)
		for d := range m.Render {
			names = append(names, d)
		}
		for d := range m.TrainerNotes {
			names = append(names, d)
		}
	}
	for _, n := range names {
		if !strings.Contains(out, "`"+n+"`") {
			t.Errorf("the author guide does not name `%s`", n)
		}
	}
	if code, _, errOut := runCLI(t, "help", "authorin"); code != 2 || errOut != "p2pc help: no help for \"authorin\"; did you mean \"authoring\"? (p2pc -h for help)\n" {
		t.Errorf("p2pc help authorin: exit %d, %q", code, errOut)
	}
}

// TestNotFoundPage loads 404.html the way a static host serves it, for a
// missing address at any depth under a base path, in Chromium: its
// stylesheets apply and every link on it leads to a page.
func TestNotFoundPage(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, errOut := runCLI(t, "build", "--out", "site"); code != 0 {
		t.Fatal(errOut)
	}
	notFound, err := os.ReadFile("site/404.html")
	if err != nil {
		t.Fatal(err)
	}
	files := http.StripPrefix("/course", http.FileServer(http.Dir("site")))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, "/course/")
		if st, err := os.Stat(filepath.Join("site", filepath.FromSlash(rel))); !ok || err != nil || (st.IsDir() && !isFile(filepath.Join("site", rel, "index.html"))) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(notFound)
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()

	ctx := browsertest.New(t, 1000, 800)
	console, err := browsertest.WatchConsole(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, missing := range []string{"/course/a/b/c/missing", "/course/missing", "/course/five-steps/no-such-lesson/", "/course/404.html"} {
		var sheets int
		var unstyled []string
		var links []string
		err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+missing),
			chromedp.WaitReady("article.not-found", chromedp.ByQuery),
			chromedp.Evaluate(`Array.from(document.styleSheets).filter(s => s.href).length`, &sheets),
			chromedp.Evaluate(`Array.from(document.styleSheets).filter(s => s.href && s.cssRules.length === 0).map(s => s.href)`, &unstyled),
			chromedp.Evaluate(`Array.from(document.querySelectorAll("a[href]")).map(a => a.href)`, &links),
		)
		if err != nil {
			t.Fatalf("%s: %v", missing, err)
		}
		if sheets < 3 || len(unstyled) > 0 {
			t.Errorf("%s: %d stylesheets, these did not load: %v", missing, sheets, unstyled)
		}
		var display string
		chromedp.Run(ctx, chromedp.Evaluate(`getComputedStyle(document.querySelector(".site-header")).display + " " + getComputedStyle(document.body).backgroundColor`, &display))
		if strings.HasPrefix(display, "inline") {
			t.Errorf("%s: the site's stylesheet is not applied (%s)", missing, display)
		}
		if len(links) < 10 {
			t.Errorf("%s: only %d links", missing, len(links))
		}
		checked := map[string]bool{}
		for _, l := range links {
			u, _, _ := strings.Cut(l, "#")
			if !strings.HasPrefix(u, srv.URL) || checked[u] || u == srv.URL+missing {
				continue
			}
			checked[u] = true
			resp, err := http.Get(u)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("%s: the link to %s gives %d", missing, u, resp.StatusCode)
			}
		}
		var home string
		chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector(".home-link").href`, &home))
		if home != srv.URL+"/course/contents/index.html" {
			t.Errorf("%s: the home link goes to %s", missing, home)
		}
		// The page itself comes with status 404, and the browser may fetch
		// its assets from the address's folder before the script sets the
		// root: neither is a fault of the page.
		folder := srv.URL + missing[:strings.LastIndex(missing, "/")+1]
		for _, e := range console.Take() {
			if _, u, _ := strings.Cut(e, "(Not Found) "); !strings.HasPrefix(e, "network: Failed to load resource") || !strings.HasPrefix(u, folder) {
				t.Errorf("%s: %s", missing, e)
			}
		}
	}
}

// TestNotFoundPageWithBaseURL checks that with a base URL the 404 page's
// links are absolute under it, with no script to find the root.
func TestNotFoundPageWithBaseURL(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, errOut := runCLI(t, "build", "--base-url", "https://example.org/course"); code != 0 {
		t.Fatal(errOut)
	}
	page, _ := os.ReadFile("public/404.html")
	for _, want := range []string{`<link rel="stylesheet" href="https://example.org/course/assets/style.css">`, `<a class="home-link" href="https://example.org/course/contents/index.html">`, `href="https://example.org/course/five-steps/index.html"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("404.html lacks %s", want)
		}
	}
	if strings.Contains(string(page), "createElement(\"base\")") {
		t.Error("404.html finds its root by script although the base URL is known")
	}
	lesson, _ := os.ReadFile("public/five-steps/index.html")
	if strings.Contains(string(lesson), "https://example.org/course/assets/") {
		t.Error("a page other than 404.html has absolute links")
	}
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// TestStaticFolder builds a site with a static/ folder beside content/: its
// files are copied as they are to the site root, and a name the site makes
// too is an error naming both.
func TestStaticFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, "site/content/_index.md", "# Home\n", "site/content/m/a.md", "# A\n", "site/content/robots.txt", "from content\n",
		"site/static/CNAME", "learn.example.org\n", "site/static/.well-known/security.txt", "Contact: x\n",
		"site/static/downloads/notes.md", "# Not a page\n", "site/static/m/extra.txt", "beside the lesson\n", "site/static/robots.txt", "User-agent: *\n")
	code, out, errOut := runCLI(t, "build", "--content", "site/content")
	if want := "site/static/robots.txt: the site has robots.txt too, the copy of site/content/robots.txt; rename or remove one of them\n"; code != 1 || out != "" || !strings.HasPrefix(errOut, want) {
		t.Errorf("a clash with a content file: exit %d, %q, %q", code, out, errOut)
	}
	os.Remove("site/content/robots.txt")
	writeFiles(t, dir, "site/static/robots.txt", "User-agent: *\n")
	code, out, errOut = runCLI(t, "build", "--content", "site/content")
	// 3, progress/, the coaching log and 4 all-in-one views
	if code != 0 || errOut != "" || !strings.HasPrefix(out, "built 8 pages (") {
		t.Fatalf("build with a static folder: exit %d, %q %q", code, out, errOut)
	}
	for name, want := range map[string]string{"CNAME": "learn.example.org\n", ".well-known/security.txt": "Contact: x\n",
		"downloads/notes.md": "# Not a page\n", "m/extra.txt": "beside the lesson\n", "robots.txt": "User-agent: *\n"} {
		if data, err := os.ReadFile(filepath.Join("public", name)); err != nil || string(data) != want {
			t.Errorf("public/%s: %q %v, want %q", name, data, err, want)
		}
	}
	if _, err := os.Stat("public/downloads/notes/index.html"); err == nil {
		t.Error("a Markdown file in static/ was made a page")
	}
	// Removed from static/, removed from the site.
	os.Remove("site/static/CNAME")
	if code, _, errOut := runCLI(t, "build", "--content", "site/content"); code != 0 || isFile("public/CNAME") {
		t.Errorf("a file removed from static/ stays in the site: exit %d %s", code, errOut)
	}

	writeFiles(t, dir, "site/static/index.html", "mine", "site/static/m/a/index.html", "mine", "site/static/assets/style.css", "mine",
		"site/static/sitemap.xml", "mine", "site/content/m/pic.txt", "content", "site/static/m/pic.txt", "static")
	want := `site/static/assets/style.css: the site has assets/style.css too, a file p2pc writes; rename or remove one of them
site/static/index.html: the site has index.html too, the page made from site/content/_index.md; rename or remove one of them
site/static/m/a/index.html: the site has m/a/index.html too, the page made from site/content/m/a.md; rename or remove one of them
site/static/m/pic.txt: the site has m/pic.txt too, the copy of site/content/m/pic.txt; rename or remove one of them
site/static/sitemap.xml: the site has sitemap.xml too, a file p2pc writes; rename or remove one of them
`
	before := treeOf(t, "public")
	code, out, errOut = runCLI(t, "build", "--content", "site/content")
	if code != 1 || out != "" || errOut != want+"p2pc build: failed; public was left as it was\n" {
		t.Errorf("clashes: exit %d, %q, stderr:\n%s", code, out, errOut)
	}
	if after := treeOf(t, "public"); !maps.Equal(before, after) {
		t.Error("a build that failed on clashes changed public/")
	}
	code, out, errOut = runCLI(t, "check", "--content", "site/content")
	if code != 1 || out != "" || errOut != want+"p2pc check: failed\n" {
		t.Errorf("check with clashes: exit %d, %q, stderr:\n%s", code, out, errOut)
	}
}

// treeOf reads every file below dir, by slash-separated path.
func treeOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(p)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBuildOutInsideInputs: build refuses an output folder inside the
// content or layouts folder (each run would copy the last output in
// again), and writes nothing.
func TestBuildOutInsideInputs(t *testing.T) {
	dir := t.TempDir()
	content, layouts := filepath.Join(dir, "content"), filepath.Join(dir, "layouts")
	for _, d := range []string{content, layouts} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(content, "a.md"), []byte("# A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{filepath.Join(content, "public"), filepath.Join(layouts, "site")} {
		before := treeHash(t, dir)
		code, _, errOut := runCLI(t, "build", "--content", content, "--layouts", layouts, "--out", out)
		if code != 2 || !strings.Contains(errOut, "is inside the input folder") {
			t.Errorf("--out %s: exit %d, %q; want 2 and a message", out, code, errOut)
		}
		if treeHash(t, dir) != before {
			t.Errorf("--out %s: files changed", out)
		}
	}
}

// TestHugoSiteHere: in a Hugo site's folder, p2pc build reads the site (its
// config says how), not ./content as a p2pc site; --content . with its
// static/ folder builds too (the site's static/ is the site's, not a
// second static folder beside the content).
func TestHugoSiteHere(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, "hugo.toml", "title = \"H\"\n", "content/_index.md", "---\ntitle: H\n---\n",
		"content/sec/_index.md", "---\ntitle: Sec\n---\n", "content/sec/page.md", "---\ntitle: P\n---\nSee [nowhere](/nowhere/).\n",
		"static/robots.txt", "User-agent: *\n")
	code, out, errOut := runCLI(t, "build")
	if code != 0 || !strings.Contains(errOut, "warning: link /nowhere/") || !strings.HasPrefix(out, "built ") {
		t.Fatalf("p2pc build in a Hugo site: exit %d, %q, %q", code, out, errOut)
	}
	if data, err := os.ReadFile("public/robots.txt"); err != nil || string(data) != "User-agent: *\n" {
		t.Errorf("public/robots.txt: %q %v, want static/'s", data, err)
	}
	other := filepath.Join(t.TempDir(), "out")
	if code, out, errOut := runCLI(t, "build", "--content", ".", "--out", other); code != 0 {
		t.Errorf("--content . in a Hugo site: exit %d, %q, %q", code, out, errOut)
	}
}
