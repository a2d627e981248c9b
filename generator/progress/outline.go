package progress

import (
	"encoding/json"

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

// course groups the outline's lessons under their top-level modules, by
// the module the outline names (an mdBook part's chapters have URLs of
// their own files, not under the part's). Lessons outside any module (an
// mdBook's chapters without parts) form a module with no URL and no title
// where they stand.
func course(pages []feature.OutlinePage) Course {
	var c Course
	at := map[string]int{} // module URL -> index in c.Modules
	for _, pg := range pages {
		if pg.Kind == "module" && pg.URL == pg.ModuleURL {
			at[pg.URL] = len(c.Modules)
			c.Modules = append(c.Modules, Module{URL: pg.URL, Title: pg.Title, Lessons: []Lesson{}})
			continue
		}
		if pg.Kind != "lesson" {
			continue
		}
		i, ok := at[pg.ModuleURL]
		switch {
		case ok:
		case pg.ModuleURL != "":
			continue // its module is not in the outline
		case len(c.Modules) > 0 && c.Modules[len(c.Modules)-1].URL == "":
			i = len(c.Modules) - 1
		default:
			i = len(c.Modules)
			c.Modules = append(c.Modules, Module{Lessons: []Lesson{}})
		}
		c.Modules[i].Lessons = append(c.Modules[i].Lessons, Lesson{URL: pg.URL, Title: pg.Title})
	}
	return c
}

// outlineScript is the outline file's text. encoding/json escapes <, >
// and &, so no title can end the script.
func outlineScript(pages []feature.OutlinePage) []byte {
	data, _ := json.Marshal(course(pages)) // a Course holds only strings: it always marshals
	return []byte("/* The site's modules and lessons in reading order, for progress.js (package progress). */\nwindow.P2PC_OUTLINE = " + string(data) + ";\n")
}
