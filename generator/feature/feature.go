// Package feature is the contract between the site builder and the parts
// that give fenced divs a meaning of their own (cards, worksheets): the
// builder hands every parsed lesson to each Feature, which checks and
// collects what it needs, and then adds pages and files to the site.
package feature

import (
	"html/template"
	"strings"

	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
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
}

// SearchDoc is something a feature wants found by the site's search.
type SearchDoc struct {
	URL     string // page path relative to the site root, ending in index.html
	Anchor  string // id of the element on that page
	Title   string
	Module  string
	Kind    string // "card" or "question"
	Heading string
	Text    string
}

// Feature gives some fenced divs their meaning.
type Feature interface {
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

// Root is the relative path from a page at url up to the site root: "../../".
func Root(url string) string { return strings.Repeat("../", strings.Count(url, "/")) }

// NodeRenderer is re-exported so features need not import goldmark's renderer package to name it.
type NodeRenderer = renderer.NodeRenderer
