package blocks

import (
	"regexp"
	"strings"
	"testing"

	"p2pc/generator/markdown"
)

// render renders src through the feature's divs, as lessons are.
func render(t *testing.T, src string) string {
	t.Helper()
	md := markdown.New(false, New().Manifest().Render)
	b := []byte(src)
	out, err := md.Render(b, md.Parse(b))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestRender(t *testing.T) {
	box := func(class, title, body string) string {
		return `<aside class="box ` + class + `" aria-label="` + title + `"><p class="box-title">` + title + "</p>\n" + body + "</aside>\n"
	}
	tests := []struct{ name, src, want string }{
		{"objectives", "::: objectives\n- one\n:::\n", box("objectives", "Objectives", "<ul>\n<li>one</li>\n</ul>\n")},
		{"questions", "::: questions\n- Why?\n:::\n", box("questions", "Questions", "<ul>\n<li>Why?</li>\n</ul>\n")},
		{"prereq", "::: prereq\nA terminal.\n:::\n", box("prereq", "Prerequisites", "<p>A terminal.</p>\n")},
		{"keypoints", "::: keypoints\nk\n:::\n", box("keypoints", "Key points", "<p>k</p>\n")},
		{"callout title", "::: callout {title=\"Try it\"}\nGo\n:::\n", box("callout", "Try it", "<p>Go</p>\n")},
		{"callout untitled", "::: callout\nGo\n:::\n", "<aside class=\"box callout\">\n<p>Go</p>\n</aside>\n"},
		{"callout heading", "::: callout\n## Globs\nStars.\n:::\n", "<aside class=\"box callout\" aria-labelledby=\"globs\">\n<h2 id=\"globs\" class=\"box-title\">Globs</h2>\n<p>Stars.</p>\n</aside>\n"},
		{"challenge", "::: challenge\nCount the files.\n:::\n", box("challenge", "Challenge", "<p>Count the files.</p>\n")},
		{"challenge title", "::: challenge {title=\"Count\" #c1}\nn\n:::\n", "<aside id=\"c1\" class=\"box challenge\" aria-label=\"Count\"><p class=\"box-title\">Count</p>\n<p>n</p>\n</aside>\n"},
		{"caution", "::: caution\nThis deletes.\n:::\n", box("caution", "Caution", "<p>This deletes.</p>\n")},
		{"checklist", "::: checklist\n- a\n- b\n:::\n", box("checklist", "Checklist", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")},
		{"discussion", "::: discussion\nWhich one?\n:::\n", box("discussion", "Discussion", "<p>Which one?</p>\n")},
		{"testimonial", "::: testimonial\nIt helped.\n:::\n", box("testimonial", "Testimonial", "<p>It helped.</p>\n")},
		{"solution", "::: solution\nAnswer\n:::\n", "<details class=\"solution\"><summary>Show solution</summary><div class=\"solution-body\">\n<p>Answer</p>\n</div></details>\n"},
		{"solution title", "::: solution {title=\"Model answer\" #s1}\nA\n:::\n", "<details id=\"s1\" class=\"solution\"><summary>Model answer</summary><div class=\"solution-body\">\n<p>A</p>\n</div></details>\n"},
		{"solution heading", "::: solution\n## Answer\nA\n:::\n", "<details class=\"solution\"><summary><h2 id=\"answer\" class=\"box-title\">Answer</h2>\n</summary><div class=\"solution-body\">\n<p>A</p>\n</div></details>\n"},
		{"hint", "::: hint\nLook up.\n:::\n", "<details class=\"hint\"><summary>Show hint</summary><div class=\"hint-body\">\n<p>Look up.</p>\n</div></details>\n"},
		{"hint heading", "::: hint\n### Where to look\nUp.\n:::\n", "<details class=\"hint\"><summary><h3 id=\"where-to-look\" class=\"box-title\">Where to look</h3>\n</summary><div class=\"hint-body\">\n<p>Up.</p>\n</div></details>\n"},
		{"hint empty", "::: hint\n:::\n", "<details class=\"hint\"><summary>Show hint</summary><div class=\"hint-body\">\n</div></details>\n"},
		{"spoiler", "::: spoiler\nMore.\n:::\n", "<details class=\"spoiler\"><summary>Show details</summary><div class=\"spoiler-body\">\n<p>More.</p>\n</div></details>\n"},
		{"spoiler shown open", "::: spoiler {title=\"Why\" .open}\nMore.\n:::\n", "<details class=\"spoiler open\" open><summary>Why</summary><div class=\"spoiler-body\">\n<p>More.</p>\n</div></details>\n"},
		{"spoiler heading", "::: spoiler\n## Clearing up\nMore.\n:::\n", "<details class=\"spoiler\"><summary><h2 id=\"clearing-up\" class=\"box-title\">Clearing up</h2>\n</summary><div class=\"spoiler-body\">\n<p>More.</p>\n</div></details>\n"},
		{"tab", "::: tab\n### Linux\nl\n### Mac\nm\n:::\n", "<div class=\"tabs tab\">\n<h3 id=\"linux\">Linux</h3>\n<p>l</p>\n<h3 id=\"mac\">Mac</h3>\n<p>m</p>\n</div>\n"},
		{"group-tab", "::: group-tab\n### R\nr\n:::\n", "<div class=\"tabs group-tab\">\n<h3 id=\"r\">R</h3>\n<p>r</p>\n</div>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestChallengeHeadingIsTitle: the heading that opens a challenge is its
// title, keeps its id and is not repeated under a default heading.
func TestChallengeHeadingIsTitle(t *testing.T) {
	got := render(t, "# Lesson\n\n::: challenge\n## Which pipe? {.hard}\nPick one.\n:::\n\n[back](#which-pipe)\n")
	want := "<h1 id=\"lesson\">Lesson</h1>\n" +
		"<aside class=\"box challenge\" aria-label=\"Challenge\"><p class=\"box-kind\" aria-hidden=\"true\">Challenge</p>\n" +
		"<h2 class=\"box-title hard\" id=\"which-pipe\">Which pipe?</h2>\n<p>Pick one.</p>\n</aside>\n" +
		"<p><a href=\"#which-pipe\">back</a></p>\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, `<p class="box-title">`) {
		t.Error("a challenge with a heading has a second, default title")
	}
}

// TestNestedSolution: a solution inside a challenge (the outer fence
// longer) renders inside it, titled by its own heading, and the text after
// it stays in the challenge.
func TestNestedSolution(t *testing.T) {
	src := ":::: challenge\n## Sorting\nSort the list.\n\n::: solution\n## Solution\nUse `sort -n`.\n:::\n\nThen count.\n::::\n\nAfter.\n"
	want := "<aside class=\"box challenge\" aria-label=\"Challenge\"><p class=\"box-kind\" aria-hidden=\"true\">Challenge</p>\n" +
		"<h2 id=\"sorting\" class=\"box-title\">Sorting</h2>\n<p>Sort the list.</p>\n" +
		"<details class=\"solution\"><summary><h2 id=\"solution\" class=\"box-title\">Solution</h2>\n</summary><div class=\"solution-body\">\n" +
		"<p>Use <code>sort -n</code>.</p>\n</div></details>\n" +
		"<p>Then count.</p>\n</aside>\n<p>After.</p>\n"
	if got := render(t, src); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestRenderTwice: moving a heading into a summary and marking titles
// happen once; a tree rendered again gives the same HTML.
func TestRenderTwice(t *testing.T) {
	md := markdown.New(false, New().Manifest().Render)
	src := []byte(":::: challenge\n## C\n::: hint\n### H\nh\n:::\n::: solution\n## S\ns\n:::\n::::\n")
	doc := md.Parse(src)
	first, err := md.Render(src, doc)
	if err != nil {
		t.Fatal(err)
	}
	second, err := md.Render(src, doc)
	if err != nil {
		t.Fatal(err)
	}
	if string(first) != string(second) {
		t.Errorf("first render\n%s\nsecond\n%s", first, second)
	}
	if strings.Count(string(first), "<summary>") != 2 || strings.Count(string(first), "class=\"box-title\"") != 3 {
		t.Errorf("want two summaries and three titles:\n%s", first)
	}
}

func TestTrainerNotes(t *testing.T) {
	m := New().Manifest()
	for name, heading := range map[string]string{"facilitator": "For trainers", "instructor": "Instructor note"} {
		if m.TrainerNotes[name] != heading {
			t.Errorf("TrainerNotes[%q] = %q, want %q", name, m.TrainerNotes[name], heading)
		}
		if m.Render[name] != nil {
			t.Errorf("%s is a trainer note, drawn by the builder, and must not be in Render", name)
		}
	}
}

// TestAssets: every div has a look in blocks.css, and every collapsed part
// is opened for printing by blocks.js.
func TestAssets(t *testing.T) {
	m := New().Manifest()
	sheet, script := string(css), string(js)
	first := regexp.MustCompile(`^<(\w+)[^>]* class="([^"]*)"`)
	for name := range m.Render {
		html := render(t, "::: "+name+"\nx\n:::\n")
		g := first.FindStringSubmatch(html)
		if g == nil {
			t.Errorf("%s: no element with a class in %q", name, html)
			continue
		}
		class := strings.Fields(g[2])[len(strings.Fields(g[2]))-1]
		if g[1] == "div" {
			class = strings.Fields(g[2])[0]
		}
		if !strings.Contains(sheet, "."+class) {
			t.Errorf("%s: blocks.css has no rule for .%s", name, class)
		}
		if g[1] == "details" && !strings.Contains(script, "details."+class+":not([open])") {
			t.Errorf("%s: blocks.js does not open details.%s for printing", name, class)
		}
	}
	for name := range m.TrainerNotes {
		if !strings.Contains(sheet, "."+name) {
			t.Errorf("%s: blocks.css has no rule for .%s", name, name)
		}
	}
}
