package generator

import (
	"maps"
	"slices"
	"testing"
	"testing/fstest"
)

// TestHugoReplay runs edits of a Hugo site's own kinds through one
// Pipeline, as a server does, and after each compares every file with a
// clean build of the same files: a page's url: and a relative alias
// added and changed, a bundle made headless and visible again, Markdown
// added inside a bundle, a page moved into a numbered folder, and a ref
// to a section whose page comes and goes.
func TestHugoReplay(t *testing.T) {
	fsys := files("hugo.toml", "title = 'S'\n",
		"content/_index.md", "---\ntitle: S\n---\n[start](/getting-started/) [ref]({{< ref \"guide/deep\" >}})\n",
		"content/guide/_index.md", "---\ntitle: Guide\n---\n",
		"content/guide/a.md", "---\ntitle: A\n---\nText.\n",
		"content/guide/deep/_index.md", "---\ntitle: Deep\n---\nDeep text.\n",
		"content/guide/bundle/index.md", "---\ntitle: Bundle\n---\n{{% readfile \"part.md\" %}}\n",
		"content/guide/bundle/part.md", "A part.\n",
		"content/guide/bundle/pic.png", "PNG",
	)
	steps := []replayStep{
		{"a page gets a url", map[string]string{"content/guide/a.md": "---\ntitle: A\nurl: /getting-started/\n---\nText.\n"}},
		{"and a relative alias", map[string]string{"content/guide/a.md": "---\ntitle: A\nurl: /getting-started/\naliases: [old-a]\n---\nText.\n"}},
		{"the url changes", map[string]string{"content/guide/a.md": "---\ntitle: A\nurl: /start/\naliases: [old-a]\n---\nText.\n"}},
		{"the bundle turns headless", map[string]string{"content/guide/bundle/index.md": "---\ntitle: Bundle\nheadless: true\n---\n{{% readfile \"part.md\" %}}\n"}},
		{"its part changes", map[string]string{"content/guide/bundle/part.md": "A new part.\n"}},
		{"it is shown again", map[string]string{"content/guide/bundle/index.md": "---\ntitle: Bundle\n---\n{{% readfile \"part.md\" %}}\n"}},
		{"Markdown added in the bundle", map[string]string{"content/guide/bundle/more.md": "---\ntitle: More\n---\nx\n"}},
		{"the part changes again", map[string]string{"content/guide/bundle/part.md": "Part three.\n"}},
		{"a numbered folder", map[string]string{"content/10_setup/_index.md": "---\ntitle: Setup\n---\n", "content/10_setup/01-install.md": "---\ntitle: Install\n---\nx\n"}},
		{"the section's page goes", map[string]string{"content/guide/deep/_index.md": ""}},
		{"and comes back", map[string]string{"content/guide/deep/_index.md": "---\ntitle: Deep\n---\nDeep again.\n"}},
		{"the bundle's index goes", map[string]string{"content/guide/bundle/index.md": ""}},
	}
	replayHugo(t, fsys, steps)
}

// TestHugoReplayLanguages: when a Hugo site's languages change, by its
// settings or by an _index.LANG.md at the root of a content folder, the
// pages of the new language leave the next run, as in a clean build
// (a.de.md, a page of its own while de was no language, is German's).
func TestHugoReplayLanguages(t *testing.T) {
	replayHugo(t, files(
		"_index.en.md", "---\ntitle: S\n---\n",
		"docs/_index.en.md", "---\ntitle: D\n---\n",
		"docs/a.md", "---\ntitle: A\n---\nx\n",
		"docs/a.de.md", "---\ntitle: AD\n---\nx\n",
	), []replayStep{
		{"a German section page at the root", map[string]string{"_index.de.md": "---\ntitle: SD\n---\n"}},
		{"and it goes", map[string]string{"_index.de.md": ""}},
	})
	replayHugo(t, files("hugo.toml", "title = 'S'\n[languages.en]\nweight = 1\n",
		"content/_index.md", "---\ntitle: S\n---\n",
		"content/docs/_index.md", "---\ntitle: D\n---\n",
		"content/docs/a.md", "---\ntitle: A\n---\nx\n",
		"content/docs/a.de.md", "---\ntitle: AD\n---\nx\n",
	), []replayStep{
		{"German in the settings", map[string]string{"hugo.toml": "title = 'S'\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n"}},
		{"and out again", map[string]string{"hugo.toml": "title = 'S'\n[languages.en]\nweight = 1\n"}},
	})
}

// replayStep is an edit of the content: files is what changed ("" removes
// the file).
type replayStep struct {
	what  string
	files map[string]string
}

// replayHugo runs the steps through one Pipeline, as a server does, and after
// each compares every file with a clean build of the same files.
func replayHugo(t *testing.T, fsys fstest.MapFS, steps []replayStep) {
	t.Helper()
	pl := NewPipeline(fsys, layoutsFS, Options{}, true)
	mem := NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	mem.Sweep()
	for i, st := range steps {
		var changed []string
		for name, data := range st.files {
			if data == "" {
				delete(fsys, name)
			} else {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			changed = append(changed, name)
		}
		want, wantErr := Build(fsys, layoutsFS, Options{})
		pl.Forget(changed...)
		_, gotErr := pl.Run(mem)
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Fatalf("step %d (%s): Run: %v\nBuild: %v", i, st.what, gotErr, wantErr)
		}
		if wantErr != nil {
			continue
		}
		mem.Sweep()
		for _, name := range slices.Sorted(maps.Keys(want.Files)) {
			if string(mem.Files[name]) != string(want.Files[name]) {
				t.Fatalf("step %d (%s): %s differs from a clean build\n%s", i, st.what, name, firstDiff(mem.Files[name], want.Files[name]))
			}
		}
		for name := range mem.Files {
			if _, ok := want.Files[name]; !ok {
				t.Fatalf("step %d (%s): %s is not in a clean build", i, st.what, name)
			}
		}
	}
}
