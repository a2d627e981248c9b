package serve

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"p2pc/generator"
)

// rebuilder runs the site's generator.Pipeline after every change, into a
// generator.Output on the output folder: the same steps as "p2pc build",
// re-running each only for the inputs that changed. A failed build changes
// nothing on disk.
type rebuilder struct {
	pipeline               *generator.Pipeline
	contentDir, layoutsDir string // absolute; "" when built in (not watched)
	out                    string
	site                   *generator.Site // the last good build
}

func newRebuilder(content, layouts fs.FS, contentDir, layoutsDir string, opts generator.Options, out string) *rebuilder {
	return &rebuilder{pipeline: generator.NewPipeline(content, layouts, opts, true),
		contentDir: contentDir, layoutsDir: layoutsDir, out: out}
}

// outcome is what one build did.
type outcome struct {
	changed []string // output files written or removed
	edited  string   // the page of the one Markdown file edited, if any
	pages   int      // pages in the site
	err     error    // build or write errors; the output folder was left as it was
	took    time.Duration
	// warnings are the problems that did not stop the build
	warnings []*generator.FileError
}

// rebuild builds the site after the files at paths (absolute, as the
// watcher reports them) changed, and writes what changed into the output
// folder. The layouts are read again on every build.
func (r *rebuilder) rebuild(paths []string) outcome {
	start := time.Now()
	var content []string
	for _, p := range paths {
		if rel, ok := within(r.contentDir, p); ok {
			content = append(content, rel)
		}
	}
	r.pipeline.Forget(content...)
	o, err := generator.OpenOutput(r.out)
	if err != nil {
		return outcome{err: err, took: time.Since(start)}
	}
	site, err := r.pipeline.Run(o)
	if err != nil {
		o.Abort()
		return outcome{err: err, took: time.Since(start)}
	}
	c, err := o.Close()
	if err != nil {
		r.pipeline.Reset() // the folder is as a stopped build leaves it: compare everything next time
		return outcome{err: err, took: time.Since(start)}
	}
	r.site = site
	changed := c.Changed()
	return outcome{changed: changed, edited: r.edited(content, changed), pages: site.PageCount(), took: time.Since(start), warnings: site.Warnings}
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
