package generator

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"html/template"
	"sync/atomic"
)

// A page's body is most of its bytes. Printed by its layout as
// {{.Page.HTML}}, it is copied twice on the way (text/template prints a
// string through fmt, whose buffer is a new one past 64 KB, then into the
// page): a course's all-in-one pages, a quarter of a megabyte each, were a
// fifth of what a build allocated. So the layout prints bodyMarker in its
// place, and the body's bytes go where the marker is. This is done only
// for layouts that print the body bare, as {{.Page.HTML}} and in no other
// way (bareBody: not {{len .Page.HTML}}, {{slice .Page.HTML 0 300}},
// {{.Page.HTML | printf …}}, {{$p.HTML}} or a template given .Page), and
// the marker is a nonce between tags: a layout that prints the body
// where it is escaped or its tags stripped (an attribute, a script, a
// title) shows the nonce without the marker. Then, or when the layout
// fails, the page is rendered again with its body in .Page.HTML.
var bodyNonce, bodyMarker = func() ([]byte, []byte) {
	b := make([]byte, 16)
	rand.Read(b)
	nonce := "p2pc-body-" + hex.EncodeToString(b)
	return []byte(nonce), []byte("<b>" + nonce + "</b>")
}()

// minSplice is the size of body below which splicing saves too little
// (a variable for tests).
var minSplice = 4 << 10

// spliced counts the pages whose body was spliced, for tests.
var spliced atomic.Int64

// renderWith renders page p, whose body has n bytes, into buf: write
// writes the body to a buffer, html gives it as .Page.HTML. p.HTML is
// empty afterwards.
func (r *pageRenderer) renderWith(buf *bytes.Buffer, p *Page, n int, write func(*bytes.Buffer), html func() template.HTML) ([]byte, error) {
	defer func() { p.HTML = "" }()
	if n >= minSplice && r.splices[layoutOf(p)] {
		p.HTML = template.HTML(bodyMarker)
		out, err := r.renderSized(buf, p, n)
		if k := bytes.Count(out, bodyMarker); err == nil && k > 0 && k == bytes.Count(out, bodyNonce) {
			spliced.Add(1)
			return splice(buf, k, write), nil
		}
	}
	p.HTML = html()
	return r.renderTo(buf, p)
}

// splice replaces the k markers in buf with the body write writes.
func splice(buf *bytes.Buffer, k int, write func(*bytes.Buffer)) []byte {
	out := buf.Bytes()
	at := bytes.Index(out, bodyMarker)
	rest := bytes.Clone(out[at+len(bodyMarker):]) // the layout after the body: a few KB
	buf.Truncate(at)
	for range k - 1 {
		write(buf)
		i := bytes.Index(rest, bodyMarker)
		buf.Write(rest[:i])
		rest = rest[i+len(bodyMarker):]
	}
	write(buf)
	buf.Write(rest)
	return buf.Bytes()
}

// bareBody reports whether every template of layout t that names a field
// or variable HTML prints it as {{.Page.HTML}}, alone in its action. It
// reads the templates as parsed, before html/template adds its escapers.
func bareBody(t *template.Template) bool {
	for _, tt := range t.Templates() {
		if tt.Tree != nil && !printedBare(tt.Tree.Root, []string{"Page", "HTML"}) {
			return false
		}
	}
	return true
}
