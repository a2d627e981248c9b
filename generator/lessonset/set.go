package lessonset

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Formats that Detect recognises, as Set.Format and DetectAs spell them.
const (
	Workbench = "workbench"
	MdBook    = "mdbook"
	Hugo      = "hugo"
)

// Set is a lesson set written for another tool: where its pages live, its
// outline (when the format has one) and its site settings.
type Set struct {
	Format      string // Workbench, MdBook or Hugo
	Root        string // folder the pages live under, slash path in the fs; "" for the fs root
	Title       string
	Description string
	Language    string
	Footer      string         // one line of Markdown: licence, credit, contact, source, only as the config gives them
	Home        *Entry         // the outline (Workbench, mdBook); nil for Hugo, whose folders are the outline
	Ignore      []string       // paths that are neither pages nor published files, sorted
	Params      map[string]any // Hugo's [params]; the Workbench's other config keys; mdBook's authors
	// FileDirs are folders whose files, Markdown too, are published as
	// they are, not as pages (a Workbench's episodes/data, episodes/files
	// and episodes/fig, which it copies whole); slash paths in the fs.
	FileDirs []string
	// HideLines are mdBook's hidden code lines: for each language, the
	// prefix of the lines a code block in it does not show ("rust": "#",
	// read as rustdoc reads it, and [output.html.code.hidelines]); nil
	// in other formats.
	HideLines map[string]string
	// RawHTML lets all raw HTML in pages through: a Hugo config's
	// markup.goldmark.renderer.unsafe. RawHTMLSetting names that setting
	// and its file, for messages; in an mdBook and a Workbench lesson,
	// whose tools have no such setting, the site.yaml beside their
	// config.
	RawHTML        bool
	RawHTMLSetting string
	// ContentLanguage is a Hugo site's default content language ("en"
	// unless defaultContentLanguage says otherwise), whose pages may be
	// named "page.en.md"; Languages are the codes of its other languages
	// ([languages]), whose pages ("page.fr.md") are not built. "" and nil
	// in other formats.
	ContentLanguage string
	Languages       []string
	// BlockAttributes: a line that is only {.class #id} after a block
	// gives them to the block (a Hugo config's
	// markup.goldmark.parser.attribute.block).
	BlockAttributes bool
	// Math are the delimiters of TeX math kept as written (a Hugo config's
	// markup.goldmark.extensions.passthrough, when enabled).
	Math []MathDelims
	// DollarMath: $…$ and $$…$$ are TeX math kept as written (an mdBook
	// with the katex preprocessor).
	DollarMath bool
	// HeadingIDs is how a Hugo site makes heading ids (its config's
	// markup.goldmark.parser.autoHeadingIDType: "github", "github-ascii"
	// or "blackfriday"); "" in other formats.
	HeadingIDs string
	// Direction is "rtl" or "ltr" where the set says how its language is
	// written (mdBook's text-direction); "" to follow the language.
	Direction string
	// Shortcodes are a Hugo site's own shortcodes: "name\tpath\n" lines,
	// by name, each with the template that defines it (in layouts/shortcodes/,
	// else in a theme's), for messages. "" in other formats.
	Shortcodes string
	// PlainPunctuation: quotes, dashes and dots stay as typed (an mdBook
	// that does not set [output.html] smart-punctuation or curly-quotes
	// to true); elsewhere they become curly quotes, dashes and ellipses.
	PlainPunctuation bool
	// TOCMarker, with mdBook's toc preprocessor (mdbook-toc), is its
	// marker ("<!-- toc -->" unless [preprocessor.toc] marker says
	// otherwise), which becomes a list of the headings after it down to
	// level TOCMaxLevel (max-level, 4 by default); "" without it.
	TOCMarker   string
	TOCMaxLevel int
	// Admonish: a code block ```admonish KIND title="…" is a box (an
	// mdBook with the admonish preprocessor).
	Admonish bool
	// Listings: <Listing number="1-1" file-name="…" caption="…"> wraps a
	// code listing (an mdBook with the Rust Book's trpl-listing
	// preprocessor).
	Listings bool
	// Redirects are an mdBook's [output.html.redirect] entries, in
	// book.toml's order: pages at old addresses that lead on; nil in
	// other formats.
	Redirects []Redirect
	// NotFound is the path of the Markdown that is the body of the site's
	// not-found page (an mdBook's 404.md, or its [output.html] input-404);
	// a page of its own only when the outline lists it. "" for none.
	NotFound string
	Problems []Problem // what is wrong, each with its place; the Set is still usable
	Warnings []Problem // what the tool accepts but the author may not mean; the build goes on
}

// Entry is one item of an outline.
type Entry struct {
	Title     string // the outline's title (SUMMARY link text, a part or group title); "" to use the page's own
	Source    string // the page's path in the fs; "" for a part, a draft, a group without a page or a missing file
	Dir       string // a group without a page: the folder that gives its URL ("episodes"); "" otherwise
	Draft     bool   // listed but not written yet (mdBook "[Title]()")
	Part      bool   // an mdBook part title; its Children are the chapters up to the next part
	Separator bool   // a rule between items
	Aside     bool   // a page published beside the outline, off its reading path (a Workbench's licence)
	Children  []*Entry
}

// Problem is something wrong in the lesson set, at a place in a file.
// Line and Col count from 1; 0 means unknown.
type Problem struct {
	Path      string
	Line, Col int
	Msg       string
}

func (p Problem) Error() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", p.Path, p.Line, p.Col, p.Msg)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.Path, p.Msg)
}

// Err joins the Set's problems into one error, or returns nil.
func (s *Set) Err() error {
	if s == nil || len(s.Problems) == 0 {
		return nil
	}
	errs := make([]error, len(s.Problems))
	for i, p := range s.Problems {
		errs[i] = p
	}
	return errors.Join(errs...)
}

// Detect recognises a lesson set at the root of fsys. It reports false for
// anything else, which the caller reads as p2pc's own format.
func Detect(fsys fs.FS) (*Set, bool) {
	for _, d := range detectors {
		if d.match(fsys) {
			return d.load(fsys), true
		}
	}
	return nil, false
}

// DetectAs is Detect with the format chosen by the author: "auto" (or "")
// detects, "p2pc" means p2pc's own format and returns a nil Set, and
// "workbench", "mdbook" or "hugo" read fsys as that format; it is an error
// when the format's config file is missing (except for "hugo": a folder
// without a Hugo config is read as Hugo's content folder).
func DetectAs(fsys fs.FS, format string) (*Set, error) {
	switch format {
	case "", "auto":
		s, _ := Detect(fsys)
		return s, nil
	case "p2pc":
		return nil, nil
	}
	for _, d := range detectors {
		if d.format != format {
			continue
		}
		if !d.present(fsys) {
			return nil, fmt.Errorf("--format %s: %s", format, d.missing)
		}
		return d.load(fsys), nil
	}
	return nil, fmt.Errorf("unknown format %q: use auto, p2pc, workbench, mdbook or hugo", format)
}

// IsStyles reports whether fsys holds a lesson in The Carpentries' older
// template, styles (a Jekyll site: _config.yml and _episodes/ or
// _episodes_rmd/), which p2pc does not read: it reads the Workbench's.
func IsStyles(fsys fs.FS) bool {
	return isFile(fsys, "_config.yml") && (isDir(fsys, "_episodes") || isDir(fsys, "_episodes_rmd"))
}

type detector struct {
	format  string
	match   func(fs.FS) bool // recognised without being asked
	present func(fs.FS) bool // enough to read it when asked for
	missing string           // why present is false
	load    func(fs.FS) *Set
}

var detectors = []detector{
	{Workbench, isWorkbench, hasWorkbenchConfig, "no config.yaml at the root of the content folder", loadWorkbench},
	{MdBook, isMdBook, isMdBook, "no book.toml or SUMMARY.md at the root of the content folder", loadMdBook},
	{Hugo, isHugo, anyFolder, "", loadHugo},
}

func exists(fsys fs.FS, name string) bool {
	if name == "" {
		name = "."
	}
	_, err := fs.Stat(fsys, name)
	return err == nil
}

func isDir(fsys fs.FS, name string) bool {
	if name == "" {
		name = "."
	}
	fi, err := fs.Stat(fsys, name)
	return err == nil && fi.IsDir()
}

func isFile(fsys fs.FS, name string) bool {
	fi, err := fs.Stat(fsys, name)
	return err == nil && !fi.IsDir()
}

// join joins slash paths, "" being the root.
func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return path.Join(dir, name)
}

// existing returns those of names that exist in fsys.
func existing(fsys fs.FS, names ...string) []string {
	var out []string
	for _, n := range names {
		if exists(fsys, n) {
			out = append(out, n)
		}
	}
	return out
}

func (s *Set) problem(file string, line, col int, format string, args ...any) {
	s.Problems = append(s.Problems, Problem{Path: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// finish sorts and deduplicates Ignore.
func (s *Set) finish() *Set {
	sort.Strings(s.Ignore)
	out := s.Ignore[:0]
	for i, p := range s.Ignore {
		if i == 0 || p != s.Ignore[i-1] {
			out = append(out, p)
		}
	}
	s.Ignore = out
	return s
}

// isMarkdown reports whether name is a Markdown page (.md, or R Markdown .Rmd).
func isMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".rmd"
}

// MathDelims are the delimiters of one kind of math: inline, or a display
// block.
type MathDelims struct {
	Open, Close string
	Display     bool
}
