package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"sync"
)

// StaticDir is the folder beside the content folder whose files are copied
// as they are to the site root: CNAME, robots.txt, _headers, downloads.
const StaticDir = "static"

// A StaticSink passes a build's files on to another Sink, then, at Finish,
// the files of a static folder. A name that both the build and the static
// folder have is not passed on: Finish reports it as an error naming both,
// and writes no static file.
type StaticSink struct {
	out   Sink
	dir   string          // the static folder on disk
	label string          // how messages name it, such as "static"
	names map[string]bool // its files, by slash-separated path

	mu      sync.Mutex
	clashes []string
}

// NewStaticSink lists the files below dir, which messages call label. A
// dir that does not exist has no files.
func NewStaticSink(out Sink, dir, label string) (*StaticSink, error) {
	s := &StaticSink{out: out, dir: dir, label: label, names: map[string]bool{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		if p == dir {
			return fmt.Errorf("%s is not a folder", label)
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		s.names[filepath.ToSlash(rel)] = true
		return nil
	})
	return s, err
}

// Len is the number of static files.
func (s *StaticSink) Len() int { return len(s.names) }

// Put implements Sink.
func (s *StaticSink) Put(name string, data []byte) error {
	if s.clash(name) {
		return nil
	}
	return s.out.Put(name, data)
}

// Keep implements Sink.
func (s *StaticSink) Keep(name string) error {
	if s.clash(name) {
		return nil
	}
	return s.out.Keep(name)
}

func (s *StaticSink) clash(name string) bool {
	if !s.names[name] {
		return false
	}
	s.mu.Lock()
	s.clashes = append(s.clashes, name)
	s.mu.Unlock()
	return true
}

// Finish ends a build of site: it reports every name the build and the
// static folder share, naming the static file and what the site makes
// there (the page's source in contentLabel, a copied content file, or a
// file of the generator's own); else it writes the static files.
func (s *StaticSink) Finish(site *Site, contentLabel string) error {
	if len(s.clashes) > 0 {
		sources := map[string]string{"404.html": "the page p2pc makes for a missing address"}
		for _, p := range append(append([]*Page{}, site.Pages...), site.Generated...) {
			if p.Source != "" {
				sources[p.Path()] = "the page made from " + path.Join(contentLabel, p.Source)
			} else {
				sources[p.Path()] = "a page p2pc makes"
			}
		}
		var errs errorList
		sort.Strings(s.clashes)
		for _, name := range s.clashes {
			what, ok := sources[name]
			if !ok {
				what = "a file p2pc writes"
				if contentLabel != "" {
					if _, err := os.Stat(filepath.Join(contentLabel, filepath.FromSlash(name))); err == nil {
						what = "the copy of " + path.Join(contentLabel, name)
					}
				}
			}
			errs.add(path.Join(s.label, name), 0, 0, "the site has %s too, %s; rename or remove one of them", name, what)
		}
		return errs.err()
	}
	names := make([]string, 0, len(s.names))
	for name := range s.names {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		if err := s.out.Put(name, data); err != nil {
			return err
		}
	}
	return nil
}
