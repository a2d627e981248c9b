package feature

import "html/template"

// An Assembler is a feature some of whose pages are made of other pages'
// bodies as rendered, such as an all-in-one view of a module. It lists
// those pages in Pages like any other (their HTML is then ignored), and
// the builder asks for their bodies only once every other page is
// rendered.
type Assembler interface {
	// Assembles reports whether Assemble makes the body of the page at
	// url, and the URLs of the content pages whose bodies it shows (in a
	// build, a body is kept only until every page that shows it is made).
	Assembles(url string) (shows []string, ok bool)
	// Assemble returns the body of the page at url. body gives the HTML
	// the builder rendered from the Markdown of the page at a URL (without
	// the layout; links and ids as on that page), or nil for a URL that is
	// no content page. It is called concurrently for different urls.
	Assemble(url string, body func(pageURL string) []byte) template.HTML
}
