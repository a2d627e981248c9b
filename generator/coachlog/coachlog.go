package coachlog

import (
	"bytes"
	_ "embed"
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

var (
	//go:embed assets/coachlog.css
	css []byte
	//go:embed assets/coachlog.js
	js []byte
	//go:embed templates/page.html
	pageSource string
)

// Dir is the top-level output folder of the coaching log page. The name is
// a contract: lessons link to it and learners bookmark it.
const Dir = "coaching-log"

// Div is the fenced div that invites learners to keep the log; a site gets
// the log page only when a lesson holds one.
const Div = "coaching-log"

var pageTemplate = template.Must(template.New("page").Parse(pageSource))

// Log is the feature: it adds the coaching log page and the script that
// keeps the log in the learner's browser and lists due check-backs on the
// home page.
type Log struct {
	used bool // a lesson holds the div
}

// New returns the feature for one build.
func New() *Log { return &Log{} }

// Manifest implements feature.Feature: the coaching-log/ folder and the
// style and script every page loads (the home page lists due check-backs).
func (l *Log) Manifest() feature.Manifest {
	return feature.Manifest{
		Name:      "coachlog",
		Divs:      []string{Div},
		Render:    map[string]markdown.DivFunc{Div: markdown.Box(Div, "Your coaching log")},
		Dirs:      []string{Dir},
		Assets:    map[string][]byte{"coachlog.css": css, "coachlog.js": js},
		Styles:    []string{"coachlog.css"},
		Scripts:   []string{"coachlog.js"},
		EveryPage: true,
	}
}

// Renderers implements feature.Feature: the log draws nothing in lessons.
func (l *Log) Renderers() []util.PrioritizedValue { return nil }

// Collect implements feature.Feature: it notes whether a lesson holds the
// div; the div itself is drawn in place, as a box.
func (l *Log) Collect(pages []*feature.Page) []feature.Problem {
	l.used = false
	for _, p := range pages {
		if doc, ok := p.Doc.(ast.Node); ok && hasDiv(doc) {
			l.used = true
			break
		}
	}
	return nil
}

// hasDiv reports whether a tree holds the coaching-log div.
func hasDiv(doc ast.Node) bool {
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if d, ok := n.(*markdown.FencedDiv); ok && entering && d.Name == Div {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// Pages implements feature.Feature: the coaching log page, when a lesson
// holds the div.
func (l *Log) Pages() []feature.Generated {
	if !l.used {
		return nil
	}
	return []feature.Generated{{
		URL:     Dir + "/",
		Title:   "Coaching log",
		Summary: "Record each P2PC conversation: whom you asked, what you heard, the habit you are building and when to check back.",
		HTML:    pageHTML(),
		NoIndex: true,
	}}
}

// pageHTML is the body of the log page: a note for readers without
// JavaScript, and the form and list the script shows.
func pageHTML() template.HTML {
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, nil); err != nil { // a fixed template: it cannot fail
		return template.HTML("<p>" + template.HTMLEscapeString(err.Error()) + "</p>")
	}
	return template.HTML(b.String())
}

// Files implements feature.Feature: none.
func (l *Log) Files() map[string][]byte { return nil }

// Search implements feature.Feature: nothing to find; the entries live
// only in the learner's browser.
func (l *Log) Search() []feature.SearchDoc { return nil }
