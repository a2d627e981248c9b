package generator

import (
	"html/template"
	"strconv"
	"strings"
)

// The navigation every page prints (its breadcrumbs, the pager, a lesson's
// table of contents) is made here, in Go: the partials "breadcrumbs" and
// "pager" and lesson.html print it with one call each (breadcrumbsHTML,
// pagerHTML, tocHTML). Written as template markup it was nearly half of
// a lesson page's template work (300 of its 660 allocations): html/template
// runs two or three escapers, through reflection, for each value it
// prints. The markup, and its escaping, are byte for byte what the same
// markup written as a template gives (testdata/navmarkup.html, which
// TestNavMarkup and FuzzNavMarkup compare them with), so a layout that
// wants other markup can start from there.

// breadcrumbsHTML is the trail from the home to page d.Page.
func breadcrumbsHTML(d pageData) template.HTML {
	var b strings.Builder
	b.WriteString(`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>` + "\n  <li><a href=\"")
	escapeURL(&b, d.Root)
	b.WriteString("index.html\">Home</a></li>\n  ")
	for _, m := range d.Page.Crumbs() {
		crumb(&b, d.Root, m.Page.Path(), m.Title())
	}
	b.WriteString("\n  ")
	for _, p := range d.Page.Parents {
		crumb(&b, d.Root, p.Path(), p.Title)
	}
	b.WriteString("\n  <li><span aria-current=\"page\">")
	escapeText(&b, d.Page.Title)
	b.WriteString("</span></li>\n</ol></nav>")
	return template.HTML(b.String())
}

func crumb(b *strings.Builder, root, path, title string) {
	b.WriteString(`<li><a href="`)
	escapeURL(b, root)
	escapeURL(b, path)
	b.WriteString(`">`)
	escapeText(b, title)
	b.WriteString("</a></li>")
}

// pagerHTML links page d.Page's previous and next pages, if it has either.
func pagerHTML(d pageData) template.HTML {
	prev, next := d.Page.Prev, d.Page.Next
	if prev == nil && next == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<nav class="pager" aria-label="Previous and next">` + "\n  ")
	if prev != nil {
		pagerLink(&b, d.Root, prev, "prev", "Previous")
	}
	b.WriteString("\n  ")
	if next != nil {
		pagerLink(&b, d.Root, next, "next", "Next")
	}
	b.WriteString("\n</nav>")
	return template.HTML(b.String())
}

func pagerLink(b *strings.Builder, root string, p *Page, rel, label string) {
	b.WriteString(`<a class="` + rel + `" rel="` + rel + `" href="`)
	escapeURL(b, root)
	escapeURL(b, p.Path())
	b.WriteString(`"><span class="pager-label">` + label + "</span> ")
	escapeText(b, p.NavTitle())
	b.WriteString("</a>")
}

// tocHTML lists page d.Page's headings, if it has any.
func tocHTML(d pageData) template.HTML {
	if len(d.Page.TOC) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<nav class="toc" aria-label="On this page">` + "\n    " +
		`<p class="box-title">On this page</p>` + "\n    <ol>")
	for _, e := range d.Page.TOC {
		b.WriteString(`<li class="toc-`)
		b.WriteString(strconv.Itoa(e.Level))
		b.WriteString(`"><a href="#`)
		escapeFragment(&b, e.ID)
		b.WriteString(`">`)
		escapeText(&b, e.Text)
		b.WriteString("</a></li>")
	}
	b.WriteString("</ol>\n  </nav>")
	return template.HTML(b.String())
}

// escapeText writes s as html/template prints a string between tags (and in a
// quoted attribute): with NUL, quotes, &, +, < and > escaped.
func escapeText(b *strings.Builder, s string) {
	done := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case 0:
			esc = "\uFFFD"
		case '"':
			esc = "&#34;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '+':
			esc = "&#43;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		default:
			continue
		}
		b.WriteString(s[done:i])
		b.WriteString(esc)
		done = i + 1
	}
	b.WriteString(s[done:])
}

// escapeURL writes s as html/template prints a string at the start of a
// quoted URL attribute (href="{{.}}"), or after another value there: a URL
// with a scheme other than http, https or mailto becomes "#ZgotmplZ",
// bytes not allowed in a URL are percent-encoded (escapes already there
// are kept), and the & and + left are escaped for the attribute.
func escapeURL(b *strings.Builder, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		s = "#ZgotmplZ"
	}
	percentEncode(b, s, true)
}

// escapeFragment writes s as html/template prints a string in a URL's query or
// fragment (href="#{{.}}"): every byte but letters, digits and -._~
// percent-encoded.
func escapeFragment(b *strings.Builder, s string) { percentEncode(b, s, false) }

// percentEncode writes s with the bytes a URL may not hold as %xx; with
// keepReserved (a whole URL), RFC 3986's reserved characters and escapes
// already there stay, and & and + become &amp; and &#43;.
func percentEncode(b *strings.Builder, s string, keepReserved bool) {
	const hex = "0123456789abcdef"
	done := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0:
			continue
		case keepReserved && strings.IndexByte("!#$*,/:;=?@[]", c) >= 0:
			continue
		case keepReserved && c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		b.WriteString(s[done:i])
		switch {
		case keepReserved && c == '&':
			b.WriteString("&amp;")
		case keepReserved && c == '+':
			b.WriteString("&#43;")
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
		done = i + 1
	}
	b.WriteString(s[done:])
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
