package markdown

import (
	"strings"
	"testing"
)

// TestPandocHeadingIDs: read as Pandoc's Markdown, headings get the ids
// pandoc 2.17 gives them (each case checked with it), so that links
// written for the Workbench's pages find them; GitHub's reading keeps
// its own ASCII ids, made from the heading's text as GitHub, Hugo and
// mdBook make theirs: no link destination, no emphasis underscores.
func TestPandocHeadingIDs(t *testing.T) {
	headings := []string{"1. Formulate / Outline the Problem", "Connection - Proxy Needed", "Python 3.10 & `pip`",
		"Q&A -- done", "Hoʻohanohano and Kākou", "123", "The my_var option", "Why *it* works?", "Über Café", "Über Café",
		"Using _git_ well", "See [docs](a_b.md) now", "Title^[a note] here", "__init__ and my_var", "The `_private` name",
		"Größe", "زبان فارسی"}
	pandoc := []string{"formulate-outline-the-problem", "connection---proxy-needed", "python-3.10-pip",
		"qa-done", "hoʻohanohano-and-kākou", "section", "the-my_var-option", "why-it-works", "über-café", "über-café-1",
		"using-git-well", "see-docs-now", "title-here", "init-and-my_var", "the-_private-name",
		"größe", "زبان-فارسی"}
	github := []string{"1-formulate-outline-the-problem", "connection-proxy-needed", "python-3-10-pip",
		"q-a-done", "hoohanohano-and-kakou", "123", "the-my_var-option", "why-it-works", "uber-cafe", "uber-cafe-1",
		"using-git-well", "see-docs-now", "title-a-note-here", "init-and-my_var", "the-_private-name",
		"gro-e", "section"}
	// Hugo 0.111's, each checked with it: from the Markdown as written,
	// each space and hyphen a hyphen, letters of every script lowercased,
	// their marks and all punctuation left out
	hugo := []string{"1-formulate--outline-the-problem", "connection---proxy-needed", "python-310--pip",
		"qa----done", "hoʻohanohano-and-kākou", "123", "the-my_var-option", "why-it-works", "über-café", "über-café-1",
		"using-_git_-well", "see-docsa_bmd-now", "titlea-note-here", "__init__-and-my_var", "the-_private-name",
		"größe", "زبان-فارسی"}
	hugoASCII := []string{"1-formulate--outline-the-problem", "connection---proxy-needed", "python-310--pip",
		"qa----done", "hoohanohano-and-kakou", "123", "the-my_var-option", "why-it-works", "uber-cafe", "uber-cafe-1",
		"using-_git_-well", "see-docsa_bmd-now", "titlea-note-here", "__init__-and-my_var", "the-_private-name",
		"groe", "-"}
	blackfriday := []string{"1-formulate-outline-the-problem", "connection-proxy-needed", "python-3-10-pip",
		"q-a-done", "hoʻohanohano-and-kākou", "123", "the-my-var-option", "why-it-works", "über-café", "über-café-1",
		"using-git-well", "see-docs-a-b-md-now", "title-a-note-here", "init-and-my-var", "the-private-name",
		"größe", "زبان-فارسی"}
	// mdBook's: from the text as shown, each white space and hyphen a
	// hyphen, letters with their marks, only ASCII letters lowercased
	mdBook := []string{"1-formulate--outline-the-problem", "connection---proxy-needed", "python-310--pip",
		"qa----done", "hoʻohanohano-and-kākou", "123", "the-my_var-option", "why-it-works", "Über-café", "Über-café-1",
		"using-git-well", "see-docs-now", "titlea-note-here", "init-and-my_var", "the-_private-name",
		"größe", "زبان-فارسی"}
	src := []byte("## " + strings.Join(headings, "\n\n## ") + "\n")
	for _, tt := range []struct {
		name string
		d    Dialect
		want []string
	}{{"pandoc", Pandoc, pandoc}, {"github", GitHub, github}, {"hugo", Dialect{UnicodeIDs: true}, hugo},
		{"hugo github-ascii", Dialect{UnicodeIDs: true, HugoIDs: "github-ascii"}, hugoASCII},
		{"hugo blackfriday", Dialect{UnicodeIDs: true, HugoIDs: "blackfriday"}, blackfriday}, {"mdbook", Dialect{MdBookIDs: true, PlainPunctuation: true}, mdBook}} {
		md := NewDialect(tt.d, false, nil)
		out, err := md.Render(src, md.Parse(src))
		if err != nil {
			t.Fatal(err)
		}
		for i, id := range tt.want {
			if !strings.Contains(string(out), `<h2 id="`+id+`">`) {
				t.Errorf("%s: %q has no id %q:\n%s", tt.name, headings[i], id, out)
			}
		}
	}
}

// TestPandocHeadingIDsMarkup: in Pandoc's Markdown, raw HTML tags and
// comments in a heading are left out of its id, their inner text kept,
// and an underscore is kept unless it opens or closes emphasis; each
// case checked with pandoc 2.17 (-f markdown, auto_identifiers).
func TestPandocHeadingIDsMarkup(t *testing.T) {
	for _, tt := range []struct{ heading, want string }{
		{"Press <kbd>Tab</kbd> to complete", "press-tab-to-complete"},
		{"<kbd>1</kbd>. Step", "step"},
		{`A <a href="x>y">link</a> here`, "a-link-here"},
		{`<span class="x">Span</span> text`, "span-text"},
		{"Comment <!-- hidden --> here", "comment-here"},
		{"A <a <b>x</b> c", "a-a-x-c"},
		{"J <a <!-- --> k", "j-a-k"},
		{"Open <!-- never closed <!-- x", "open-never-closed-x"},
		{"x <br/> y", "x-y"},
		{"Vec<T> generic", "vec-generic"},
		{"See <https://x.org> now", "see-httpsx.org-now"},
		{"a < b > c", "a-b-c"},
		{"`<kbd>` code", "kbd-code"},
		{`a \<kbd> c`, "a-kbd-c"},
		{"The _private name", "the-_private-name"},
		{"my_var and _private", "my_var-and-_private"},
		{"private_ name", "private_-name"},
		{"foo_ bar _baz", "foo_-bar-_baz"},
		{"Ends _", "ends-_"},
		{`a \_b c`, "a-_b-c"},
		{"_one two_ three", "one-two-three"},
		{"_a_b_ c", "a_b-c"},
		{"__strong__ and _x", "strong-and-_x"},
		{"_", "section"},
	} {
		md := NewDialect(Pandoc, true, nil)
		src := []byte("## " + tt.heading + "\n")
		out, err := md.Render(src, md.Parse(src))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), `<h2 id="`+tt.want+`">`) {
			t.Errorf("%q: want id %q in %s", tt.heading, tt.want, out)
		}
	}
}

// TestMarkedScriptIDs: in a script whose letters carry spacing vowel
// signs (Devanagari), Hugo's ids leave the signs out, mdBook's keep them
// but the virama, which Unicode does not count as alphabetic (Rust's
// is_alphanumeric, which mdBook's ids use); neither turns them into
// hyphens.
func TestMarkedScriptIDs(t *testing.T) {
	src := []byte("## हिन्दी भाषा\n")
	for _, tt := range []struct {
		d    Dialect
		want string
	}{{Dialect{UnicodeIDs: true}, "हनद-भष"}, {Dialect{MdBookIDs: true}, "हिनदी-भाषा"}} {
		d, want := tt.d, tt.want
		md := NewDialect(d, false, nil)
		out, err := md.Render(src, md.Parse(src))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), `<h2 id="`+want+`">`) {
			t.Errorf("%+v: want id %q in %s", d, want, out)
		}
	}
}

// TestHeadingIDsFromHTML: mdBook makes ids from a heading's HTML, tags
// and entities left out; Hugo names a heading with no letters "heading".
func TestHeadingIDsFromHTML(t *testing.T) {
	for _, tt := range []struct {
		d       Dialect
		heading string
		want    string
	}{
		{Dialect{MdBookIDs: true}, "Tom &amp; Jerry", "tom--jerry"},
		{Dialect{MdBookIDs: true}, "Inline <em>html</em> tag", "inline-html-tag"},
		{Dialect{MdBookIDs: true}, `A <span class="x">span</span>`, "a-span"},
		{Dialect{MdBookIDs: true}, "Vec<T> generic", "vec-generic"},
		{Dialect{MdBookIDs: true}, "Image ![alt text](p.png) here", "image--here"},
		{Dialect{MdBookIDs: true}, "&copy; 2024", "-2024"},
		{Dialect{MdBookIDs: true}, `a\_b escaped`, "a_b-escaped"},
		{Dialect{MdBookIDs: true}, "See [the docs](a.md)", "see-the-docs"},
		// in a code span "<" is &lt;, no tag: only the entity goes
		{Dialect{MdBookIDs: true}, "Using `Box<T>` to Point", "using-boxt-to-point"},
		{Dialect{MdBookIDs: true}, "A `Vec<i32>` of `&str`", "a-veci32-of-str"},
		{Dialect{MdBookIDs: true}, "The `Option<&'a T>` type", "the-optiona-t-type"},
		{Dialect{MdBookIDs: true}, "`` a`b `` and `&amp;`", "ab-and-amp"},
		{Dialect{MdBookIDs: true}, "Not a tag: Box<dyn Fn()> or 1 < 2", "not-a-tag-boxdyn-fn-or-1--2"},
		{Dialect{MdBookIDs: true}, "Link [to `T<U>`](a.md#x) and <https://x.org>", "link-to-tu-and-httpsxorg"},
		{Dialect{MdBookIDs: true}, "<kbd>Ctrl</kbd> &eacute;t&eacute; &notit;", "ctrl-été-notit"},
		{Dialect{MdBookIDs: true}, "The _private name, _emph_ and __init__", "the-_private-name-emph-and-init"},
		// "--" is an en dash with smart punctuation, two hyphens without
		{Dialect{MdBookIDs: true}, "Q&A -- done --- `--release`", "qa--done----release"},
		{Dialect{MdBookIDs: true, PlainPunctuation: true}, "Q&A -- done --- `--release`", "qa----done-------release"},
		{Dialect{UnicodeIDs: true}, "🎉", "heading"},
		{Dialect{UnicodeIDs: true, HugoIDs: "github-ascii"}, "!!!", "heading"},
		{GitHub, "🎉", "section"},
	} {
		md := NewDialect(tt.d, true, nil)
		src := []byte("## " + tt.heading + "\n")
		out, err := md.Render(src, md.Parse(src))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), `<h2 id="`+tt.want+`">`) {
			t.Errorf("%+v: %q: want id %q in %s", tt.d, tt.heading, tt.want, out)
		}
	}
}
