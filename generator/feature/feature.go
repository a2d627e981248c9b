// Package feature is the contract between the site builder and the parts
// that give lessons a meaning of their own, such as conversation cards or
// worksheets. The builder knows a feature only through this contract:
//
//   - Manifest declares what the feature owns: the fenced-div names it
//     reads or renders, the top-level output folders it reserves, its search
//     kinds, its assets (loaded only on the pages that use it) and the divs
//     that hold notes for trainers. Two features may not claim the same div
//     name, folder or asset.
//   - Collect sees every parsed lesson once, in reading order, and returns
//     the problems it finds; a feature keeps what it derives for itself.
//   - Pages, Files and Search return what the feature adds to the site.
//
// A feature that needs another's result reads a documented value of the
// other's package, never its trees. The built-in features are registered
// in one list, in package generator.
package feature

import (
	"html/template"
	"slices"
	"strings"

	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"p2pc/generator/markdown"
)

// Page is a parsed Markdown page as a feature sees it.
type Page struct {
	Source    string // path in the content folder, e.g. "02-five-steps/02-ask.md"
	URL       string // clean URL relative to the site root, e.g. "five-steps/ask/"
	Title     string
	Module    string // title of the page's top-level module ("" for top-level pages)
	ModuleURL string // URL of that module, e.g. "five-steps/"
	ModuleKey string // last segment of ModuleURL, e.g. "five-steps", the default deck name
	Body      []byte // the Markdown source with front matter blanked out (line numbers are true)
	Doc       any    // the goldmark tree (an ast.Node); a feature may change it before rendering
	// Hidden are the fenced divs learners do not see (trainer notes):
	// leave them out of text for learners, such as search items.
	Hidden map[string]bool
}

// Problem is a mistake in a content file, reported as path:line:col: message.
type Problem struct {
	Path      string
	Line, Col int
	Msg       string
}

// Generated is a page a feature adds; the builder shows it inside the site's
// layout (header, navigation, footer) at URL.
type Generated struct {
	URL     string        // clean URL, e.g. "cards/" or "cards/five-steps/"
	Title   string        // the page's <h1> and <title>
	Summary string        // one sentence under the title
	HTML    template.HTML // the body; links in it are relative to URL (see Root)
	NoIndex bool          // add <meta name="robots" content="noindex">
	// Divs are fenced-div names whose features' styles and scripts the
	// page loads, as a lesson with those divs does (for a page that shows
	// other pages' bodies).
	Divs []string
	// Of is the URL of the content page this page shows in another form
	// (a module's all-in-one view): that page links to it.
	Of string
	// Unlisted leaves a top-level page out of the site's navigation (it is
	// linked from elsewhere, such as a trainers' edition from its learners').
	Unlisted bool
}

// SearchDoc is something a feature wants found by the site's search.
type SearchDoc struct {
	URL     string // page path relative to the site root, ending in index.html
	Anchor  string // id of the element on that page
	Title   string
	Module  string
	Kind    string // one of the feature's Manifest.SearchKinds
	Heading string
	Text    string
}

// Manifest is everything a feature owns, declared once.
type Manifest struct {
	Name string // for messages: "cards"
	// Divs are the fenced-div names whose content the feature reads in
	// Collect: a change to a lesson with one of them runs the feature again.
	Divs []string
	// Reads, when set, reports whether Collect reads the lesson at a URL
	// whatever its divs (the glossary reads one lesson whole).
	Reads func(url string) bool
	// ReadsTrainerNotes has Collect see every page with a trainer note
	// (any feature's TrainerNotes div), as it sees pages with its Divs, to
	// read: a page seen only for its notes is rendered from its source, so
	// changes to its tree are lost, and its tree may hold only its headings
	// and its trainer notes whole, in the blocks that hold them (a build
	// renders the page first and keeps no more of it).
	ReadsTrainerNotes bool
	// Render draws fenced divs in lessons by name, in place (for divs that
	// need nothing from other lessons, such as boxes).
	Render map[string]markdown.DivFunc
	// TrainerNotes are the fenced divs that hold notes for trainers, with
	// their default heading. The builder renders them all alike (an aside
	// of class trainer-note), hides them from learners and leaves them out
	// of the search.
	TrainerNotes map[string]string
	// Dirs are the top-level output folders the feature's pages and files
	// live in ("cards"). Content may not use them, and links from lessons
	// to pages in them are checked once the feature has made its pages.
	Dirs []string
	// SearchKinds are the kinds of the feature's search items, in the order
	// the search filter lists them.
	SearchKinds []string
	// Assets are files written under assets/ (a file of the same name in
	// the layouts folder's assets/ replaces one). Styles and Scripts name
	// those that pages which use the feature load: pages with one of its
	// divs and pages in its Dirs.
	Assets          map[string][]byte
	Styles, Scripts []string
	// EveryPage loads Styles and Scripts on every page of the site (for
	// features that work in the reader's browser on any page, such as
	// progress marks). A script learns where it is from the body's
	// data-root (relative path to the site root), data-page (the page's
	// URL from the root, "" on the home page), data-kind ("lesson",
	// "module", "home", "generated", ...) and data-site (an id of the site,
	// to scope what it stores in the browser).
	EveryPage bool
	// OwnFormat: the feature works in p2pc's own format only. In a lesson
	// set of another tool (a Workbench lesson, an mdBook, a Hugo site),
	// which has no such feature, it is off: Reads finds no page, Collect
	// sees none, and no page loads its Styles and Scripts.
	OwnFormat bool
}

// Uses reports whether a page with these fenced divs uses the feature.
func (m Manifest) Uses(divs []string) bool {
	for _, d := range divs {
		if slices.Contains(m.Divs, d) || m.Render[d] != nil || m.TrainerNotes[d] != "" {
			return true
		}
	}
	return false
}

// Feature gives some lessons and fenced divs their meaning.
type Feature interface {
	// Manifest declares what the feature owns; it is the same every call.
	Manifest() Manifest
	// Renderers returns goldmark node renderers for the feature's nodes
	// (in lessons), with priorities as util.Prioritized expects.
	Renderers() []util.PrioritizedValue
	// Collect sees every parsed page, in reading order, before rendering.
	// It may change the trees (for example replace a fenced div by a node
	// of its own) and returns every problem it finds.
	Collect(pages []*Page) []Problem
	// Pages returns the pages to show inside the site's layout.
	Pages() []Generated
	// Files returns files written as they are (print pages, downloads),
	// keyed by slash-separated path relative to the site root.
	Files() map[string][]byte
	// Search returns the feature's searchable items.
	Search() []SearchDoc
}

// Lesson is what every lesson declares, as a feature that reads all of them
// sees it.
type Lesson struct {
	Title, URL string
	Objectives []string
}

// A LessonReader is a feature that needs what every lesson declares, not
// only the pages with its divs (to check a reference to another lesson's
// objective, say). The builder calls Lessons before each Collect with a
// look-up by content path; ok is false for a path that is not a page.
type LessonReader interface {
	Lessons(lookup func(source string) (l Lesson, ok bool))
}

// OutlinePage is a module or lesson of the site's outline.
type OutlinePage struct {
	Kind       string // "module" or "lesson"
	Title, URL string
	ModuleURL  string   // URL of the top-level module the page is in ("" for none)
	Divs       []string // names of the fenced divs the page has
}

// An OutlineReader is a feature that needs the site's modules and lessons
// in reading order, not their text (to count a learner's progress, say).
// The builder calls Outline before each Collect; reading the outline feeds
// the feature no page.
type OutlineReader interface {
	Outline(pages []OutlinePage)
}

// Root is the relative path from a page at url up to the site root: "../../".
func Root(url string) string { return strings.Repeat("../", strings.Count(url, "/")) }

// NodeRenderer is re-exported so features need not import goldmark's renderer package to name it.
type NodeRenderer = renderer.NodeRenderer
