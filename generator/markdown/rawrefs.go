package markdown

import (
	"bytes"
	"maps"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// rawURLsKey names the attribute of a raw HTML node that maps the URLs its
// tags give (src, href) to the ones to write (see SetRawURLs).
var rawURLsKey = []byte("p2pc-raw-urls")

// SetRawURLs has the renderer write each href and src of raw HTML node n
// found in m as m gives it: a page's builder resolves the URLs written
// relative to the source file, as it does a Markdown link's.
func SetRawURLs(n ast.Node, m map[string]string) {
	if len(m) > 0 {
		n.SetAttribute(rawURLsKey, m)
	}
}

// rawURLsOf is what SetRawURLs gave node n, or nil.
func rawURLsOf(n ast.Node) map[string]string {
	v, _ := n.Attribute(rawURLsKey)
	m, _ := v.(map[string]string)
	return m
}

// A RawURL is an href or src in raw HTML, as written.
type RawURL struct {
	Value  string
	Offset int  // of its tag in the source
	Image  bool // an <img>'s src
}

// RawRefs lists, in order, the href and src values of the start tags in
// raw HTML node n (a RawHTML or an HTMLBlock) that the safe subset keeps
// (<a href>, <img src>), and the ids of all its start tags (<a
// id="old-name">: anchors links may lead to).
func RawRefs(n ast.Node, source []byte) (urls []RawURL, ids []string) {
	f := newFlatText(source, rawSegments(n))
	if !bytes.Contains(f.text, []byte("src")) && !bytes.Contains(f.text, []byte("href")) && !bytes.Contains(f.text, []byte("id")) {
		return nil, nil
	}
	z := html.NewTokenizer(bytes.NewReader(f.text))
	for at := 0; ; {
		tt := z.Next()
		if tt == html.ErrorToken {
			return urls, ids
		}
		raw := len(z.Raw())
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			tok := z.Token()
			for _, a := range tok.Attr {
				switch {
				case a.Namespace != "":
				case a.Key == "id" && a.Val != "":
					ids = append(ids, a.Val)
				case (a.Key == "href" || a.Key == "src") && contains(safeTags[tok.Data], a.Key):
					urls = append(urls, RawURL{Value: a.Val, Offset: f.offset(at), Image: tok.Data == "img" && a.Key == "src"})
				}
			}
		}
		at += raw
	}
}

// rawHTMLRenderer writes raw HTML as it is (raw_html: true), but for the
// hrefs and srcs SetRawURLs gives other values: src="img/a.svg" becomes
// src="../img/a.svg" where the page is written a folder down.
type rawHTMLRenderer struct{}

func (rawHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderRawHTML)
}

func renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var out []byte // as goldmark writes it: the lines, then a block's closing line
	for _, seg := range rawSegments(node) {
		out = append(out, seg.Value(source)...)
	}
	out = bytes.ReplaceAll(out, []byte{0}, []byte("\ufffd"))
	urls := rawURLsOf(node)
	for _, from := range slices.Sorted(maps.Keys(urls)) {
		for _, q := range []string{`"`, "'"} {
			out = bytes.ReplaceAll(out, []byte("="+q+from+q), []byte("="+q+urls[from]+q))
		}
	}
	w.Write(out)
	return ast.WalkSkipChildren, nil
}
