package directive

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
)

// Env is what Expand may use besides the page's own text.
type Env struct {
	// Format selects the syntax: "mdbook", "hugo", or "" for both.
	Format string
	// Read returns a content file by its slash path relative to the
	// content root, or an error wrapping fs.ErrNotExist when there is no
	// such file (or the path leaves the content root). Expand reads
	// nothing else. A nil Read finds no files.
	Read func(name string) ([]byte, error)
	// Params are the site params {{< param >}} looks up.
	Params map[string]any
	// PageParams are the page's own params (the front-matter keys p2pc
	// keeps in Params), which {{< param >}} looks up before the site's,
	// as Hugo does.
	PageParams map[string]any
	// Admonish reads mdbook-admonish's ```admonish code blocks as boxes
	// (see admonish), before the directives.
	Admonish bool
	// Listings reads the Rust Book's <Listing> elements (its trpl-listing
	// preprocessor): see trplListings.
	Listings bool
	// ContentRoot is a Hugo site's content folder, when Read reads from
	// the site's root ("content"; "" when the content folder is the
	// root): an include is looked for next to the page, then from it,
	// then from the root.
	ContentRoot string
	// SiteShortcodes are a Hugo site's own shortcodes, the templates in
	// its layouts/shortcodes/ and its themes': "name\tpath\n" lines. The
	// warning for one p2pc does not expand says where the site defines it.
	SiteShortcodes string
	// KnitrChildren reads an R Markdown page: each chunk with a child
	// option gives the child file's Markdown in its place (see
	// knitrChildren), read as an include is; Format is not looked at, and
	// no other directive is expanded.
	KnitrChildren bool
}

// Result is a page body with its directives expanded.
type Result struct {
	Body []byte
	// Lines[i] is the 1-based line of the original body that line i+1 of
	// Body comes from; included and generated lines map to the line of
	// their directive. len(Lines) is the number of lines in Body.
	Lines []int
	// Title is the text of the last {{#title …}}, or "".
	Title string
	// Includes are the content paths read by includes, each once, in the
	// order first read.
	Includes []string
	// Problems are the errors and warnings, in order of place.
	Problems []Problem
}

// Problem is an error or a warning at a place in the original body.
// Line and Col are 1-based; Col counts bytes.
type Problem struct {
	Line, Col int
	Msg       string
	Warning   bool
}

// String formats p as "line:col: message" ("line:col: warning: message").
func (p Problem) String() string {
	if p.Warning {
		return fmt.Sprintf("%d:%d: warning: %s", p.Line, p.Col, p.Msg)
	}
	return fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg)
}

// problem is a Problem at a byte offset of the text a pass reads.
type problem struct {
	off     int
	msg     string
	warning bool
}

// Expand returns body, the Markdown source of the content file src (a
// slash path relative to the content root), with every directive
// expanded. It never fails: what it cannot expand is reported in
// Result.Problems. Result.Body is body itself when it holds no "{{" and
// no admonish or knitr child chunk is read.
func Expand(src string, body []byte, env Env) Result {
	res := expand(src, body, env)
	if env.KnitrChildren {
		if off := firstInlineR(body); off >= 0 {
			res.Problems = append(res.Problems, newLineIndex(body).problem(off,
				"inline R code (`r …`) is not run: p2pc shows it as code (knitr shows its value); write the value, or leave it as code", true))
			sortProblems(res.Problems)
		}
	}
	return res
}

// expand is Expand but for the warning about inline R code.
func expand(src string, body []byte, env Env) Result {
	if env.Admonish && bytes.Contains(body, []byte("admonish")) {
		body = admonish(body) // each line keeps its number
	}
	if env.Listings && bytes.Contains(body, []byte("<Listing")) {
		body = trplListings(body) // each line keeps its number
	}
	knitrOnly := false
	if env.KnitrChildren {
		body, knitrOnly = knitrChildren(body) // each line keeps its number
	}
	srcLines := newLineIndex(body)
	var res Result
	var mdbookOn, hugoOn bool
	switch {
	case env.KnitrChildren: // R Markdown: no book's or site's directives
		mdbookOn = knitrOnly
	case env.Format == "mdbook":
		mdbookOn = true
	case env.Format == "hugo":
		hugoOn = true
	case env.Format == "":
		mdbookOn, hugoOn = true, true
	default:
		res.Body, res.Lines = body, srcLines.identity()
		res.Problems = []Problem{{Line: 1, Col: 1, Msg: fmt.Sprintf("unknown directive format %q: want \"mdbook\", \"hugo\" or \"\" (both)", env.Format)}}
		return res
	}
	if !mdbookOn && !hugoOn || !bytes.Contains(body, []byte("{{")) {
		// No directive, as in most lessons.
		res.Body, res.Lines = body, srcLines.identity()
		return res
	}

	text, lines := body, []int(nil)
	var segs []segment
	if mdbookOn {
		m := newMdbook(env)
		m.knitrOnly = knitrOnly
		m.run(src, body, srcLines)
		text, lines, segs = m.w.buf, m.w.lines, m.w.segs
		res.Title, res.Includes = m.title, m.includes
		for _, p := range m.problems {
			res.Problems = append(res.Problems, srcLines.problem(p.off, p.msg, p.warning))
		}
	}
	if !hugoOn {
		res.Body, res.Lines = text, lines
		sortProblems(res.Problems)
		return res
	}

	h := newHugo(text, env)
	h.src, h.stack = src, []string{src}
	h.run()
	if len(h.inc.list) > 0 {
		seen := map[string]bool{}
		for _, name := range res.Includes {
			seen[name] = true
		}
		for _, name := range h.inc.list {
			if !seen[name] {
				res.Includes = append(res.Includes, name)
			}
		}
	}
	res.Body = h.w.buf
	res.Lines = h.w.lines
	if mdbookOn {
		// Hugo's lines are lines of the mdBook pass's output.
		for i, l := range res.Lines {
			res.Lines[i] = lines[min(l, len(lines))-1]
		}
	}
	for _, p := range h.problems {
		off, msg := p.off, p.msg
		if mdbookOn {
			var file string
			if off, file = mapOffset(segs, off); file != "" {
				msg = fmt.Sprintf("in included %q: %s", file, msg)
			}
		}
		res.Problems = append(res.Problems, srcLines.problem(off, msg, p.warning))
	}
	sortProblems(res.Problems)
	return res
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}
