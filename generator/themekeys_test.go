package generator

import (
	"strings"
	"testing"
	"time"
)

// TestHugoThemeNavKeys: the navigation keys of Hugo's documentation
// themes (menuTitle, hidden, toc_hide, bookHidden, sidebar.exclude) are
// read, not reported as unused: a hidden page or section is built and
// linked to, but no sidebar, module list or previous/next link shows it.
func TestHugoThemeNavKeys(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = \"S\"\n",
		"content/_index.md", "---\ntitle: S\n---\nSee the [secret](basics/secret/).\n",
		"content/basics/_index.md", "---\ntitle: Basics\nweight: 1\n---\n",
		"content/basics/one.md", "---\ntitle: One\nweight: 1\n---\nFirst.\n",
		"content/basics/secret.md", "---\ntitle: Secret\nweight: 2\nhidden: true\n---\nHidden text.\n",
		"content/basics/two.md", "+++\ntitle = \"Two\"\nweight = 3\nmenuTitle = \"Second\"\n+++\nSecond.\n",
		"content/basics/docsy.md", "---\ntitle: Docsy\nweight: 4\ntoc_hide: true\n---\nD.\n",
		"content/basics/book.md", "---\ntitle: Book\nweight: 5\nbookHidden: true\n---\nB.\n",
		"content/basics/hextra.md", "---\ntitle: Hextra\nweight: 6\nsidebar:\n  exclude: true\n---\nH.\n",
		"content/basics/shown.md", "---\ntitle: Shown\nweight: 7\nhidden: false\n---\nS.\n",
		"content/basics/geek.md", "---\ntitle: Geek\nweight: 8\ngeekdocHidden: true\n---\nG.\n",
		"content/appendix/_index.md", "---\ntitle: Appendix\nweight: 2\nHidden: true\n---\n",
		"content/appendix/extra.md", "---\ntitle: Extra\n---\nE.\n",
		"content/basics/more/_index.md", "---\ntitle: More\nweight: 9\nhidden: true\n---\n",
		"content/basics/more/deep.md", "---\ntitle: Deep\n---\nD.\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
	hidden := []string{"basics/secret/", "basics/docsy/", "basics/book/", "basics/hextra/", "basics/geek/", "appendix/", "appendix/extra/", "basics/more/", "basics/more/deep/"}
	for _, url := range hidden {
		if _, ok := site.Files[url+"index.html"]; !ok {
			t.Errorf("%sindex.html was not built", url)
		}
	}
	for _, name := range []string{"basics/one/index.html", "basics/index.html", "basics/secret/index.html", "contents/index.html"} {
		html := string(site.Files[name])
		for _, url := range hidden {
			if strings.Contains(html, url+`index.html"`) {
				t.Errorf("%s links to the hidden %s", name, url)
			}
		}
		if !strings.Contains(html, "Second") || !strings.Contains(html, "Shown") {
			t.Errorf("%s does not list Two as Second, and Shown", name)
		}
	}
	one := string(site.Files["basics/one/index.html"])
	if i := strings.Index(one, `rel="next"`); i < 0 || !strings.Contains(one[max(0, i-200):i+200], "two/") {
		t.Errorf("One's next page is not Two:\n%s", one)
	}
	for _, pg := range outline(site) { // the lessons a learner's progress counts
		if pg.Title != "One" && pg.Title != "Two" && pg.Title != "Shown" && pg.Title != "Basics" {
			t.Errorf("the outline has %s (%s)", pg.Title, pg.URL)
		}
	}
	if !strings.Contains(string(site.Files["index.html"]), `basics/secret/index.html"`) {
		t.Error("the home page's link to the hidden page is gone")
	}
}

// TestHugoHiddenBundleAndFolder: a hidden page bundle is left out of
// navigation as a hidden page is, and a hidden page or section in a folder
// without _index.md (no section in Hugo) belongs to the section above it,
// whose page its breadcrumbs lead to. Hugo's YAML reads yes as true.
func TestHugoHiddenBundleAndFolder(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = \"S\"\n",
		"content/_index.md", "---\ntitle: S\n---\nHome.\n",
		"content/basics/_index.md", "---\ntitle: Basics\n---\n",
		"content/basics/one.md", "---\ntitle: One\nweight: 1\n---\nFirst.\n",
		"content/basics/bundle/index.md", "---\ntitle: Bundle\nweight: 2\nhidden: yes\n---\nB.\n",
		"content/basics/loose/lx.md", "---\ntitle: Loose\nhidden: true\n---\nL.\n",
		"content/basics/loose/inner/_index.md", "---\ntitle: Inner\nhidden: true\n---\nI.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if one := string(site.Files["basics/one/index.html"]); strings.Contains(one, "bundle/index.html") {
		t.Error("the hidden page bundle is in One's navigation")
	}
	for _, name := range []string{"basics/loose/lx/index.html", "basics/loose/inner/index.html"} {
		html, ok := site.Files[name]
		if !ok {
			t.Fatalf("%s was not built", name)
		}
		if strings.Contains(string(html), "loose/index.html") {
			t.Errorf("%s leads to basics/loose/, which is no page", name)
		}
		if !strings.Contains(string(html), `basics/index.html">Basics</a>`) {
			t.Errorf("%s's breadcrumbs do not lead to Basics", name)
		}
	}
}

// TestHugoPublishKeys: Hugo leaves out a page whose _build.render is
// never, whose publishDate is to come or whose expiryDate is past, and
// leaves a page whose _build.list is never out of its lists.
func TestHugoPublishKeys(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		params              map[string]any
		unpublished, hidden bool
	}{
		{map[string]any{"_build": map[string]any{"render": "never", "list": "never"}}, true, true},
		{map[string]any{"_build": map[string]any{"list": "never"}}, false, true},
		{map[string]any{"_build": map[string]any{"list": "local", "render": "always"}}, false, false},
		{map[string]any{"_build": map[string]any{"render": false}}, true, false},
		{map[string]any{"publishDate": "2099-01-01"}, true, false},
		{map[string]any{"publishdate": "2020-01-01T10:00:00Z"}, false, false},
		{map[string]any{"expiryDate": "2026-11-30"}, true, false},
		{map[string]any{"expiryDate": time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}, false, false},
		{map[string]any{"expiryDate": "someday"}, false, false},
	}
	for _, tt := range tests {
		fm := &FrontMatter{Params: tt.params}
		fm.readPublishKeys(map[string]bool{}, now)
		if fm.unpublished != tt.unpublished || fm.navHidden != tt.hidden {
			t.Errorf("%v: unpublished %v, hidden %v; want %v, %v", tt.params, fm.unpublished, fm.navHidden, tt.unpublished, tt.hidden)
		}
	}
	site, err := Build(files("hugo.toml", "title = 'S'\n",
		"content/_index.md", "---\ntitle: S\n---\n",
		"content/docs/_index.md", "---\ntitle: Docs\n---\n",
		"content/docs/normal.md", "---\ntitle: Normal\n---\nx\n",
		"content/docs/unlisted.md", "---\ntitle: Unlisted\n_build:\n  list: never\n---\nx\n",
		"content/docs/norender.md", "---\ntitle: Norender\n_build:\n  render: never\n  list: never\n---\nx\n",
		"content/docs/future.md", "---\ntitle: Future\npublishDate: 2999-01-01\n---\nx\n",
		"content/docs/expired.md", "---\ntitle: Expired\nexpiryDate: 2001-01-01\n---\nx\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"docs/normal/index.html": true, "docs/unlisted/index.html": true, "docs/norender/index.html": false, "docs/future/index.html": false, "docs/expired/index.html": false} {
		if (site.Files[name] != nil) != want {
			t.Errorf("%s published: %v, want %v", name, site.Files[name] != nil, want)
		}
	}
	if strings.Contains(string(site.Files["docs/index.html"]), "Unlisted") {
		t.Error("docs/ lists the page whose _build.list is never")
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
}
