package generator

import (
	"strings"
	"testing"
)

// notFoundBook is an mdBook with a home chapter, a chapter, and more
// files (name, text pairs); toml is added to book.toml's [output.html].
func notFoundBook(summary, toml string, more ...string) []string {
	return append([]string{
		"book.toml", "[book]\ntitle = \"B\"\n[output.html]\n" + toml,
		"src/SUMMARY.md", "[Home](README.md)\n\n- [Step](step.md)\n" + summary,
		"src/README.md", "# Home\n",
		"src/step.md", "# Step\n",
	}, more...)
}

// TestMdBookNotFound: an mdBook's 404.md, or the file [output.html]
// input-404 names, is the body of the site's 404.html, with its title and
// its links checked and written from the site's root (from the base URL
// when there is one); it is a chapter page too only when SUMMARY.md lists
// it. input-404 = "" keeps p2pc's own page; an input-404 naming no file is
// an error at its place.
func TestMdBookNotFound(t *testing.T) {
	const moved = "# Not found\n\nSorry, this page moved. Try the [home page](README.md) or [a step](step.md#nowhere).\n"
	for _, tt := range []struct {
		name    string
		site    []string
		opts    Options
		want    []string
		chapter bool // 404/index.html is a page
	}{
		{"404.md", notFoundBook("", "", "src/404.md", moved), Options{},
			[]string{"<title>Not found · B</title>", "<h1>Not found</h1>", `Try the <a href="index.html">home page</a> or <a href="step/index.html#nowhere">a step</a>.`}, false},
		{"base URL", notFoundBook("", "", "src/404.md", moved), Options{BaseURL: "https://example.org/b"},
			[]string{`<a href="https://example.org/b/index.html">home page</a>`}, false},
		{"input-404", notFoundBook("", "input-404 = \"gone.md\"\n", "src/gone.md", "Nothing *here*.\n", "src/404.md", moved), Options{},
			[]string{"<h1>Page not found</h1>\n<p>Nothing <em>here</em>.</p>"}, false},
		{"input-404 off", notFoundBook("", "input-404 = \"\"\n", "src/404.md", moved), Options{},
			[]string{"<h1>Page not found</h1>\n  <p>There is no page at this address."}, false},
		{"listed", notFoundBook("- [Lost](404.md)\n", "", "src/404.md", moved), Options{},
			[]string{"<h1>Not found</h1>", `Try the <a href="index.html">home page</a>`}, true},
		{"none", notFoundBook("", ""), Options{},
			[]string{"<h1>Page not found</h1>\n  <p>There is no page at this address."}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Build(files(tt.site...), layoutsFS, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			page := string(site.Files["404.html"])
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("404.html lacks %s:\n%s", w, page)
				}
			}
			if _, ok := site.Files["404/index.html"]; ok != tt.chapter {
				t.Errorf("404/index.html made: %v, want %v", ok, tt.chapter)
			}
			if strings.Contains(string(site.Files["sitemap.xml"]), "404") != tt.chapter {
				t.Errorf("the sitemap lists the 404 chapter: %v, want %v", !tt.chapter, tt.chapter)
			}
		})
	}
	site, err := Build(files(notFoundBook("", "", "src/404.md", moved)...), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Warnings) != 1 || site.Warnings[0].Error() != `src/404.md:3:60: warning: link to src/step.md#nowhere, but that page has no heading or id "nowhere" (the link leads to the page)` {
		t.Errorf("warnings %v, want one for the missing anchor in 404.md", site.Warnings)
	}
	_, err = Build(files(notFoundBook("", "  input-404 = \"lost.md\"\n")...), layoutsFS, Options{})
	if want := `book.toml:4:3: input-404 "lost.md" names no file in the book's src folder`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// TestMdBookNotFoundKept: in a server's pipeline, an edit of 404.md shows
// in 404.html at the next run.
func TestMdBookNotFoundKept(t *testing.T) {
	fsys := files(notFoundBook("", "", "src/404.md", "# Lost\n\nOld text.\n")...)
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	fsys["src/404.md"] = files("x", "# Gone\n\nNew text.\n")["x"]
	pl.Forget("src/404.md")
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if page := string(mem.Files["404.html"]); !strings.Contains(page, "<h1>Gone</h1>\n<p>New text.</p>") {
		t.Errorf("404.html after the edit:\n%s", page)
	}
}
