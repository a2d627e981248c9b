package allinone

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"p2pc/generator/feature"
)

// view is one all-in-one page being assembled.
type view struct {
	url     string
	trainer bool
	body    func(string) []byte
	ids     map[string]string // URL of each page on the view -> its id prefix
	rest    string            // the view's URL after its edition's folder
	share   *shared           // the pages as the other edition made them
	opens   *[]int            // where rewritten pages have a <details> tag's name end, when not nil
}

// module assembles one module's pages.
func (v view) module(m module) template.HTML {
	v.number(m.pages)
	bodies := v.bodies(m.pages)
	var b strings.Builder
	v.open(&b, bodies)
	v.intro(&b)
	v.pages(&b, m.pages, bodies, level(m.pages[0]))
	return v.close(&b)
}

// course assembles every module, or lists their views when the course is
// too long for one page.
func (v view) course(modules []module, dir string) template.HTML {
	var pages []feature.OutlinePage
	lessons := 0
	for _, m := range modules {
		pages = append(pages, m.pages...)
		for _, p := range m.pages {
			if p.Kind == "lesson" {
				lessons++
			}
		}
	}
	var b strings.Builder
	if lessons > maxCourseLessons {
		v.open(&b, nil)
		fmt.Fprintf(&b, "<p>This course has %d lessons, too many for one page: each module has a page of its own.</p>\n<ol class=\"aio-modules\">\n", lessons)
		for _, m := range modules {
			if m.key == "" {
				for _, p := range m.pages { // lessons outside any module: on their own pages
					fmt.Fprintf(&b, "<li><a href=\"%s%sindex.html\">%s</a></li>\n", feature.Root(v.url), html.EscapeString(p.URL), html.EscapeString(p.Title))
				}
				continue
			}
			fmt.Fprintf(&b, "<li><a href=\"%s/index.html\">%s</a></li>\n", html.EscapeString(m.key), html.EscapeString(m.title))
		}
		b.WriteString("</ol>\n")
		return v.close(&b)
	}
	v.number(pages)
	bodies := v.bodies(pages)
	v.open(&b, bodies)
	v.intro(&b)
	v.pages(&b, pages, bodies, 1)
	return v.close(&b)
}

// pages writes the table of contents and the pages, or what the other
// edition wrote of the same. Both take the learners' edition's bytes, and
// the trainers' opens every <details> in them.
func (v view) pages(b *strings.Builder, pages []feature.OutlinePage, bodies [][]byte, top int) {
	inPlace := false
	learner := v.share.take(v.rest, feature.Root(v.url), pages, bodies, func() made {
		w := v
		w.trainer, w.opens = false, new([]int)
		own, start := b, b.Len() // the learners' edition writes them in place
		if v.trainer {
			own, start = new(strings.Builder), 0
			own.Grow(b.Cap() - b.Len())
		}
		w.contents(own, pages, top)
		w.sections(own, pages, bodies, top)
		for i := range *w.opens {
			(*w.opens)[i] -= start
		}
		inPlace = !v.trainer
		return made{own.String()[start:], *w.opens} // a Builder never changes what it wrote
	})
	if inPlace {
		return
	}
	if !v.trainer {
		b.WriteString(learner.html)
		return
	}
	at := 0
	for _, i := range learner.opens {
		b.WriteString(learner.html[at:i])
		b.WriteString(" open")
		at = i
	}
	b.WriteString(learner.html[at:])
}

// number gives each page on the view its id prefix.
func (v *view) number(pages []feature.OutlinePage) {
	v.ids = map[string]string{}
	for i, p := range pages {
		v.ids[p.URL] = fmt.Sprintf("s%d", i+1)
	}
}

func (v view) intro(b *strings.Builder) {
	other, label := TrainerDir, "the trainers' edition (notes and answers shown)"
	if v.trainer {
		other, label = Dir, "the learners' edition"
	}
	_, rest, _ := strings.Cut(v.url, "/")
	fmt.Fprintf(b, "<p class=\"aio-intro\">Print this page with your browser's Print command: each lesson starts on a new sheet. Also: <a href=\"%s%s/%sindex.html\">%s</a>.</p>\n",
		feature.Root(v.url), other, rest, label)
}

// level is a page's depth in the outline: one for each URL segment.
func level(p feature.OutlinePage) int { return strings.Count(p.URL, "/") }

// contents writes the table of contents, nested as the outline is.
func (v view) contents(b *strings.Builder, pages []feature.OutlinePage, top int) {
	b.WriteString("<nav class=\"aio-contents\" aria-labelledby=\"aio-contents-title\">\n<h2 id=\"aio-contents-title\">Contents</h2>\n<ol>\n")
	cur, open := top, false
	for _, p := range pages {
		l := min(max(level(p), top), cur+1)
		if !open {
			l = cur
		}
		if l > cur {
			b.WriteString("\n<ol>\n")
			cur = l
		} else {
			if open {
				b.WriteString("</li>\n")
			}
			for ; cur > l; cur-- {
				b.WriteString("</ol></li>\n")
			}
		}
		fmt.Fprintf(b, "<li><a href=\"#%s\">%s</a>", v.ids[p.URL], html.EscapeString(p.Title))
		open = true
	}
	if open {
		b.WriteString("</li>\n")
	}
	for ; cur > top; cur-- {
		b.WriteString("</ol></li>\n")
	}
	b.WriteString("</ol>\n</nav>\n")
}

// sections writes each page: its title, then its body rewritten for the view.
func (v view) sections(b *strings.Builder, pages []feature.OutlinePage, bodies [][]byte, top int) {
	var body []byte // one buffer for every page's rewritten body
	for i, p := range pages {
		h := min(2+max(level(p)-top, 0), 6)
		id := v.ids[p.URL]
		fmt.Fprintf(b, "<section class=\"aio-page aio-%s\" aria-labelledby=\"%s\">\n<h%d id=\"%s\" class=\"aio-title\"><a href=\"%s%sindex.html\">%s</a></h%d>\n",
			p.Kind, id, h, id, feature.Root(v.url), p.URL, html.EscapeString(p.Title), h)
		from := 0
		if v.opens != nil {
			from = len(*v.opens)
		}
		body = v.rewrite(body[:0], p.URL, bodies[i], h-1)
		if v.opens != nil { // offsets in body, made offsets in b
			for j := from; j < len(*v.opens); j++ {
				(*v.opens)[j] += b.Len()
			}
		}
		b.Write(body)
		b.WriteString("</section>\n")
	}
}

// bodies reads the pages' bodies.
func (v view) bodies(pages []feature.OutlinePage) [][]byte {
	bodies := make([][]byte, len(pages))
	for i, p := range pages {
		bodies[i] = v.body(p.URL)
	}
	return bodies
}

// open starts the view with its edition's classes, having made room for
// the pages' bodies and a little more (a view of 50 lessons is about
// 400 KB: growing to it by doubling allocated three times that).
func (v view) open(b *strings.Builder, bodies [][]byte) {
	n := 1024
	for _, body := range bodies {
		n += 512 + len(body)*9/8
	}
	b.Grow(n)
	class := "aio aio-learner"
	if v.trainer {
		class = "aio aio-trainer show-trainer print-trainer-notes"
	}
	b.WriteString("<div class=\"" + class + "\">\n")
}

// close ends the view.
func (v view) close(b *strings.Builder) template.HTML {
	b.WriteString("</div>\n")
	return template.HTML(b.String())
}
