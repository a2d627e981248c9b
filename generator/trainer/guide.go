package trainer

import (
	"bytes"
	"html/template"
	"strconv"

	"p2pc/generator/feature"
)

var guideTemplate = template.Must(template.New("guide").Parse(`
<p class="guide-intro">Every note for trainers in this course, by module and lesson{{if .Agendas}}, after the workshop agenda{{end}}. Learners do not see these notes; to read one in its lesson, follow its link and switch on <strong>Trainer view</strong> at the top of the page.</p>
{{- if .Pack}}
<p class="guide-pack">To print the card decks, blank worksheets and answer keys for a workshop in one go, use the <a href="../workshop-pack/index.html">workshop pack</a>.</p>
{{- end}}
{{- if .Modules}}
<nav class="guide-toc" aria-label="Modules in this guide"><ul>
{{- if .Agendas}}<li><a href="#workshop-agenda">Workshop agenda</a></li>{{end}}
{{- range .Modules}}<li><a href="#{{.ID}}">{{.Title}}</a> ({{.Count}})</li>{{end}}
</ul></nav>
{{- end}}
{{- if .Agendas}}
<section class="guide-agenda" aria-labelledby="workshop-agenda">
<h2 id="workshop-agenda">Workshop agenda</h2>
{{- range .Agendas}}
<p class="guide-source">From <a href="{{.Link}}">{{.Lesson}}</a>:</p>
<div class="agenda">
{{.HTML}}
</div>
{{- end}}
</section>
{{- end}}
{{- range .Modules}}
<section class="guide-module" aria-labelledby="{{.ID}}">
<h2 id="{{.ID}}">{{if .Link}}<a href="{{.Link}}">{{.Title}}</a>{{else}}{{.Title}}{{end}}</h2>
{{- range .Lessons}}
<h3><a href="{{.Link}}">{{.Title}}</a></h3>
{{- range .Notes}}
<aside class="box guide-note" aria-label="{{.Label}}">
<p class="guide-note-where">{{.Label}} · <a href="{{.Link}}">{{.Where}}</a></p>
{{.HTML}}
</aside>
{{- end}}
{{- end}}
</section>
{{- end}}
{{- if not .Modules}}
<p>This course has no notes for trainers yet.</p>
{{- end}}
`))

type guideView struct {
	Pack    bool // link to the workshop pack
	Agendas []agendaView
	Modules []moduleView
}

type agendaView struct {
	Lesson, Link string
	HTML         template.HTML
}

type moduleView struct {
	ID, Title, Link string
	Count           int
	Lessons         []lessonView
}

type lessonView struct {
	Title, Link string
	Notes       []noteView
}

type noteView struct {
	Label, Where, Link string
	HTML               template.HTML
}

// link is the address of a lesson, or of a section in it, from the guide.
func link(url, section string) string {
	l := feature.Root(guideURL) + url + "index.html"
	if section != "" {
		l += "#" + section
	}
	return l
}

// view lays the guide out for its template.
func (g *guide) view() guideView {
	var v guideView
	for _, a := range g.agendas {
		v.Agendas = append(v.Agendas, agendaView{Lesson: a.lesson, Link: link(a.url, a.section), HTML: a.html})
	}
	for i, m := range g.modules {
		mv := moduleView{ID: "module-" + strconv.Itoa(i+1), Title: m.title}
		if m.url != "" {
			mv.Link = link(m.url, "")
		} else {
			mv.Title = "Other pages"
		}
		for _, l := range m.lessons {
			lv := lessonView{Title: l.title, Link: link(l.url, "")}
			for _, n := range l.notes {
				label := n.Title
				if label == "" {
					label = "Note for trainers"
				}
				where := "In " + n.Lesson
				if n.Heading != "" {
					where = "In “" + n.Heading + "”, " + n.Lesson
				}
				lv.Notes = append(lv.Notes, noteView{Label: label, Where: where, Link: link(n.URL, n.Section), HTML: n.HTML})
			}
			mv.Count += len(lv.Notes)
			mv.Lessons = append(mv.Lessons, lv)
		}
		v.Modules = append(v.Modules, mv)
	}
	return v
}

// page renders the facilitator guide.
func (g *guide) page(pack bool) feature.Generated {
	var b bytes.Buffer
	v := g.view()
	v.Pack = pack
	if err := guideTemplate.Execute(&b, v); err != nil {
		panic("trainer: guide template: " + err.Error()) // the template and its data are fixed: a bug
	}
	return feature.Generated{
		URL:     guideURL,
		Title:   "Facilitator guide",
		Summary: "Every note for trainers, by module and lesson, with the workshop agenda.",
		HTML:    template.HTML(b.String()),
		NoIndex: true,
	}
}
