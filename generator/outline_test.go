package generator

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// navOrder lists the site's pages in reading order as "URL title".
func navOrder(s *Site) []string {
	var out []string
	for _, p := range s.Pages {
		out = append(out, p.URL+" "+p.NavTitle())
	}
	return out
}

// TestMdBookOutline: SUMMARY.md gives the order, nesting and titles; parts
// are modules; README.md is a chapter's index; a draft chapter is left
// out; a Markdown file SUMMARY.md does not list is not a page.
func TestMdBookOutline(t *testing.T) {
	site, err := Build(files(
		"book.toml", "[book]\ntitle = \"A Book\"\n",
		"src/SUMMARY.md", "# Summary\n\n[Intro](README.md)\n\n# Basics\n\n- [Zeta first](z.md)\n- [Group](g/README.md)\n    - [Inner](g/inner.md)\n    - [Later]()\n- [Alpha last](a.md)\n\n---\n\n[Thanks](thanks.md)\n",
		"src/README.md", "# Welcome\n\nSee [z](z.md) and [g](g/index.html) and [a](a.html).\n",
		"src/z.md", "# Z\n\n![pic](img/p.png)\n",
		"src/a.md", "---\ntitle: A\nauthors: [x]\n---\nText.\n",
		"src/g/README.md", "# G\n",
		"src/g/inner.md", "# Inner page\n",
		"src/g/fragment.md", "not a page\n",
		"src/thanks.md", "# Thanks\n",
		"src/img/p.png", "png",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(navOrder(site), "\n")
	want := strings.Join([]string{" Welcome", "basics/ Basics", "z/ Zeta first", "g/ Group", "g/inner/ Inner", "a/ Alpha last", "thanks/ Thanks"}, "\n")
	if got != want {
		t.Errorf("reading order:\n%s\nwant\n%s", got, want)
	}
	if site.Config.Title != "A Book" {
		t.Errorf("title %q, want the book's", site.Config.Title)
	}
	if _, ok := site.Files["g/fragment/index.html"]; ok {
		t.Error("a file SUMMARY.md does not list became a page")
	}
	if g := string(site.Files["g/index.html"]); !strings.Contains(g, `<li class="draft"><span>Later</span>`) {
		t.Error("the draft chapter is not listed, unlinked, on its parent's page")
	}
	if _, ok := site.Files["img/p.png"]; !ok {
		t.Error("the book's image is not published at its path below src/")
	}
	if len(site.Warnings) != 1 || !strings.Contains(site.Warnings[0].Msg, `"authors"`) {
		t.Errorf("warnings %v, want one for the unused key authors", site.Warnings)
	}
}

// TestWorkbenchOutline: config.yaml's episode order, the learner and
// instructor folders as modules, figures found from episodes/, README.md
// beside index.md not a page, teaching + exercises as the duration.
func TestWorkbenchOutline(t *testing.T) {
	site, err := Build(files(
		"config.yaml", "carpentry: swc\ntitle: 'Shell'\nlicense: 'CC-BY 4.0'\nepisodes:\n- 02-second.md\n- 01-first.md\nlearners:\ninstructors:\nprofiles:\n",
		"index.md", "---\nsite: sandpaper::sandpaper_site\n---\nWelcome.\n",
		"README.md", "# For the repository\n",
		"episodes/01-first.md", "---\ntitle: First\nteaching: 10\nexercises: 5\n---\n![a figure](fig/f.png)\n",
		"episodes/02-second.md", "---\ntitle: Second\n---\nText.\n",
		"episodes/fig/f.png", "png",
		"learners/setup.md", "---\ntitle: Setup\n---\n![the same figure](fig/f.png)\n",
		"instructors/notes.md", "---\ntitle: Notes\n---\nText.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(navOrder(site), "\n")
	for _, w := range []string{"episodes/second/ Second\nepisodes/first/ First", "learners/setup/ Setup", "instructors/notes/ Notes"} {
		if !strings.Contains(got, w) {
			t.Errorf("reading order lacks %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "For the repository") {
		t.Error("README.md at a Workbench root became a page")
	}
	for _, p := range site.Pages {
		if p.Title == "First" && p.Minutes() != 15 {
			t.Errorf("First lasts %d min, want teaching + exercises = 15", p.Minutes())
		}
	}
	if !strings.Contains(string(site.Files["learners/setup/index.html"]), `src="../../episodes/fig/f.png"`) {
		t.Error("learners/setup.md's fig/f.png does not lead to episodes/fig/f.png")
	}
}

// TestWorkbenchFileDirs: the Markdown files of episodes/data, files and
// fig are published as files, as the Workbench copies those folders
// whole, so links to them resolve; they are not pages.
func TestWorkbenchFileDirs(t *testing.T) {
	site, err := Build(files(
		"config.yaml", "title: 'Shell'\nepisodes:\n- one.md\n",
		"index.md", "Welcome.\n",
		"episodes/one.md", "---\ntitle: One\n---\nGet [the handout](files/handout.md), [the data](data/d.csv) and [its notes](data/README.md).\n",
		"episodes/files/handout.md", "# Handout\n",
		"episodes/data/d.csv", "a,b\n",
		"episodes/data/README.md", "# Data\n",
		"episodes/fig/notes.Rmd", "Notes.\n",
		"learners/setup.md", "---\ntitle: Setup\n---\nPrint [the handout](files/handout.md).\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"episodes/files/handout.md", "episodes/data/README.md", "episodes/fig/notes.Rmd", "episodes/data/d.csv"} {
		if _, ok := site.Files[f]; !ok {
			t.Errorf("%s is not published", f)
		}
	}
	for _, p := range []string{"episodes/files/handout/index.html", "episodes/data/index.html", "episodes/data/readme/index.html"} {
		if _, ok := site.Files[p]; ok {
			t.Errorf("%s: a Markdown file of an asset folder became a page", p)
		}
	}
	one := string(site.Files["episodes/one/index.html"])
	for _, w := range []string{`href="../../episodes/files/handout.md"`, `href="../../episodes/data/README.md"`} {
		if !strings.Contains(one, w) {
			t.Errorf("episodes/one lacks %s", w)
		}
	}
	if setup := string(site.Files["learners/setup/index.html"]); !strings.Contains(setup, `href="../../episodes/files/handout.md"`) {
		t.Error("learners/setup.md's files/handout.md does not lead to episodes/files/handout.md")
	}
	if len(site.Warnings) > 0 {
		t.Errorf("warnings %v", site.Warnings)
	}
}

// TestWorkbenchDraftKey: the Workbench has no draft key, config.yaml
// decides what it builds: an episode it lists is built, and on the reading
// path, whatever its draft key says, with a warning at the key. In p2pc's
// own format the key still leaves the page out.
func TestWorkbenchDraftKey(t *testing.T) {
	site, err := Build(files(
		"config.yaml", "title: Draft\nepisodes:\n- one.md\n- two.md\n",
		"index.md", "Home.\n",
		"episodes/one.md", "---\ntitle: One\n---\n[next](two.md)\n",
		"episodes/two.md", "---\ntitle: Two\nteaching: 5\ndraft: true\n---\nTwo.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if two := string(site.Files["episodes/two/index.html"]); !strings.Contains(two, "Two.") {
		t.Error("the listed episode with draft: true is not built")
	}
	if got := strings.Join(navOrder(site), "\n"); !strings.Contains(got, "episodes/one/ One\nepisodes/two/ Two") {
		t.Errorf("reading order lacks the episode with draft: true:\n%s", got)
	}
	if len(site.Warnings) != 1 || !strings.Contains(site.Warnings[0].Error(), `episodes/two.md:4:1: warning: front-matter key "draft" means nothing to the Workbench`) {
		t.Errorf("warnings %v, want one at two.md's draft key", site.Warnings)
	}

	own, err := Build(files("index.md", "# Home\n", "a.md", "---\ndraft: true\n---\nA.\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := own.Files["a/index.html"]; ok {
		t.Error("p2pc's own format published a draft")
	}
}

// TestWorkbenchHasNoGlossary: p2pc's glossary is its own format's; a
// Workbench lesson's learners/glossary.md is a page like any other (the
// Workbench links no terms), while the same glossary in p2pc's format
// links the terms of its lessons.
func TestWorkbenchHasNoGlossary(t *testing.T) {
	const glossary = "---\ntitle: Glossary\n---\n## Module\n\nA file of Python code.\n"
	const episode = "---\ntitle: One\n---\nWe build a module.\n"
	workbench, err := Build(files(
		"config.yaml", "title: 'L'\nepisodes:\n- one.md\nlearners:\n- glossary.md\n",
		"index.md", "Hi.\n",
		"episodes/one.md", episode,
		"learners/glossary.md", glossary,
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	one, gl := string(workbench.Files["episodes/one/index.html"]), string(workbench.Files["learners/glossary/index.html"])
	if gl == "" {
		t.Fatal("learners/glossary.md is not a page")
	}
	for name, page := range map[string]string{"episodes/one": one, "learners/glossary": gl} {
		for _, no := range []string{"term-link", "used-in", "glossary.css", "glossary.js"} {
			if strings.Contains(page, no) {
				t.Errorf("%s of a Workbench lesson has %s: p2pc's glossary is on", name, no)
			}
		}
	}
	own, err := Build(files("m/one.md", episode, "m/glossary.md", glossary), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(own.Files["m/one/index.html"]), `class="term-link"`) {
		t.Error("in p2pc's own format the glossary's term is not linked")
	}
}

// TestHugoContent: _index.md sections, a page bundle as one lesson with its
// files, Hugo's keys (description, linkTitle, lastmod, aliases) read, a
// link to a page this site lacks only a warning.
func TestHugoContent(t *testing.T) {
	site, err := Build(files(
		"_index.md", "---\ntitle: Docs\n---\n",
		"guide/_index.md", "---\ntitle: Guide\ndescription: How to.\n---\n",
		"guide/usage.md", "---\ntitle: Using it\nlinkTitle: Usage\nweight: 2\nlastmod: 2024-05-01T10:00:00Z\naliases: [/old/usage/, use, ../top.html]\ntags: [Shell, basics]\n---\nSee [the bundle](/guide/bundle/), [it again](../bundle/#top) and [elsewhere](/nowhere/).\n",
		"guide/bundle/index.md", "---\ntitle: Bundle\nweight: 1\ntags: [shell]\ncategories: [How-to]\n---\n## Top\n\n![shot](shot.png)\n",
		"guide/bundle/shot.png", "png",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(navOrder(site), "\n")
	want := strings.Join([]string{" Docs", "guide/ Guide", "guide/bundle/ Bundle", "guide/usage/ Usage"}, "\n")
	if got != want {
		t.Errorf("reading order:\n%s\nwant\n%s", got, want)
	}
	if _, ok := site.Files["guide/bundle/shot.png"]; !ok {
		t.Error("the bundle's image is not beside its page")
	}
	usage := string(site.Files["guide/usage/index.html"])
	for _, w := range []string{`href="../../guide/bundle/index.html"`, `href="../../guide/bundle/index.html#top"`, `<time datetime="2024-05-01">`, `href="/nowhere/"`} {
		if !strings.Contains(usage, w) {
			t.Errorf("guide/usage lacks %s", w)
		}
	}
	if redirect := string(site.Files["old/usage/index.html"]); !strings.Contains(redirect, `url=../../guide/usage/index.html`) {
		t.Errorf("alias page:\n%s", redirect)
	}
	// relative aliases are below the page's parent, as in Hugo
	if redirect := string(site.Files["guide/use/index.html"]); !strings.Contains(redirect, `url=../../guide/usage/index.html`) {
		t.Errorf("relative alias page guide/use/:\n%s", redirect)
	}
	if redirect := string(site.Files["top.html"]); !strings.Contains(redirect, `url=guide/usage/index.html`) {
		t.Errorf("relative alias page top.html:\n%s", redirect)
	}
	if shell := string(site.Files["tags/shell/index.html"]); !strings.Contains(shell, `href="../../guide/usage/index.html"`) || !strings.Contains(shell, `href="../../guide/bundle/index.html"`) {
		t.Errorf("tags/shell/ does not list both pages:\n%s", shell)
	}
	if tags := string(site.Files["tags/index.html"]); !strings.Contains(tags, `href="basics/index.html"`) || !strings.Contains(tags, "(2)") {
		t.Error("tags/ does not list the tags with their counts")
	}
	if _, ok := site.Files["categories/how-to/index.html"]; !ok {
		t.Error("no list page for the category How-to")
	}
	if !strings.Contains(usage, `href="../../tags/shell/index.html"`) {
		t.Error("the page does not link its tags")
	}
	if !strings.Contains(string(site.Files["sitemap.xml"]), "<lastmod>2024-05-01</lastmod>") {
		t.Error("the sitemap lacks the lastmod")
	}
	if len(site.Warnings) != 1 || !strings.Contains(site.Warnings[0].Msg, "/nowhere/") {
		t.Errorf("warnings %v, want one for the link to /nowhere/", site.Warnings)
	}
}

// TestHugoSiteRoot: pointed at a Hugo site's root, its content folder gives
// the pages, its static/ folder is published at the site root, its
// layouts/ (Hugo's templates) are neither pages nor files of the site.
func TestHugoSiteRoot(t *testing.T) {
	site, err := Build(files(
		"hugo.toml", "title = \"Site\"\ncontentDir = \"content\"\n[params]\nversion = \"1.2\"\n",
		"content/_index.md", "---\ntitle: Home\n---\nVersion {{< param version >}}.\n",
		"content/a.md", "---\ntitle: A\n---\n![logo](/images/logo.png)\n",
		"static/images/logo.png", "png",
		"layouts/_default/single.html", "{{ .Content }}",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := site.Files["images/logo.png"]; !ok {
		t.Error("static/images/logo.png is not at the site root")
	}
	for name := range site.Files {
		if strings.Contains(name, "single") || strings.HasPrefix(name, "layouts/") {
			t.Errorf("Hugo's layouts/ published as %s", name)
		}
	}
	if home := string(site.Files["index.html"]); !strings.Contains(home, "Version 1.2.") {
		t.Error("{{< param version >}} does not give the config's [params] value")
	}
	if a := string(site.Files["a/index.html"]); !strings.Contains(a, `src="../images/logo.png"`) {
		t.Error("a link from the site root to a static file is not written relative")
	}
	if site.Config.Title != "Site" {
		t.Errorf("title %q", site.Config.Title)
	}
}

// TestFormatFollowsEdits: a kept pipeline recognises the format again when
// a file that says it changes (here a book.toml and SUMMARY.md appear).
func TestFormatFollowsEdits(t *testing.T) {
	fsys := files("index.md", "# Home\n", "m/a.md", "# A\n")
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	fsys["book.toml"] = files("x", "[book]\ntitle = \"Now a book\"\n")["x"]
	fsys["src/SUMMARY.md"] = files("x", "[Intro](README.md)\n")["x"]
	fsys["src/README.md"] = files("x", "# Intro\n")["x"]
	pl.Forget("book.toml", "src/SUMMARY.md", "src/README.md")
	site, err := pl.Run(mem)
	if err != nil {
		t.Fatal(err)
	}
	if site.Config.Title != "Now a book" || site.Home.Page.Source != "src/README.md" {
		t.Errorf("after book.toml appeared: title %q, home %q; want the book's", site.Config.Title, site.Home.Page.Source)
	}

	// A chapter's file appearing deep in the book makes it a chapter; its
	// text changing later does not make the format be recognised again.
	fsys["src/SUMMARY.md"] = files("x", "[Intro](README.md)\n\n- [Deep](part/deep/ch.md)\n")["x"]
	pl.Forget("src/SUMMARY.md")
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if _, ok := mem.Files["part/deep/ch/index.html"]; ok {
		t.Fatal("a chapter without its file (a draft, as mdBook would create it) has a page")
	}
	fsys["src/part/deep/ch.md"] = files("x", "# Deep\n")["x"]
	pl.Forget("src/part/deep/ch.md")
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if _, ok := mem.Files["part/deep/ch/index.html"]; !ok {
		t.Errorf("the chapter whose file appeared has no page: %v", slices.Sorted(maps.Keys(mem.Files)))
	}
	fsys["src/part/deep/ch.md"] = files("x", "# Deeper\n")["x"]
	pl.Forget("src/part/deep/ch.md")
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if !pl.setKnown {
		t.Error("a chapter's new text made the pipeline recognise the format again")
	}
}

// TestWorkbenchLinks: links.md's link reference definitions serve every
// page, as the Workbench adds the file to each; editing it changes the
// pages in a server's next run; a missing page it names is an error at the
// link that uses it.
func TestWorkbenchLinks(t *testing.T) {
	fsys := files(
		"config.yaml", "title: 'Shell'\nepisodes:\n- 01-first.md\n- 02-second.md\n",
		"index.md", "Welcome, see [the shell][shell].\n",
		"links.md", "[shell]: https://example.org/shell\n[next]: 02-second.md\n",
		"episodes/01-first.md", "---\ntitle: First\n---\nRead [the shell][shell], then [the next one][next].\n",
		"episodes/02-second.md", "---\ntitle: Second\n---\nText.\n",
	)
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	first := string(mem.Files["episodes/first/index.html"])
	for _, want := range []string{`<a href="https://example.org/shell">the shell</a>`, `<a href="../../episodes/second/index.html">the next one</a>`} {
		if !strings.Contains(first, want) {
			t.Errorf("episodes/first lacks %s", want)
		}
	}
	if !strings.Contains(string(mem.Files["index.html"]), `href="https://example.org/shell"`) {
		t.Error("the home page's [the shell][shell] is not a link")
	}
	if _, ok := mem.Files["links/index.html"]; ok {
		t.Error("links.md became a page")
	}

	fsys["links.md"] = files("x", "[shell]: https://example.org/bash\n[next]: 02-second.md\n")["x"]
	pl.Forget("links.md")
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mem.Files["episodes/first/index.html"]), `href="https://example.org/bash"`) {
		t.Error("after links.md changed, episodes/first still links to the old address")
	}

	fsys["links.md"] = files("x", "[shell]: https://example.org/bash\n[next]: 03-gone.md\n")["x"]
	pl.Forget("links.md")
	site, err := pl.Run(mem)
	if err != nil {
		t.Fatalf("a links.md definition naming a missing page stops the build (the Workbench warns): %v", err)
	}
	var warned []string
	for _, w := range site.Warnings {
		warned = append(warned, w.Error())
	}
	if all := strings.Join(warned, "\n"); !strings.Contains(all, "episodes/01-first.md:4:") || !strings.Contains(all, "03-gone.md") {
		t.Errorf("a links.md definition naming a missing page: got warnings %q, want one at the link in episodes/01-first.md:4", warned)
	}
}

// TestTitleHeadingKeepsItsID: the # heading a page's title comes from
// keeps its id on the page's <h1>, so links to it resolve (mdBook chapters
// link to "#chapter-title"), also from other pages, unless the page gives
// the id to something else itself.
func TestTitleHeadingKeepsItsID(t *testing.T) {
	site, err := Build(files(
		"book.toml", "[book]\ntitle = \"T\"\n",
		"src/SUMMARY.md", "- [One](one.md)\n- [Two](two.md)\n- [Three](three.md)\n",
		"src/one.md", "# Chapter one {#first}\n\nBack to [the top](#first).\n",
		"src/two.md", "# Two\n\nSee [one](one.md#first) and [here](#two).\n",
		"src/three.md", "# Three\n\n::: callout {#three}\nThe box has the id.\n:::\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{"one/index.html": `<h1 id="first">Chapter one</h1>`, "two/index.html": `<h1 id="two">Two</h1>`,
		"three/index.html": `<h1>Three</h1>`} { // the id the page gives its box wins
		if !strings.Contains(string(site.Files[page]), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
}

// TestWorkbenchReadsPandoc: a Workbench lesson is Pandoc's Markdown, where
// H~2~O is a subscript; the same text in p2pc's own format is GitHub's,
// where it is struck through.
func TestWorkbenchReadsPandoc(t *testing.T) {
	const text = "Water is H~2~O; 2^10^ is 1024.\n"
	workbench, err := Build(files(
		"config.yaml", "title: 'Chem'\nepisodes:\n- 01-water.md\n",
		"index.md", "Hi.\n",
		"episodes/01-water.md", "---\ntitle: Water\n---\n"+text,
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(workbench.Files["episodes/water/index.html"]); !strings.Contains(got, "H<sub>2</sub>O; 2<sup>10</sup> is") {
		t.Errorf("the Workbench lesson lacks its sub- and superscript:\n%s", got)
	}
	own, err := Build(files("m/water.md", "---\ntitle: Water\n---\n"+text), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(own.Files["m/water/index.html"]); !strings.Contains(got, "H<del>2</del>O; 2^10^ is") {
		t.Errorf("p2pc's own format reads ~2~ otherwise:\n%s", got)
	}
}

// TestWorkbenchUnclosedDiv: a fenced div that is never closed stops a
// build in p2pc's format; in a Workbench lesson, which Pandoc builds, it is
// a warning at the div and the div ends with the page.
func TestWorkbenchUnclosedDiv(t *testing.T) {
	page := "---\ntitle: One\n---\n::: challenge\n\n## Q\n\n::: solution\n\nS\n\n:::\n"
	site, err := Build(files("config.yaml", "title: L\nepisodes:\n- 01-one.md\n", "index.md", "Hi.\n", "episodes/01-one.md", page), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Warnings) != 1 || site.Warnings[0].Error() != "episodes/01-one.md:4:1: warning: fenced div ::: challenge is never closed, so it ends where the page (or the block holding it) ends (add a line ::: after its content)" {
		t.Errorf("warnings %v", site.Warnings)
	}
	if html := string(site.Files["episodes/one/index.html"]); !strings.Contains(html, `class="solution"`) {
		t.Error("the solution inside the unclosed challenge is not rendered")
	}
	_, err = Build(files("index.md", "# Home\n", "a.md", page), layoutsFS, Options{})
	if err == nil || !strings.Contains(err.Error(), "a.md:4:1: fenced div ::: challenge is never closed") {
		t.Errorf("p2pc's own format: got %v, want the unclosed div as an error", err)
	}
}

// TestMdBookPartURLs: a part title is a heading of the table of contents,
// so it never takes a URL a chapter wants; its page gets its title's URL
// when free (and not one of the builder's folders), else the next free
// of title-2/, title-3/…
func TestMdBookPartURLs(t *testing.T) {
	site, err := Build(files(
		"book.toml", "[book]\ntitle = \"Parts\"\n",
		"src/SUMMARY.md", "# Summary\n\n# Overview\n\n- [Intro](./overview.md)\n- [Two](overview-2.md)\n\n# Contents\n\n- [X](x.md)\n\n# Overview\n\n- [Y](y.md)\n",
		"src/overview.md", "# Overview page\n",
		"src/overview-2.md", "# Two\n",
		"src/x.md", "# X\n",
		"src/y.md", "# Y\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(navOrder(site), "\n")
	for _, want := range []string{"overview-3/ Overview\noverview/ Intro\noverview-2/ Two", "contents-2/ Contents\nx/ X", "overview-4/ Overview\ny/ Y"} {
		if !strings.Contains(got, want) {
			t.Errorf("pages lack %q:\n%s", want, got)
		}
	}
}

// TestMdBookReadmeAnyCase: a chapter named README.md in any case
// (readme.md, Readme.md) is its folder's page, with children or without,
// as mdBook's index preprocessor matches the name; a link to it leads
// there. In p2pc's own format a readme.md stays a lesson of its own.
func TestMdBookReadmeAnyCase(t *testing.T) {
	site, err := Build(files(
		"book.toml", "[book]\ntitle = \"R\"\n",
		"src/SUMMARY.md", "[Home](readme.md)\n\n- [Guide](guide/Readme.md)\n  - [Step](guide/step.md)\n- [Leaf](leaf/readme.md)\n",
		"src/readme.md", "# Home\n\nSee [the guide](guide/Readme.md) and [the leaf](leaf/readme.md).\n",
		"src/guide/Readme.md", "# Guide\n",
		"src/guide/step.md", "# Step\n",
		"src/leaf/readme.md", "# Leaf\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(navOrder(site), "\n")
	if want := " Home\nguide/ Guide\nguide/step/ Step\nleaf/ Leaf"; got != want {
		t.Errorf("pages:\n%s\nwant:\n%s", got, want)
	}
	home := string(site.Files["index.html"])
	for _, w := range []string{`href="guide/index.html">the guide`, `href="leaf/index.html">the leaf`} {
		if !strings.Contains(home, w) {
			t.Errorf("home page lacks %s", w)
		}
	}
	own, err := Build(files("_index.md", "# Home\n", "m/_index.md", "# M\n", "m/readme.md", "# Read me\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := own.Files["m/readme/index.html"]; !ok {
		t.Error("in p2pc's own format, m/readme.md is not the lesson m/readme/")
	}
}

// TestMdBookDraftChildren: the chapters under a draft chapter are listed
// nested under it, a draft one greyed and unlinked like its parent, a
// written one as a page in reading order; a chapter whose only children
// are drafts lists them on its page.
func TestMdBookDraftChildren(t *testing.T) {
	site, err := Build(files(
		"book.toml", "[book]\ntitle = \"Drafts\"\n",
		"src/SUMMARY.md", "# Summary\n\n# Part\n\n- [A](a.md)\n- [Draft]()\n  - [Draft child]()\n  - [Written child](w.md)\n- [B](b.md)\n  - [Later]()\n",
		"src/a.md", "# A\n",
		"src/w.md", "# W\n",
		"src/b.md", "# B\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(navOrder(site), "\n"), " Drafts\npart/ Part\na/ A\nw/ Written child\nb/ B"; got != want {
		t.Errorf("reading order:\n%s\nwant\n%s", got, want)
	}
	part := string(site.Files["part/index.html"])
	for _, want := range []string{
		`<li class="draft"><span>Draft</span> <span class="meta">not written yet</span>
    <ol><li class="draft"><span>Draft child</span> <span class="meta">not written yet</span></li><li>
    <a href="../w/index.html">Written child</a>`,
		`<li class="draft"><span>Draft</span><ol class="nav-lessons">
    <li class="draft"><span>Draft child</span></li>
    <li><a href="../w/index.html">Written child</a></li>`,
	} {
		if !strings.Contains(part, want) {
			t.Errorf("part/ lacks\n%s\n", want)
		}
	}
	if b := string(site.Files["b/index.html"]); !strings.Contains(b, `<li class="draft"><span>Later</span>`) {
		t.Error("b/ does not list its draft child")
	}
}

// chain lists the reading path from the page at url by Next, as "URL"s.
func chain(t *testing.T, s *Site, url string) string {
	t.Helper()
	var p *Page
	for _, pg := range s.Pages {
		if pg.URL == url {
			p = pg
		}
	}
	if p == nil {
		t.Fatalf("no page at %q", url)
	}
	var out []string
	for ; p != nil && len(out) <= len(s.Pages); p = p.Next {
		prev := "-"
		if p.Prev != nil {
			prev = p.Prev.URL
		}
		out = append(out, prev+"<"+p.URL)
	}
	return strings.Join(out, " ")
}

// TestOutlineReadingPath: in a lesson set with an outline, the reading
// path (Prev, Next, Start the course) is the tool's: an mdBook's prefix
// chapter, then every chapter in SUMMARY.md's order, a chapter's own page
// before its children, top-level and suffix chapters included, parts'
// pages not on it; a Workbench's index, its episodes and resources, not
// its licence.
func TestOutlineReadingPath(t *testing.T) {
	tests := []struct {
		name       string
		files      []string
		from, path string
		start      string
	}{
		{"prefix chapter, then a chapter before its child",
			[]string{"src/SUMMARY.md", "[Intro](intro.md)\n- [A](a.md)\n  - [B](b.md)\n", "src/intro.md", "# I\n", "src/a.md", "# A\n", "src/b.md", "# B\n"},
			"", "-< <a/ a/<b/", "a/"},
		{"flat book with a suffix chapter",
			[]string{"src/SUMMARY.md", "- [A](a.md)\n- [C](c.md)\n\n[End](end.md)\n", "src/a.md", "# A\n", "src/c.md", "# C\n", "src/end.md", "# E\n"},
			"a/", "-<a/ a/<c/ c/<end/", "a/"},
		{"parts are headings, not stops",
			[]string{"src/SUMMARY.md", "[Intro](README.md)\n# One\n- [A](a.md)\n  - [B](b.md)\n# Two\n- [C](c.md)\n  - [Later]()\n    - [D](d.md)\n", "src/README.md", "# I\n", "src/a.md", "# A\n", "src/b.md", "# B\n", "src/c.md", "# C\n", "src/d.md", "# D\n"},
			"", "-< <a/ a/<b/ b/<c/ c/<d/", "a/"},
		{"Workbench",
			[]string{"config.yaml", "title: W\nepisodes:\n- one.md\n- two.md\n", "index.md", "Hi.\n", "episodes/one.md", "---\ntitle: One\n---\n", "episodes/two.md", "---\ntitle: Two\n---\n", "learners/setup.md", "---\ntitle: Setup\n---\n", "LICENSE.md", "---\ntitle: Licence\n---\n"},
			"", "-< <episodes/one/ episodes/one/<episodes/two/ episodes/two/<learners/setup/", "episodes/one/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := tt.files
			if !strings.HasPrefix(fs[0], "config") {
				fs = append([]string{"book.toml", "[book]\ntitle = \"T\"\n"}, fs...)
			}
			site, err := Build(files(fs...), layoutsFS, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := chain(t, site, tt.from); got != tt.path {
				t.Errorf("reading path %s, want %s", got, tt.path)
			}
			if got := site.FirstLesson(); got == nil {
				t.Errorf("the course starts nowhere, want %s", tt.start)
			} else if got.URL != tt.start {
				t.Errorf("the course starts at %s, want %s", got.URL, tt.start)
			}
			home := string(site.Files["index.html"])
			if n := strings.Count(home, `class="start-course"`); n != 1 {
				t.Errorf("the home page has %d Start the course buttons, want 1", n)
			}
			if !strings.Contains(home, `class="start-course" href="`+tt.start+`index.html"`) {
				t.Errorf("Start the course does not lead to %s", tt.start)
			}
		})
	}
}

// TestOutlineReservedURLs: a chapter whose URL would be one of the
// generator's folders (contents/, search/, cards/) is published beside it
// under -2/, with a warning, and links to it follow.
func TestOutlineReservedURLs(t *testing.T) {
	site, err := Build(files(
		"book.toml", "[book]\ntitle = \"B\"\n",
		"src/SUMMARY.md", "# Summary\n\n[Intro](README.md)\n\n- [Contents](contents.md)\n- [Search](search/index.md)\n  - [Deep](search/deep.md)\n",
		"src/README.md", "# Intro\n\nSee [the contents](contents.md) and [deep](search/deep.md).\n",
		"src/contents.md", "# Contents\n",
		"src/search/index.md", "# Search\n",
		"src/search/deep.md", "# Deep\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"contents-2/index.html", "search-2/index.html", "search-2/deep/index.html", "contents/index.html"} {
		if _, ok := site.Files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	home := string(site.Files["index.html"])
	if !strings.Contains(home, `href="contents-2/index.html"`) || !strings.Contains(home, `href="search-2/deep/index.html"`) {
		t.Error("the links to the moved chapters do not follow them")
	}
	if len(site.Warnings) != 3 {
		t.Errorf("warnings %v, want one per moved page", site.Warnings)
	}
}

// TestBookWithoutParts: in an mdBook without parts, every chapter is part
// of the course: the progress outline and the whole-course view list the
// chapters outside any module too (they had none of them), and a part's
// chapters count under the part whatever their URLs.
func TestBookWithoutParts(t *testing.T) {
	site, err := Build(files(
		"book.toml", "[book]\ntitle = \"B\"\n",
		"src/SUMMARY.md", "# Summary\n\n[Intro](README.md)\n\n- [One](one.md)\n  - [One A](one-a.md)\n- [Two](two.md)\n\n# Part\n\n- [Three](three.md)\n",
		"src/README.md", "# Intro\n", "src/one.md", "# One\n", "src/one-a.md", "# One A\n", "src/two.md", "# Two\n", "src/three.md", "# Three\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	outline := string(site.Files["progress/lessons.js"])
	for _, want := range []string{`"lessons":[{"url":"one-a/"`, `{"url":"","title":"","lessons":[{"url":"two/"`, `"title":"Part","lessons":[{"url":"three/"`} {
		if !strings.Contains(outline, want) {
			t.Errorf("progress outline lacks %s:\n%s", want, outline)
		}
	}
	course := string(site.Files["all-in-one/index.html"])
	for _, want := range []string{`href="../one-a/index.html"`, `href="../two/index.html"`, `href="../three/index.html"`} {
		if !strings.Contains(course, want) {
			t.Errorf("the whole-course view lacks %s", want)
		}
	}
}

// TestOutlineTitles: a page with no title of its own (no title key, no #
// heading) takes its outline's name: a Workbench's index.md the lesson's
// title (it was "."), an mdBook chapter its SUMMARY.md link text (it was
// made from the file name); and changing that name changes the page.
func TestOutlineTitles(t *testing.T) {
	site, err := Build(files("config.yaml", "title: My Lesson\nepisodes:\n- a.md\n", "index.md", "---\nsite: sandpaper::sandpaper_site\n---\nWelcome.\n", "episodes/a.md", "Text.\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := site.Home.Page.Title; got != "My Lesson" {
		t.Errorf("Workbench home title %q, want the lesson's", got)
	}
	if len(site.Warnings) != 0 { // site: is sandpaper's, in every Workbench lesson
		t.Errorf("warnings %v, want none", site.Warnings)
	}
	fsys := files("book.toml", "[book]\ntitle = \"B\"\n", "src/SUMMARY.md", "- [Getting started](start_here.md)\n", "src/start_here.md", "Text.\n")
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if got := string(mem.Files["start-here/index.html"]); !strings.Contains(got, "<h1>Getting started") {
		t.Error("the chapter is not titled by its SUMMARY.md link text")
	}
	fsys["src/SUMMARY.md"] = files("x", "- [First steps](start_here.md)\n")["x"]
	pl.Forget("src/SUMMARY.md")
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if got := string(mem.Files["start-here/index.html"]); !strings.Contains(got, "<h1>First steps") {
		t.Error("after SUMMARY.md renamed the chapter, its page keeps the old title")
	}
}

// TestWorkbenchTitleMarkdown: an episode's title written in Markdown
// (sandpaper renders it) is shown as its text, not its marks.
func TestWorkbenchTitleMarkdown(t *testing.T) {
	site, err := Build(files("config.yaml", "title: L\nepisodes:\n- a.md\n", "index.md", "Welcome.\n",
		"episodes/a.md", "---\ntitle: \"Using `git` with *RStudio*\"\n---\nText.\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(site.Files["episodes/a/index.html"])
	if !strings.Contains(page, "<h1>Using git with RStudio") || strings.Contains(page, "`git`") || strings.Contains(page, "*RStudio*") {
		t.Errorf("the title's Markdown shows:\n%s", page)
	}
}

// TestWorkbenchKnitrChild: an R Markdown episode's child chunk gives the
// child's Markdown in its place, and a server that is told the child
// changed builds the episode again.
func TestWorkbenchKnitrChild(t *testing.T) {
	fsys := files("config.yaml", "title: L\nepisodes:\n- a.Rmd\n", "index.md", "Welcome.\n",
		"episodes/a.Rmd", "---\ntitle: A\n---\nBefore.\n\n```{r child='files/note.Rmd'}\n```\n\nAfter.\n",
		"episodes/files/note.Rmd", "::: callout\n## Shared note\nInstall it.\n:::\n")
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	page := string(mem.Files["episodes/a/index.html"])
	if !strings.Contains(page, "Shared note</h2>") || !strings.Contains(page, "<p>Install it.</p>") || strings.Contains(page, "child=") {
		t.Fatalf("the child is not in its place:\n%s", page)
	}
	fsys["episodes/files/note.Rmd"] = files("x", "Install it today.\n")["x"]
	pl.Forget("episodes/files/note.Rmd")
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if page := string(mem.Files["episodes/a/index.html"]); !strings.Contains(page, "<p>Install it today.</p>") {
		t.Errorf("the edited child is not in the page:\n%s", page)
	}
}

// TestMdBookTopLevelChapters: a book without parts, whose chapters without
// children stand at its top level between chapters with children, lists
// them there, in order, in the sidebar, the home page's grid and the
// contents page, as mdBook's sidebar does; so it does a draft with the
// chapters under it, and a suffix chapter, last, as mdBook reads it next.
func TestMdBookTopLevelChapters(t *testing.T) {
	site, err := Build(files(
		"book.toml", "[book]\ntitle = \"Flat\"\n",
		"src/SUMMARY.md", "# Summary\n\n[Preface](preface.md)\n\n- [Trees](trees.md)\n  - [Binary](binary.md)\n- [Hash](hash.md)\n- [Graphs]()\n- [Appendix]()\n  - [Tools](tools.md)\n\n[Thanks](thanks.md)\n",
		"src/preface.md", "# Preface\n", "src/trees.md", "# Trees\n", "src/binary.md", "# Binary\n",
		"src/hash.md", "# Hash\n", "src/tools.md", "# Tools\n", "src/thanks.md", "# Thanks\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	order := func(html string, marks ...string) bool {
		at := 0
		for _, m := range marks {
			i := strings.Index(html[at:], m)
			if i < 0 {
				return false
			}
			at += i + len(m)
		}
		return true
	}
	hash := string(site.Files["hash/index.html"])
	side := hash[strings.Index(hash, `<nav id="curriculum"`):]
	if !order(side, `<ol class="nav-list">`, `>Trees</a>`, `<li class="nav-module nav-chapter"><a href="../hash/index.html" aria-current="page">Hash</a>`,
		`<li class="nav-module draft"><span>Graphs</span>`, `<li class="nav-module draft"><span>Appendix</span>`, `>Tools</a>`,
		`<li class="nav-module nav-chapter"><a href="../thanks/index.html">Thanks</a>`, `</ol>`, `<ul class="nav-list nav-pages">`) {
		t.Errorf("the sidebar does not list Trees, Hash, Graphs, Appendix (Tools), then Thanks:\n%s", side)
	}
	if strings.Contains(side[strings.Index(side, "nav-pages"):], ">Hash<") {
		t.Error("Hash is also listed beside the course")
	}
	for _, name := range []string{"index.html", "contents/index.html"} {
		html := string(site.Files[name])
		if !order(html, `class="module-grid"`, `>Trees</a>`, `<li class="module-card chapter-card">`, `>Hash</a>`, `<li class="module-card draft">`, `Graphs`, `Appendix`, `>Thanks</a>`, `</ol>`) {
			t.Errorf("%s does not show Trees, Hash, Graphs, Appendix and Thanks in its grid:\n%s", name, html)
		}
	}
	if c := string(site.Files["contents/index.html"]); !strings.Contains(c, `<ol class="lesson-list"><li>
    <a href="../tools/index.html">Tools</a>`) {
		t.Errorf("the contents page does not list Tools under Appendix:\n%s", c)
	}
}

// TestMdBookNonLatinParts: a part titled in a script ASCII cannot spell
// gets part/, part-2/… and keeps its title; chapters whose file names
// differ only in their numbers (hw/01-hw.md, hw/02-hw.md) keep them in
// their URLs, where a lone one (01-basic.md) drops it.
func TestMdBookNonLatinParts(t *testing.T) {
	site, err := Build(files(
		"book.toml", "[book]\ntitle = \"Курс\"\n",
		"src/SUMMARY.md", "# Summary\n\n[Intro](intro.md)\n\n# Общая информация\n\n- [Домашние](hw/README.md)\n  - [ДЗ №1](hw/01-hw.md)\n  - [ДЗ №2](hw/02-hw.md)\n\n# 第一部分\n\n- [Basic](lect/01-basic.md)\n",
		"src/intro.md", "# Intro\n", "src/hw/README.md", "# Home work\n", "src/hw/01-hw.md", "# One\n",
		"src/hw/02-hw.md", "# Two\n", "src/lect/01-basic.md", "# Basic\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, title := range map[string]string{"part/index.html": "Общая информация", "part-2/index.html": "第一部分",
		"hw/01-hw/index.html": "ДЗ №1", "hw/02-hw/index.html": "ДЗ №2", "lect/basic/index.html": "Basic"} {
		if html, ok := site.Files[name]; !ok || !strings.Contains(string(html), title) {
			t.Errorf("%s missing, or without %q", name, title)
		}
	}
}
