package generator

import (
	"cmp"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

var urlScheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// linkTargets finds what a relative link written in the content points at.
type linkTargets struct {
	// generatedDir reports whether a top-level folder holds pages a feature
	// makes: links to them are checked after the features ran.
	generatedDir func(string) bool
	pages        map[string]*Page  // content path -> page
	modules      map[string]*Page  // content folder -> module page
	assets       map[string]string // content path -> output path
	byOutput     map[string]string // output path -> content path of the files copied as they are
	drafts       map[string]bool
	urls         map[string]*Page // clean URL ("a/b/") -> page, for links written as site URLs ("/a/b/")
	root         string           // the content folder's page root ("src" in an mdBook), for links from "/"
	bases        []string         // folders a link that leads nowhere is tried from (see fromBases)
	// readmes are an mdBook's chapters named README.md (in any case), by
	// folder: mdBook's index preprocessor publishes each as its folder's
	// index.md, so links written "index.md" lead to it; nil elsewhere
	readmes map[string]*Page
	// movedPages and movedFiles are an mdBook's old addresses, as content
	// paths ("src/old.html"), that its redirects lead on (see
	// placeRedirects): to a chapter, which links lead straight to, or else
	// to the redirect's own page, by its output file
	movedPages map[string]*Page
	movedFiles map[string]string
	// unchecked: a link that leads nowhere is a warning, in a lesson set
	// of another tool (Hugo and mdBook do not check links, the Workbench
	// warns), and the link is left as written
	unchecked bool
	urlLinks  bool // a relative link may be read against the page's URL, as Hugo reads it
	// byBase: in a Hugo site, each page by its name (a file's without .md,
	// a bundle's or section's folder's), when no other page has it, as a
	// ref names a page by its name alone
	byBase    map[string]*Page
	bookLinks bool              // a link out of the pages' folder leads to a sibling of an mdBook's host (see resolveLink)
	sources   map[string]string // rewritten link to a file -> its content path
	// generated are links to pages that features add, checked once those
	// pages exist.
	generated []generatedLink
	// frozen, once the links are checked, keeps the targets as they are
	// (rendering reads them from many goroutines).
	frozen bool
	// noAnchors: links are being rewritten while pages are still being
	// parsed, so other pages' anchors are not read (nor checked: the check
	// that follows does that, and rewriting does not depend on them)
	noAnchors bool
	// found, when frozen, records where the files links lead to were found
	// (as sources does while checking), for an early render's diagrams
	found map[string]string
	added []string // keys of sources added by the page being checked
}

// generatedLink is a link to a page a feature makes.
type generatedLink struct {
	url       string // the page's URL, in a feature's folder: "FOLDER/PAGE/"
	src       string
	line, col int
}

// linkResult is what checking a page's links found: kept while the page's
// source and place and every link target (see linkWorld) stay the same.
type linkResult struct {
	world, sum uint64
	url        string
	problems   []*FileError
	sources    [][2]string // rewritten link -> content path, for t.sources
	generated  []generatedLink
	diagrams   uint64
}

// checkLinksOnce checks a page's links, or takes what the last check of the
// same page in the same world found. A page with diagrams is always
// checked: their files may have changed.
func checkLinksOnce(p *Page, content fs.FS, t *linkTargets, errs *errorList, world uint64, cache map[string]*linkResult) {
	var r *linkResult
	if f := p.file; f != nil && f.linked != nil {
		r = f.linked // what the map holds, found without a look-up
	} else {
		r = cache[p.Source]
	}
	if r != nil && r.world == world && r.sum == p.sum && r.url == p.URL {
		errs.errs = append(errs.errs, r.problems...)
		for _, s := range r.sources {
			t.sources[s[0]] = s[1]
		}
		t.generated = append(t.generated, r.generated...)
		p.diagrams = r.diagrams
		return
	}
	pe := &errorList{}
	gen := len(t.generated)
	t.added = t.added[:0]
	checkLinks(p, content, t, pe)
	p.placeProblems(pe.errs)
	errs.errs = append(errs.errs, pe.errs...)
	if cache == nil || slices.ContainsFunc(p.links, func(l linkRef) bool { return l.diagram }) {
		return
	}
	r = &linkResult{world: world, sum: p.sum, url: p.URL, problems: pe.errs, diagrams: p.diagrams,
		generated: slices.Clone(t.generated[gen:])}
	for _, out := range t.added {
		r.sources = append(r.sources, [2]string{out, t.sources[out]})
	}
	cache[p.Source] = r
	if p.file != nil {
		p.file.linked = r
	}
}

// linkWorld digests what every link check depends on besides the page: where
// every page, module, file and draft is, and every page's anchors.
func linkWorld(s *Site, t *linkTargets) uint64 {
	k := newKey("links")
	for _, pg := range s.Pages {
		k.str(pg.Source).str(pg.URL).num(pg.anchorKey)
	}
	for _, src := range slices.Sorted(maps.Keys(t.assets)) {
		k.str(src).str(t.assets[src])
	}
	for _, d := range slices.Sorted(maps.Keys(t.drafts)) {
		k.str(d)
	}
	for _, dir := range slices.Sorted(maps.Keys(t.modules)) {
		k.str(dir).str(t.modules[dir].URL)
	}
	redirectsKey(k, s.redirects)
	return k.sum()
}

// checkLinks checks every link and image of a checked page against the
// site's pages, anchors and files, and the diagrams it puts into the page,
// recording a hash of those (the page's output depends on their bytes).
func checkLinks(p *Page, content fs.FS, t *linkTargets, errs *errorList) {
	k := newKey("diagrams")
	var last linkRef // a linked picture, [![a](x.png)](x.png), is two links at one place: one message
	var lastProblem string
	for _, l := range p.links {
		var problem string
		fail := func(format string, args ...any) { problem = fmt.Sprintf(format, args...) }
		out, ok := resolveRef(p, l.raw, l.image, t, l.line, l.col, fail)
		same := problem != "" && problem == lastProblem && l.line == last.line && l.col == last.col
		last, lastProblem = l, problem
		switch {
		case problem == "" || same:
		case !t.unchecked:
			errs.add(p.Source, l.line, l.col, "%s", problem)
		case l.image && onAnotherHost(l.raw):
			errs.warn(p.Source, l.line, l.col, "image %s is on another host: it is shown as a link to it, as the site loads nothing from other hosts (put the file beside the lesson to show it)", l.raw)
		case ok: // a missing anchor on a page that exists
			errs.warn(p.Source, l.line, l.col, "%s (the link leads to the page)", problem)
		default:
			errs.warn(p.Source, l.line, l.col, "%s (left as written)", problem)
		}
		if !ok || !l.diagram {
			continue
		}
		src, ok := t.sources[withoutQuery(out)]
		if !ok {
			continue // not a file of the content folder
		}
		svg, problem := loadDiagram(content, src)
		if problem != "" {
			// Not fit to put into the page: published as an <img>, which
			// runs no script; it is the alt text readers get.
			if strings.TrimSpace(l.alt) == "" {
				errs.warn(p.Source, l.line, l.col, "%s; it is shown as an image, and needs alt text: ![what it shows](%s)", problem, l.raw)
			}
			k.str(src).str("img")
			continue
		}
		k.str(src).num(hashBytes(svg))
	}
	p.diagrams = k.sum()
}

// resolveLinks rewrites every link and image in a checked page's tree from
// a content path to the output page's relative URL. t must be frozen.
func resolveLinks(p *Page, doc ast.Node, t *linkTargets) {
	var remote []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		image := false
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			resolveRawURLs(p, n, t)
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			dest = &n.Destination
		case *ast.Image:
			dest, image = &n.Destination, true
			if t.unchecked && onAnotherHost(string(n.Destination)) {
				remote = append(remote, n)
				return ast.WalkSkipChildren, nil
			}
		default:
			return ast.WalkContinue, nil
		}
		if out, ok := resolveRef(p, string(*dest), image, t, 0, 0, func(string, ...any) {}); ok {
			*dest = []byte(out)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range remote {
		imageAsLink(img)
	}
}

// resolveRawURLs has raw HTML node n's hrefs and srcs written as Markdown
// links and images are: leading to the page or file from where the page
// is written (<img src="img/a.svg"> in chapter.md, written to
// chapter/index.html, is ../img/a.svg).
func resolveRawURLs(p *Page, n ast.Node, t *linkTargets) {
	m := map[string]string{}
	urls, _ := markdown.RawRefs(n, p.body)
	for _, u := range urls {
		if out, ok := resolveRef(p, u.Value, u.Image, t, 0, 0, func(string, ...any) {}); ok && out != u.Value {
			m[u.Value] = out
		}
	}
	markdown.SetRawURLs(n, m)
}

// onAnotherHost reports whether a link leads to another host.
func onAnotherHost(raw string) bool {
	return urlScheme.MatchString(raw) || strings.HasPrefix(raw, "//")
}

// imageAsLink replaces an image on another host, in a lesson set of
// another tool's, with a link to it that reads "Image: " and its alt text
// (inside a link, that text alone): the site loads nothing from other
// hosts.
func imageAsLink(img *ast.Image) {
	var link ast.Node = ast.NewLink()
	for a := img.Parent(); a != nil; a = a.Parent() {
		if _, ok := a.(*ast.Link); ok { // a badge that is a link already: its text only
			link = ast.NewEmphasis(1)
			break
		}
	}
	if l, ok := link.(*ast.Link); ok {
		l.Destination, l.Title = img.Destination, img.Title
	}
	link.AppendChild(link, ast.NewString([]byte("Image: ")))
	if alt, ok := img.AttributeString("alt"); ok { // {alt=…} after it: its alt text, not its caption
		if b, _ := alt.([]byte); len(b) > 0 {
			link.AppendChild(link, ast.NewString(b))
			img.Parent().ReplaceChild(img.Parent(), img, link)
			return
		}
	}
	if !img.HasChildren() {
		link.AppendChild(link, ast.NewString([]byte(path.Base(string(img.Destination)))))
	}
	for c := img.FirstChild(); c != nil; {
		next := c.NextSibling()
		link.AppendChild(link, c)
		c = next
	}
	img.Parent().ReplaceChild(img.Parent(), img, link)
}

// resolveRef returns what a link written in page p becomes in the output,
// or reports why it cannot be followed.
func resolveRef(p *Page, raw string, image bool, t *linkTargets, line, col int, fail func(string, ...any)) (string, bool) {
	if strings.Contains(raw, "&") {
		raw = html.UnescapeString(raw) // as the browser reads it: &#106;avascript: is javascript:
	}
	switch {
	case raw == "":
		fail("link with an empty destination")
	case runsCode(raw):
		fail("link %s runs code in the reader's browser; link to a page or an http(s) address", raw)
	case urlScheme.MatchString(raw) || strings.HasPrefix(raw, "//"):
		if image {
			fail("image %s is on another host; put the file beside the lesson so the site works offline", raw)
		}
	default: // relative, or from the site root ("/section/page/", as Hugo content writes them)
		return resolveLink(p, raw, t, line, col, fail)
	}
	return "", false
}

// runsCode reports whether a link's scheme makes the browser run what
// follows (javascript:, vbscript:, data: pages), whatever its case or the
// spaces and control characters browsers skip in it.
func runsCode(raw string) bool {
	s := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(raw))
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") || strings.HasPrefix(s, "data:text/html")
}

// find returns the page a content path (or a page's URL, or an output file
// of another tool's, such as "cli/index.html" for "cli/README.md") names.
// findRef finds the page a Hugo ref names, as a path of the content
// folder without ".md": a page (name.md), a section (name/_index.md) or a
// page bundle (name/index.md); a name given with its language,
// "setup.en.md", is the page of the site's language.
func (t *linkTargets) findRef(name string) *Page {
	for _, try := range []string{name, name + ".md", name + "/_index.md", name + "/index.md"} {
		if pg := t.find(try); pg != nil {
			return pg
		}
	}
	if bare, ok := strings.CutSuffix(name, ".md"); ok {
		if m := langSuffix.FindStringIndex(bare); m != nil {
			return t.find(bare[:m[0]] + ".md")
		}
	}
	return nil
}

// langSuffix is the language code at the end of a Hugo page's name
// ("setup.en", "setup.pt-br").
var langSuffix = regexp.MustCompile(`\.[a-z]{2}(-[a-z]{2,4})?$`)

func (t *linkTargets) find(target string) *Page {
	if pg := t.pages[target]; pg != nil {
		return pg
	}
	if pg := t.modules[target]; pg != nil {
		return pg
	}
	if dir, ok := strings.CutSuffix(target, "index.html"); ok {
		dir = strings.TrimSuffix(dir, "/")
		if dir == "" {
			dir = "."
		}
		if pg := t.modules[dir]; pg != nil {
			return pg
		}
		if pg := t.urls[dir+"/"]; pg != nil {
			return pg
		}
	}
	if stem, ok := strings.CutSuffix(target, ".html"); ok { // the page's file as its own tool publishes it
		if pg := t.pages[stem+".md"]; pg != nil {
			return pg
		}
		if pg := t.pages[stem+".Rmd"]; pg != nil { // a Workbench's R Markdown episode
			return pg
		}
	}
	if target == "index.md" || strings.HasSuffix(target, "/index.md") {
		return t.readmes[path.Dir(target)]
	}
	return t.movedPages[target]
}

// mdBookReadmes are the chapters of pages named README.md, in any case, by
// folder (see linkTargets.readmes).
func mdBookReadmes(pages []*Page) map[string]*Page {
	out := map[string]*Page{}
	for _, pg := range pages {
		if strings.EqualFold(path.Base(pg.Source), "README.md") {
			out[path.Dir(pg.Source)] = pg
		}
	}
	return out
}

// fromBases tries a link that leads nowhere from its page's folder, or out
// of the content folder, from each of the lesson set's link bases (a
// Workbench site has every page at its root, so "fig/a.png" in
// learners/setup.md is episodes/fig/a.png), flattened as the Workbench
// flattens it ("../fig/a.png" is "fig/a.png", see flatLink). It returns
// the first target that exists, else target.
func (t *linkTargets) fromBases(target, link string) string {
	if len(t.bases) == 0 {
		return target
	}
	link = flatLink(link)
	if strings.HasPrefix(link, "../") {
		return target // above the Workbench's flat site too
	}
	for _, base := range t.bases {
		alt := path.Join(base, link)
		if t.find(alt) != nil || t.assets[alt] != "" {
			return alt
		}
	}
	return target
}

// flatLink is a relative link as the Workbench's lesson.lua
// (flatten_links) rewrites it for its flat site, where every page and the
// episodes' fig, data and files folders are at the root: a leading
// "../episodes/", "../learners/", "../instructors/" and "../profiles/" is
// dropped, each in turn, then a leading "../". Other links are returned
// as they are.
func flatLink(link string) string {
	for _, dir := range []string{"episodes/", "learners/", "instructors/", "profiles/"} {
		link = strings.TrimPrefix(link, "../"+dir)
	}
	return strings.TrimPrefix(link, "../")
}

// hasID reports whether a page with these ids has the one a link's
// fragment names, as written or percent-decoded, as a browser finds it
// ("#gr%C3%B6%C3%9Fe" is "#größe").
func hasID(ids map[string]bool, fragment string) bool {
	if ids[fragment] {
		return true
	}
	id, err := url.PathUnescape(fragment)
	return err == nil && id != fragment && ids[id]
}

// workbenchPages are pages the Workbench makes for a lesson, by the name
// links give them, with p2pc's page of the same: the lesson on one page,
// and the learner profiles.
var workbenchPages = map[string]string{"aio.html": "all-in-one", "profiles.html": "profiles"}

// outside reports whether a link's target, a path of the content folder,
// is outside the folder the pages are in (an mdBook's src/), or the
// content folder.
func (t *linkTargets) outside(target string) bool {
	if target == ".." || strings.HasPrefix(target, "../") {
		return true
	}
	return t.root != "" && t.root != "." && !within(target, t.root)
}

// pagesByName indexes pages by their names as a Hugo ref may give them
// ("install-cli" for docs/setup/install-cli.md, a bundle's or section's
// folder name for its index.md or _index.md), leaving out names two pages
// share.
func pagesByName(pages map[string]*Page) map[string]*Page {
	out, shared := map[string]*Page{}, map[string]bool{}
	for src, pg := range pages {
		name := strings.TrimSuffix(path.Base(src), ".md")
		if name == "index" || name == "_index" {
			name = path.Base(path.Dir(src))
		}
		if _, dup := out[name]; dup {
			shared[name] = true
		}
		out[name] = pg
	}
	for name := range shared {
		delete(out, name)
	}
	return out
}

// urlOf is the page at the site URL rooted ("/lab/step1/"), or with
// Hugo's uglyURLs its file ("/lab/step1.html", "/lab.html": the section's
// page), or nil.
func (t *linkTargets) urlOf(rooted string) *Page {
	if pg := t.urls[urlKey(rooted)]; pg != nil {
		return pg
	}
	if stem, ok := strings.CutSuffix(rooted, ".html"); ok && t.urlLinks && path.Base(stem) != "index" {
		return t.urls[urlKey(stem)]
	}
	return nil
}

// urlKey is the clean URL a link from the site root names: "/a/b" -> "a/b/", "/" -> "".
func urlKey(rooted string) string {
	if s := strings.Trim(rooted, "/"); s != "" {
		return s + "/"
	}
	return ""
}

// leavesContent reports whether a cleaned content path leads above the content
// folder.
func leavesContent(target string) bool {
	return target == ".." || strings.HasPrefix(target, "../")
}

func resolveLink(p *Page, raw string, t *linkTargets, line, col int, fail func(string, ...any)) (string, bool) {
	file, anchor, hasAnchor := strings.Cut(raw, "#")
	if file == "" {
		if anchor != "" && anchor != "top" && !hasID(p.anchors, anchor) { // "#" and "#top" are the top of the page
			fail("link to #%s, but this page has no such heading or id", anchor)
			return "", false
		}
		return raw, true
	}
	// a query leads where the link without it does, and stays: Learn's and
	// Relearn's pictures say how they are shown in one (?width=50pc)
	file, query, hasQuery := strings.Cut(file, "?")
	if hasQuery {
		query = "?" + query
		if file == "" {
			return raw, true
		}
	}
	unescaped, err := url.PathUnescape(file)
	if err != nil {
		fail("link %s: %v", raw, err)
		return "", false
	}
	from := path.Dir(p.Source)
	rooted := strings.HasPrefix(unescaped, "/")
	if rooted {
		from = cmp.Or(t.root, ".")
		if pg := t.urlOf(unescaped); pg != nil && pg.Source != "" {
			unescaped = pg.Source // a site URL: the page's own file
			from = "."
		} else if src := t.byOutput[strings.TrimLeft(unescaped, "/")]; src != "" {
			unescaped = src // a file's place in the site (a Hugo site's static/)
			from = "."
		} else {
			unescaped = "./" + strings.TrimLeft(unescaped, "/")
		}
	}
	target := path.Join(from, unescaped)
	if !rooted && t.bookLinks && t.outside(target) {
		// an mdBook's link out of the book, to a sibling book of its host
		// ("../std/vec/struct.Vec.html"): from where mdBook puts the page
		// (chapter.html), one folder above p2pc's (chapter/index.html)
		rel := path.Join(path.Dir(strings.TrimPrefix(p.Source, t.root+"/")), file) + query
		if hasAnchor {
			rel += "#" + anchor
		}
		return p.linksFrom() + rel, true
	}
	if leavesContent(target) && !rooted {
		target = t.fromBases(target, unescaped) // the Workbench's "../learners/setup.md" from index.md
	}
	if leavesContent(target) {
		fail("link %s points outside the content folder", raw)
		return "", false
	}
	target = strings.TrimSuffix(target, "/")
	if alt, ok := workbenchPages[path.Base(target)]; ok && len(t.bases) > 0 && t.find(target) == nil && t.assets[target] == "" {
		target = alt // a page sandpaper makes, which p2pc makes too
	}
	if first, _, _ := strings.Cut(target, "/"); t.generatedDir(first) {
		url := strings.TrimSuffix(strings.TrimSuffix(target, "index.html"), "/") + "/"
		if !t.frozen {
			t.generated = append(t.generated, generatedLink{url: url, src: p.Source, line: line, col: col})
		}
		out := url + "index.html" + query
		if hasAnchor {
			out += "#" + anchor
		}
		return p.linksFrom() + out, true
	}
	var out string
	to := t.find(target)
	if to == nil && t.assets[target] == "" && !rooted {
		target = t.fromBases(target, unescaped)
		to = t.find(target)
	}
	if to == nil && t.assets[target] == "" && !rooted && t.urlLinks {
		// Hugo content links to URLs, relative to the page's own: "../intro/"
		// from the page at docs/json/ is the page at docs/intro/. Its ref
		// shortcode names pages without ".md", relative to the page, else
		// to the content folder: "basics/setup" from any page.
		// A file copied as it is counts too, where the page's URL leads:
		// "../img/pic.png" from sec/page/ is the copy of sec/img/pic.png.
		at := path.Join("/"+p.URL, unescaped)
		if pg := t.urls[urlKey(at)]; pg != nil {
			to = pg
		} else if src := t.byOutput[strings.TrimPrefix(at, "/")]; src != "" {
			target = src
		} else if pg := t.findRef(target); pg != nil {
			to = pg
		} else if from := path.Join(cmp.Or(t.root, "."), unescaped); from != target {
			to = t.findRef(from)
		}
		if to == nil && !strings.Contains(strings.TrimSuffix(unescaped, "/"), "/") {
			to = t.byBase[strings.TrimSuffix(strings.TrimSuffix(unescaped, "/"), ".md")] // "install-cli": the one page of that name
		}
	}
	switch {
	case to != nil:
	case rooted && t.urls[urlKey(unescaped)] != nil:
		to = t.urls[urlKey(unescaped)]
	case t.drafts[target]:
		fail("link to %s, which is a draft and is not built (build with --drafts, or remove the link)", target)
		return "", false
	case t.movedFiles[target] != "":
		out = t.movedFiles[target] // an old address whose redirect leads elsewhere
	case t.assets[target] != "":
		out = t.assets[target]
		if !t.frozen {
			t.sources[feature.Root(p.URL)+out] = target
			t.added = append(t.added, feature.Root(p.URL)+out)
		} else if t.found != nil {
			t.found[feature.Root(p.URL)+out] = target
		}
	case rooted:
		fail("link %s: no page has the URL /%s and the content folder has no file %s", raw, urlKey(file), target)
		return "", false
	case strings.HasSuffix(target, ".md"):
		fail("link to %s, but there is no such page", target)
		return "", false
	case t.urlLinks: // Hugo's: read as the page's URL first
		fail("link %s leads nowhere: no page has the URL /%s and there is no file %s", raw, urlKey(path.Join("/"+p.URL, unescaped)), target)
		return "", false
	default:
		fail("link to %s, but there is no such file", target)
		return "", false
	}
	if to != nil {
		out = to.Path()
		if hasAnchor && anchor != "" && anchor != "top" && !t.noAnchors && !hasID(to.anchors, anchor) {
			fail("link to %s#%s, but that page has no heading or id %q", target, anchor, anchor)
			if !t.unchecked {
				return "", false
			}
			// the page exists: the link leads to it, the anchor as written
		}
	}
	out += query
	if hasAnchor {
		out += "#" + anchor
	}
	return p.linksFrom() + out, true
}

// nodeOffset finds where an inline node starts in the source, falling back
// to the block that holds it.
func nodeOffset(n ast.Node) int {
	if off := markdown.NodeOffset(n); off >= 0 {
		return off
	}
	for b := n; b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock {
			return markdown.NodeOffset(b)
		}
	}
	return 0
}
