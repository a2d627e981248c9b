package generator

import (
	"strings"
	"testing"
	"testing/fstest"
)

// redirectBook is an mdBook whose book.toml redirects old addresses
// (tomlRedirects, the table's lines), with a chapter new-name.md, a
// folder guide/ whose README.md has a child step.md, and a chapter that
// links to old addresses.
func redirectBook(tomlRedirects string) fstest.MapFS {
	return files(
		"book.toml", "[book]\ntitle = \"R\"\n\n[output.html.redirect]\n"+tomlRedirects,
		"src/SUMMARY.md", "- [New name](new-name.md)\n- [Guide](guide/README.md)\n  - [Step](guide/step.md)\n- [Links](links.md)\n",
		"src/new-name.md", "# New name\n",
		"src/guide/README.md", "# Guide\n\n## Top\n",
		"src/guide/step.md", "# Step\n\n## Sec\n",
		"src/links.md", "# Links\n\n[old](old-name.html), [old step](guide/old.html#sec), [gone](gone/index.html) and [away](ext.html).\n",
		"src/pic.png", "png",
	)
}

// TestMdBookRedirects: each entry of book.toml's [output.html.redirect]
// is a page at its old address that sends the reader on, from disk too:
// to the chapter whose mdBook page the target names (from the root with a
// leading "/", else from the old page's folder; "dir/index.html" and
// "dir/" are the folder's README.md), to a copied file, to another old
// address, or to an absolute URL, kept. Links to an old address lead
// straight to its chapter, or else to the redirect's page.
func TestMdBookRedirects(t *testing.T) {
	site, err := Build(redirectBook(
		"\"/old-name.html\" = \"/new-name.html\"\n"+
			"  \"/guide/old.html\" = \"step.html\"\n"+
			"\"/gone/index.html\" = \"../guide/index.html#top\"\n"+
			"\"/guide-home.html\" = \"guide/\"\n"+
			"\"/ext.html\" = \"https://example.org/x\"\n"+
			"\"/again.html\" = \"old-name.html\"\n"+
			"'/a/b/picture.html' = \"../../pic.png\"\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"old-name.html":     `url=new-name/index.html"`,
		"guide/old.html":    `url=../guide/step/index.html"`,
		"gone/index.html":   `url=../guide/index.html#top"`,
		"guide-home.html":   `url=guide/index.html"`,
		"ext.html":          `url=https://example.org/x"`,
		"again.html":        `url=old-name.html"`,
		"a/b/picture.html":  `url=../../pic.png"`,
		"links/index.html":  `href="../new-name/index.html">old</a>`,
		"links/index.html#": `href="../guide/step/index.html#sec">old step</a>`,
		"links/index.html@": `href="../gone/index.html">gone</a>`,
		"links/index.html!": `href="../ext.html">away</a>`,
	} {
		page := string(site.Files[strings.TrimRight(file, "#@!")])
		if !strings.Contains(page, want) {
			t.Errorf("%s lacks %s:\n%.600s", file, want, page)
		}
	}
	if page := string(site.Files["old-name.html"]); !strings.Contains(page, `<meta http-equiv="refresh"`) || !strings.Contains(page, ">New name</a>") {
		t.Errorf("old-name.html is not a redirect page to New name:\n%s", page)
	}
	if strings.Contains(string(site.Files["sitemap.xml"]), "old-name") {
		t.Error("the sitemap lists a redirect")
	}
	if len(site.Warnings) != 0 {
		t.Errorf("warnings: %v", site.Warnings)
	}
}

// TestMdBookRedirectProblems: an old address that leaves the site or is
// already a page's (p2pc's, where mdBook puts a chapter, a generator's
// folder, another redirect's) is an error at its place in book.toml; a
// target out of the book (a sibling on its host) is kept as written, one
// that names nothing of the book is a warning, kept; a fragment's
// redirect is a warning, not made.
func TestMdBookRedirectProblems(t *testing.T) {
	_, err := Build(redirectBook(
		"\"/new-name.html\" = \"guide/step.html\"\n"+
			"\"/new-name/index.html\" = \"guide/step.html\"\n"+
			"\"/../up.html\" = \"new-name.html\"\n"+
			"\"/deep/a.html\" = \"../../up.html\"\n"+
			"\"/contents/old.html\" = \"new-name.html\"\n"+
			"\"/pic.png/\" = \"new-name.html\"\n"+
			"\"/js.html\" = \"javascript:alert(1)\"\n"+
			"\"/twice.html\" = \"new-name.html\"\n"+
			"\"twice.html\" = \"new-name.html\"\n"), layoutsFS, Options{})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`book.toml:5:1: redirect "/new-name.html" is where mdBook puts the chapter src/new-name.md; remove the redirect, or the chapter`,
		`book.toml:6:1: redirect "/new-name/index.html" is the address of the page made from src/new-name.md; remove the redirect, or that page`,
		`book.toml:7:1: redirect "/../up.html" leaves the site`,
		`book.toml:9:1: redirect "/contents/old.html" is in a folder of the generator's own pages`,
		`book.toml:10:1: redirect "/pic.png/" needs the folder pic.png, where the site puts the copy of src/pic.png; remove the redirect, or that file`,
		`book.toml:11:1: redirect "/js.html" leads to javascript:alert(1), which runs code`,
		`book.toml:13:1: redirect "twice.html" is the same page as the redirect "/twice.html" at line 12; keep one of them`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %s:\n%v", want, err)
		}
	}
	site, err := Build(redirectBook("\"/deep/a.html\" = \"../../infra/up.html\"\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if page := string(site.Files["deep/a.html"]); !strings.Contains(page, `url=../../infra/up.html"`) {
		t.Errorf("deep/a.html, a redirect out of the book:\n%s", page)
	}
	site, err = Build(redirectBook("\"/lost.html\" = \"nowhere.html#x\"\n\"/new-name.html#old\" = \"new-name.html#new\"\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if page := string(site.Files["lost.html"]); !strings.Contains(page, `url=nowhere.html#x"`) {
		t.Errorf("lost.html:\n%s", page)
	}
	var got []string
	for _, w := range site.Warnings {
		if strings.HasPrefix(w.Error(), "book.toml") { // not the links to the old addresses this book lacks
			got = append(got, w.Error())
		}
	}
	want := []string{
		`book.toml:5:1: warning: redirect "/lost.html" leads to "nowhere.html#x", which is no chapter nor file of the book; it is kept as written`,
		`book.toml:6:1: warning: redirect of the fragment "/new-name.html#old": p2pc makes no fragment redirects (mdBook's need JavaScript on the page), so a link to it lands at the top of the page`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMdBookRedirectsKept: in a server's pipeline, a redirect added to
// book.toml makes the next run write its page and lead the links to its
// old address, in pages whose own text did not change, to the chapter.
func TestMdBookRedirectsKept(t *testing.T) {
	fsys := redirectBook("")
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if links := string(mem.Files["links/index.html"]); !strings.Contains(links, `href="old-name.html"`) {
		t.Fatalf("before the redirect, the link to old-name.html is not left as written:\n%.600s", links)
	}
	fsys["book.toml"] = redirectBook("\"/old-name.html\" = \"new-name.html\"\n")["book.toml"]
	pl.Forget("book.toml")
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if _, ok := mem.Files["old-name.html"]; !ok {
		t.Error("no redirect page at old-name.html")
	}
	if links := string(mem.Files["links/index.html"]); !strings.Contains(links, `href="../new-name/index.html">old</a>`) {
		t.Errorf("after the redirect, the link to old-name.html does not lead to the chapter:\n%.600s", links)
	}
}
