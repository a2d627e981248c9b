package feature

// A Marker is a feature that marks up every page from what its Collect
// found: the glossary links the first use of each of its terms in every
// lesson and lists, under each entry, the lessons that use it. After
// Collect the builder asks for the Marks once and keeps them as long as
// the pages the feature reads stay the same, while the feature itself is
// made anew for each run: Marks must hold everything they need. Marks
// come from what Collect found in the pages the feature reads: when it
// reads none, they are Idle (the builder counts on it to render a course
// without a glossary in one parse of each page).
type Marker interface {
	Marks() Marks
}

// Marks scan every page's Markdown and change each page's tree just
// before it is rendered.
type Marks interface {
	// Key digests what Scan and Mark depend on besides the page: when it
	// changes, every page is scanned and rendered again.
	Key() uint64
	// Scan returns what the page at url uses (for the glossary: the
	// anchors of the terms its text names), from body, its Markdown with
	// front matter blanked out. It is called concurrently, and again for a
	// page only when its source or Key changes.
	Scan(url string, body []byte) []string
	// Gathers reports whether the page at url shows what every page uses
	// (the glossary's "used in" lists): it is rendered again whenever a
	// Scan result of any page changes.
	Gathers(url string) bool
	// Mark changes doc (an ast.Node over source, the page's body) just
	// before the page at url is rendered; uses are every page's Scan
	// results, in reading order. It is called concurrently for different
	// pages, must only read uses, and may be given a tree it marked
	// before (a tree a feature keeps between runs): the result must be
	// the same as on a fresh tree.
	Mark(url string, source []byte, doc any, uses []Use)
	// Idle reports that Mark changes no page and Scan finds nothing (a
	// course without a glossary): the builder then neither scans the
	// pages nor marks them, and renders each page's body from the tree it
	// parsed to check it, before the features ran.
	Idle() bool
}

// Use is what one page uses, as Scan found it.
type Use struct {
	URL, Title string
	Found      []string
}
