package generator

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestHugoOrder: a Hugo section's pages in Hugo's default order: by weight
// (pages without one last), then by date, newest first, then by link
// title, then by path; sections the same way. p2pc's own format keeps its
// order (weight, else the file name).
func TestHugoOrder(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"titles, not file names", files("hugo.toml", "", "content/s/_index.md", "---\ntitle: S\n---\n",
			"content/s/a.md", "---\ntitle: Zebra\n---\n", "content/s/b.md", "---\ntitle: Apple\nlinkTitle: Mango\n---\n", "content/s/c.md", "---\ntitle: Kiwi\n---\n"),
			[]string{" Home", "s/ S", "s/c/ Kiwi", "s/b/ Mango", "s/a/ Zebra"}},
		{"weight, then date newest first, then title", files("hugo.toml", "",
			"content/z.md", "---\ntitle: Undated\n---\n",
			"content/y.md", "+++\ntitle = 'Old'\ndate = 2020-01-01\n+++\n",
			"content/x.md", "---\ntitle: New\ndate: 2024-05-26T09:10:33-07:00\n---\n",
			"content/w.md", "---\ntitle: Heavy\nweight: 5\n---\n",
			"content/v.md", "---\ntitle: Light\nweight: 1\ndate: 2000-01-01\n---\n"),
			[]string{" Home", "v/ Light", "w/ Heavy", "x/ New", "y/ Old", "z/ Undated"}},
		{"same title: the path", files("hugo.toml", "", "content/b.md", "---\ntitle: Same\n---\n", "content/a.md", "---\ntitle: Same\n---\n"),
			[]string{" Home", "a/ Same", "b/ Same"}},
		{"sections by title", files("hugo.toml", "", "content/b/_index.md", "---\ntitle: Alpha\n---\n", "content/b/p.md", "# P\n",
			"content/a/_index.md", "---\ntitle: Beta\n---\n", "content/a/p.md", "# P\n"),
			[]string{" Home", "b/ Alpha", "b/p/ P", "a/ Beta", "a/p/ P"}},
		{"a section's pages and subsections together", files("hugo.toml", "", "content/docs/_index.md", "---\ntitle: Docs\n---\n",
			"content/docs/five.md", "---\ntitle: Five\nweight: 5\n---\n", "content/docs/unw.md", "---\ntitle: Unweighted\n---\n",
			"content/docs/sec/_index.md", "---\ntitle: Sec\nweight: 1\n---\n", "content/docs/sec/in.md", "# In\n"),
			[]string{" Home", "docs/ Docs", "docs/sec/ Sec", "docs/sec/in/ In", "docs/five/ Five", "docs/unw/ Unweighted"}},
		{"own format: file names", files("a.md", "---\ntitle: Zebra\n---\n", "b.md", "---\ntitle: Apple\n---\n"),
			[]string{" Home", "a/ Zebra", "b/ Apple"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Build(tt.files, layoutsFS, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := navOrder(site); !slices.Equal(got, tt.want) {
				t.Errorf("reading order\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestHugoRawHTML: a Hugo config's markup.goldmark.renderer.unsafe lets
// raw HTML through; without it, the warning names that setting, not
// site.yaml, which a Hugo site does not have.
func TestHugoRawHTML(t *testing.T) {
	const page = "---\ntitle: A\n---\n<span style=\"color:red\">red</span>\n"
	tests := []struct {
		name    string
		files   fstest.MapFS
		kept    bool
		warning string
	}{
		{"hugo.toml unsafe", files("hugo.toml", "[markup.goldmark.renderer]\nunsafe = true\n", "content/a.md", page), true, ""},
		{"hugo.yaml unsafe", files("hugo.yaml", "markup:\n  goldmark:\n    renderer:\n      unsafe: true\n", "content/a.md", page), true, ""},
		{"config/_default/markup.toml", files("config/_default/hugo.toml", "title = 'S'\n", "config/_default/markup.toml", "[goldmark.renderer]\nunsafe = true\n", "content/a.md", page), true, ""},
		{"hugo.toml without it", files("hugo.toml", "title = 'S'\n", "content/a.md", page), false,
			"content/a.md:4:1: warning: dropped the style attribute of <span>: raw HTML outside the safe list is not published (set markup.goldmark.renderer.unsafe to true in hugo.toml to allow all)"},
		{"unsafe false", files("hugo.toml", "[markup.goldmark.renderer]\nunsafe = false\n", "content/a.md", page), false,
			"content/a.md:4:1: warning: dropped the style attribute of <span>: raw HTML outside the safe list is not published (set markup.goldmark.renderer.unsafe to true in hugo.toml to allow all)"},
		{"own format", files("a.md", page), false,
			"a.md:4:1: warning: dropped the style attribute of <span>: raw HTML outside the safe list is not published (set raw_html: true in site.yaml to allow all)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Build(tt.files, layoutsFS, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if kept := strings.Contains(string(site.Files["a/index.html"]), `<span style="color:red">`); kept != tt.kept {
				t.Errorf("style attribute kept: %v, want %v", kept, tt.kept)
			}
			var got []string
			for _, w := range site.Warnings {
				got = append(got, w.Error())
			}
			if want := slices.DeleteFunc([]string{tt.warning}, func(s string) bool { return s == "" }); !slices.Equal(got, want) {
				t.Errorf("warnings\n got %q\nwant %q", got, want)
			}
		})
	}
}

// TestHugoPageParams: {{< param >}} reads the page's own params (its
// front matter's other keys, and its [params]) before the site's; a Draft
// key in another case still leaves the page out.
func TestHugoPageParams(t *testing.T) {
	site, err := Build(files(
		"hugo.toml", "[params]\ncolour = 'site blue'\nsize = 'site size'\n",
		"content/a.md", "+++\ntitle = 'A'\ncolour = 'page red'\n[params]\nshape = 'page round'\n+++\n{{< param colour >}}, {{< param shape >}}, {{< param size >}}.\n",
		"content/b.md", "---\nTitle: B\nDraft: true\n---\nA draft.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := string(site.Files["a/index.html"]); !strings.Contains(a, "page red, page round, site size.") {
		t.Errorf("a/ does not show the page's params before the site's")
	}
	if _, ok := site.Files["b/index.html"]; ok {
		t.Error("the page with Draft: true is published")
	}
	var got []string
	for _, w := range site.Warnings {
		got = append(got, w.Error())
	}
	want := []string{
		`content/a.md:3:1: warning: front-matter key "colour" is not used by p2pc (layouts can read it as .Params.colour)`,
		`content/a.md:5:1: warning: front-matter key "shape" is not used by p2pc (layouts can read it as .Params.shape)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings\n got %q\nwant %q", got, want)
	}
}

// TestHugoBlockAttributes: a Hugo site that turns on
// markup.goldmark.parser.attribute.block gets {.class} lines on the block
// before them; without the setting the line is text, as in Hugo.
func TestHugoBlockAttributes(t *testing.T) {
	const page = "---\ntitle: A\n---\nLead text.\n{.lead}\n"
	for cfg, want := range map[string]string{
		"[markup.goldmark.parser.attribute]\nblock = true\n": `<p class="lead">Lead text.</p>`,
		"title = 'S'\n": "<p>Lead text.\n{.lead}</p>",
	} {
		site, err := Build(files("hugo.toml", cfg, "content/a.md", page), layoutsFS, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(site.Files["a/index.html"]); !strings.Contains(got, want) {
			t.Errorf("with %q: no %s in\n%s", cfg, want, got)
		}
	}
}

// TestHugoLanguages: a Hugo site's pages named for its default language
// (_index.en.md, step.en.md) are its pages, at the URLs without the
// language; the other languages' pages are not built; messages name the
// files on disk; and an edit to page.en.md reaches the page.
func TestHugoLanguages(t *testing.T) {
	fsys := files(
		"hugo.toml", "title = \"T\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/_index.en.md", "---\ntitle: Home\n---\n",
		"content/guide/_index.en.md", "---\ntitle: Guide\nweight: 1\n---\nIntro.\n",
		"content/guide/_index.fr.md", "---\ntitle: Guide en français\n---\n",
		"content/guide/step.en.md", "---\ntitle: Step\n---\nSee [the guide]({{% relref \"guide\" %}}) and [gone](gone.md).\n",
		"content/guide/step.fr.md", "---\ntitle: Étape\n---\n",
		"content/other/page.md", "---\ntitle: Other\n---\n[Step]({{< ref \"guide/step\" >}})\n",
	)
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	site, err := pl.Run(mem)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"guide/index.html", "guide/step/index.html", "other/page/index.html"} {
		if _, ok := mem.Files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	for name := range mem.Files {
		if strings.Contains(name, "-en/") || strings.Contains(name, "-fr/") || strings.Contains(name, "etape") {
			t.Errorf("a page of a language file under its own name: %s", name)
		}
	}
	if got := string(mem.Files["guide/index.html"]); !strings.Contains(got, "<h1>Guide</h1>") && !strings.Contains(got, ">Guide<") {
		t.Error("the section page is not _index.en.md's")
	}
	step := string(mem.Files["guide/step/index.html"])
	if !strings.Contains(step, `href="../../guide/index.html"`) {
		t.Error(`relref "guide" from guide/step does not lead to the section (Hugo tries the content folder)`)
	}
	if !strings.Contains(string(mem.Files["other/page/index.html"]), `href="../../guide/step/index.html"`) {
		t.Error(`ref "guide/step" does not lead to the page`)
	}
	if len(site.Warnings) != 2 || site.Warnings[0].Path != "content/guide/step.en.md" ||
		site.Warnings[1].Error() != "hugo.toml:3:1: warning: the site's other languages (fr) are not built: p2pc builds its default language, en, at the site's root" {
		t.Errorf("warnings %v, want one for gone.md at content/guide/step.en.md, and one for French", site.Warnings)
	}
	fsys["content/guide/step.en.md"] = files("x", "---\ntitle: Step two\n---\nText.\n")["x"]
	pl.Forget("content/guide/step.en.md")
	if _, err := pl.Run(mem); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mem.Files["guide/step/index.html"]), "Step two") {
		t.Error("an edit of step.en.md did not reach its page")
	}
}

// TestHugoMath: with the passthrough extension on in the config, math
// between its delimiters is kept as written (a backslash, an underscore);
// without it, the text is Markdown, as in Hugo.
func TestHugoMath(t *testing.T) {
	const cfg = "[markup.goldmark.extensions.passthrough]\nenable = true\n[markup.goldmark.extensions.passthrough.delimiters]\nblock = [['\\[', '\\]'], ['$$', '$$']]\ninline = [['\\(', '\\)']]\n"
	page := "---\ntitle: A\n---\nInline \\(a_1 + b_1\\) and:\n\n\\[\na \\\\ b\n\\]\n"
	site, err := Build(files("hugo.toml", cfg, "content/a.md", page), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	html := string(site.Files["a/index.html"])
	for _, want := range []string{`<span class="math inline">\(a_1 + b_1\)</span>`, "<span class=\"math display\">\\[\na \\\\ b\n\\]</span>"} {
		if !strings.Contains(html, want) {
			t.Errorf("no %q in\n%s", want, html)
		}
	}
	site, err = Build(files("hugo.toml", "title = 'S'\n", "content/a.md", page), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(site.Files["a/index.html"]), "math inline") {
		t.Error("math without the passthrough extension")
	}
}

// TestHugoFolderWithoutIndex: below the top, a folder without _index.md
// is no section in Hugo: its pages are the enclosing section's, at their
// URLs below the folder, and a page named like the folder keeps its URL.
func TestHugoFolderWithoutIndex(t *testing.T) {
	site, err := Build(files("hugo.toml", "",
		"content/docs/_index.md", "---\ntitle: Docs\n---\n",
		"content/docs/a.md", "---\ntitle: A\nweight: 2\n---\n",
		"content/docs/sub.md", "---\ntitle: Sub page\nweight: 3\n---\n",
		"content/docs/sub/nested.md", "---\ntitle: Nested\nweight: 1\n---\n",
		"content/docs/sec/_index.md", "---\ntitle: Sec\nweight: 4\n---\n",
		"content/docs/sec/in.md", "---\ntitle: In\n---\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(navOrder(site), "\n")
	want := strings.Join([]string{" Home", "docs/ Docs", "docs/sub/nested/ Nested", "docs/a/ A", "docs/sub/ Sub page", "docs/sec/ Sec", "docs/sec/in/ In"}, "\n")
	if got != want {
		t.Errorf("reading order:\n%s\nwant\n%s", got, want)
	}
}

// TestHugoDeadLinkMessage: a Hugo page's link is read as a URL relative to
// the page first, so the warning for one that leads nowhere names that URL
// as well as the file it is not.
func TestHugoDeadLinkMessage(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = \"S\"\n", "content/_index.md", "---\ntitle: S\n---\n",
		"content/docs/_index.md", "---\ntitle: Docs\n---\n",
		"content/docs/start.md", "---\ntitle: Start\n---\nSee [the guide](../guide/nothere).\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "content/docs/start.md:4:6: warning: link ../guide/nothere leads nowhere: no page has the URL /docs/guide/nothere/ and there is no file content/guide/nothere (left as written)"
	if len(site.Warnings) != 1 || site.Warnings[0].Error() != want {
		t.Errorf("warnings %v, want\n%s", site.Warnings, want)
	}
}

// TestHugoFileAtPageURL: a Hugo page's link relative to its URL may lead
// to a file copied as it is ("../img/pic.png" from docs/start/ is the
// copy of docs/img/pic.png), as it does in Hugo: no warning, and the link
// leads to the copy.
func TestHugoFileAtPageURL(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = \"S\"\n", "content/_index.md", "---\ntitle: S\n---\n",
		"content/docs/_index.md", "---\ntitle: Docs\n---\n",
		"content/docs/img/pic.png", "PNG",
		"content/docs/start.md", "---\ntitle: Start\n---\n![A picture](../img/pic.png)\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Warnings) != 0 {
		t.Errorf("warnings %v, want none", site.Warnings)
	}
	if html := string(site.Files["docs/start/index.html"]); !strings.Contains(html, `<img src="../../docs/img/pic.png" alt="A picture">`) {
		t.Errorf("the picture's link does not lead to docs/img/pic.png:\n%s", html)
	}
	if string(site.Files["docs/img/pic.png"]) != "PNG" {
		t.Error("the picture was not copied to docs/img/pic.png")
	}
}

// TestHugoSiteShortcode: a shortcode the site defines in its templates
// (its own layouts/shortcodes/, else its theme's), or one nobody defines,
// does not stop the build: a warning names the template that p2pc does
// not run, the tags are left out and the text between them stays.
func TestHugoSiteShortcode(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = \"S\"\ntheme = [\"docs\"]\n",
		"layouts/shortcodes/note.html", "{{ .Inner }}",
		"themes/docs/layouts/shortcodes/note.html", "{{ .Inner }}",
		"themes/docs/layouts/shortcodes/blocks/list.html", "<ul></ul>",
		"content/_index.md", "---\ntitle: S\n---\n{{< blocks/list >}}\n",
		"content/a.md", "---\ntitle: A\n---\n{{% note %}}\nText *kept*.\n{{% /note %}}\n\n{{< other >}}\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range site.Warnings {
		got = append(got, w.Error())
	}
	for _, want := range []string{
		`content/_index.md:4:1: warning: shortcode "blocks/list" is the site's own (themes/docs/layouts/shortcodes/blocks/list.html), a Hugo template p2pc does not run: p2pc leaves its tags out; for a box, write it as a fenced div (::: blocks-list … :::)`,
		`content/a.md:4:1: warning: shortcode "note" is the site's own (layouts/shortcodes/note.html), a Hugo template p2pc does not run: p2pc leaves its tags out; for a box, write it as a fenced div (::: note … :::)`,
		`content/a.md:8:1: warning: unknown shortcode "other": p2pc leaves its tags out; for a box, write it as a fenced div (::: other … :::)`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no warning %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
	page := string(site.Files["a/index.html"])
	if !strings.Contains(page, "<p>Text <em>kept</em>.</p>") || strings.Contains(page, "{{") {
		t.Errorf("a/: the note's text is not kept as Markdown, or a tag is left:\n%s", page)
	}
}

// TestHugoWithoutContentFolder: a Hugo site whose content folder is
// missing fails with the reason, and does not crash.
func TestHugoWithoutContentFolder(t *testing.T) {
	_, err := Build(files("hugo.toml", "title = 'S'\n", "docs/a.md", "# A\n"), layoutsFS, Options{})
	if err == nil || !strings.Contains(err.Error(), "content folder content/ does not exist") {
		t.Fatalf("err = %v, want the missing content folder named", err)
	}
	if strings.Contains(err.Error(), "no such folder") {
		t.Errorf("err = %v, want the missing folder named once", err)
	}
}

// TestHugoHeadingIDs: a Hugo site's heading ids are Hugo's, so the links
// its authors wrote to them lead somewhere: a space and a hyphen are a
// hyphen each ("Setup - Windows" is #setup---windows), by the site's
// autoHeadingIDType; another type is an error at its place in the config.
func TestHugoHeadingIDs(t *testing.T) {
	page := "---\ntitle: A\n---\n## Setup - Windows\n\n## Größe / Maß\n\nSee [setup](#%s) and [size](#%s).\n"
	for _, tt := range []struct{ config, setup, size string }{
		{"title = \"S\"\n", "setup---windows", "größe--maß"},
		{"title = \"S\"\n[markup.goldmark.parser]\nautoHeadingIDType = \"github-ascii\"\n", "setup---windows", "groe--ma"},
		{"title: S\nmarkup:\n  goldmark:\n    parser:\n      autoHeadingIDType: blackfriday\n", "setup-windows", "größe-maß"},
	} {
		name := "hugo.toml"
		if strings.Contains(tt.config, ":") {
			name = "hugo.yaml"
		}
		site, err := Build(files(name, tt.config, "content/_index.md", "---\ntitle: S\n---\n",
			"content/a.md", fmt.Sprintf(page, tt.setup, tt.size)), layoutsFS, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.config, err)
		}
		if len(site.Warnings) != 0 {
			t.Errorf("%s: warnings %v, want none", tt.config, site.Warnings)
		}
		html := string(site.Files["a/index.html"])
		for _, id := range []string{tt.setup, tt.size} {
			if !strings.Contains(html, `<h2 id="`+id+`">`) {
				t.Errorf("%s: no heading #%s in\n%s", tt.config, id, html)
			}
		}
	}
	// another value, another case of one included, is github, as in Hugo
	for _, v := range []string{"gitlab", "Blackfriday"} {
		site, err := Build(files("hugo.toml", "title = \"S\"\n[markup.goldmark.parser]\n  autoHeadingIDType = \""+v+"\"\n",
			"content/_index.md", "---\ntitle: S\n---\n## Setup - Windows\n"), layoutsFS, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := `hugo.toml:3:3: warning: autoHeadingIDType = ` + v + ` is none of github, github-ascii and blackfriday (in that case): heading ids are made by github's rules`
		if len(site.Warnings) != 1 || !strings.Contains(site.Warnings[0].Error(), want) {
			t.Errorf("warnings %v, want %q", site.Warnings, want)
		}
		if !strings.Contains(string(site.Files["index.html"]), `id="setup---windows"`) {
			t.Errorf("%s: the heading's id is not github's", v)
		}
	}
}

// TestHugoLeafSections: a section below the top whose _index.md has no
// pages under it is a page of its parent (a lesson, counted and read in
// order), as Hugo's documentation themes show it; one at the top stays a
// module, shown without an empty list of lessons or "0 lessons".
func TestHugoLeafSections(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = \"S\"\n",
		"content/_index.md", "---\ntitle: S\n---\n",
		"content/tips/_index.md", "---\ntitle: Tips\nweight: 1\n---\nTips.\n",
		"content/tips/vscode/_index.md", "---\ntitle: VS Code\nweight: 1\n---\nUse extensions.\n",
		"content/tips/git/_index.md", "---\ntitle: Git\nweight: 2\n---\nCommit often.\n",
		"content/intro/_index.md", "---\ntitle: Intro\nweight: 2\n---\nA long page of its own.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tips := string(site.Files["tips/index.html"])
	if !strings.Contains(tips, "2 lessons") || !strings.Contains(tips, `href="../tips/vscode/index.html">VS Code</a>`) {
		t.Errorf("tips/ does not list its two pages as lessons:\n%s", tips)
	}
	if vs := string(site.Files["tips/vscode/index.html"]); !strings.Contains(vs, `class="lesson"`) || !strings.Contains(vs, "Use extensions.") {
		t.Errorf("tips/vscode/ is not a lesson page:\n%s", vs)
	}
	intro := string(site.Files["intro/index.html"])
	if strings.Contains(intro, "lessons-heading") || strings.Contains(intro, "0 lessons") {
		t.Errorf("intro/ shows an empty list of lessons:\n%s", intro)
	}
	if home := string(site.Files["index.html"]); strings.Contains(home, "0 lessons") {
		t.Errorf("the home page says 0 lessons:\n%s", home)
	}
}

// TestHugoURLsKeepNames: a Hugo site's pages are at Hugo's URLs, which
// keep a name's order prefix, underscores and dots (lowercased, spaces as
// hyphens), so that links written with them lead there and two pages
// numbered alike do not clash.
func TestHugoURLsKeepNames(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = 'S'\n",
		"content/_index.md", "---\ntitle: S\n---\nSee [the account](/10_prerequisites/aws_account/) and [install](/20-setup/02-install/).\n",
		"content/10_prerequisites/_index.md", "---\ntitle: Before\n---\n",
		"content/10_prerequisites/aws_account.md", "---\ntitle: Account\n---\nText.\n",
		"content/20-setup/_index.md", "---\ntitle: Setup\n---\n",
		"content/20-setup/01-install.md", "---\ntitle: One\n---\nText.\n",
		"content/20-setup/02-install.md", "---\ntitle: Two\n---\nText.\n",
		"content/20-setup/Setup Guide v1.2.md", "---\ntitle: Guide\n---\nText.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"10_prerequisites/aws_account/index.html", "20-setup/01-install/index.html", "20-setup/02-install/index.html", "20-setup/setup-guide-v1.2/index.html"} {
		if site.Files[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
}

// TestHugoSegment: a name's spaces are one hyphen, none beside a hyphen
// of the name, as Hugo 0.111.3 publishes them ("Part 1 - Intro.md" is at
// part-1-intro/, not part-1---intro/).
func TestHugoSegment(t *testing.T) {
	for name, want := range map[string]string{
		"10_Setup Guide":   "10_setup-guide",
		"Part 1 - Intro":   "part-1-intro",
		"a  b":             "a-b",
		"e -f":             "e-f",
		"g- h":             "g-h",
		"o - - p":          "o--p",
		"a ! b":            "a-b",
		"i_ j":             "i_-j",
		"q\tr":             "q-r",
		"tr ":              "tr-",
		"m--n":             "m--n",
		"Setup Guide v1.2": "setup-guide-v1.2",
	} {
		if got := hugoSegment(name); got != want {
			t.Errorf("hugoSegment(%q) = %q, want %q (Hugo's)", name, got, want)
		}
	}
}

// TestHugoRefToSectionsAndBundles: a ref names a section (its _index.md)
// or a page bundle (its index.md) by its folder, from any page, and a
// page by its file with the language in it, as Hugo resolves them.
func TestHugoRefToSectionsAndBundles(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = 'S'\n",
		"content/_index.md", "---\ntitle: S\n---\n",
		"content/a/_index.md", "---\ntitle: A\n---\n",
		"content/a/p.md", "---\ntitle: P\n---\n"+
			`[section]({{< relref "c/d" >}}) [bundle]({{< relref "e/f" >}}) [page]({{< ref "e/g" >}}) [lang]({{< ref "e/h.en.md" >}})`+"\n",
		"content/c/_index.md", "---\ntitle: C\n---\n",
		"content/c/d/_index.md", "---\ntitle: D\n---\nText.\n",
		"content/e/_index.md", "---\ntitle: E\n---\n",
		"content/e/f/index.md", "---\ntitle: F\n---\nText.\n",
		"content/e/g.md", "---\ntitle: G\n---\nText.\n",
		"content/e/h.en.md", "---\ntitle: H\n---\nText.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(site.Files["a/p/index.html"])
	for _, want := range []string{`<a href="../../c/d/index.html">section</a>`, `<a href="../../e/f/index.html">bundle</a>`, `<a href="../../e/g/index.html">page</a>`, `<a href="../../e/h/index.html">lang</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("a/p/: no %s", want)
		}
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
}

// TestHugoLinkWithQuery: a link or picture with a query (Learn's and
// Relearn's ?width=, ?classes=) leads where it does without one, and
// keeps it.
func TestHugoLinkWithQuery(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = 'S'\n",
		"static/images/a.gif", "GIF",
		"content/_index.md", "---\ntitle: S\n---\n",
		"content/lab/_index.md", "---\ntitle: Lab\n---\n",
		"content/lab/step.md", "---\ntitle: Step\n---\n![a](/images/a.gif?width=50pc) ![b](shot/b.gif?classes=shadow,border) [next](../next/?tab=2#top)\n",
		"content/lab/shot/b.gif", "GIF",
		"content/next.md", "---\ntitle: Next\n---\nText.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(site.Files["lab/step/index.html"])
	for _, want := range []string{`<img src="../../images/a.gif?width=50pc" alt="a">`, `<img src="../../lab/shot/b.gif?classes=shadow,border" alt="b">`, `<a href="../../next/index.html?tab=2#top">next</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("lab/step/: no %s in\n%s", want, page)
		}
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
}

// TestHugoLeafBundleHoldsNoPages: in a page bundle (a folder with
// index.md) the other Markdown is the page's, not pages of their own, and
// is not published; a bundle whose index.md says headless: true is not
// published at all, and a page still includes its files.
func TestHugoLeafBundleHoldsNoPages(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = 'S'\n",
		"content/_index.md", "---\ntitle: S\n---\n",
		"content/guide/index.md", "---\ntitle: Guide\n---\n{{% readfile \"includes/steps.md\" %}}\n\n{{% readfile \"/snippets/note.md\" %}}\n\n![p](img/p.png)\n",
		"content/guide/includes/steps.md", "Step *one*.\n",
		"content/guide/img/p.png", "PNG",
		"content/guide/extra.md", "---\ntitle: Extra\n---\nText.\n",
		"content/snippets/index.md", "---\ntitle: Snippets\nheadless: true\n---\n",
		"content/snippets/note.md", "A shared note.\n",
		"content/snippets/pic.png", "PNG",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name := range site.Files {
		if strings.HasPrefix(name, "snippets/") || strings.HasSuffix(name, ".md") || strings.HasPrefix(name, "guide/includes/") || strings.HasPrefix(name, "guide/extra") {
			t.Errorf("published %s", name)
		}
	}
	guide := string(site.Files["guide/index.html"])
	if !strings.Contains(guide, "Step <em>one</em>.") || !strings.Contains(guide, "A shared note.") || site.Files["guide/img/p.png"] == nil {
		t.Errorf("guide/: its included files or its picture are missing:\n%s", guide)
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
}

// TestHugoPageURL: a page's url: in its front matter is where it is
// published, as in Hugo; one p2pc cannot give it is a warning and the
// page stays at its file's URL.
func TestHugoPageURL(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = 'S'\n",
		"content/_index.md", "---\ntitle: S\n---\nRead [this](/getting-started/) and [that](/b/).\n",
		"content/docs/_index.md", "---\ntitle: Docs\n---\n",
		"content/docs/custom.md", "---\ntitle: Start\nurl: /getting-started/\n---\nText.\n",
		"content/docs/b/index.md", "---\ntitle: B\nurl: b\n---\nText.\n",
		"content/docs/c.md", "---\ntitle: C\nurl: /c.html\n---\nText.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"getting-started/index.html", "b/index.html", "docs/c/index.html"} {
		if site.Files[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	if site.Files["docs/custom/index.html"] != nil {
		t.Error("docs/custom/ is published too")
	}
	var got []string
	for _, w := range site.Warnings {
		got = append(got, w.Error())
	}
	want := []string{`content/docs/c.md:3:1: warning: url "/c.html" is not a folder's address inside the site that p2pc can give the page: it stays at /docs/c/`}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestHugoNamesOfTheBuildersOwn: a page bundle at the root named as one
// of the builder's folders (content/search/index.md), a page named as a
// file it writes at the root (sitemap.xml.md), and a url: or alias there,
// are reported at their file, as a page's are: else the bundle's page
// took the place of the search page, and sitemap.xml became a folder and
// the build stopped while writing, with no file named.
func TestHugoNamesOfTheBuildersOwn(t *testing.T) {
	for _, tt := range []struct{ file, text, want string }{
		{"content/search/index.md", "---\ntitle: Find\n---\nText.\n", `content/search/index.md:1:1: the page name "search" is used by the generator's own pages`},
		{"content/assets/index.md", "---\ntitle: A\n---\nText.\n", `content/assets/index.md:1:1: the page name "assets" is used by the generator's own pages`},
		{"content/sitemap.xml.md", "---\ntitle: Map\n---\nText.\n", `content/sitemap.xml.md:1:1: the page name "sitemap.xml" is used by the generator's own pages`},
		{"content/docs/a.md", "---\ntitle: A\naliases: [/sitemap.xml]\n---\nText.\n", `content/docs/a.md:3:1: alias "/sitemap.xml" is in a folder of the generator's own pages`},
		{"content/docs/a.md", "---\ntitle: A\nurl: /sitemap.xml/\n---\nText.\n", `content/docs/a.md:3:1: warning: url "/sitemap.xml/" is not a folder's address inside the site`},
		{"content/docs/a.md", "---\ntitle: A\nurl: /.p2pc-site/\n---\nText.\n", `content/docs/a.md:3:1: warning: url "/.p2pc-site/" is not a folder's address inside the site`},
	} {
		fsys := files("hugo.toml", "title = 'S'\n",
			"content/_index.md", "---\ntitle: S\n---\n",
			"content/docs/_index.md", "---\ntitle: Docs\n---\n",
			"content/assets/style.css", "p {}",
			tt.file, tt.text)
		site, err := Build(fsys, layoutsFS, Options{BaseURL: "https://example.org/"})
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			for _, w := range site.Warnings {
				got += w.Error() + "\n"
			}
			if site.Files["sitemap.xml"] == nil {
				t.Errorf("%s: no sitemap.xml", tt.file)
			}
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.file, got, tt.want)
		}
	}
}

// TestHugoTabTitlesTakeNoIDs: a tab's title is a heading only for the
// tabs' script; the page's own heading of the same words keeps its id, as
// in Hugo, where a tab's title is a button.
func TestHugoTabTitlesTakeNoIDs(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = 'S'\n",
		"content/_index.md", "---\ntitle: S\n---\n",
		"content/install.md", "---\ntitle: Install\n---\nSee [Linux](#linux).\n\n{{< tabs >}}\n{{% tab title=\"Linux\" %}}\napt\n{{% /tab %}}\n{{% tab title=\"Windows\" %}}\nexe\n{{% /tab %}}\n{{< /tabs >}}\n\n## Linux\n\nNotes.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(site.Files["install/index.html"])
	if !strings.Contains(page, `<h2 id="linux">Linux</h2>`) || !strings.Contains(page, `<h3 id="tab-title-1">Linux</h3>`) {
		t.Errorf("install/: the page's heading lost its id to the tab:\n%s", page)
	}
}

// TestHugoUglyURLLinks: with Hugo's uglyURLs a page is at /lab.html and
// /lab/step1.html (lowercased), and links written so lead to its page.
func TestHugoUglyURLLinks(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = 'S'\nuglyurls = true\n",
		"content/_index.md", "---\ntitle: S\n---\n[lab](/lab.html) [step](/lab/step1.html#top) [about](/about.html)\n",
		"content/lab/_index.md", "---\ntitle: Lab\n---\n",
		"content/lab/Step1.md", "---\ntitle: Step\n---\n## Top\n",
		"content/about.md", "---\ntitle: About\n---\nText.\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	home := string(site.Files["index.html"])
	for _, want := range []string{`<a href="lab/index.html">lab</a>`, `<a href="lab/step1/index.html#top">step</a>`, `<a href="about/index.html">about</a>`} {
		if !strings.Contains(home, want) {
			t.Errorf("home: no %s", want)
		}
	}
	for _, w := range site.Warnings {
		t.Errorf("warning: %v", w)
	}
}

// TestHugoRefByName: a ref may name a page by its name alone, as Hugo
// finds the one page of that name anywhere in the content; a name two
// pages share leads nowhere.
func TestHugoRefByName(t *testing.T) {
	site, err := Build(files("hugo.toml", "title = 'S'\n",
		"content/_index.md", "---\ntitle: S\n---\n",
		"content/labs/lab1.md", "---\ntitle: Lab\n---\n"+`[a]({{< ref "install-cli" >}}) [b]({{< ref "install-cli.md#verify" >}}) [c]({{< ref "bundle" >}}) [d]({{< ref "same" >}})`+"\n",
		"content/docs/setup/install-cli.md", "---\ntitle: CLI\n---\n## Verify\n",
		"content/docs/bundle/index.md", "---\ntitle: Bundle\n---\nx\n",
		"content/docs/same.md", "---\ntitle: One\n---\nx\n",
		"content/labs/more/same.md", "---\ntitle: Two\n---\nx\n",
	), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(site.Files["labs/lab1/index.html"])
	for _, want := range []string{`<a href="../../docs/setup/install-cli/index.html">a</a>`, `<a href="../../docs/setup/install-cli/index.html#verify">b</a>`, `<a href="../../docs/bundle/index.html">c</a>`, `<a href="same">d</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("labs/lab1/: no %s", want)
		}
	}
	if len(site.Warnings) != 1 || !strings.Contains(site.Warnings[0].Error(), "link same leads nowhere") {
		t.Errorf("warnings %v, want one for the shared name", site.Warnings)
	}
}
