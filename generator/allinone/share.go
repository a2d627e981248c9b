package allinone

import (
	"bytes"
	"slices"
	"sync"

	"p2pc/generator/feature"
)

// The learners' and the trainers' edition of a view differ only in their
// opening: the pages they show, rewritten, are the same bytes (both
// editions' folders are as deep, so every link is the same). The first
// edition made leaves them here for the other, which takes them when it
// shows the same pages with the same bodies. Both editions of a view are
// made together, so an entry lives for a moment; one left by a failed run
// is checked like any other, so it is never shown stale.
type shared struct {
	mu    sync.Mutex
	views map[string]sharedView // by the view's URL after its edition's folder
}

type sharedView struct {
	root   string
	pages  []feature.OutlinePage
	bodies [][]byte
	made
}

// made is the learners' edition of a view's pages: its HTML, and the
// offsets in it where a <details> tag's name ends.
type made struct {
	html  string
	opens []int
}

// take returns the pages of view rest as the other edition made them, when
// they show the same pages and bodies from the same depth; else it makes
// them and leaves them for the other edition.
func (s *shared) take(rest, root string, pages []feature.OutlinePage, bodies [][]byte, make func() made) made {
	s.mu.Lock()
	e, ok := s.views[rest]
	if ok {
		delete(s.views, rest)
	}
	s.mu.Unlock()
	if ok && e.root == root && slices.EqualFunc(e.pages, pages, samePage) && slices.EqualFunc(e.bodies, bodies, bytes.Equal) {
		return e.made
	}
	m := make()
	s.mu.Lock()
	if s.views == nil {
		s.views = map[string]sharedView{}
	}
	s.views[rest] = sharedView{root: root, pages: pages, bodies: bodies, made: m}
	s.mu.Unlock()
	return m
}

// samePage reports whether two pages are shown alike on a view.
func samePage(a, b feature.OutlinePage) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Kind == b.Kind
}
