package allinone

import (
	_ "embed"
	"html/template"
	"slices"
	"strings"

	"github.com/yuin/goldmark/util"

	"p2pc/generator/feature"
)

// The folders of the two editions.
const (
	Dir        = "all-in-one"
	TrainerDir = "all-in-one-trainer"
)

// maxCourseLessons bounds the lessons a course-wide page holds.
const maxCourseLessons = 300

//go:embed assets/all-in-one.css
var css []byte

// AllInOne is the feature of one build.
type AllInOne struct {
	outline []feature.OutlinePage
	modules []module
	byKey   map[string]int // index in modules, by key (a view names its module by it)
	lessons int            // in the modules
	share   shared
}

// module is a top-level module with its pages in reading order.
type module struct {
	key string // last segment of its URL; "" for lessons outside any module
	// (an mdBook's chapters), shown on the course view only
	title string
	pages []feature.OutlinePage
}

// New returns the feature for a new build.
func New() *AllInOne { return &AllInOne{} }

var (
	_ feature.Feature       = (*AllInOne)(nil)
	_ feature.OutlineReader = (*AllInOne)(nil)
	_ feature.Assembler     = (*AllInOne)(nil)
)

// Manifest implements feature.Feature.
func (a *AllInOne) Manifest() feature.Manifest {
	return feature.Manifest{Name: "all-in-one", Dirs: []string{Dir, TrainerDir},
		Assets: map[string][]byte{"all-in-one.css": css}, Styles: []string{"all-in-one.css"}}
}

// Outline implements feature.OutlineReader: the modules and their pages.
func (a *AllInOne) Outline(pages []feature.OutlinePage) {
	a.outline, a.modules, a.byKey, a.lessons = pages, nil, map[string]int{}, 0
	for _, p := range pages {
		if p.ModuleURL == "" {
			if p.Kind == "lesson" { // a lesson outside any module (an mdBook's chapters): the course view shows it
				a.lessons++
				if n := len(a.modules); n == 0 || a.modules[n-1].key != "" {
					a.modules = append(a.modules, module{})
				}
				a.modules[len(a.modules)-1].pages = append(a.modules[len(a.modules)-1].pages, p)
			}
			continue
		}
		if p.Kind == "lesson" {
			a.lessons++
		}
		if p.URL == p.ModuleURL {
			a.byKey[strings.TrimSuffix(p.URL, "/")] = len(a.modules)
			a.modules = append(a.modules, module{key: strings.TrimSuffix(p.URL, "/"), title: p.Title})
		}
		if n := len(a.modules); n > 0 && strings.TrimSuffix(p.ModuleURL, "/") == a.modules[n-1].key {
			a.modules[n-1].pages = append(a.modules[n-1].pages, p)
		}
	}
}

// Collect implements feature.Feature: the feature reads no page's tree.
func (a *AllInOne) Collect([]*feature.Page) []feature.Problem { return nil }

// Renderers implements feature.Feature: none.
func (a *AllInOne) Renderers() []util.PrioritizedValue { return nil }

// Files implements feature.Feature: none.
func (a *AllInOne) Files() map[string][]byte { return nil }

// Search implements feature.Feature: nothing, the lessons are found on their own pages.
func (a *AllInOne) Search() []feature.SearchDoc { return nil }

// Pages implements feature.Feature: the views, whose bodies Assemble makes.
func (a *AllInOne) Pages() []feature.Generated {
	if len(a.modules) == 0 {
		return nil
	}
	var out []feature.Generated
	for _, trainer := range []bool{false, true} {
		dir, edition := Dir, ""
		if trainer {
			dir, edition = TrainerDir, " for trainers"
		}
		var all []string
		for _, m := range a.modules {
			divs := divsOf(m.pages)
			all = append(all, divs...)
			if m.key == "" {
				continue // lessons outside any module: no view of their own
			}
			out = append(out, feature.Generated{URL: dir + "/" + m.key + "/", Title: m.title + ": all on one page" + edition,
				Summary: summary(trainer), NoIndex: trainer, Divs: divs, Of: m.key + "/"})
		}
		slices.Sort(all)
		out = append(out, feature.Generated{URL: dir + "/", Title: "The whole course on one page" + edition,
			Summary: summary(trainer), NoIndex: trainer, Divs: slices.Compact(all), Unlisted: trainer})
	}
	return out
}

func summary(trainer bool) string {
	if trainer {
		return "Every lesson with its trainer notes and answers shown, to prepare a session or print a facilitator's copy."
	}
	return "Every lesson on one page, to read offline or print."
}

// divsOf lists the fenced divs of pages, sorted.
func divsOf(pages []feature.OutlinePage) []string {
	var divs []string
	for _, p := range pages {
		divs = append(divs, p.Divs...)
	}
	slices.Sort(divs)
	return slices.Compact(divs)
}

// Assembles implements feature.Assembler: every page of the feature, each
// showing its module's pages or, on a course-wide page, every module's
// (none when the course is too long for one page).
func (a *AllInOne) Assembles(url string) ([]string, bool) {
	dir, rest, _ := strings.Cut(url, "/")
	if dir != Dir && dir != TrainerDir {
		return nil, false
	}
	var shows []string
	switch m, ok := a.module(rest); {
	case ok:
		shows = make([]string, 0, len(m.pages))
		for _, p := range m.pages {
			shows = append(shows, p.URL)
		}
	case rest == "" && a.lessons <= maxCourseLessons:
		shows = make([]string, 0, a.lessons+len(a.modules))
		for _, m := range a.modules {
			for _, p := range m.pages {
				shows = append(shows, p.URL)
			}
		}
	}
	return shows, true
}

// module finds the module whose view is at rest ("key/") below the
// feature's folder; a view per module, and each looking up its own, must
// not cost modules² (a course of 1,000 modules has 2,000 views).
func (a *AllInOne) module(rest string) (module, bool) {
	key, ok := strings.CutSuffix(rest, "/")
	i, found := a.byKey[key]
	if !ok || !found {
		return module{}, false
	}
	return a.modules[i], true
}

// Assemble implements feature.Assembler.
func (a *AllInOne) Assemble(url string, body func(string) []byte) template.HTML {
	dir, rest, _ := strings.Cut(url, "/")
	v := view{url: url, trainer: dir == TrainerDir, body: body, rest: rest, share: &a.share}
	if rest == "" {
		return v.course(a.modules, dir)
	}
	if m, ok := a.module(rest); ok {
		return v.module(m)
	}
	return ""
}
