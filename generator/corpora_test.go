package generator

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// corpus opens a lesson set of ../shared/corpora, written elsewhere and kept
// unchanged; without it the test is skipped, unless CI is set.
func corpus(t *testing.T, dir string) *Site {
	t.Helper()
	path := "../../shared/corpora/" + dir
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but %s is missing: %v", path, err)
		}
		t.Skipf("no %s: %v", path, err)
	}
	site, err := Build(os.DirFS(path), layoutsFS, Options{})
	if err != nil {
		var msgs []string
		for _, e := range flatten(err) {
			msgs = append(msgs, e.Error())
		}
		t.Fatalf("%s does not build:\n%s", dir, strings.Join(msgs, "\n"))
	}
	return site
}

// flatten lists the problems of a joined error.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

var (
	codeOrHidden = regexp.MustCompile(`(?s)<pre[ >].*?</pre>|<code[ >].*?</code>|<script[ >].*?</script>|<style[ >].*?</style>|<head>.*?</head>`)
	tag          = regexp.MustCompile(`<[^>]*>`)
)

// visibleText is a page's text outside code, scripts and tags.
func visibleText(html []byte) string {
	return tag.ReplaceAllString(codeOrHidden.ReplaceAllString(string(html), " "), " ")
}

// noLiteralMarkup fails for each page whose visible text shows syntax of
// another tool printed as it was written.
func noLiteralMarkup(t *testing.T, site *Site) {
	t.Helper()
	for name, data := range site.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		text := visibleText(data)
		for _, lit := range []string{":::", "{alt=", "]{#", "{{#", "{{<", "{{%", "[!NOTE]"} {
			if i := strings.Index(text, lit); i >= 0 {
				t.Errorf("%s shows %q as text: …%s…", name, lit, text[max(0, i-60):min(len(text), i+60)])
			}
		}
	}
}

// lessonTitles lists the lessons' titles in reading order.
func lessonTitles(site *Site) []string {
	var out []string
	for _, p := range site.Pages {
		out = append(out, p.Source)
	}
	return out
}

func TestCorpusWorkbench(t *testing.T) {
	site := corpus(t, "shell-novice")
	noLiteralMarkup(t, site)
	order := lessonTitles(site)
	var episodes []string
	for _, s := range order {
		if strings.HasPrefix(s, "episodes/") {
			episodes = append(episodes, s)
		}
	}
	if !slices.IsSorted(episodes) || len(episodes) != 7 { // config.yaml lists 01- to 07- in order
		t.Errorf("episodes in reading order: %q", episodes)
	}
	for _, w := range site.Warnings {
		if strings.Contains(w.Msg, "link") {
			t.Errorf("a link does not resolve: %v", w)
		}
	}
	intro := string(site.Files["episodes/filedir/index.html"])
	if !strings.Contains(intro, `class="box challenge"`) || !strings.Contains(intro, "<details") {
		t.Error("episodes/filedir has no challenge box or no collapsed solution")
	}
}

func TestCorpusMdBook(t *testing.T) {
	site := corpus(t, "mdbook-guide")
	noLiteralMarkup(t, site)
	order := lessonTitles(site)
	want := []string{"src/README.md", "", "src/guide/installation.md", "src/guide/reading.md", "src/guide/creating.md"}
	if len(order) < len(want) || !slices.Equal(order[:len(want)], want) {
		t.Errorf("reading order starts %q, want %q (SUMMARY.md's)", order[:min(len(order), len(want))], want)
	}
	for _, w := range site.Warnings {
		if strings.Contains(w.Msg, "link") {
			t.Errorf("a link does not resolve: %v", w)
		}
	}
	// The guide shows its hidden code lines written out, then "Will render
	// as" the same block without them (# in Rust, ~ in Python, as its
	// book.toml sets).
	page := string(site.Files["format/mdbook/index.html"])
	_, shown, _ := strings.Cut(page, "Will render as")
	shown, _, _ = strings.Cut(shown, "When you tap")
	_, python, _ := strings.Cut(page, "will render as")
	python, _, _ = strings.Cut(python, "This behavior")
	if md := string(site.Files["format/markdown/index.html"]); !strings.Contains(md, "<dt>term A</dt>") || strings.Contains(md, "<p>term A\n: ") {
		t.Error("format/markdown/: the definition list with indented colons is not a list")
	}
	if !strings.Contains(shown, "println") || strings.Contains(shown, "main") || !strings.Contains(python, "nothidden") || strings.Contains(python, "~") {
		t.Errorf("hidden lines are shown in format/mdbook/:\n%s\n…\n%s", shown, python)
	}
}

func TestCorpusHugo(t *testing.T) {
	path := "../../shared/corpora/hugo-docs/content/en"
	if _, err := os.Stat(path); err != nil {
		t.Skip(err)
	}
	site, err := Build(os.DirFS(path), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// the site's own shortcodes: its img shown as an image, its
	// code-toggle as TOML
	resources := string(site.Files["getting-started/external-learning-resources/index.html"])
	if !strings.Contains(resources, `<img src="../../getting-started/external-learning-resources/hugo-in-action.png"`) {
		t.Error("external-learning-resources/: the img shortcode is not an image")
	}
	if dirs := string(site.Files["getting-started/directory-structure/index.html"]); !strings.Contains(dirs, `<pre class="hl-chroma"><code><span class="hl-line"><span class="hl-cl"><span class="hl-p">[[</span><span class="hl-nx">module</span>`) || strings.Contains(dirs, "code-toggle") {
		t.Error("directory-structure/: code-toggle is not a TOML code block")
	}
}
