package generator

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// keptStep is one edit of the content: it changes the files and returns the
// paths a server would tell the pipeline of.
type keptStep struct {
	what string
	edit func(fsys fstest.MapFS) []string
}

// followEdits runs steps through one kept Pipeline and, after each, checks
// that it gives what a clean build of the same files gives: the same files
// with the same bytes, or the same errors.
func followEdits(t *testing.T, fsys fstest.MapFS, steps []keptStep) {
	t.Helper()
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatalf("first build: %v", err)
	}
	mem.Sweep()
	for _, s := range steps {
		pl.Forget(s.edit(fsys)...)
		_, gotErr := pl.Run(mem)
		want, wantErr := Build(fsys, layoutsFS, Options{})
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("%s: errors differ\nkept pipeline: %v\nclean build: %v", s.what, gotErr, wantErr)
		}
		if gotErr != nil {
			pl.Reset()
			continue
		}
		mem.Sweep()
		for _, name := range slices.Sorted(maps.Keys(want.Files)) {
			if string(mem.Files[name]) != string(want.Files[name]) {
				t.Fatalf("%s: %s differs from a clean build's\n%s", s.what, name, firstDiff(mem.Files[name], want.Files[name]))
			}
		}
		if len(mem.Files) != len(want.Files) {
			t.Fatalf("%s: %d files, a clean build has %d: %q", s.what, len(mem.Files), len(want.Files), slices.Sorted(maps.Keys(mem.Files)))
		}
	}
}

// put sets a file's text.
func put(fsys fstest.MapFS, name, text string) { fsys[name] = &fstest.MapFile{Data: []byte(text)} }

// move renames every file at or below from to to, and returns both paths.
func move(fsys fstest.MapFS, from, to string) []string {
	for name, f := range maps.Clone(fsys) {
		if rest, ok := strings.CutPrefix(name, from); ok && (rest == "" || rest[0] == '/') {
			delete(fsys, name)
			fsys[to+rest] = f
		}
	}
	return []string{from, to}
}

// TestKeptLoadFollowsEdits: what a kept pipeline reuses of the last run's
// loading (folder listings and what was made of them, sources, parses, link
// checks) follows every kind of change to the content's files and folders.
func TestKeptLoadFollowsEdits(t *testing.T) {
	fsys := files(
		"_index.md", "---\ntitle: Course\n---\nWelcome. See [the first lesson](01-basics/01-one.md).\n",
		"01-basics/_index.md", "---\ntitle: Basics\n---\nThe basics.\n",
		"01-basics/01-one.md", "---\ntitle: One\n---\n## Start {#start}\n\nText. [Two](02-two.md#end)\n",
		"01-basics/02-two.md", "---\ntitle: Two\n---\n## End {#end}\n\nMore. ![A cat](img/cat.png)\n",
		"01-basics/img/cat.png", "PNG",
		"02-more/_index.md", "---\ntitle: More\n---\nMore things.\n",
		"02-more/01-three.md", "---\ntitle: Three\n---\nThree. [Back](../01-basics/01-one.md#start)\n",
	)
	followEdits(t, fsys, []keptStep{
		{"module title changed", func(fsys fstest.MapFS) []string {
			put(fsys, "02-more/_index.md", "---\ntitle: Much more\n---\nMore things.\n")
			return []string{"02-more/_index.md"}
		}},
		{"lesson title and weight changed", func(fsys fstest.MapFS) []string {
			put(fsys, "01-basics/01-one.md", "---\ntitle: First\nweight: 9\n---\n## Start {#start}\n\nText. [Two](02-two.md#end)\n")
			return []string{"01-basics/01-one.md"}
		}},
		{"slug set", func(fsys fstest.MapFS) []string {
			put(fsys, "02-more/01-three.md", "---\ntitle: Three\nslug: third\n---\nThree. [Back](../01-basics/01-one.md#start)\n")
			return []string{"02-more/01-three.md"}
		}},
		{"lesson added", func(fsys fstest.MapFS) []string {
			put(fsys, "02-more/02-four.md", "---\ntitle: Four\n---\nFour. [Three](01-three.md)\n")
			return []string{"02-more/02-four.md"}
		}},
		{"module folder renamed", func(fsys fstest.MapFS) []string {
			return move(fsys, "02-more", "03-later")
		}},
		{"lesson renamed", func(fsys fstest.MapFS) []string {
			return move(fsys, "03-later/02-four.md", "03-later/02-fourth.md")
		}},
		{"anchor a link points at removed", func(fsys fstest.MapFS) []string {
			put(fsys, "01-basics/02-two.md", "---\ntitle: Two\n---\n## Ending\n\nMore. ![A cat](img/cat.png)\n")
			return []string{"01-basics/02-two.md"}
		}},
		{"anchor back", func(fsys fstest.MapFS) []string {
			put(fsys, "01-basics/02-two.md", "---\ntitle: Two\n---\n## End {#end}\n\nMore. ![A cat](img/cat.png)\n")
			return []string{"01-basics/02-two.md"}
		}},
		{"image folder renamed", func(fsys fstest.MapFS) []string {
			return move(fsys, "01-basics/img", "01-basics/pics")
		}},
		{"link to the image follows", func(fsys fstest.MapFS) []string {
			put(fsys, "01-basics/02-two.md", "---\ntitle: Two\n---\n## End {#end}\n\nMore. ![A cat](pics/cat.png)\n")
			return []string{"01-basics/02-two.md"}
		}},
		{"lesson made a draft", func(fsys fstest.MapFS) []string {
			put(fsys, "03-later/02-fourth.md", "---\ntitle: Four\ndraft: true\n---\nFour.\n")
			return []string{"03-later/02-fourth.md"}
		}},
		{"lesson removed", func(fsys fstest.MapFS) []string {
			delete(fsys, "03-later/02-fourth.md")
			return []string{"03-later/02-fourth.md"}
		}},
		{"module index removed", func(fsys fstest.MapFS) []string { // its text left the all-in-one views
			delete(fsys, "03-later/_index.md")
			return []string{"03-later/_index.md"}
		}},
		{"module index added as README.md", func(fsys fstest.MapFS) []string {
			put(fsys, "03-later/README.md", "---\ntitle: Later\n---\nLater things.\n")
			return []string{"03-later/README.md"}
		}},
		{"two lessons want one URL", func(fsys fstest.MapFS) []string {
			put(fsys, "03-later/05-three.md", "---\ntitle: Again\n---\nAgain.\n")
			return []string{"03-later/05-three.md"}
		}},
		{"clash gone, whole folder told", func(fsys fstest.MapFS) []string {
			delete(fsys, "03-later/05-three.md")
			return []string{"03-later"}
		}},
		{"everything told", func(fsys fstest.MapFS) []string {
			put(fsys, "_index.md", "---\ntitle: The course\n---\nWelcome.\n")
			return []string{"."}
		}},
	})
}

// TestKeptIncludesFollowEdits: an mdBook chapter that includes another file
// is read again when that file, or the folder that holds it, changes.
func TestKeptIncludesFollowEdits(t *testing.T) {
	fsys := files(
		"book.toml", "[book]\ntitle = \"Book\"\n",
		"src/SUMMARY.md", "[Intro](README.md)\n\n- [Ch](ch.md)\n",
		"src/README.md", "# Intro\n",
		"src/ch.md", "# Ch\n\n{{#include parts/part.md}}\n",
		"src/parts/part.md", "Included text one.\n",
	)
	followEdits(t, fsys, []keptStep{
		{"included file edited", func(fsys fstest.MapFS) []string {
			put(fsys, "src/parts/part.md", "Included text two.\n")
			return []string{"src/parts/part.md"}
		}},
		{"folder of the included file told", func(fsys fstest.MapFS) []string {
			put(fsys, "src/parts/part.md", "Included text three.\n")
			return []string{"src/parts"}
		}},
		{"included file edited again", func(fsys fstest.MapFS) []string {
			put(fsys, "src/parts/part.md", "Included text four.\n")
			return []string{"src/parts/part.md"}
		}},
	})
}

// TestKeptHugoIncludesFollowEdits: a Hugo page that includes a file of
// another folder is read again when that file changes, though its own
// folder's listing (and the plan that remembers its file) is kept.
func TestKeptHugoIncludesFollowEdits(t *testing.T) {
	fsys := files(
		"hugo.toml", "title = 'Site'\n",
		"content/guide/_index.md", "---\ntitle: Guide\n---\n",
		"content/guide/step.md", "---\ntitle: Step\n---\n{{% include \"../parts/part.md\" %}}\n",
		"content/guide/other.md", "---\ntitle: Other\n---\nText.\n",
		"content/parts/part.md", "Included text one.\n",
	)
	followEdits(t, fsys, []keptStep{
		{"included file edited", func(fsys fstest.MapFS) []string {
			put(fsys, "content/parts/part.md", "Included text two.\n")
			return []string{"content/parts/part.md"}
		}},
		{"a page beside the includer edited", func(fsys fstest.MapFS) []string {
			put(fsys, "content/guide/other.md", "---\ntitle: Other\n---\nNew text.\n")
			return []string{"content/guide/other.md"}
		}},
		{"included file edited again", func(fsys fstest.MapFS) []string {
			put(fsys, "content/parts/part.md", "Included text three.\n")
			return []string{"content/parts/part.md"}
		}},
	})
}

// TestKeptOutlineFollowsEdits: an mdBook outline's edits that move no
// file reach every page in a server: a draft moved past a chapter, a
// chapter moved to the next part, nesting changed, and a chapter's link
// text changed where its file has no heading of its own (its title).
func TestKeptOutlineFollowsEdits(t *testing.T) {
	fsys := files(
		"book.toml", "[book]\ntitle = \"B\"\n",
		"src/SUMMARY.md", "# Summary\n\n- [G](g/README.md)\n    - [A](g/a.md)\n    - [Later]()\n    - [B](g/b.md)\n",
		"src/g/README.md", "# G\n",
		"src/g/a.md", "Text without a heading.\n",
		"src/g/b.md", "# B\n",
		"src/c.md", "# C\n",
	)
	followEdits(t, fsys, []keptStep{
		{"draft moved past a chapter", func(fsys fstest.MapFS) []string {
			put(fsys, "src/SUMMARY.md", "# Summary\n\n- [G](g/README.md)\n    - [A](g/a.md)\n    - [B](g/b.md)\n    - [Later]()\n")
			return []string{"src/SUMMARY.md"}
		}},
		{"a chapter's link text changed", func(fsys fstest.MapFS) []string {
			put(fsys, "src/SUMMARY.md", "# Summary\n\n- [G](g/README.md)\n    - [Another name](g/a.md)\n    - [B](g/b.md)\n    - [Later]()\n")
			return []string{"src/SUMMARY.md"}
		}},
		{"parts", func(fsys fstest.MapFS) []string {
			put(fsys, "src/SUMMARY.md", "# Summary\n\n# One\n\n- [G](g/README.md)\n    - [A](g/a.md)\n\n# Two\n\n- [B](g/b.md)\n- [C](c.md)\n")
			return []string{"src/SUMMARY.md"}
		}},
		{"a chapter moved to the next part", func(fsys fstest.MapFS) []string {
			put(fsys, "src/SUMMARY.md", "# Summary\n\n# One\n\n- [G](g/README.md)\n\n# Two\n\n- [A](g/a.md)\n- [B](g/b.md)\n- [C](c.md)\n")
			return []string{"src/SUMMARY.md"}
		}},
		{"nesting changed", func(fsys fstest.MapFS) []string {
			put(fsys, "src/SUMMARY.md", "# Summary\n\n- [A](g/a.md)\n    - [B](g/b.md)\n- [C](c.md)\n- [G](g/README.md)\n")
			return []string{"src/SUMMARY.md"}
		}},
	})
}

// TestKeptPlanFollowsFormat: a folder whose listing did not change is made
// again when what the content is recognised as changes (a folder holding
// index.md and a picture is a module of p2pc's, a page bundle of Hugo's).
func TestKeptPlanFollowsFormat(t *testing.T) {
	fsys := files(
		"_index.md", "---\ntitle: Site\n---\nHome.\n",
		"content/_index.md", "---\ntitle: Content\n---\nAll.\n",
		"content/guide/_index.md", "---\ntitle: Guide\n---\nA guide.\n",
		"content/guide/post/index.md", "---\ntitle: Post\n---\nA post. ![Cat](cat.png)\n",
		"content/guide/post/cat.png", "PNG",
	)
	followEdits(t, fsys, []keptStep{
		{"now a Hugo site", func(fsys fstest.MapFS) []string {
			put(fsys, "hugo.toml", "title = \"Hugo site\"\n")
			return []string{"hugo.toml"}
		}},
		{"p2pc's again", func(fsys fstest.MapFS) []string {
			delete(fsys, "hugo.toml")
			return []string{"hugo.toml"}
		}},
	})
}
