package generator

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// StaticDir is the folder beside the content folder whose files are copied
// as they are to the site root: CNAME, robots.txt, _headers, downloads.
const StaticDir = "static"

// staticFiles lists the files of opts.Static (hidden ones too: .well-known/)
// and reports, before anything is written, every one whose name the site
// also makes, naming both.
func staticFiles(c *checked, opts Options, errs *errorList) []string {
	if opts.Static == nil {
		return nil
	}
	var names []string
	err := fs.WalkDir(opts.Static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		errs.add(opts.StaticLabel, 0, 0, "cannot read: %v", err)
		return nil
	}
	made := c.madeNames(opts.ContentLabel)
	folders := map[string]bool{}
	for name := range made {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			folders[d] = true
		}
	}
	for _, name := range names {
		top, _, _ := strings.Cut(name, "/")
		what, clash := made[name]
		if _, reserved := c.site.features.dirs[top]; reserved {
			what, clash = "a file p2pc writes", true
		}
		if folders[name] {
			what, clash = "a folder of the site's pages", true
		}
		for d := path.Dir(name); d != "." && !clash; d = path.Dir(d) {
			what, clash = made[d]
		}
		if clash {
			errs.add(path.Join(opts.StaticLabel, name), 0, 0, "the site has %s too, %s; rename or remove one of them", name, what)
		}
	}
	return names
}

// madeNames says, by output path, what the site makes there (besides the
// folders the builder and the features reserve).
func (c *checked) madeNames(contentLabel string) map[string]string {
	made := map[string]string{"404.html": "the page p2pc makes for a missing address", "sitemap.xml": "a file p2pc writes"}
	for _, p := range append(append([]*Page{}, c.site.Pages...), c.site.Generated...) {
		if p.Source != "" {
			made[p.Path()] = "the page made from " + path.Join(contentLabel, p.Source)
		} else {
			made[p.Path()] = "a page p2pc makes"
		}
	}
	for out, src := range c.assetsIn {
		made[out] = "the copy of " + path.Join(contentLabel, src)
	}
	for name := range c.feat.files {
		made[name] = "a file p2pc writes"
	}
	for _, r := range c.site.redirects {
		made[r.file] = "a redirect of book.toml's [output.html.redirect]"
	}
	return made
}

// writeStatic copies the static files to the site root.
func (p *Pipeline) writeStatic(c *checked, out Sink, run *lastRun) error {
	for _, name := range c.static {
		data, err := fs.ReadFile(p.opts.Static, name)
		if err != nil {
			return fmt.Errorf("%s: %w", path.Join(p.opts.StaticLabel, name), err)
		}
		run.outputs[name] = true
		if err := out.Put(name, data); err != nil {
			return err
		}
	}
	return nil
}
