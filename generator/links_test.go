package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestOtherToolsLinks: links written as site URLs ("/m/b/", as Hugo content
// has them) and to other tools' output files ("index.html", "b.html", as
// mdBook books have them) lead to the pages, written relative.
func TestOtherToolsLinks(t *testing.T) {
	site, err := Build(files(
		"index.md", "# Home\n\n[to b](/m/b/) [to m](/m/) [home](/)\n",
		"m/index.md", "# M\n\n[b as html](b.html) [b anchored](/m/b/#there)\n",
		"m/a.md", "# A\n\n[m](index.html) [home](../index.html) [b](/m/b.md)\n",
		"m/b.md", "# B\n\n## There\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string][]string{
		"index.html":     {`href="m/b/index.html"`, `href="m/index.html"`, `href="index.html"`},
		"m/index.html":   {`href="../m/b/index.html"`, `href="../m/b/index.html#there"`},
		"m/a/index.html": {`href="../../m/index.html"`, `href="../../index.html"`, `href="../../m/b/index.html"`},
	} {
		html := string(site.Files[page])
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
	}
}

// TestMdBookIndexLinks: in an mdBook, a link written index.md leads to
// its folder's README.md chapter (in any case), which mdBook's index
// preprocessor publishes as index.html; an index.md chapter of its own
// stays itself, and a folder without either is still a dead link.
func TestMdBookIndexLinks(t *testing.T) {
	site, err := Build(files(
		"book.toml", "[book]\ntitle = \"B\"\n",
		"src/SUMMARY.md", "[Home](README.md)\n\n- [Guide](guide/readme.md)\n  - [Step](guide/step.md)\n- [Other](other/index.md)\n- [Lone](lone/a.md)\n",
		"src/README.md", "# Home\n",
		"src/guide/readme.md", "# Guide\n\n## Start\n",
		"src/guide/step.md", "# Step\n\n[guide](index.md) [start](./index.md#start) [home](../index.md) [other](../other/index.md) [none](../lone/index.md)\n",
		"src/other/index.md", "# Other\n",
		"src/lone/a.md", "# A\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(site.Files["guide/step/index.html"])
	for _, w := range []string{`href="../../guide/index.html">guide`, `href="../../guide/index.html#start">start`,
		`href="../../index.html">home`, `href="../../other/index.html">other`, `href="../lone/index.md">none`} {
		if !strings.Contains(page, w) {
			t.Errorf("no %s in\n%s", w, page)
		}
	}
	var warned []string
	for _, w := range site.Warnings {
		warned = append(warned, w.Msg)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "src/lone/index.md") {
		t.Errorf("warnings %q, want one, for lone/index.md", warned)
	}
}

// TestDiagramAsImage: an SVG that cannot be put into the page (a script, no
// <title>, an XML comment first) is shown as an <img> with the Markdown's
// alt text, never an error; without alt text it is a warning.
func TestDiagramAsImage(t *testing.T) {
	site, err := Build(files(
		"a.md", "# A\n\n![A loop of four steps](d.svg)\n\n![Safe](ok.svg)\n",
		"b.md", "# B\n\n![](bare.svg)\n",
		"d.svg", `<svg role="img"><title>t</title><desc>d</desc><script>alert(1)</script></svg>`,
		"bare.svg", "<!-- made by a tool -->\n<svg viewBox=\"0 0 1 1\"></svg>",
		"ok.svg", `<svg role="img"><title>t</title><desc>d</desc></svg>`,
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := string(site.Files["a/index.html"])
	if !strings.Contains(a, `<img src="../d.svg" alt="A loop of four steps">`) || strings.Contains(a, "<script>alert") {
		t.Errorf("the unsafe SVG is not an <img> with its alt text:\n%s", a)
	}
	if !strings.Contains(a, `<figure class="diagram">`) {
		t.Errorf("the accessible SVG is not put into the page")
	}
	if len(site.Warnings) != 1 || !strings.Contains(site.Warnings[0].Error(), "b.md:3:1: warning: ") || !strings.Contains(site.Warnings[0].Msg, "needs alt text") {
		t.Errorf("warnings = %v, want one for bare.svg's missing alt text", site.Warnings)
	}
}

// TestSymlinks: a symbolic link is followed only to a file inside the
// content (or layouts) folder; a link out of it, to a folder, or in a loop
// is an error naming the link, and nothing it leads to is published.
func TestSymlinks(t *testing.T) {
	root := t.TempDir()
	content, layouts := filepath.Join(root, "content"), filepath.Join(root, "layouts")
	outside := filepath.Join(root, "secret.txt")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(content, "m"), 0o755))
	must(os.MkdirAll(layouts, 0o755))
	must(os.WriteFile(outside, []byte("TOP SECRET"), 0o644))
	must(os.WriteFile(filepath.Join(content, "m", "a.md"), []byte("# A\n"), 0o644))
	must(os.Symlink("a.md", filepath.Join(content, "m", "alias.md")))          // inside: followed
	must(os.Symlink(outside, filepath.Join(content, "m", "passwd.md")))        // absolute, outside
	must(os.Symlink("../../secret.txt", filepath.Join(content, "m", "s.txt"))) // relative, outside
	must(os.Symlink("..", filepath.Join(content, "m", "up")))                  // a folder
	must(os.Symlink("l2.md", filepath.Join(content, "l1.md")))                 // a loop
	must(os.Symlink("l1.md", filepath.Join(content, "l2.md")))
	must(os.Symlink(outside, filepath.Join(layouts, "extra.html")))
	_, err := Build(os.DirFS(content), Layers(os.DirFS(layouts), layoutsFS), Options{})
	if err == nil {
		t.Fatal("built with links out of the content folder")
	}
	for _, want := range []string{
		"m/passwd.md:1:1: is a symbolic link to " + outside + ", outside the folder",
		"m/s.txt:1:1: is a symbolic link to ../../secret.txt, outside the folder",
		"m/up:1:1: is a symbolic link to the folder ..; links to folders are not followed",
		"l1.md:1:1: is a symbolic link in a loop",
		"l2.md:1:1: is a symbolic link in a loop",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "alias.md") {
		t.Errorf("a link to a file inside the folder was refused:\n%v", err)
	}
	os.Remove(filepath.Join(content, "m", "passwd.md"))
	os.Remove(filepath.Join(content, "m", "s.txt"))
	os.Remove(filepath.Join(content, "m", "up"))
	os.Remove(filepath.Join(content, "l1.md"))
	os.Remove(filepath.Join(content, "l2.md"))
	_, err = Build(os.DirFS(content), Layers(os.DirFS(layouts), layoutsFS), Options{})
	if err == nil || !strings.Contains(err.Error(), "layouts/extra.html is a symbolic link to "+outside) {
		t.Errorf("a layout linked out of the layouts folder: %v", err)
	}
}

// TestOtherToolsDeadLinks: in a lesson set of another tool, a link that
// leads nowhere is a warning at its place, as the Workbench, mdBook and
// Hugo treat it, and the page is built: a missing page or file is left as
// written, a missing anchor on a page that exists leads to the page. In
// p2pc's own format each is an error. "#" and "#top" are the top of the
// page everywhere.
func TestOtherToolsDeadLinks(t *testing.T) {
	body := "# One\n\n[top](#) [top again](#top) [gone](gone.md) [term](02-two.md#no-such) [empty]()\n\n[![A map](fig/map.png)](fig/map.png)\n"
	site, err := Build(files(
		"config.yaml", "title: L\nepisodes:\n- 01-one.md\n- 02-two.md\n", "index.md", "Welcome.\n",
		"episodes/01-one.md", "---\ntitle: One\n---\n"+body,
		"episodes/02-two.md", "---\ntitle: Two\n---\nText.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatalf("a Workbench lesson with dead links: %v", err)
	}
	var warned []string
	for _, w := range site.Warnings {
		warned = append(warned, w.Error())
	}
	all := strings.Join(warned, "\n")
	for _, want := range []string{"episodes/01-one.md:6:29: warning: link to episodes/gone.md", "episodes/01-one.md:6:45: warning: link to episodes/02-two.md#no-such", `"no-such" (the link leads to the page)`, "episodes/01-one.md:6:71: warning: link with an empty destination",
		"episodes/01-one.md:8:4: warning: link to episodes/fig/map.png, but there is no such file"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if len(warned) != 4 { // a linked picture whose file is missing: one warning
		t.Errorf("%d warnings, want 4 (not for # or #top, one for the linked picture):\n%s", len(warned), all)
	}
	one := string(site.Files["episodes/one/index.html"])
	for _, want := range []string{`href="#"`, `href="#top"`, `href="gone.md"`, `href="../../episodes/two/index.html#no-such"`} {
		if !strings.Contains(one, want) {
			t.Errorf("episodes/one lacks %s", want)
		}
	}

	_, err = Build(files("index.md", "# Home\n\n[top](#) [top again](#top)\n", "a.md", body), layoutsFS, Options{})
	if err == nil {
		t.Fatal("p2pc's own format built with dead links")
	}
	if msg := err.Error(); strings.Contains(msg, "#top") || strings.Count(msg, "a.md:") != 4 {
		t.Errorf("p2pc's own format: want 4 errors, none for # or #top, one for the linked picture:\n%s", msg)
	}
}

// TestShortcodeInOwnFormat: a Hugo shortcode in a page of p2pc's own format
// is printed as written, with a warning (once a page, at the first) that
// names it and --format hugo; in code it is an example, without one.
func TestShortcodeInOwnFormat(t *testing.T) {
	site, err := Build(files("index.md", "# Home\n\n`{{< x >}}` and\n\n```\n{{< y >}}\n```\n",
		"a.md", "# A\n\nSee [x]({{% relref \"other/target\" %}}) and {{< z >}}.\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range site.Warnings {
		got = append(got, w.Error())
	}
	want := `a.md:3:9: warning: {{% relref "other/target" %}} looks like a Hugo shortcode and is printed as written: if the content is a Hugo site, build it with --format hugo`
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestRemoteImages: the site loads nothing from other hosts. In p2pc's own
// format an image on another host is an error; in another tool's lesson
// set (which its tool builds) it is a warning and a link to the image
// ("Image: " and its alt text; inside a link, the text alone).
func TestRemoteImages(t *testing.T) {
	page := "---\ntitle: A\n---\n![An *ERD*](https://example.org/x.png)\n\n[![build](//img.example.org/b.svg)](https://ci.example.org/)\n\n![](https://example.org/d.png){alt=\"A <b>diagram</b>\"}\n"
	site, err := Build(files("config.yaml", "title: T\nepisodes:\n- a.md\n", "index.md", "Hi.\n", "episodes/a.md", page), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	html := string(site.Files["episodes/a/index.html"])
	for _, want := range []string{`<a href="https://example.org/x.png">Image: An ERD</a>`, `<a href="https://ci.example.org/"><em>Image: build</em></a>`,
		`<a href="https://example.org/d.png">Image: A &lt;b&gt;diagram&lt;/b&gt;</a>`} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s", want)
		}
	}
	if strings.Contains(html, "<img") && strings.Contains(html, "example.org/x.png\"") && strings.Contains(html, `src="https://`) {
		t.Error("an image still loads from another host")
	}
	if len(site.Warnings) != 3 || !strings.Contains(site.Warnings[0].Msg, "is on another host: it is shown as a link") {
		t.Errorf("warnings %v", site.Warnings)
	}
	if _, err := Build(files("index.md", "# Home\n", "a.md", page), layoutsFS, Options{}); err == nil || !strings.Contains(err.Error(), "a.md:4:3: image https://example.org/x.png is on another host") {
		t.Errorf("p2pc's own format: got %v, want an error", err)
	}
}

// TestGlossaryAutoIDs: a definition list under kramdown's {:auto_ids} gives
// its terms ids that links from other pages lead to (in p2pc's own format
// a missing anchor is an error, so the build fails without them).
func TestGlossaryAutoIDs(t *testing.T) {
	site, err := Build(files(
		"index.md", "# Home\n\nSee [a function call](glossary.md#function-call).\n",
		"glossary.md", "# Glossary\n\n{:auto\\_ids}\nfunction call\n:   Running a function.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g := string(site.Files["glossary/index.html"]); !strings.Contains(g, `<dt id="function-call">function call</dt>`) || strings.Contains(g, "{:auto") {
		t.Errorf("the glossary's term has no id, or the marker shows:\n%s", g)
	}
}

// TestRawHTMLAnchors: an id given in raw HTML (<a id="old-name"></a>, kept
// so that old links still lead to a section) is an anchor links may use.
func TestRawHTMLAnchors(t *testing.T) {
	_, err := Build(files(
		"index.md", "# Home\n\nSee [the old name](a.md#old-name) and [the block](a.md#box).\n",
		"a.md", "# A\n\n<a id=\"old-name\"></a>\n\n## New name\n\nText with <span id='box'>a box</span>.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRawHTMLURLs: the src of a raw <img> and the href of a raw <a> lead
// where a Markdown image or link written the same way leads, from where
// the page is written, with raw HTML in the safe subset or all let
// through; a raw link that leads nowhere is reported as a Markdown one is.
func TestRawHTMLURLs(t *testing.T) {
	page := "# A\n\n![md](pic.png) [md](b.md)\n\n<img src=\"pic.png\" alt=\"raw\">\n\n<p><a href='b.md'>raw</a></p>\n"
	srcOf := regexp.MustCompile(`<img src="([^"]*)" alt="md">`)
	for _, yaml := range []string{"title: S\n", "title: S\nraw_html: true\n"} {
		site, err := Build(files("site.yaml", yaml, "index.md", "# Home\n", "m/a.md", page, "m/b.md", "# B\n", "m/pic.png", "png"), layoutsFS, Options{})
		if err != nil {
			t.Fatal(err)
		}
		html := string(site.Files["m/a/index.html"])
		m := srcOf.FindStringSubmatch(html)
		if m == nil || m[1] == "pic.png" {
			t.Fatalf("%q: the Markdown image is not rewritten:\n%s", yaml, html)
		}
		link := regexp.MustCompile(`<a href="([^"]*)">md</a>`).FindStringSubmatch(html)
		if link == nil || !strings.Contains(html, `<img src="`+m[1]+`" alt="raw">`) ||
			!strings.Contains(html, `<a href='`+link[1]+`'>raw</a>`) && !strings.Contains(html, `<a href="`+link[1]+`">raw</a>`) {
			t.Errorf("%q: raw HTML's URLs are not where Markdown's lead (%s):\n%s", yaml, m[1], html)
		}
	}
	_, err := Build(files("index.md", "# Home\n\n<a href=\"gone.md\">x</a>\n"), layoutsFS, Options{})
	if err == nil || !strings.Contains(err.Error(), "index.md:3:1: link to gone.md, but there is no such page") {
		t.Errorf("a raw link to no page: %v", err)
	}
}

// TestIncludeSymlinks: an include (Hugo's readfile or include, mdBook's
// {{#include}}) reads a file only when it is inside the content folder:
// through a symbolic link to a folder, or to a file outside, the build
// fails naming the link, and nothing of the file is published.
func TestIncludeSymlinks(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(site, "content", "docs"), 0o755))
	must(os.MkdirAll(filepath.Join(root, "secret"), 0o755))
	must(os.WriteFile(filepath.Join(root, "secret", "key.txt"), []byte("TOP SECRET"), 0o644))
	must(os.WriteFile(filepath.Join(site, "hugo.toml"), []byte("title = 'S'\n"), 0o644))
	must(os.WriteFile(filepath.Join(site, "inside.txt"), []byte("shared text"), 0o644))
	must(os.Symlink(filepath.Join(root, "secret"), filepath.Join(site, "leak")))               // a folder outside
	must(os.Symlink(filepath.Join(root, "secret", "key.txt"), filepath.Join(site, "key.txt"))) // a file outside
	must(os.Symlink("inside.txt", filepath.Join(site, "alias.txt")))                           // a file inside: followed
	for _, tt := range []struct{ include, want string }{
		{`{{< readfile file="/leak/key.txt" code="true" >}}`, "leak is a symbolic link to a folder"},
		{`{{% include "/key.txt" %}}`, "key.txt is a symbolic link to " + filepath.Join(root, "secret", "key.txt") + ", outside the folder"},
	} {
		must(os.WriteFile(filepath.Join(site, "content", "docs", "a.md"), []byte("---\ntitle: A\n---\n\n"+tt.include+"\n"), 0o644))
		files, err := Build(os.DirFS(site), layoutsFS, Options{})
		if err == nil || !strings.Contains(err.Error(), "content/docs/a.md:5:1:") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want an error at content/docs/a.md:5:1 saying %q", tt.include, err, tt.want)
		}
		if files != nil {
			for name, b := range files.Files {
				if strings.Contains(string(b), "TOP SECRET") {
					t.Errorf("%s: %s holds the file outside the content folder", tt.include, name)
				}
			}
		}
	}
	must(os.WriteFile(filepath.Join(site, "content", "docs", "a.md"), []byte("---\ntitle: A\n---\n\n{{% include \"/alias.txt\" %}}\n"), 0o644))
	files, err := Build(os.DirFS(site), layoutsFS, Options{})
	if err != nil || !strings.Contains(string(files.Files["docs/a/index.html"]), "shared text") {
		t.Errorf("a link to a file inside the folder: err = %v", err)
	}
}

// TestPercentEncodedFragment: a link's fragment may be percent-encoded, as
// a browser decodes it: in an mdBook, #gr%C3%B6%C3%9Fe leads to the
// heading ## Größe (id größe), on the page and from another.
func TestPercentEncodedFragment(t *testing.T) {
	site, err := Build(files("book.toml", "[book]\ntitle = \"B\"\n", "src/SUMMARY.md", "- [A](a.md)\n- [B](b.md)\n",
		"src/a.md", "# A\n\nSee [below](#gr%C3%B6%C3%9Fe) and [it](#größe).\n\n## Größe\n",
		"src/b.md", "# B\n\nSee [A](a.md#gr%C3%B6%C3%9Fe), not [this](a.md#gr%C3%B6%C3%9Fx).\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range site.Warnings {
		got = append(got, w.Error())
	}
	if len(got) != 1 || !strings.Contains(got[0], "src/b.md:3:") || !strings.Contains(got[0], "gr%C3%B6%C3%9Fx") {
		t.Errorf("warnings %q, want one, for the link to #gr%%C3%%B6%%C3%%9Fx", got)
	}
}

// TestMdBookLinksOutOfTheBook: a link out of an mdBook's src/ leads to a
// sibling of the book on its host (the Rust books link to ../std/…): it is
// kept relative to where mdBook puts the page, one folder above p2pc's,
// and is not checked.
func TestMdBookLinksOutOfTheBook(t *testing.T) {
	site, err := Build(files("book.toml", "[book]\ntitle = \"B\"\n",
		"src/SUMMARY.md", "# Summary\n\n- [Chapter](chapter.md)\n- [Part](part/README.md)\n  - [Deep](part/deep.md)\n",
		"src/chapter.md", "# Chapter\n\n[Vec](../std/vec/struct.Vec.html) [ref](../reference/a.html?x=1#v) <a href=\"../../rustc/t.html\">t</a>\n",
		"src/part/README.md", "# Part\n\n[up](../../std/index.html)\n",
		"src/part/deep.md", "# Deep\n\n[up](../../std/index.html)\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]string{
		"chapter/index.html":   {`href="../../std/vec/struct.Vec.html"`, `href="../../reference/a.html?x=1#v"`, `href="../../../rustc/t.html"`},
		"part/index.html":      {`href="../../std/index.html"`},
		"part/deep/index.html": {`href="../../../std/index.html"`},
	} {
		page := string(site.Files[name])
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: no %s", name, w)
			}
		}
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
}

// TestFlatLink: a relative link loses a leading "../episodes/",
// "../learners/", "../instructors/" and "../profiles/", then one leading
// "../", as the Workbench's lesson.lua flatten_links rewrites it.
func TestFlatLink(t *testing.T) {
	for _, tt := range []struct{ link, want string }{
		{"../fig/pic.svg", "fig/pic.svg"},
		{"../learners/setup.md", "setup.md"},
		{"../episodes/one.md#a", "one.md#a"},
		{"../instructors/notes.md", "notes.md"},
		{"../profiles/learner.md", "learner.md"},
		{"../episodes/../learners/setup.md", "setup.md"},
		{"../../fig/pic.svg", "../fig/pic.svg"},
		{"fig/pic.svg", "fig/pic.svg"},
		{"episodes/one.md", "episodes/one.md"},
		{"./../fig/pic.svg", "./../fig/pic.svg"},
	} {
		if got := flatLink(tt.link); got != tt.want {
			t.Errorf("flatLink(%q) = %q, want %q", tt.link, got, tt.want)
		}
	}
}

// TestWorkbenchParentLinks: in a Workbench lesson, a link starting with
// "../" that leads nowhere, or out of the content folder, leads where the
// Workbench's flat site takes it: "../fig/pic.svg" in an episode is
// episodes/fig/pic.svg, "../learners/setup.md" in index.md is the setup
// page. A link above the flat site stays a warning; in p2pc's own format a
// link out of the content folder is still an error.
func TestWorkbenchParentLinks(t *testing.T) {
	site, err := Build(files(
		"config.yaml", "title: L\nepisodes:\n- one.md\n",
		"index.md", "Read the [setup](../learners/setup.md) first.\n",
		"episodes/one.md", "---\ntitle: One\n---\n![A picture](../fig/pic.png)\n\nDownload [the data](../data/d.csv), not [this](../../d.csv).\n",
		"episodes/fig/pic.png", "png",
		"episodes/data/d.csv", "a,b\n",
		"learners/setup.md", "---\ntitle: Setup\n---\nInstall [the data](../episodes/data/d.csv).\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string][]string{
		"index.html":                {`href="learners/setup/index.html"`},
		"episodes/one/index.html":   {`src="../../episodes/fig/pic.png"`, `href="../../episodes/data/d.csv"`, `href="../../d.csv"`},
		"learners/setup/index.html": {`href="../../episodes/data/d.csv"`},
	} {
		html := string(site.Files[page])
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
	}
	if len(site.Warnings) != 1 || !strings.Contains(site.Warnings[0].Error(), "link ../../d.csv points outside the content folder") {
		t.Errorf("warnings %v, want one, for ../../d.csv", site.Warnings)
	}

	_, err = Build(files("index.md", "# Home\n\n[setup](../learners/setup.md)\n", "learners/setup.md", "# Setup\n"), layoutsFS, Options{})
	if err == nil || !strings.Contains(err.Error(), "points outside the content folder") {
		t.Errorf("p2pc's own format: %v, want a link outside the content folder", err)
	}
}

// TestWorkbenchHTMLLinksToRmd: the Workbench publishes 02-data.Rmd as
// 02-data.html, as it does an .md episode, and links are written so.
func TestWorkbenchHTMLLinksToRmd(t *testing.T) {
	site, err := Build(files(
		"config.yaml", "title: L\nepisodes:\n- 01-intro.md\n- 02-data.Rmd\n",
		"index.md", "Start with [the intro](01-intro.html) or [the data](02-data.html#load).\n",
		"episodes/01-intro.md", "---\ntitle: Intro\n---\nNext: [data](02-data.html).\n",
		"episodes/02-data.Rmd", "---\ntitle: Data\n---\n## Load\n\nText.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if home := string(site.Files["index.html"]); !strings.Contains(home, `href="episodes/data/index.html#load"`) {
		t.Errorf("index.html: the link to 02-data.html does not lead to the episode:\n%s", home)
	}
	if intro := string(site.Files["episodes/intro/index.html"]); !strings.Contains(intro, `href="../../episodes/data/index.html"`) {
		t.Error("01-intro: the link to 02-data.html does not lead to the episode")
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
}

// TestWorkbenchMadePages: links to pages the Workbench makes for every
// lesson lead to p2pc's own: aio.html to the lesson on one page,
// profiles.html to the learner profiles.
func TestWorkbenchMadePages(t *testing.T) {
	site, err := Build(files(
		"config.yaml", "title: L\nepisodes:\n- one.md\nprofiles:\n- learner.md\n",
		"index.md", "See [all](aio.html) and [who](profiles.html).\n",
		"episodes/one.md", "---\ntitle: One\n---\n[all](../aio.html)\n",
		"profiles/learner.md", "---\ntitle: A learner\n---\nx\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	home := string(site.Files["index.html"])
	for _, want := range []string{`<a href="all-in-one/index.html">all</a>`, `<a href="profiles/index.html">who</a>`} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html: no %s", want)
		}
	}
	if one := string(site.Files["episodes/one/index.html"]); !strings.Contains(one, `<a href="../../all-in-one/index.html">all</a>`) {
		t.Error("episodes/one: ../aio.html does not lead to the lesson on one page")
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
}

// TestDiagramWithQuery: a diagram whose address has a query (Learn's and
// Relearn's ?width=) is put into the page as one without.
func TestDiagramWithQuery(t *testing.T) {
	site, err := Build(files(
		"a.md", "# A\n\n![Safe](ok.svg?width=50pc)\n",
		"ok.svg", `<svg role="img"><title>t</title><desc>d</desc></svg>`,
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := string(site.Files["a/index.html"]); !strings.Contains(a, `<figure class="diagram">`) || strings.Contains(a, "<img") {
		t.Errorf("the SVG with a query is not put into the page:\n%s", a)
	}
}
