package generator

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Hugo's default order of a section's pages, which a Hugo site's modules
// follow instead of p2pc's (weight, else a numeric name prefix, else the
// file name).

// sortHugo sorts the lessons and the submodules of a module of a Hugo
// site as Hugo orders a section's pages: by weight, pages without one
// last; then by date, newest first; then by link title; then by path. In
// a section below the home they are also sorted together, as its items.
func sortHugo(m *Module) {
	dates := hugoDates{} // each page's date read once, not at every comparison
	slices.SortStableFunc(m.Lessons, func(a, b *Page) int {
		return dates.order(a, b, a.Source, b.Source)
	})
	slices.SortStableFunc(m.Modules, func(a, b *Module) int {
		return dates.order(a.Page, b.Page, a.Dir, b.Dir)
	})
	if m.Parent == nil || len(m.Modules) == 0 || len(m.Lessons) == 0 {
		return // the home's sections stay apart from its pages (standalone pages)
	}
	// A section's pages and subsections in one order, as Hugo lists them
	// (a subsection of weight 1 before a page of weight 5).
	items := m.Items()
	slices.SortStableFunc(items, func(a, b Item) int {
		pa, sa := itemPage(a)
		pb, sb := itemPage(b)
		return dates.order(pa, pb, sa, sb)
	})
	m.items = items
}

// itemPage is the page of a module's item and its path.
func itemPage(it Item) (*Page, string) {
	if it.Module != nil {
		return it.Module.Page, it.Module.Dir
	}
	return it.Lesson, it.Lesson.Source
}

// hugoDates are pages' front-matter dates in seconds, read once each.
type hugoDates map[*Page]int64

func (d hugoDates) of(p *Page) int64 {
	t, ok := d[p]
	if !ok {
		t = hugoDate(p.Date)
		d[p] = t
	}
	return t
}

// order compares two pages as Hugo's default sort does; pa and pb are
// their paths.
func (d hugoDates) order(a, b *Page, pa, pb string) int {
	switch wa, wb := a.Weight, b.Weight; {
	case wa == wb:
	case wa == 0:
		return 1
	case wb == 0:
		return -1
	default:
		return cmp.Compare(wa, wb)
	}
	if c := cmp.Compare(d.of(b), d.of(a)); c != 0 {
		return c
	}
	ta, tb := a.NavTitle(), b.NavTitle()
	return cmp.Or(cmp.Compare(strings.ToLower(ta), strings.ToLower(tb)), cmp.Compare(ta, tb), cmp.Compare(pa, pb))
}

// hugoDateLayouts are the forms of a front-matter date Hugo reads.
var hugoDateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999", "2006-01-02T15:04Z07:00", "2006-01-02T15:04", time.DateOnly,
}

// hugoDate is a front-matter date in seconds, as Hugo compares dates; a
// page without one (or with one it cannot read) has Go's zero time.
func hugoDate(s string) int64 {
	t, _ := parseHugoDate(s)
	return t.Unix()
}

// parseHugoDate reads a front-matter date in one of Hugo's forms; ok is
// false (and t Go's zero time) when it is in none.
func parseHugoDate(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	for _, layout := range hugoDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
