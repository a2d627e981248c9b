package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// safeTags are the elements raw HTML may use when raw_html is off, each
// with the attributes it keeps besides class and id.
var safeTags = map[string][]string{
	"kbd": nil, "sub": nil, "sup": nil, "br": nil, "mark": nil, "small": nil,
	"span": nil, "del": nil, "ins": nil, "s": nil, "u": nil, "em": nil,
	"strong": nil, "b": nil, "i": nil, "code": nil,
	"img":  {"src", "alt", "width", "height", "title"},
	"abbr": {"title"}, "acronym": {"title"}, "dfn": {"title"}, "time": {"datetime"},
	"q": nil, "cite": nil, "var": nil, "samp": nil, "wbr": nil,
	"a":       {"href", "title"},
	"details": nil, "summary": nil, "figure": nil, "figcaption": nil,
	"table": nil, "thead": nil, "tbody": nil, "tr": nil,
	"th": {"colspan", "rowspan", "align"},
	"td": {"colspan", "rowspan", "align"},
	"p":  nil, "div": nil, "ul": nil, "ol": nil, "li": nil, "pre": nil, "hr": nil,
	"dl": nil, "dt": nil, "dd": nil,
	"h1": nil, "h2": nil, "h3": nil, "h4": nil, "h5": nil, "h6": nil,
}

// urlSchemes are the schemes a kept URL attribute may have; a URL with no
// scheme (a relative one) is always kept. An image's src has none: the
// site loads nothing from other hosts.
var urlSchemes = map[string][]string{"href": {"http", "https", "mailto"}, "src": {}}

// rawTextTags are the elements whose content the HTML parser reads as
// text (script, style…): they are left out with their content.
var rawTextTags = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

const rawHTMLHint = "raw HTML outside the safe list is not published (set raw_html: true in site.yaml to allow all)"

// rawHTMLHintFor is rawHTMLHint naming the setting that allows all raw
// HTML ("" for site.yaml's raw_html).
func rawHTMLHintFor(setting string) string {
	if setting == "" {
		return rawHTMLHint
	}
	return "raw HTML outside the safe list is not published (set " + setting + " to allow all)"
}

// sanitizer keeps the safe part of raw HTML, one HTML block or one inline
// tag at a time, and reports what it leaves out when report is set.
type sanitizer struct {
	urls   map[string]string // hrefs and srcs to write otherwise (SetRawURLs)
	report func(offset int, msg string)
	hint   string          // says how to allow all raw HTML; rawHTMLHint when ""
	warned map[string]bool // elements reported already (their end tags are not)
}

// hintText says how to allow all raw HTML.
func (s *sanitizer) hintText() string {
	if s.hint != "" {
		return s.hint
	}
	return rawHTMLHint
}

func (s *sanitizer) drop(offset int, msg string) {
	if s.report != nil {
		s.report(offset, msg)
	}
}

// clean returns the safe part of src: allowed elements with their allowed
// attributes, text escaped where it would read as markup; comments go
// silently, everything else with a report at its offset in src.
func (s *sanitizer) clean(src []byte) []byte {
	if tok, ok := parseTag(src); ok {
		// One tag, as goldmark gives inline raw HTML: skip the tokenizer,
		// which costs a 4 KB buffer each time.
		var out bytes.Buffer
		if tok.Type == html.EndTagToken {
			s.endTag(&out, tok.Data, 0)
		} else {
			s.startTag(&out, tok, 0)
		}
		return out.Bytes()
	}
	z := html.NewTokenizer(bytes.NewReader(src))
	var out bytes.Buffer
	off := 0
	skip := "" // a raw-text element whose content is being dropped
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		at := off
		off += len(raw)
		switch tt {
		case html.TextToken:
			if skip == "" {
				writeText(&out, raw)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			s.startTag(&out, tok, at)
			if tt == html.StartTagToken && rawTextTags[tok.Data] {
				skip = tok.Data
			}
		case html.EndTagToken:
			switch name := z.Token().Data; {
			case name == skip:
				skip = ""
			case skip == "":
				s.endTag(&out, name, at)
			}
		case html.CommentToken:
			if !bytes.HasPrefix(raw, []byte("<!--")) {
				s.drop(at, fmt.Sprintf("dropped %s: %s", shorten(string(raw), 40), s.hintText()))
			}
		case html.DoctypeToken:
			s.drop(at, fmt.Sprintf("dropped %s: %s", shorten(string(raw), 40), s.hintText()))
		}
	}
}

// endTag writes an allowed end tag, or reports it unless its element was
// reported already.
func (s *sanitizer) endTag(out *bytes.Buffer, name string, at int) {
	if _, ok := safeTags[name]; ok {
		out.WriteString("</" + name + ">")
	} else if !s.warned[name] {
		s.drop(at, fmt.Sprintf("dropped the </%s> end tag: %s", name, s.hintText()))
	}
}

// startTag writes an allowed start tag with its allowed attributes, or
// reports the element.
func (s *sanitizer) startTag(out *bytes.Buffer, tok html.Token, at int) {
	keep, ok := safeTags[tok.Data]
	if !ok {
		if s.report != nil {
			if s.warned == nil {
				s.warned = map[string]bool{}
			}
			s.warned[tok.Data] = true
		}
		s.drop(at, fmt.Sprintf("dropped the <%s> element: %s", tok.Data, s.hintText()))
		return
	}
	out.WriteString("<" + tok.Data)
	for _, a := range tok.Attr {
		switch {
		case a.Namespace != "" || a.Key != "class" && a.Key != "id" && !contains(keep, a.Key):
			s.drop(at, fmt.Sprintf("dropped the %s attribute of <%s>: %s", a.Key, tok.Data, s.hintText()))
		case urlSchemes[a.Key] != nil && !safeURL(a.Val, urlSchemes[a.Key]):
			why := "only " + strings.Join(urlSchemes[a.Key], ", ") + " and relative URLs are published"
			if len(urlSchemes[a.Key]) == 0 {
				why = "the site loads nothing from other hosts (put the file beside the lesson)"
			}
			s.drop(at, fmt.Sprintf("dropped %s=%q of <%s>: %s", a.Key, shorten(a.Val, 40), tok.Data, why))
		default:
			val := a.Val
			if to, ok := s.urls[val]; ok && urlSchemes[a.Key] != nil {
				val = to // where the page's link leads from where the page is written
			}
			out.WriteString(" " + a.Key + `="` + html.EscapeString(val) + `"`)
		}
	}
	out.WriteByte('>')
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// writeText writes text as it is (entities stay entities), but < and >
// escaped, as they can only be stray here.
func writeText(out *bytes.Buffer, raw []byte) {
	for _, c := range raw {
		switch c {
		case '<':
			out.WriteString("&lt;")
		case '>':
			out.WriteString("&gt;")
		default:
			out.WriteByte(c)
		}
	}
}

// safeURL reports whether a URL is relative or has one of schemes.
// Browsers ignore tabs and newlines anywhere in a URL and control
// characters and spaces around it, so the scheme is read as they read it.
func safeURL(u string, schemes []string) bool {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	colon := strings.IndexByte(u, ':')
	if colon < 0 {
		return true
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 && i < colon {
		return true // a path, query or fragment that holds a colon
	}
	return contains(schemes, strings.ToLower(u[:colon]))
}

// rawSegments lists the source segments of a raw HTML node.
func rawSegments(n ast.Node) []text.Segment {
	switch n := n.(type) {
	case *ast.RawHTML:
		return segmentsOf(n.Segments)
	case *ast.HTMLBlock:
		if n.HasClosure() {
			return segmentsOf(n.Lines(), n.ClosureLine)
		}
		return segmentsOf(n.Lines())
	}
	return nil
}

// safeHTMLTransformer, used when raw HTML is off, drops the content of
// inline <script>, <style> and the like (goldmark gives their tags as
// separate nodes with the content between them) and records a warning for
// everything the renderer will leave out.
type safeHTMLTransformer struct {
	hint string // see sanitizer
}

func (t safeHTMLTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var tags []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*ast.RawHTML); ok && entering {
			tags = append(tags, r)
		}
		return ast.WalkContinue, nil
	})
	for _, r := range tags {
		if r.Parent() != nil {
			dropRawTextContent(r, source)
		}
	}
	s := &sanitizer{warned: map[string]bool{}, hint: t.hint}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			f := newFlatText(source, rawSegments(n))
			s.report = func(offset int, msg string) { warn(pc, f.offset(offset), msg) }
			s.clean(f.text)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// dropRawTextContent removes what follows an inline start tag of a
// raw-text element, up to its end tag or the end of its parent.
func dropRawTextContent(r *ast.RawHTML, source []byte) {
	name, end := tagName(r, source)
	if end || !rawTextTags[name] {
		return
	}
	parent := r.Parent()
	for c := r.NextSibling(); c != nil; {
		if t, ok := c.(*ast.RawHTML); ok {
			if n, end := tagName(t, source); end && n == name {
				return
			}
		}
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		c = next
	}
}

// tagName returns the lower-case name of an inline tag and whether it is
// an end tag ("" for a comment and the like).
func tagName(r *ast.RawHTML, source []byte) (name string, end bool) {
	tok, ok := parseTag(newFlatText(source, segmentsOf(r.Segments)).text)
	return tok.Data, ok && tok.Type == html.EndTagToken
}

// parseTag reads src as one start or end tag in CommonMark's syntax (the
// only shapes goldmark gives as inline raw HTML besides comments and
// declarations): names lower-cased, attribute values with their character
// references decoded, as the HTML tokenizer gives them. ok is false for
// anything else.
func parseTag(src []byte) (tok html.Token, ok bool) {
	if len(src) < 3 || src[0] != '<' || src[len(src)-1] != '>' {
		return tok, false
	}
	i := 1
	tok.Type = html.StartTagToken
	if src[i] == '/' {
		tok.Type = html.EndTagToken
		i++
	}
	name := i
	for i < len(src) && (isASCIILetter(src[i]) || i > name && (src[i] >= '0' && src[i] <= '9' || src[i] == '-')) {
		i++
	}
	if i == name {
		return tok, false
	}
	tok.Data = strings.ToLower(string(src[name:i]))
	for {
		sp := i
		for i < len(src) && isAttrSpace(src[i]) {
			i++
		}
		switch {
		case src[i] == '>':
			return tok, i == len(src)-1
		case src[i] == '/' && tok.Type == html.StartTagToken && i == len(src)-2:
			tok.Type = html.SelfClosingTagToken
			return tok, true
		case tok.Type == html.EndTagToken || sp == i:
			return tok, false
		}
		k := i
		for i < len(src) && (isASCIILetter(src[i]) || src[i] == '_' || src[i] == ':' || i > k && (src[i] >= '0' && src[i] <= '9' || src[i] == '.' || src[i] == '-')) {
			i++
		}
		if i == k {
			return tok, false
		}
		attr := html.Attribute{Key: strings.ToLower(string(src[k:i]))}
		j := i
		for j < len(src) && isAttrSpace(src[j]) {
			j++
		}
		if src[j] == '=' {
			j++
			for j < len(src) && isAttrSpace(src[j]) {
				j++
			}
			v := j
			switch q := src[j]; q {
			case '"', '\'':
				end := bytes.IndexByte(src[j+1:], q)
				if end < 0 {
					return tok, false
				}
				attr.Val = html.UnescapeString(string(src[j+1 : j+1+end]))
				j += end + 2
			default:
				for j < len(src) && !isAttrSpace(src[j]) && !strings.ContainsRune("\"'=<>`", rune(src[j])) {
					j++
				}
				if j == v {
					return tok, false
				}
				attr.Val = html.UnescapeString(string(src[v:j]))
			}
			i = j
		}
		tok.Attr = append(tok.Attr, attr)
	}
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// safeHTMLRenderer writes the safe part of raw HTML when raw HTML is off.
type safeHTMLRenderer struct{}

func (safeHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderSafeHTML)
	reg.Register(ast.KindHTMLBlock, renderSafeHTML)
}

func renderSafeHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	s := &sanitizer{urls: rawURLsOf(node)}
	out := s.clean(newFlatText(source, rawSegments(node)).text)
	if node.Type() == ast.TypeBlock {
		if len(bytes.TrimSpace(out)) == 0 {
			return ast.WalkSkipChildren, nil
		}
		if out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
	}
	w.Write(out)
	return ast.WalkSkipChildren, nil
}
