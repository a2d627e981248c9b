package generator

import (
	"net/url"
	"path"
	"strings"

	"p2pc/generator/feature"
	"p2pc/generator/lessonset"
)

// bookConfig is an mdBook's settings file, where its redirects are written.
const bookConfig = "book.toml"

// redirect is a page the site writes at an old address of an mdBook (an
// entry of book.toml's [output.html.redirect]) that sends the reader on,
// as mdBook writes one.
type redirect struct {
	file string // the output file at the old address: "old/page.html"
	src  string // that address as a content path ("src/old/page.html"), which links name
	// to is the chapter it leads to, with suffix (the target's ?query and
	// #fragment, as written) after its URL; nil when it leads elsewhere,
	// to href
	to     *Page
	suffix string
	href   string // an absolute URL, or a path relative to file's folder
}

// target is where the redirect page sends the reader, relative to its own
// folder (or an absolute URL), and the title it shows.
func (r *redirect) target() (href, title string) {
	if r.to == nil {
		return r.href, r.href
	}
	return feature.Root(r.file[:strings.LastIndex(r.file, "/")+1]) + r.to.Path() + r.suffix, r.to.Title
}

// placeRedirects makes the pages of the lesson set's redirects, once every
// page has its URL, and tells t about them so that links to an old
// address lead on: straight to the chapter when the redirect names one
// (without a fragment of its own), else to the redirect's page. An old
// address that leaves the site or is already a page's (p2pc's, or where
// mdBook puts a chapter) is an error at its place in book.toml. A target
// that leaves the book (a sibling on its host) is kept as written, and one
// that names no chapter nor file of the book is a warning, and kept. Each redirect costs a few map look-ups.
func (l *loader) placeRedirects(t *linkTargets) []redirect {
	if l.set == nil || len(l.set.Redirects) == 0 {
		return nil
	}
	out := make([]redirect, 0, len(l.set.Redirects))
	kept := make([]lessonset.Redirect, 0, len(l.set.Redirects))
	byFile := make(map[string]lessonset.Redirect, len(l.set.Redirects))
	for _, r := range l.set.Redirects {
		file, ok := l.redirectFile(r, t, byFile)
		if !ok {
			continue
		}
		byFile[file] = r
		out = append(out, redirect{file: file, src: path.Join(l.root, file)})
		kept = append(kept, r)
	}
	t.movedPages = make(map[string]*Page, len(out))
	t.movedFiles = make(map[string]string, len(out))
	for i := range out {
		l.redirectTarget(&out[i], kept[i], t, byFile)
	}
	for _, r := range out { // after: a target that is another old address leads to its page, whatever the order
		if r.to != nil && r.suffix == "" {
			t.movedPages[r.src] = r.to
		} else {
			t.movedFiles[r.src] = r.file
		}
	}
	return out
}

// redirectFile is the output file of redirect r's old address, or false,
// with an error at r's place, when the address leaves the site or is
// taken: by a page, a copied file (or needs a folder where one is), a
// folder of the generator's, the page mdBook makes of a chapter there, or
// an earlier redirect (in byFile).
func (l *loader) redirectFile(r lessonset.Redirect, t *linkTargets, byFile map[string]lessonset.Redirect) (string, bool) {
	fail := func(format string, args ...any) (string, bool) {
		l.errs.add(bookConfig, r.Line, r.Col, "redirect %q "+format, append([]any{r.From}, args...)...)
		return "", false
	}
	rel, ok := withinSite(strings.TrimLeft(r.From, "/"))
	if !ok {
		return fail("leaves the site: write the old address as a path of the book, such as \"/old/page.html\"")
	}
	file, ok := aliasFile(rel)
	if !ok {
		return fail("is not an address inside the site")
	}
	if first, _, _ := strings.Cut(file, "/"); l.reserved != nil && l.reserved(first) {
		return fail("is in a folder of the generator's own pages")
	}
	if src, ok := l.urls[strings.TrimSuffix(file, "index.html")]; ok {
		return fail("is the address of the page made from %s; remove the redirect, or that page", src)
	}
	if src := l.assets[file]; src != "" {
		return fail("is where the site puts the copy of %s; remove the redirect, or that file", src)
	}
	if file == "404.html" || file == "sitemap.xml" {
		return fail("is %s, which p2pc writes; remove the redirect", file)
	}
	for d := path.Dir(file); d != "."; d = path.Dir(d) {
		if src := l.assets[d]; src != "" {
			return fail("needs the folder %s, where the site puts the copy of %s; remove the redirect, or that file", d, src)
		}
	}
	if pg := t.find(path.Join(l.root, file)); pg != nil {
		return fail("is where mdBook puts the chapter %s; remove the redirect, or the chapter", pg.Source)
	}
	if prev, ok := byFile[file]; ok {
		return fail("is the same page as the redirect %q at line %d; keep one of them", prev.From, prev.Line)
	}
	return file, true
}

// redirectTarget resolves where r leads, as mdBook's redirect page reads
// it (r.To from the old page's folder, or from the book's root when it
// starts with "/"): the chapter whose mdBook page it names ("ch.html",
// "dir/index.html", "dir/"), another redirect's page (files), a copied
// file, or an absolute URL, kept. A target leaving the book is kept as
// written; one that names nothing of the book is a warning, and its path
// is kept.
func (l *loader) redirectTarget(rd *redirect, r lessonset.Redirect, t *linkTargets, files map[string]lessonset.Redirect) {
	if urlScheme.MatchString(r.To) || strings.HasPrefix(r.To, "//") {
		if runsCode(r.To) {
			l.errs.add(bookConfig, r.Line, r.Col, "redirect %q leads to %s, which runs code in the reader's browser; lead to a page or an http(s) address", r.From, r.To)
		}
		rd.href = r.To
		return
	}
	p, suffix := r.To, ""
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p, suffix = p[:i], p[i:]
	}
	if unescaped, err := url.PathUnescape(p); err == nil {
		p = unescaped
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	if !strings.HasPrefix(p, "/") {
		p = path.Join(path.Dir(rd.file), p)
	}
	rel, ok := withinSite(strings.TrimLeft(p, "/"))
	if !ok { // out of the book, to a sibling on its host ("../infra/page.html", as mdBook's guide has it): as written, from where mdBook puts the page too
		rd.href = r.To
		return
	}
	rd.suffix = suffix
	if rd.to = chapterAt(t, path.Join(l.root, rel)); rd.to != nil {
		return
	}
	root := feature.Root(rd.file[:strings.LastIndex(rd.file, "/")+1])
	switch _, moved := files[rel]; {
	case moved:
	case t.assets[path.Join(l.root, rel)] != "":
		rel = t.assets[path.Join(l.root, rel)]
	default:
		l.errs.warn(bookConfig, r.Line, r.Col, "redirect %q leads to %q, which is no chapter nor file of the book; it is kept as written", r.From, r.To)
	}
	rd.href = root + rel + suffix
}

// chapterAt is the chapter whose mdBook page is at src, a content path
// ("src/ch.html" is src/ch.md's, "src/dir/index.html" the folder's
// README.md or index.md), or nil.
func chapterAt(t *linkTargets, src string) *Page {
	if pg := t.find(src); pg != nil {
		return pg
	}
	if dir, ok := strings.CutSuffix(src, "/index.html"); ok {
		return t.readmes[dir]
	}
	if src == "index.html" {
		return t.readmes["."]
	}
	return nil
}

// withinSite cleans a slash path relative to the site's root and reports
// whether it stays inside; "." becomes "".
func withinSite(p string) (string, bool) {
	p = path.Clean(p)
	if p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
		return "", false
	}
	if p == "." {
		p = ""
	}
	return p, true
}

// redirectsKey adds to k where each redirect is and where it leads.
func redirectsKey(k *key, rs []redirect) {
	for _, r := range rs {
		k.str(r.src).str(r.file).str(r.href).str(r.suffix)
		if r.to != nil {
			k.str(r.to.Source)
		}
	}
}
