package lessonset

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

const mdBookConfig = "book.toml"

// isMdBook: book.toml at the root, or SUMMARY.md at the root (the book's
// src folder itself).
func isMdBook(fsys fs.FS) bool {
	return isFile(fsys, mdBookConfig) || isFile(fsys, "SUMMARY.md")
}

type bookToml struct {
	Book struct {
		Title       string   `toml:"title"`
		Description string   `toml:"description"`
		Language    string   `toml:"language"`
		Direction   string   `toml:"text-direction"`
		Src         string   `toml:"src"`
		Authors     []string `toml:"authors"`
	} `toml:"book"`
	Build struct {
		BuildDir      string `toml:"build-dir"`
		CreateMissing *bool  `toml:"create-missing"` // nil: mdBook's default, true
	} `toml:"build"`
	Output struct {
		HTML struct {
			Theme   string `toml:"theme"`
			GitRepo string `toml:"git-repository-url"`
			Code    struct {
				HideLines map[string]string `toml:"hidelines"`
			} `toml:"code"`
			MathJax bool `toml:"mathjax-support"`
			// smart punctuation, off unless either is true (mdBook 0.4's
			// default; curly-quotes is its older name)
			SmartPunctuation bool `toml:"smart-punctuation"`
			CurlyQuotes      bool `toml:"curly-quotes"`
			// old address -> where it leads
			Redirect map[string]string `toml:"redirect"`
			// the not-found page's Markdown, below src; nil: 404.md when
			// there is one; "": none
			Input404 *string `toml:"input-404"`
		} `toml:"html"`
	} `toml:"output"`
	Preprocessor map[string]any `toml:"preprocessor"`
}

func loadMdBook(fsys fs.FS) *Set {
	s := &Set{Format: MdBook, Root: "src", Home: &Entry{}, RawHTMLSetting: "raw_html: true in a site.yaml beside book.toml"}
	var cfg bookToml
	if !isFile(fsys, mdBookConfig) {
		s.Root = "" // the src folder itself
	} else if b, err := fs.ReadFile(fsys, mdBookConfig); err != nil {
		s.problem(mdBookConfig, 0, 0, "%v", err)
	} else if _, err := toml.Decode(string(b), &cfg); err != nil {
		s.Problems = append(s.Problems, configProblem(mdBookConfig, tomlError(b, err)))
	} else {
		var ws []Problem
		s.Redirects, ws = bookRedirects(fsys, b, cfg.Output.HTML.Redirect)
		s.Warnings = append(s.Warnings, ws...)
	}
	s.Title = cfg.Book.Title
	s.HideLines = map[string]string{"rust": "#"}
	for lang, prefix := range cfg.Output.HTML.Code.HideLines {
		if prefix != "" {
			s.HideLines[lang] = prefix
		}
	}
	s.Description = cfg.Book.Description
	if cfg.Output.HTML.MathJax { // mdBook's own: \\( \\) and \\[ \\] in the Markdown
		s.Math = []MathDelims{{Open: `\\(`, Close: `\\)`}, {Open: `\\[`, Close: `\\]`, Display: true}}
	}
	s.PlainPunctuation = !cfg.Output.HTML.SmartPunctuation && !cfg.Output.HTML.CurlyQuotes
	_, s.DollarMath = cfg.Preprocessor["katex"]
	_, s.Admonish = cfg.Preprocessor["admonish"]
	_, s.Listings = cfg.Preprocessor["trpl-listing"]
	if toc, ok := cfg.Preprocessor["toc"]; ok {
		s.TOCMarker, s.TOCMaxLevel = tocSettings(toc)
	}
	warnPreprocessors(fsys, cfg.Preprocessor, s)
	s.Language = cfg.Book.Language
	switch d := cfg.Book.Direction; d {
	case "rtl", "ltr":
		s.Direction = d
	case "":
	default: // mdBook refuses the book
		line, col := keyPlace(fsys, mdBookConfig, "text-direction")
		s.problem(mdBookConfig, line, col, "text-direction %q is not a direction: write \"rtl\" or \"ltr\", or leave it out to follow the language", d)
	}
	if len(cfg.Book.Authors) > 0 {
		s.Params = map[string]any{"authors": cfg.Book.Authors}
	}
	var f footer
	f.text("By ", strings.Join(cfg.Book.Authors, ", "))
	f.link("Source", cfg.Output.HTML.GitRepo)
	s.Footer = f.String()

	if src := cfg.Book.Src; src != "" {
		root, ok := inside(src)
		if !ok {
			s.problem(mdBookConfig, 0, 0, "[book] src = %q leaves the book's folder; name a folder inside it", src)
		} else {
			s.Root = root
		}
	}
	buildDir := "book"
	if d, ok := inside(cfg.Build.BuildDir); ok && d != "" {
		buildDir = d
	}
	theme := "theme"
	if d, ok := inside(cfg.Output.HTML.Theme); ok && d != "" {
		theme = d
	}
	s.NotFound = notFoundInput(fsys, s, cfg.Output.HTML.Input404)
	summary := join(s.Root, "SUMMARY.md")
	s.Ignore = append(existing(fsys, mdBookConfig, buildDir, theme, join(s.Root, theme)), summary)

	src, err := fs.ReadFile(fsys, summary)
	if err != nil {
		s.problem(summary, 0, 0, "missing: mdBook's table of contents; create it")
		return s.finish()
	}
	creates := cfg.Build.CreateMissing == nil || *cfg.Build.CreateMissing
	sum := parseSummary(src, summary, s.Root, func(p string) bool { return isFile(fsys, p) }, creates)
	s.Problems = append(s.Problems, sum.problems...)
	s.Warnings = append(s.Warnings, sum.warnings...)
	s.Home.Children = sum.items
	s.Home.Title = s.Title
	if sum.home != nil {
		s.Home.Title, s.Home.Source = sum.home.Title, sum.home.Source
	}

	listed := map[string]bool{s.Home.Source: true}
	walkEntries(s.Home.Children, func(e *Entry) { listed[e.Source] = true })
	// Markdown that SUMMARY.md leaves out is not rendered (it may be included).
	fs.WalkDir(fsys, rootDir(s.Root), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != "." && (strings.HasPrefix(d.Name(), ".") || p == join(s.Root, theme) || p == theme || p == buildDir) {
				return fs.SkipDir
			}
			return nil
		}
		if isMarkdown(p) && !listed[p] && p != summary && p != s.NotFound {
			s.Ignore = append(s.Ignore, p)
		}
		return nil
	})
	return s.finish()
}

// notFoundInput is the content path of the Markdown of the book's
// not-found page, as mdBook finds it: [output.html] input-404 below the
// src folder, else 404.md there when it exists; "" when input-404 is ""
// or there is no 404.md. An input-404 that leaves the book or names no
// file is a problem at its place (mdBook stops there too).
func notFoundInput(fsys fs.FS, s *Set, input *string) string {
	if input == nil {
		if p := join(s.Root, "404.md"); isFile(fsys, p) {
			return p
		}
		return ""
	}
	if *input == "" {
		return ""
	}
	rel, ok := inside(*input)
	if p := join(s.Root, rel); ok && rel != "" && isFile(fsys, p) {
		return p
	}
	line, col := keyPlace(fsys, mdBookConfig, "input-404")
	s.problem(mdBookConfig, line, col, "input-404 %q names no file in the book's %s folder; name its not-found page's Markdown there, or leave the setting out", *input, rootDir(s.Root))
	return ""
}

// ranPreprocessors are the mdBook preprocessors whose work p2pc does:
// mdBook's own links ({{#include}} and the others) and index (README.md
// as a folder's page), katex, admonish, trpl-listing and toc, and alerts,
// whose GitHub alerts p2pc reads in every book.
var ranPreprocessors = map[string]bool{"links": true, "index": true, "katex": true, "admonish": true, "trpl-listing": true, "alerts": true, "toc": true}

// warnPreprocessors warns once for each preprocessor book.toml names
// (its [preprocessor.NAME] table) that p2pc does not run, at the table's
// place, in the file's order: the pages keep that preprocessor's syntax
// as written. One that names its renderers without html runs for none
// of mdBook's pages either and is passed over.
func warnPreprocessors(fsys fs.FS, tables map[string]any, s *Set) {
	var ws []Problem
	for name, v := range tables {
		if ranPreprocessors[name] || !forHTML(v) {
			continue
		}
		line, col := tablePlace(fsys, mdBookConfig, "preprocessor."+name)
		ws = append(ws, Problem{Path: mdBookConfig, Line: line, Col: col,
			Msg: fmt.Sprintf("preprocessor %q: p2pc does not run it, so its syntax stays in the pages as written", name)})
	}
	slices.SortFunc(ws, func(a, b Problem) int { return cmp.Or(a.Line-b.Line, strings.Compare(a.Msg, b.Msg)) })
	s.Warnings = append(s.Warnings, ws...)
}

// tocSettings are mdbook-toc's marker and max-level in its
// [preprocessor.toc] table, "<!-- toc -->" and 4 when not set.
func tocSettings(table any) (marker string, maxLevel int) {
	t, _ := table.(map[string]any)
	marker, maxLevel = "<!-- toc -->", 4
	if m, ok := t["marker"].(string); ok && strings.TrimSpace(m) != "" {
		marker = m
	}
	if l, ok := t["max-level"].(int64); ok {
		maxLevel = int(l)
	}
	return marker, maxLevel
}

// forHTML reports whether a [preprocessor.NAME] table runs for mdBook's
// HTML: it names no renderers, or html among them.
func forHTML(table any) bool {
	t, _ := table.(map[string]any)
	rs, ok := t["renderers"].([]any)
	return !ok || slices.Contains(rs, any("html"))
}

// inside cleans a relative slash path and reports whether it stays inside
// its folder. "." becomes "".
func inside(p string) (string, bool) {
	if p == "" {
		return "", true
	}
	if path.IsAbs(p) || strings.Contains(p, `\`) {
		return "", false
	}
	p = path.Clean(p)
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	if p == "." {
		p = ""
	}
	return p, true
}

func rootDir(root string) string {
	if root == "" {
		return "."
	}
	return root
}

func walkEntries(es []*Entry, fn func(*Entry)) {
	for _, e := range es {
		fn(e)
		walkEntries(e.Children, fn)
	}
}

func (e *Entry) String() string {
	switch {
	case e.Separator:
		return "---"
	case e.Part:
		return "# " + e.Title
	case e.Draft:
		return fmt.Sprintf("[%s]()", e.Title)
	}
	return fmt.Sprintf("[%s](%s)", e.Title, e.Source)
}
