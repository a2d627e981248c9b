package progress

import (
	"encoding/json"
	"strings"

	"p2pc/generator/feature"
)

// Module is a top-level module as the outline file lists it.
type Module struct {
	URL     string   `json:"url"`
	Title   string   `json:"title"`
	Lessons []Lesson `json:"lessons"`
}

// Lesson is a lesson as the outline file lists it.
type Lesson struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

// Course is the value of window.P2PC_OUTLINE: the top-level modules in
// reading order, each with every lesson under it (nested modules' lessons
// included, in reading order).
type Course struct {
	Modules []Module `json:"modules"`
}

// course groups the outline's lessons under their top-level modules.
func course(pages []feature.OutlinePage) Course {
	var c Course
	for _, pg := range pages {
		top := topModule(pg.URL)
		if pg.Kind == "module" && pg.URL == top {
			c.Modules = append(c.Modules, Module{URL: pg.URL, Title: pg.Title, Lessons: []Lesson{}})
			continue
		}
		if pg.Kind != "lesson" || len(c.Modules) == 0 || c.Modules[len(c.Modules)-1].URL != top {
			continue
		}
		m := &c.Modules[len(c.Modules)-1]
		m.Lessons = append(m.Lessons, Lesson{URL: pg.URL, Title: pg.Title})
	}
	return c
}

// topModule is the URL of the top-level folder of a page: "five-steps/".
func topModule(url string) string {
	first, _, ok := strings.Cut(url, "/")
	if !ok {
		return ""
	}
	return first + "/"
}

// outlineScript is the outline file's text. encoding/json escapes <, >
// and &, so no title can end the script.
func outlineScript(pages []feature.OutlinePage) []byte {
	data, _ := json.Marshal(course(pages)) // a Course holds only strings: it always marshals
	return []byte("/* The site's modules and lessons in reading order, for progress.js (package progress). */\nwindow.P2PC_OUTLINE = " + string(data) + ";\n")
}
