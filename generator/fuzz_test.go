package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzBuild feeds arbitrary front matter and Markdown to a whole build: it
// must never panic, and what it writes must stay inside the output folder.
func FuzzBuild(f *testing.F) {
	f.Add("---\ntitle: A\nslug: ../../etc\n---\n[x](../b.md#why)\n")
	f.Add("+++\ntitle = \"T\"\nweight = 3\n+++\n::: card {#c deck=x}\n# T\n---\nback\n:::\n")
	f.Add("---\nobjectives: [a, b]\nduration: 5\n---\n![i](../../../../etc/passwd)\n<script>x</script>")
	f.Add("# Only a heading\n\n:::: a\n::: b\n:::\n")
	f.Add(":::: worksheet {#ws}\n::: question {#q type=single}\nPick.\n\n- [x] A\n  > yes\n- [ ] B\n:::\n::::\n")
	f.Add("::: deck {#d size=poker backs=short-edge}\n:::\n::: card {#c deck=d}\n### T\nfront\n\n---\n\nback\n:::\n")
	f.Add("::: question {#o type=order}\n1. a\n2. b\n3. c\n:::\n::: question {#s type=short accept=\"x|y\"}\nQ\n:::\n")
	f.Fuzz(func(t *testing.T, src string) {
		content := files("_index.md", "# Home\n", "m/b.md", "## Why {#why}\n", "m/a.md", src)
		site, err := Build(content, layoutsFS, Options{})
		if err != nil {
			return
		}
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		if err := Write(out, site.Files); err != nil {
			for name := range site.Files {
				if !fs.ValidPath(name) {
					return // refused before writing, as it should be
				}
			}
			t.Fatalf("write: %v", err)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 || entries[0].Name() != "public" {
			t.Fatalf("files written beside the output folder: %v", entries)
		}
	})
}

// FuzzBuildHugo builds a page of a Hugo site, with a file to include and a
// folder of pages: a build never panics, and a page that builds is
// written inside the output folder.
func FuzzBuildHugo(f *testing.F) {
	f.Add("---\ntitle: A\n---\n{{% include \"/static/inc.md\" %}}\n{{< readfile file=\"b.md\" code=\"true\" >}}\n")
	f.Add("{{< filetree/container >}}{{< filetree/folder name=\"a\" >}}{{< /filetree/container >}}\n{{< blocks/cover title=\"T\" >}}x{{< /blocks/cover >}}")
	f.Add("| $|x|$ | b |\n|---|---|\n### [Fast](/m/b/)\n[a]([a]([a](\n{{< ref \"b.md#why\" >}}")
	f.Fuzz(func(t *testing.T, src string) {
		content := files("hugo.toml", "title = 'S'\n[params]\nx = 'v'\n", "content/_index.md", "# Home\n",
			"content/m/b.md", "## Why\n", "content/m/a.md", src, "static/inc.md", "Inc {{< param x >}} {{% include \"/static/inc.md\" %}}\n")
		site, err := Build(content, layoutsFS, Options{})
		if err != nil {
			return
		}
		if err := Write(filepath.Join(t.TempDir(), "public"), site.Files); err != nil {
			t.Fatalf("write: %v", err)
		}
	})
}

// FuzzFrontMatter feeds arbitrary files to the front-matter splitter in
// both readings: it must never panic, the body it returns keeps the file's
// line count (line numbers stay true), and every error is placed inside
// the file.
func FuzzFrontMatter(f *testing.F) {
	f.Add("\n \t\n---\ntitle: T\nweight: 2\n---\nbody\n")
	f.Add("\r\n+++\ntitle = \"X\"\ndate = 2024-01-01\n[params]\n  foo = 1\n+++\nbody\n")
	f.Add("{\n  \"title\": \"T\",\n  \"params\": {\"a\": [1, {\"b\": null}]}\n}  \nbody {x}\n")
	f.Add("{\"title\": \"T\" \"weight\": 2}\n")
	f.Add("{{< param x >}}\n")
	f.Add("---\nTitle: T\nlinktitle: L\nDraft: true\n---\n")
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n")
		for _, lenient := range []bool{false, true} {
			errs := &errorList{}
			_, body, _ := splitFrontMatter("a.md", []byte(src), frontMatterRules{lenient: lenient}, errs)
			if body != nil && strings.Count(string(body), "\n") != lines {
				t.Fatalf("lenient %v: body has %d lines, the file %d", lenient, strings.Count(string(body), "\n"), lines)
			}
			for _, e := range errs.errs {
				if e.Line > lines+1 {
					t.Errorf("lenient %v: %v is after the file's last line %d", lenient, e, lines+1)
				}
			}
		}
	})
}
