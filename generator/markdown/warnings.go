package markdown

import (
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Warning is something left out of a page while it was parsed, such as
// raw HTML outside the safe list or an image attribute that is not kept:
// the page still builds, but its author should know.
type Warning struct {
	Offset int // byte offset in the source; see Position
	Msg    string
}

// Warnings returns the warnings recorded on a document made by Parse, in
// source order.
func Warnings(doc ast.Node) []Warning {
	if doc == nil {
		return nil
	}
	v, ok := doc.AttributeString(warningsAttr)
	if !ok {
		return nil
	}
	ws, _ := v.([]Warning)
	return ws
}

// warningsAttr is the document attribute that holds the warnings; the
// document's attributes are never rendered.
const warningsAttr = "p2pc-warnings"

var warningsKey = parser.NewContextKey()

// warn records a warning while parsing; warningsTransformer moves them
// onto the document at the end.
func warn(pc parser.Context, offset int, msg string) {
	ws, _ := pc.Get(warningsKey).([]Warning)
	pc.Set(warningsKey, append(ws, Warning{Offset: offset, Msg: msg}))
}

// warningsTransformer runs after the other transformers and puts the
// warnings they and the inline parsers recorded onto the document.
type warningsTransformer struct{}

func (warningsTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	ws, _ := pc.Get(warningsKey).([]Warning)
	if len(ws) == 0 {
		return
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Offset < ws[j].Offset })
	doc.SetAttributeString(warningsAttr, ws)
	pc.Set(warningsKey, nil)
}
