package allinone

import (
	"strings"
	"testing"

	"p2pc/generator/feature"
)

func TestRewrite(t *testing.T) {
	v := view{url: "all-in-one/steps/", ids: map[string]string{"steps/": "s1", "steps/ask/": "s2", "steps/listen/": "s3"}}
	body := `<h2 id="why">Why</h2><p><a href="#why">here</a> <a href="../listen/index.html#how">listen</a> <a href="../listen/index.html">top</a>` +
		` <a href="../../other/page/index.html#x">other</a> <a href="https://example.org/a#b">web</a> <a href="mailto:a@b.c">mail</a>` +
		` <a href="/root/">root</a> <img src="loop.svg" alt=""> <input name="q1" id="q1-a" aria-describedby="t1 t2"><label for="q1-a">A</label></p>` +
		`<svg><defs><marker id="arrow"/></defs><path marker-end="url(#arrow)"/></svg><h3>Sub</h3></h2x><details class="solution"><summary>S</summary></details>`
	got := string(v.rewrite(nil, "steps/ask/", []byte(body), 2))
	for _, want := range []string{
		`<h4 id="s2-why">Why</h4>`, `href="#s2-why"`, `href="#s3-how"`, `href="#s3">top`,
		`href="../../other/page/index.html#x"`, `href="https://example.org/a#b"`, `href="mailto:a@b.c"`, `href="/root/"`,
		`src="../../steps/ask/loop.svg"`, `name="s2-q1"`, `id="s2-q1-a"`, `aria-describedby="s2-t1 s2-t2"`, `for="s2-q1-a"`,
		`<marker id="s2-arrow"/>`, `marker-end="url(#s2-arrow)"`, `<h5>Sub</h5>`, `<details class="solution">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	v.trainer = true
	if got := string(v.rewrite(nil, "steps/ask/", []byte(body), 0)); !strings.Contains(got, `<details open class="solution">`) || !strings.Contains(got, "<h2 ") {
		t.Errorf("trainer edition: details not open or headings moved:\n%s", got)
	}
}

// outline is a course of two modules, the second with a submodule.
func outline() []feature.OutlinePage {
	return []feature.OutlinePage{
		{Kind: "module", Title: "One", URL: "one/", ModuleURL: "one/"},
		{Kind: "lesson", Title: "A", URL: "one/a/", ModuleURL: "one/", Divs: []string{"card"}},
		{Kind: "module", Title: "Two", URL: "two/", ModuleURL: "two/"},
		{Kind: "module", Title: "Sub", URL: "two/sub/", ModuleURL: "two/"},
		{Kind: "lesson", Title: "B", URL: "two/sub/b/", ModuleURL: "two/", Divs: []string{"worksheet"}},
		{Kind: "lesson", Title: "C", URL: "two/c/", ModuleURL: "two/"},
	}
}

func TestPagesAndContents(t *testing.T) {
	a := New()
	a.Outline(outline())
	pages := a.Pages()
	var urls []string
	for _, p := range pages {
		urls = append(urls, p.URL)
		if _, ok := a.Assembles(p.URL); !ok || p.NoIndex != strings.HasPrefix(p.URL, TrainerDir) {
			t.Errorf("%s: Assembles %v, NoIndex %v", p.URL, ok, p.NoIndex)
		}
	}
	if got := strings.Join(urls, " "); got != "all-in-one/one/ all-in-one/two/ all-in-one/ all-in-one-trainer/one/ all-in-one-trainer/two/ all-in-one-trainer/" {
		t.Errorf("pages: %s", got)
	}
	if got := strings.Join(pages[2].Divs, " "); got != "card worksheet" {
		t.Errorf("course page divs: %q", got)
	}
	for _, p := range pages {
		shows, _ := a.Assembles(p.URL)
		var read []string
		a.Assemble(p.URL, func(url string) []byte { read = append(read, url); return nil })
		if strings.Join(read, " ") != strings.Join(shows, " ") {
			t.Errorf("%s: Assembles says it shows %q, Assemble read %q", p.URL, shows, read)
		}
	}
	body := func(url string) []byte { return []byte("<p>body of " + url + "</p>") }
	html := string(a.Assemble("all-in-one/", body))
	if strings.Count(html, "<ol>") != strings.Count(html, "</ol>") || strings.Count(html, "<li>") != strings.Count(html, "</li>") {
		t.Errorf("unbalanced contents:\n%s", html)
	}
	order := []string{"body of one/", "body of one/a/", "body of two/", "body of two/sub/", "body of two/sub/b/", "body of two/c/"}
	last := -1
	for _, s := range order {
		i := strings.Index(html, s)
		if i < last {
			t.Errorf("%s out of order", s)
		}
		last = i
	}
	for _, want := range []string{`<h2 id="s1" class="aio-title">`, `<h3 id="s2" class="aio-title">`, `<h3 id="s4" class="aio-title">`, `<h4 id="s5" class="aio-title">`, `<a href="#s4">Sub</a>`} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if html := string(a.Assemble("all-in-one/two/", body)); strings.Contains(html, "body of one/") || !strings.Contains(html, `<h2 id="s1" class="aio-title"><a href="../../two/index.html">Two</a>`) {
		t.Errorf("module page:\n%s", html)
	}
}

func TestLongCourseListsModules(t *testing.T) {
	var pages []feature.OutlinePage
	pages = append(pages, feature.OutlinePage{Kind: "module", Title: "Big", URL: "big/", ModuleURL: "big/"})
	for i := range maxCourseLessons + 1 {
		pages = append(pages, feature.OutlinePage{Kind: "lesson", Title: "L", URL: "big/l" + string(rune('a'+i%26)) + "/", ModuleURL: "big/"})
	}
	a := New()
	a.Outline(pages)
	calls := 0
	html := string(a.Assemble("all-in-one/", func(string) []byte { calls++; return nil }))
	if calls != 0 || !strings.Contains(html, `<a href="big/index.html">Big</a>`) {
		t.Errorf("a course of %d lessons: %d bodies read, page:\n%s", maxCourseLessons+1, calls, html)
	}
}

// TestRewriteGrowth checks that rewriting costs in proportion to the body,
// whatever its shape (unclosed tags and quotes included).
func TestRewriteGrowth(t *testing.T) {
	v := view{url: "all-in-one/m/", ids: map[string]string{"m/a/": "s1"}}
	shapes := map[string]func(n int) string{
		"tags":         func(n int) string { return strings.Repeat(`<a href="../b/index.html#x" id="y">t</a>`, n) },
		"open quote":   func(n int) string { return `<a title="` + strings.Repeat("x=\"y ", n) },
		"no closer":    func(n int) string { return strings.Repeat("<h2 ", n) },
		"equals":       func(n int) string { return "<p " + strings.Repeat(`a="b" `, n) + ">" },
		"text and lts": func(n int) string { return strings.Repeat("a < b <", n) },
	}
	for name, shape := range shapes {
		cost := func(n int) float64 {
			body := []byte(shape(n))
			return testing.AllocsPerRun(3, func() { v.rewrite(nil, "m/a/", body, 1) }) + 1
		}
		if small, big := cost(300), cost(3000); big > 15*small {
			t.Errorf("%s: 10x the body costs %.1fx the allocations", name, big/small)
		}
	}
}
