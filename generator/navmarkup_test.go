package generator

import (
	"bytes"
	"html/template"
	"os"
	"testing"

	"p2pc/generator/feature"
)

// navReference parses the template markup navmarkup.go stands in for.
func navReference(t testing.TB) *template.Template {
	src, err := os.ReadFile("testdata/navmarkup.html")
	if err != nil {
		t.Fatal(err)
	}
	return template.Must(template.New("ref").Funcs(layoutFuncs).Parse(string(src)))
}

// sameNav fails t unless breadcrumbsHTML, pagerHTML and tocHTML give what
// the reference templates give for d.
func sameNav(t testing.TB, ref *template.Template, d pageData) {
	t.Helper()
	for name, made := range map[string]func(pageData) template.HTML{
		"ref-breadcrumbs": breadcrumbsHTML, "ref-pager": pagerHTML, "ref-toc": tocHTML} {
		var want bytes.Buffer
		if err := ref.ExecuteTemplate(&want, name, d); err != nil {
			t.Fatal(err)
		}
		if got := string(made(d)); got != want.String() {
			t.Fatalf("%s of page %q:\n got %q\nwant %q", name, d.Page.URL, got, want.String())
		}
	}
}

// TestNavMarkup: every page of the default curriculum, and pages whose
// titles, addresses and heading ids hold what escaping must handle, get
// the same breadcrumbs, pager and table of contents from Go as from the
// template markup.
func TestNavMarkup(t *testing.T) {
	ref := navReference(t)
	site, err := Build(os.DirFS("../content"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages := append(append([]*Page{}, site.Pages...), site.Generated...)
	var withTOC, withPager, withCrumbs int
	for _, p := range pages {
		sameNav(t, ref, pageData{Site: site, Page: p, Root: feature.Root(p.URL)})
		if len(p.TOC) > 0 {
			withTOC++
		}
		if p.Prev != nil || p.Next != nil {
			withPager++
		}
		if len(p.Crumbs()) > 0 || len(p.Parents) > 0 {
			withCrumbs++
		}
	}
	if withTOC < 10 || withPager < 10 || withCrumbs < 10 {
		t.Fatalf("too few pages to compare: %d with contents, %d with a pager, %d with crumbs", withTOC, withPager, withCrumbs)
	}
	for _, s := range []string{`<b>"Tom" & 'Jerry' + 1</b>`, "nul\x00here", "bad\xffutf8\xc3", "ʻŌlelo Hoʻohanohano",
		"javascript:alert(1)", "JavaScript:x/y", "mailto:a@b", "HTTPS://x.org/a b?c=d&e=f#g", "a/b:c", "100%25 %zz %4", "%", "%4",
		"[x]!$*,;=@~'()", "tab\there\nline", ""} {
		sameNav(t, ref, hostileNav(s))
	}
}

// hostileNav is a page whose every printed value is s.
func hostileNav(s string) pageData {
	home := &Module{}
	home.Page = &Page{Module: home}
	mod := &Module{Parent: home}
	mod.Page = &Page{URL: s + "/", Module: mod, FrontMatter: FrontMatter{Title: s}}
	other := &Page{URL: s, FrontMatter: FrontMatter{Title: s, LinkTitle: s + "!"}}
	p := &Page{URL: s + "/x/", Kind: "lesson", Module: mod, FrontMatter: FrontMatter{Title: s},
		Prev: other, Next: other, Parents: []*Page{other},
		TOC: []TOCEntry{{Level: 2, ID: s, Text: s}, {Level: 3, ID: "a" + s, Text: "b" + s}}}
	return pageData{Page: p, Root: s}
}

// FuzzNavMarkup: the same, for any string.
func FuzzNavMarkup(f *testing.F) {
	for _, s := range []string{"../", `a"b'c<d>&e+f`, "javascript:x", "%41%g", "\x00\xff"} {
		f.Add(s)
	}
	ref := navReference(f)
	f.Fuzz(func(t *testing.T, s string) { sameNav(t, ref, hostileNav(s)) })
}
