package generator

import (
	"strings"
	"testing"
)

// TestMdBookMath: an mdBook's TeX is kept as written where its book.toml
// says how it is written: $…$ and $$…$$ with the katex preprocessor,
// \\( \\) and \\[ \\] with mdBook's MathJax support. Without either, $ is
// a dollar and the Markdown is read as Markdown.
func TestMdBookMath(t *testing.T) {
	chapter := "# M\n\nKaTeX $a*b*c$ and $$x_1 * y_1$$.\n\nMathJax \\\\( p*q*r \\\\) and \\\\[ s_1 * t_1 \\\\].\n"
	for _, tt := range []struct {
		name, toml string
		want, not  []string
	}{
		{"katex", "[book]\ntitle = \"B\"\n[preprocessor.katex]\nafter = [\"links\"]\n",
			[]string{`<span class="math inline">\(a*b*c\)</span>`, `<span class="math display">\[x_1 * y_1\]</span>`}, []string{"<em>b</em>"}},
		{"mathjax", "[book]\ntitle = \"B\"\n[output.html]\nmathjax-support = true\n",
			[]string{`<span class="math inline">\( p*q*r \)</span>`, `<span class="math display">\[ s_1 * t_1 \]</span>`}, []string{"<em>q</em>"}},
		{"neither", "[book]\ntitle = \"B\"\n",
			[]string{"$a<em>b</em>c$"}, []string{`class="math`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Build(files("book.toml", tt.toml, "src/SUMMARY.md", "- [M](m.md)\n", "src/m.md", chapter), layoutsFS, Options{})
			if err != nil {
				t.Fatal(err)
			}
			page := string(site.Files["m/index.html"])
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("no %s in\n%s", w, page)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(page, n) {
					t.Errorf("%s in\n%s", n, page)
				}
			}
		})
	}
}

// TestMdBookSmartPunctuation: an mdBook's quotes, dashes and dots stay
// as typed, as mdBook 0.4 shows them, unless book.toml's [output.html]
// sets smart-punctuation (or its older name curly-quotes) to true; the
// heading ids follow, since mdBook makes them from the heading's HTML.
func TestMdBookSmartPunctuation(t *testing.T) {
	chapter := "# S\n\n## Build -- release\n\nRun cargo build --release and \"quote\" it...\n"
	plain := []string{`<h2 id="build----release">`, `build --release and &quot;quote&quot; it...</p>`}
	smart := []string{`<h2 id="build--release">`, `build &ndash;release and &ldquo;quote&rdquo; it&hellip;</p>`}
	for _, tt := range []struct {
		name, html string
		want       []string
	}{
		{"neither", "", plain},
		{"smart-punctuation off", "smart-punctuation = false\n", plain},
		{"smart-punctuation", "smart-punctuation = true\n", smart},
		{"curly-quotes", "curly-quotes = true\n", smart},
	} {
		t.Run(tt.name, func(t *testing.T) {
			toml := "[book]\ntitle = \"B\"\n[output.html]\n" + tt.html
			site, err := Build(files("book.toml", toml, "src/SUMMARY.md", "- [S](s.md)\n", "src/s.md", chapter), layoutsFS, Options{})
			if err != nil {
				t.Fatal(err)
			}
			page := string(site.Files["s/index.html"])
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("no %s in\n%s", w, page)
				}
			}
		})
	}
}

// TestMdBookWarningBox: mdBook's documented warning, <div
// class="warning">, passes through and style.css draws it as a box, with
// its colours set for the light theme, the dark one and the system's dark.
func TestMdBookWarningBox(t *testing.T) {
	chapter := "# W\n\n<div class=\"warning\">\n\nThis book is incomplete.\n\n</div>\n"
	site, err := Build(files("book.toml", "[book]\ntitle = \"B\"\n", "src/SUMMARY.md", "- [W](w.md)\n", "src/w.md", chapter), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if page := string(site.Files["w/index.html"]); !strings.Contains(page, "<div class=\"warning\">\n<p>This book is incomplete.</p>") {
		t.Errorf("no warning div in\n%s", page)
	}
	css := string(site.Files["assets/style.css"])
	if !strings.Contains(css, ".content div.warning {") || !strings.Contains(css, "background: var(--box-warning)") {
		t.Error("style.css has no box for div.warning")
	}
	for _, theme := range []string{":root {", `[data-theme="dark"] {`, "html:not([data-theme]) {"} {
		_, rest, _ := strings.Cut(css, theme)
		if block, _, _ := strings.Cut(rest, "}"); !strings.Contains(block, "--box-warning:") || !strings.Contains(block, "--ink-warning:") {
			t.Errorf("style.css's %s block sets no warning colours", theme)
		}
	}
}

// TestMdBookTOC: with the toc preprocessor (mdbook-toc) in book.toml,
// its marker becomes a nested list of links to the headings after it, down
// to its max-level (4 by default); without it the marker is a comment,
// left out.
func TestMdBookTOC(t *testing.T) {
	chapter := "# Spec\n\nContents:\n\n<!-- toc -->\n\n## Overview\n\n## Details\n\n### Part one\n\n#### Fine print\n"
	for _, tt := range []struct {
		name, toml, want string
	}{
		{"toc", "[preprocessor.toc]\ncommand = \"mdbook-toc\"\nrenderer = [\"html\"]\n",
			"<p>Contents:</p>\n<ul>\n<li><a href=\"#overview\">Overview</a></li>\n<li><a href=\"#details\">Details</a>\n<ul>\n" +
				"<li><a href=\"#part-one\">Part one</a>\n<ul>\n<li><a href=\"#fine-print\">Fine print</a></li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n"},
		{"max-level", "[preprocessor.toc]\nmax-level = 2\n",
			"<p>Contents:</p>\n<ul>\n<li><a href=\"#overview\">Overview</a></li>\n<li><a href=\"#details\">Details</a></li>\n</ul>\n"},
		{"without", "", "<p>Contents:</p>\n<h2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Build(files("book.toml", "[book]\ntitle = \"B\"\n"+tt.toml, "src/SUMMARY.md", "- [S](s.md)\n", "src/s.md", chapter), layoutsFS, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if page := string(site.Files["s/index.html"]); !strings.Contains(page, tt.want) {
				t.Errorf("no\n%s\nin\n%s", tt.want, page)
			}
			if len(site.Warnings) > 0 {
				t.Errorf("warnings: %v", site.Warnings)
			}
		})
	}
}

// TestMdBookAdmonish: with the admonish preprocessor in book.toml, its
// code blocks are boxes holding Markdown; without it, code.
func TestMdBookAdmonish(t *testing.T) {
	chapter := "# A\n\n```admonish warning title=\"Data loss\"\nSee [B](b.md), *carefully*.\n```\n"
	for _, tt := range []struct {
		name, toml string
		want       []string
	}{
		{"admonish", "[book]\ntitle = \"B\"\n[preprocessor.admonish]\ncommand = \"mdbook-admonish\"\n",
			[]string{`<aside class="box caution" aria-label="Data loss">`, `<a href="../b/index.html">B</a>, <em>carefully</em>`}},
		{"without", "[book]\ntitle = \"B\"\n", []string{`<pre class="hl-chroma"><code class="language-admonish">See [B](b.md), *carefully*.`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Build(files("book.toml", tt.toml, "src/SUMMARY.md", "- [A](a.md)\n- [B](b.md)\n", "src/a.md", chapter, "src/b.md", "# B\n"), layoutsFS, Options{})
			if err != nil {
				t.Fatal(err)
			}
			page := string(site.Files["a/index.html"])
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("no %s in\n%s", w, page)
				}
			}
		})
	}
}

// TestMdBookAdmonishToggled: a server told book.toml changed builds the
// pages its preprocessors change again (the page's file did not change).
func TestMdBookAdmonishToggled(t *testing.T) {
	on := "[book]\ntitle = \"B\"\n[preprocessor.admonish]\n"
	fsys := files("book.toml", on, "src/SUMMARY.md", "- [A](a.md)\n", "src/a.md", "# A\n\n```admonish tip\nx\n```\n")
	pl, mem := NewPipeline(fsys, layoutsFS, Options{}, true), NewMemory()
	for i, toml := range []string{on, "[book]\ntitle = \"B\"\n", on} {
		fsys["book.toml"] = files("x", toml)["x"]
		pl.Forget("book.toml")
		if _, err := pl.Run(mem); err != nil {
			t.Fatal(err)
		}
		want, _ := Build(fsys, layoutsFS, Options{})
		if got := string(mem.Files["a/index.html"]); got != string(want.Files["a/index.html"]) {
			t.Errorf("step %d: the page is not a clean build's:\n%s", i, got)
		}
	}
}

// TestMdBookListings: with the Rust Book's trpl-listing preprocessor, a
// <Listing> shows its file's name above the code and its number and
// caption below; without it the element is raw HTML, dropped.
func TestMdBookListings(t *testing.T) {
	chapter := "# A\n\n<Listing number=\"1-1\" file-name=\"src/main.rs\" caption=\"Printing *hello*\">\n\n```rust\nfn main() {}\n```\n\n</Listing>\n"
	for _, tt := range []struct {
		toml string
		want []string
	}{
		{"[book]\ntitle = \"B\"\n[preprocessor.trpl-listing]\noutput-mode = \"default\"\n", []string{"<p>Filename: src/main.rs</p>", "<p>Listing 1-1: Printing <em>hello</em></p>"}},
		{"[book]\ntitle = \"B\"\n", []string{"fn"}},
	} {
		site, err := Build(files("book.toml", tt.toml, "src/SUMMARY.md", "- [A](a.md)\n", "src/a.md", chapter), layoutsFS, Options{})
		if err != nil {
			t.Fatal(err)
		}
		page := string(site.Files["a/index.html"])
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%q: no %s in\n%s", tt.toml, w, page)
			}
		}
		if strings.Contains(page, "Listing 1-1") != strings.Contains(tt.toml, "trpl-listing") {
			t.Errorf("%q: the caption shows where it should not, or not where it should", tt.toml)
		}
	}
}
