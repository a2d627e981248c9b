package serve

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"p2pc/generator"
)

// rebuilder builds the site with a generator.Rebuilder and keeps the output
// folder equal to the last build that succeeded: a failed build changes
// nothing on disk.
type rebuilder struct {
	gen                    *generator.Rebuilder
	contentDir, layoutsDir string // absolute; "" when built in (not watched)
	out                    string

	site    *generator.Site // the last good build
	written bool            // out holds site (else the next good build writes it whole)
}

func newRebuilder(content, layouts fs.FS, contentDir, layoutsDir string, opts generator.Options, out string) *rebuilder {
	return &rebuilder{gen: generator.NewRebuilder(content, layouts, opts), contentDir: contentDir, layoutsDir: layoutsDir, out: out}
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
// folder. The first successful build compares every file with the folder.
func (r *rebuilder) rebuild(paths []string) outcome {
	start := time.Now()
	var content, layouts []string
	for _, p := range paths {
		if rel, ok := within(r.contentDir, p); ok {
			content = append(content, rel)
		} else if rel, ok := within(r.layoutsDir, p); ok {
			layouts = append(layouts, rel)
		}
	}
	site, changed, err := r.gen.Rebuild(content, layouts)
	if err != nil {
		return outcome{err: err, took: time.Since(start)}
	}
	r.site = site
	if changed, err = r.write(changed); err != nil {
		return outcome{err: err, took: time.Since(start)}
	}
	return outcome{changed: changed, edited: r.edited(content, changed), pages: len(site.Pages), took: time.Since(start)}
}

// write puts the last good build into the output folder, writing only the
// files that changed (the build's list of them, changed), and returns the
// files it wrote or removed.
func (r *rebuilder) write(changed []string) ([]string, error) {
	written, err := write(r.out, r.site.Files, changed, !r.written)
	r.written = err == nil // else the folder is in an unknown state: compare it whole next time
	return written, err
}

// edited returns the output page of the Markdown file among the content
// paths when there is exactly one and its page changed.
func (r *rebuilder) edited(content, changed []string) string {
	var md []string
	for _, p := range content {
		if strings.HasSuffix(p, ".md") && !slices.Contains(md, p) {
			md = append(md, p)
		}
	}
	if len(md) != 1 {
		return ""
	}
	for _, p := range r.site.Pages {
		if p.Source == md[0] {
			if _, ok := slices.BinarySearch(changed, p.Path()); ok {
				return p.Path()
			}
		}
	}
	return ""
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
