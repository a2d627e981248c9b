package coachlog

import (
	"bytes"
	_ "embed"
	"html/template"

	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
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

var pageTemplate = template.Must(template.New("page").Parse(pageSource))

// Log is the feature: it adds the coaching log page and the script that
// keeps the log in the learner's browser and lists due check-backs on the
// home page.
type Log struct{}

// New returns the feature for one build.
func New() *Log { return &Log{} }

// Manifest implements feature.Feature: the coaching-log/ folder and the
// style and script every page loads (the home page lists due check-backs).
func (l *Log) Manifest() feature.Manifest {
	return feature.Manifest{
		Name:      "coachlog",
		Dirs:      []string{Dir},
		Assets:    map[string][]byte{"coachlog.css": css, "coachlog.js": js},
		Styles:    []string{"coachlog.css"},
		Scripts:   []string{"coachlog.js"},
		EveryPage: true,
	}
}

// Renderers implements feature.Feature: the log draws nothing in lessons.
func (l *Log) Renderers() []util.PrioritizedValue { return nil }

// Collect implements feature.Feature: the log reads no lesson.
func (l *Log) Collect([]*feature.Page) []feature.Problem { return nil }

// Pages implements feature.Feature: the coaching log page.
func (l *Log) Pages() []feature.Generated {
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
