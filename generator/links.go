package generator

import (
	"net/url"
	"path"
	"regexp"
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
	drafts       map[string]bool
	sources      map[string]string // rewritten link to a file -> its content path
	// generated are links to pages that features add, checked once those
	// pages exist.
	generated []generatedLink
	// linked are the anchors that links point at, by page: a rebuild
	// that removes one must check the links again.
	linked map[*Page]map[string]bool
}

// generatedLink is a link to a page a feature makes.
type generatedLink struct {
	url       string // the page's URL, e.g. "cards/five-steps/"
	src       string
	line, col int
}

// resolveLinks rewrites every link and image in p from a content path to the
// output page's relative URL, and reports links to missing pages or anchors.
func resolveLinks(p *Page, t *linkTargets, errs *errorList) {
	_ = ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		image := false
		switch n := n.(type) {
		case *ast.Link:
			dest = &n.Destination
		case *ast.Image:
			dest, image = &n.Destination, true
		default:
			return ast.WalkContinue, nil
		}
		line, col := markdown.Position(p.body, nodeOffset(n))
		fail := func(format string, args ...any) { errs.add(p.Source, line, col, format, args...) }
		raw := string(*dest)
		switch {
		case raw == "":
			fail("link with an empty destination")
		case urlScheme.MatchString(raw) || strings.HasPrefix(raw, "//"):
			if image {
				fail("image %s is on another host; put the file beside the lesson so the site works offline", raw)
			}
		case strings.HasPrefix(raw, "/"):
			fail("link %s starts with /: write it relative to this file (e.g. ../02-five-steps/01-ask.md) so the site works under any base path", raw)
		default:
			if out, ok := resolveLink(p, raw, t, line, col, fail); ok {
				*dest = []byte(out)
			}
		}
		return ast.WalkContinue, nil
	})
}

func resolveLink(p *Page, raw string, t *linkTargets, line, col int, fail func(string, ...any)) (string, bool) {
	file, anchor, hasAnchor := strings.Cut(raw, "#")
	if file == "" {
		if !p.anchors[anchor] {
			fail("link to #%s, but this page has no such heading or id", anchor)
			return "", false
		}
		return raw, true
	}
	unescaped, err := url.PathUnescape(file)
	if err != nil {
		fail("link %s: %v", raw, err)
		return "", false
	}
	target := path.Join(path.Dir(p.Source), unescaped)
	if target == ".." || strings.HasPrefix(target, "../") {
		fail("link %s points outside the content folder", raw)
		return "", false
	}
	target = strings.TrimSuffix(target, "/")
	if first, _, _ := strings.Cut(target, "/"); t.generatedDir(first) {
		url := strings.TrimSuffix(strings.TrimSuffix(target, "index.html"), "/") + "/"
		t.generated = append(t.generated, generatedLink{url: url, src: p.Source, line: line, col: col})
		out := url + "index.html"
		if hasAnchor {
			out += "#" + anchor
		}
		return feature.Root(p.URL) + out, true
	}
	var out string
	var to *Page
	switch {
	case t.pages[target] != nil:
		to = t.pages[target]
	case t.modules[target] != nil:
		to = t.modules[target]
	case t.drafts[target]:
		fail("link to %s, which is a draft and is not built (build with --drafts, or remove the link)", target)
		return "", false
	case t.assets[target] != "":
		out = t.assets[target]
		t.sources[feature.Root(p.URL)+out] = target
	case strings.HasSuffix(target, ".md"):
		fail("link to %s, but there is no such page", target)
		return "", false
	default:
		fail("link to %s, but there is no such file", target)
		return "", false
	}
	if to != nil {
		out = to.Path()
		if hasAnchor && anchor != "" && !to.anchors[anchor] {
			fail("link to %s#%s, but that page has no heading or id %q", target, anchor, anchor)
			return "", false
		}
		if hasAnchor && anchor != "" {
			t.link(to, anchor)
		}
	}
	if hasAnchor {
		out += "#" + anchor
	}
	return feature.Root(p.URL) + out, true
}

// link records that a link points at anchor on page to.
func (t *linkTargets) link(to *Page, anchor string) {
	if t.linked == nil {
		t.linked = map[*Page]map[string]bool{}
	}
	if t.linked[to] == nil {
		t.linked[to] = map[string]bool{}
	}
	t.linked[to][anchor] = true
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
