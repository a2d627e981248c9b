package trainer

import (
	"html/template"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// Note is one note for trainers, as the facilitator guide shows it.
type Note struct {
	Source  string        // content path of its lesson
	Line    int           // line of its opening fence
	Name    string        // its fenced div's name, e.g. "facilitator"
	Title   string        // its title= attribute, or ""
	Lesson  string        // the lesson's title
	URL     string        // the lesson's URL, e.g. "five-steps/ask/"
	Section string        // id of the nearest heading above it in the lesson, or ""
	Heading string        // that heading's text
	HTML    template.HTML // its content, with links made relative to the guide
}

// guide is what the facilitator guide shows: agendas, then notes by module
// and lesson, in reading order.
type guide struct {
	agendas []agenda
	modules []*moduleNotes
}

type agenda struct {
	lesson, url, section string
	html                 template.HTML
}

type moduleNotes struct {
	title, url string // "" for pages outside the modules
	lessons    []*lessonNotes
}

type lessonNotes struct {
	title, url string
	notes      []Note
}

// guideURL is the URL of the facilitator guide.
const guideURL = Dir + "/"

// collectGuide finds the notes and agendas of every page.
func collectGuide(pages []*feature.Page) *guide {
	g := &guide{}
	byModule := map[string]*moduleNotes{}
	for _, p := range pages {
		doc, ok := p.Doc.(ast.Node)
		if !ok {
			continue
		}
		notes, agendas := scan(p, doc)
		g.agendas = append(g.agendas, agendas...)
		if len(notes) == 0 {
			continue
		}
		m := byModule[p.ModuleURL]
		if m == nil {
			m = &moduleNotes{title: p.Module, url: p.ModuleURL}
			byModule[p.ModuleURL] = m
			g.modules = append(g.modules, m)
		}
		m.lessons = append(m.lessons, &lessonNotes{title: p.Title, url: p.URL, notes: notes})
	}
	return g
}

// scan walks one page's tree for trainer notes and agendas, remembering
// the last heading with an id to link each to its section.
func scan(p *feature.Page, doc ast.Node) (notes []Note, agendas []agenda) {
	frag := newFragments(p.Body, p.URL, guideURL)
	section, heading := "", ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					section, heading = string(b), markdown.PlainText(p.Body, children(n)...)
				}
			}
		case *markdown.FencedDiv:
			switch {
			case p.Hidden[n.Name]:
				line, _ := markdown.Position(p.Body, n.Offset)
				title, _ := n.Attr("title")
				notes = append(notes, Note{Source: p.Source, Line: line, Name: n.Name, Title: title,
					Lesson: p.Title, URL: p.URL, Section: section, Heading: heading, HTML: frag.HTML(children(n))})
				return ast.WalkSkipChildren, nil
			case n.Name == divAgenda:
				agendas = append(agendas, agenda{lesson: p.Title, url: p.URL, section: section, html: frag.HTML(children(n))})
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return notes, agendas
}

// children lists a node's children.
func children(n ast.Node) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}
