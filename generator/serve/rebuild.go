package serve

import (
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"p2pc/generator"
)

// rebuilder builds the site and keeps the output folder equal to the last
// build that succeeded: a failed build changes nothing on disk.
type rebuilder struct {
	content, layouts       fs.FS
	contentDir, layoutsDir string // absolute; "" when built in (not watched)
	opts                   generator.Options
	out                    string

	files map[string][]byte // what out holds; nil until a build is written
	pages map[string]string // Markdown file (content path) -> its page's output file
}

// outcome is what one build did.
type outcome struct {
	changed []string // output files written or removed
	edited  string   // the page of the one Markdown file edited, if any
	pages   int      // pages in the site
	err     error    // build or write errors; the output folder was left as it was
	took    time.Duration
}

// rebuild builds the site after the files at paths (absolute, as the
// watcher reports them) changed, and writes what changed into the output
// folder. The first successful build replaces the output folder whole.
func (r *rebuilder) rebuild(paths []string) outcome {
	start := time.Now()
	site, err := generator.Build(r.content, r.layouts, r.opts)
	if err != nil {
		return outcome{err: err, took: time.Since(start)}
	}
	var changed []string
	if r.files == nil {
		err = generator.Write(r.out, site.Files)
		changed = slices.Sorted(maps.Keys(site.Files))
	} else {
		changed = diff(r.files, site.Files)
		err = update(r.out, site.Files, changed)
	}
	if err != nil {
		r.files = nil // the folder is in an unknown state: write it whole next time
		return outcome{err: err, took: time.Since(start)}
	}
	r.files = site.Files
	r.pages = map[string]string{}
	for _, p := range site.Pages {
		if p.Source != "" {
			r.pages[p.Source] = p.Path()
		}
	}
	return outcome{changed: changed, edited: r.edited(paths, changed), pages: len(site.Pages), took: time.Since(start)}
}

// edited returns the output page of the Markdown file among paths when
// there is exactly one and its page changed.
func (r *rebuilder) edited(paths, changed []string) string {
	page := ""
	for _, p := range paths {
		rel, ok := within(r.contentDir, p)
		if !ok || !strings.HasSuffix(rel, ".md") {
			continue
		}
		if out, ok := r.pages[rel]; ok {
			if page != "" && page != out {
				return ""
			}
			page = out
		}
	}
	if _, ok := slices.BinarySearch(changed, page); !ok {
		return ""
	}
	return page
}

// within returns p relative to dir, slash-separated, if p is inside dir.
func within(dir, p string) (string, bool) {
	if dir == "" {
		return "", false
	}
	rel, err := filepath.Rel(dir, p)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
