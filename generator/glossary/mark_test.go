package glossary

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

const glossaryBody = `Terms of the course.

## Hoʻohanohano {#hoohanohano}

The value of honouring others. It asks for respect.

## Talk story {#talk-story}

A relaxed, friendly chat.

## Ab {#ab}

Too short to find.
`

// collect runs the feature over a glossary and returns its Marks.
func collect(t *testing.T) (*Glossary, feature.Marks, *markdown.Markdown) {
	t.Helper()
	md := markdown.New(false, nil, renderers()...)
	body := []byte(glossaryBody)
	g := New()
	pages := []*feature.Page{{URL: "values/glossary/", Title: "Glossary", Module: "Values", Body: body, Doc: md.Parse(body)}}
	if problems := g.Collect(pages); len(problems) > 0 {
		t.Fatal(problems)
	}
	return g, g.Marks(), md
}

// render marks a lesson at url and returns its HTML.
func render(t *testing.T, m feature.Marks, md *markdown.Markdown, url, src string, uses []feature.Use) string {
	t.Helper()
	body := []byte(src)
	doc := md.Parse(body)
	m.Mark(url, body, doc, uses)
	out, err := md.Render(body, doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

var termLink = regexp.MustCompile(`<a class="term-link" href="([^"]*)" aria-describedby="([^"]*)">([^<]*)</a><span class="term-tip" role="tooltip" id="([^"]*)">([^<]*)</span>`)

func TestMarkLinksFirstUse(t *testing.T) {
	_, m, md := collect(t)
	src := "# Ho'ohanohano in a heading\n\nWe talk story. HOOHANOHANO matters; we *talk\nstory* and talk   story again.\n\n" +
		"A [Hoʻohanohano link](x.md), `Hoʻohanohano` in code, and ab.\n\n```\nHoʻohanohano\n```\n"
	html := render(t, m, md, "benefits/respect/", src, nil)
	links := termLink.FindAllStringSubmatch(html, -1)
	if len(links) != 2 {
		t.Fatalf("want 2 term links (each term once), got %d:\n%s", len(links), html)
	}
	if l := links[0]; l[3] != "talk story" || l[1] != "../../values/glossary/index.html#talk-story" || l[2] != l[4] || l[5] != "A relaxed, friendly chat." {
		t.Errorf("first link: %q", l[1:])
	}
	if l := links[1]; l[3] != "HOOHANOHANO" || l[5] != "The value of honouring others." {
		t.Errorf("second link: %q", l[1:])
	}
	if strings.Contains(html, `<h1 id="hoohanohano-in-a-heading"><span`) || strings.Count(html, "term-link") != 2 {
		t.Errorf("a term was linked where it must not be:\n%s", html)
	}
	if !strings.Contains(html, "We <span class=\"term\">") || !strings.Contains(html, "</span></span>. <span class=\"term\">") {
		t.Errorf("text around the terms lost:\n%s", html)
	}
}

func TestMarkAgainIsTheSame(t *testing.T) {
	_, m, md := collect(t)
	body := []byte("Some talk story,\nthen Hoʻohanohano.\n")
	doc := md.Parse(body)
	m.Mark("a/b/", body, doc, nil)
	first, _ := md.Render(body, doc)
	m.Mark("a/b/", body, doc, nil)
	again, _ := md.Render(body, doc)
	fresh := render(t, m, md, "a/b/", string(body), nil)
	if string(first) != string(again) || string(first) != fresh {
		t.Errorf("marking twice differs:\n%s\n%s\n%s", first, again, fresh)
	}
	if !strings.Contains(fresh, "story</a>") || !strings.Contains(fresh, "</span></span>,\nthen") {
		t.Errorf("line break lost: %s", fresh)
	}
}

// TestMarkAcrossLines links a term whose words a line end parts, and
// leaves the line end where it was.
func TestMarkAcrossLines(t *testing.T) {
	_, m, md := collect(t)
	src := "We like to talk\nstory at lunch, and Ho'o-\nhanohano is not a term.\n\n- To *talk\n  story* here.\n"
	html := render(t, m, md, "a/b/", src, nil)
	if !strings.Contains(html, `aria-describedby="term-tip-talk-story">talk`+"\n"+`story</a>`) {
		t.Errorf("the term across a line end is not linked whole:\n%s", html)
	}
	if strings.Count(html, "term-link") != 1 || !strings.Contains(html, "</span></span> at lunch") || !strings.Contains(html, "We like to <span") {
		t.Errorf("text around the term lost, or linked twice:\n%s", html)
	}
	plain := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, "")
	want := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(render(t, &marks{trie: newTrie(), glossaries: map[string]bool{}}, md, "a/b/", src, nil), "")
	if !strings.HasPrefix(plain, "We like to talk\nstory") || !strings.Contains(want, "We like to talk\nstory at lunch") {
		t.Errorf("the text changed:\n%q\n%q", plain, want)
	}
}

func TestScan(t *testing.T) {
	_, m, _ := collect(t)
	cases := []struct {
		body string
		want []string
	}{
		{"We talk story.\n", []string{"talk-story"}},
		{"ho‘ohanohano and Talk Story\n", []string{"hoohanohano", "talk-story"}},
		{"## Talk story\n\n`Hoʻohanohano`\n", nil},
		{"```\ntalk story\n```\n\n~~~~\nHoʻohanohano\n~~~~\n", nil},
		{"[x](talk-story.md) <a title=\"talk story\"> {#talk-story}\n", nil},
		{"talk,story and talk\n\nstory and ab\n", nil},
		{"we talk\nstory\n", []string{"talk-story"}},
	}
	for _, c := range cases {
		got := m.Scan("lesson/", []byte(c.body))
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("Scan(%q) = %q, want %q", c.body, got, c.want)
		}
	}
	if got := m.Scan("values/glossary/", []byte("talk story")); got != nil {
		t.Errorf("the glossary scans itself: %q", got)
	}
	if !m.Gathers("values/glossary/") || m.Gathers("lesson/") {
		t.Error("Gathers does not pick exactly the glossary")
	}
}

func TestUsedIn(t *testing.T) {
	_, m, md := collect(t)
	var uses []feature.Use
	for i := range maxUsedIn + 3 {
		uses = append(uses, feature.Use{URL: fmt.Sprintf("m/l%d/", i), Title: fmt.Sprintf("Lesson <%d>", i), Found: []string{"talk-story"}})
	}
	uses = append(uses, feature.Use{URL: "m/x/", Title: "Only", Found: []string{"hoohanohano"}})
	body := []byte(glossaryBody)
	doc := md.Parse(body)
	m.Mark("values/glossary/", body, doc, uses[:1])
	m.Mark("values/glossary/", body, doc, uses) // a second run replaces the first's lists
	out, _ := md.Render(body, doc)
	html := string(out)
	lists := regexp.MustCompile(`(?s)<p class="used-in">.*?</p>`).FindAllString(html, -1)
	if len(lists) != 2 {
		t.Fatalf("want 2 lists, got %d:\n%s", len(lists), html)
	}
	if !strings.Contains(lists[0], `href="../../m/x/index.html">Only</a>`) || strings.Contains(lists[0], "l0") {
		t.Errorf("Hoʻohanohano's list: %s", lists[0])
	}
	if strings.Count(lists[1], "<a ") != maxUsedIn || !strings.Contains(lists[1], "and 3 more") || !strings.Contains(lists[1], "Lesson &lt;0&gt;") {
		t.Errorf("talk story's list: %s", lists[1])
	}
	i, j := strings.Index(html, lists[0]), strings.Index(html, `id="talk-story"`)
	if i < 0 || j < i || strings.Contains(html[:i], "<h2 id=\"talk-story\"") {
		t.Error("a list is not under its entry")
	}
}

// TestScanGrowth checks that finding terms costs in proportion to the
// text, whatever its shape.
func TestScanGrowth(t *testing.T) {
	_, m, md := collect(t)
	shapes := map[string]func(n int) string{
		"prose":        func(n int) string { return strings.Repeat("we talk story and Hoʻohanohano here ", n) },
		"open ticks":   func(n int) string { return strings.Repeat("`", n) + " talk" },
		"brackets":     func(n int) string { return strings.Repeat("](", n) + strings.Repeat("<{", n) },
		"almost terms": func(n int) string { return strings.Repeat("talk talk talk ", n) },
		"lines":        func(n int) string { return strings.Repeat("talk\nstory\n", n) },
	}
	for name, shape := range shapes {
		cost := func(n int) float64 {
			body := []byte(shape(n))
			return testing.AllocsPerRun(2, func() {
				m.Scan("l/", body)
				doc := md.Parse(body)
				m.Mark("l/", body, doc, nil)
			}) + float64(bytes.Count(body, []byte{0}))
		}
		small, big := cost(200), cost(2000)
		if big > 15*small {
			t.Errorf("%s: 10x the text costs %.1fx the allocations", name, big/small)
		}
	}
}

func TestMarksKey(t *testing.T) {
	a := newMarks([]term{{url: "g/", anchor: "a", name: "Alpha", definition: "One."}})
	b := newMarks([]term{{url: "g/", anchor: "a", name: "Alpha", definition: "Two."}})
	c := newMarks([]term{{url: "g/", anchor: "a", name: "Alpha", definition: "One."}})
	if a.Key() == b.Key() || a.Key() != c.Key() {
		t.Error("Key does not follow the terms")
	}
	var _ ast.Node = &Term{}
}
