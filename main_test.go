package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
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
		{[]string{"build", "-h"}, 0, "--base-url URL"},
		{[]string{"serve", "-h"}, 0, "--addr HOST:PORT"},
		{[]string{"serve", "--nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--content", "/does/not/exist"}, 2, "no such folder"},
		{[]string{}, 2, "Usage:"},
		{[]string{"bild"}, 2, `unknown command "bild"`},
		{[]string{"build", "--nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"build", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"build", "--content", "/does/not/exist"}, 2, "no such folder"},
	} {
		code, out, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("p2pc %s: exit %d, output %q; want exit %d and %q", strings.Join(tc.args, " "), code, out+errOut, tc.code, tc.want)
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
	if code != 0 || written < 1 || written > 2 || removed != 0 { // the page, and the search file holding its text
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
