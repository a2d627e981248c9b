package worksheet

import (
	"embed"
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
)

//go:embed templates/*.html
var templateFS embed.FS

// templates draw worksheets in lessons (lesson.html), the printable pages
// (print.html) and the worksheets/ index (index.html).
var templates = template.Must(template.ParseFS(templateFS, "templates/*.html"))

// lessonRenderer draws a worksheet inside its lesson as an interactive form:
// a fieldset per question, a status area for feedback, a <details> with the
// answer for readers without JavaScript, and the toolbar worksheet.js wires up.
type lessonRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (lessonRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSheet, renderSheet)
	reg.Register(KindQuestion, renderQuestion)
}

// renderSheet writes the worksheet's heading and links on entering and its
// toolbar on leaving; the intro blocks and questions in between are drawn
// as the lesson's other nodes are.
func renderSheet(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	s := node.(*SheetNode).Sheet
	name := "sheet-close"
	if entering {
		name = "sheet-open"
	}
	return ast.WalkContinue, templates.ExecuteTemplate(w, name, s.view(s.Page.URL))
}

// renderQuestion writes a question from its model; its Markdown children
// are not drawn again.
func renderQuestion(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	q := node.(*QuestionNode).Question
	url := q.sheet.Page.URL
	return ast.WalkSkipChildren, templates.ExecuteTemplate(w, "question", q.view(feature.NewFragments(q.sheet.Page.Body, url, url), feature.Root(url)))
}
