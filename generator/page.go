package generator

import (
	"html/template"
	"time"

	"github.com/yuin/goldmark/ast"

	"p2pc/generator/feature"
	"p2pc/generator/markdown"
	"p2pc/generator/search"
)

// Page is one output page: the home page, a module's page or a lesson.
type Page struct {
	FrontMatter
	Source string // path in the content folder; "" for a module without an index file
	URL    string // clean URL relative to the site root: "five-steps/ask/"; "" for the home page
	Kind   string // "home", "module", "lesson" or "page" (a top-level page outside the modules)
	Module *Module
	HTML   template.HTML
	TOC    []TOCEntry
	// TitleID is the id the # heading the title was taken from had, which
	// the layouts give the page's <h1>, so that links to it lead there
	// (mdBook pages link to "#chapter-title"); "" when there was none.
	TitleID    string
	WordCount  int
	Prev, Next *Page
	NoIndex    bool     // ask search engines not to index the page
	Parents    []*Page  // for generated pages: the generated pages above it, outermost first
	Views      []*Page  // generated pages that show this page in another form (Generated.Of)
	unlisted   bool     // a generated page left out of the navigation
	checkTree  ast.Node // the tree the check parsed, kept for the features when they read the page
	// notesTree: checkTree holds only the page's headings and trainer
	// notes (see notesOnly), its links rewritten; the body is rendered
	notesTree bool

	// lenient: the page is of another tool's lesson set, where what that
	// tool lets pass is a warning (an unclosed fenced div)
	lenient bool
	// outlineTitle is the title a page without one of its own (in its
	// front matter or a # heading) takes from its lesson set's outline
	outlineTitle string
	// linkRoot is where the page's links are written from when not from
	// its URL's folder: the site's root or base URL for the not-found
	// page, shown at any address
	linkRoot      string
	shortcodeSeen bool // a warning named a Hugo shortcode in the text (once a page)
	body          []byte
	early         earlyRef // the body rendered while checking (see earlyBodies)
	spooled       earlyRef // the body's Markdown, spooled with it
	texts         earlyRef // sections' texts, spooled with it (sections then hold none)
	sum           uint64   // hash of the source file's bytes
	doc           ast.Node
	anchors       map[string]bool
	titleLine     int      // 0 when the title was not taken from a # heading
	divs          []string // names of the fenced divs as parsed, before features replace theirs
	links         []linkRef
	sections      []search.Section // the page's text for the search, by heading
	diagrams      uint64           // hash of the diagrams put into the page
	anchorKey     uint64           // digest of the page's anchors
	lines         []int            // body line -> source line, when directives changed the body
	lineIndex     *markdown.Lines  // where the body's lines start, made on first use
	file          *sourceFile      // the source as a server's Pipeline keeps it (see sourceFile.parse); nil in a build
	path          string           // Path, made once for the URL it starts with (see notePaths)
}

// linksFrom is what the page's links to other pages and files start
// with: its linkRoot when set, else the way up from its URL to the root.
func (p *Page) linksFrom() string {
	if p.linkRoot != "" {
		return p.linkRoot
	}
	return feature.Root(p.URL)
}

// placeProblems moves the problems found in page p's body to the lines of
// its file, when directives (includes, shortcodes) changed the body.
func (p *Page) placeProblems(errs []*FileError) {
	if p.lines == nil {
		return
	}
	for _, e := range errs {
		if e.Path == p.Source && e.Line >= 1 && e.Line <= len(p.lines) {
			e.Line = p.lines[e.Line-1]
		}
	}
}

// TOCEntry is a heading listed in a page's table of contents.
type TOCEntry struct {
	Level int
	ID    string
	Text  string
}

// Path is the page's file relative to the site root: "five-steps/ask/index.html".
// Links use it so the site also works opened from disk.
func (p *Page) Path() string {
	if n := len(p.URL); len(p.path) == n+len("index.html") && p.path[:n] == p.URL {
		return p.path // made once (see notePaths)
	}
	return p.URL + "index.html"
}

// ReadingMinutes estimates the reading time at 200 words a minute, at least 1.
func (p *Page) ReadingMinutes() int { return max(1, (p.WordCount+199)/200) }

// Minutes is the page's duration if set, else its reading time.
func (p *Page) Minutes() int {
	if p.Duration > 0 {
		return p.Duration
	}
	return p.ReadingMinutes()
}

// Updated is the day the page was last changed, as its front matter gives
// it (Hugo's lastmod, else its date), "2006-01-02"; "" when not given or
// not a date.
func (p *Page) Updated() string {
	for _, d := range []string{p.Lastmod, p.Date} {
		if len(d) >= 10 && isDay(d[:10]) {
			return d[:10]
		}
	}
	return ""
}

// isDay reports whether s is a day written 2006-01-02.
func isDay(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// Crumbs lists the modules above the page, outermost first, without the home.
func (p *Page) Crumbs() []*Module {
	var out []*Module
	m := p.Module
	if p.Kind == "module" {
		m = m.Parent
	}
	for ; m != nil && m.Parent != nil; m = m.Parent {
		out = append([]*Module{m}, out...)
	}
	return out
}

// Within reports whether the page is in module m or one of its submodules.
func (p *Page) Within(m *Module) bool {
	for x := p.Module; x != nil; x = x.Parent {
		if x == m {
			return true
		}
	}
	return false
}

// Module is a folder of lessons; the content root is the home module.
type Module struct {
	Dir     string // folder in the content tree; "." for the root
	Page    *Page  // the module's own page (from _index.md, index.md or README.md)
	Lessons []*Page
	Modules []*Module
	Parent  *Module
	order   int
	name    string
	items   []Item // the order of Lessons and Modules together, when an outline gives one
}

// Title is the module's title.
func (m *Module) Title() string { return m.Page.Title }

// LessonCount is the number of the module's lessons, submodules' included,
// as its lesson list shows them and the progress count counts them.
func (m *Module) LessonCount() int {
	n := len(m.Lessons)
	for _, s := range m.Modules {
		n += s.LessonCount()
	}
	return n
}

// Minutes is the total duration of the module's lessons, submodules included.
func (m *Module) Minutes() int {
	total := 0
	for _, l := range m.Lessons {
		total += l.Minutes()
	}
	for _, s := range m.Modules {
		total += s.Minutes()
	}
	return total
}
