package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindAlert is the ast.NodeKind of an Alert.
var KindAlert = ast.NewNodeKind("Alert")

// Alert is a GitHub alert: a blockquote whose first line is [!NOTE],
// [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION] (in any case). It renders
// like a callout box, <aside class="box callout alert-note">, titled by
// its type, or by the text after the marker and an optional fold sign
// ("> [!TIP]- Shortcuts", as Hugo and Obsidian write it; the box is not
// folded); the marker is not printed.
type Alert struct {
	ast.BaseBlock
	Name   string // note, tip, important, warning or caution
	Custom string // the title written after the marker ("> [!TIP] Shortcuts"), if any
}

// Kind implements ast.Node.
func (n *Alert) Kind() ast.NodeKind { return KindAlert }

// Dump implements ast.Node.
func (n *Alert) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// Title is the alert's heading: the one written after the marker, else
// Note, Tip, Important, Warning or Caution.
func (n *Alert) Title() string {
	if n.Custom != "" {
		return n.Custom
	}
	return alertTitles[n.Name]
}

var alertTitles = map[string]string{"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution"}

// alertTransformer turns blockquotes that start with an alert marker into
// Alerts.
type alertTransformer struct{}

func (alertTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	if !bytes.Contains(src, []byte("[!")) {
		return // no marker: no alert
	}
	var quotes []*ast.Blockquote
	eachBlock(doc, func(n ast.Node) {
		if q, ok := n.(*ast.Blockquote); ok {
			quotes = append(quotes, q)
		}
	})
	for _, q := range quotes {
		toAlert(q, src)
	}
}

// toAlert replaces q with an Alert if its first line is a marker.
func toAlert(q *ast.Blockquote, source []byte) {
	para, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || para.Lines().Len() == 0 {
		return
	}
	first := para.Lines().At(0)
	line := bytes.TrimSpace(first.Value(source))
	end := bytes.IndexByte(line, ']')
	if end < 3 || !bytes.HasPrefix(line, []byte("[!")) {
		return
	}
	kind := strings.ToLower(string(line[2:end]))
	if alertTitles[kind] == "" {
		return
	}
	// The marker is plain text at the start of the first line (else it is
	// something else: a reference link named !NOTE, say); what follows on
	// that line, after Obsidian's and Hugo's fold sign (+ or -), is the
	// alert's own title.
	if t, ok := para.FirstChild().(*ast.Text); !ok || t.Segment.Start != first.Start+bytes.Index(first.Value(source), line) {
		return
	}
	var drop []ast.Node
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		drop = append(drop, c)
		if t, ok := c.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
			break
		}
	}
	custom := PlainText(source, drop...)
	if !strings.HasPrefix(custom, string(line[:end+1])) {
		return // the marker is not plain text (an escape, a code span)
	}
	custom = strings.TrimSpace(strings.TrimLeft(custom[end+1:], "+-"))
	for _, c := range drop {
		para.RemoveChild(para, c)
	}
	if para.HasChildren() {
		rest := text.NewSegments()
		for i := 1; i < para.Lines().Len(); i++ {
			rest.Append(para.Lines().At(i))
		}
		para.SetLines(rest)
	} else {
		q.RemoveChild(q, para)
	}
	alert := &Alert{Name: kind, Custom: custom}
	for c := q.FirstChild(); c != nil; {
		next := c.NextSibling()
		q.RemoveChild(q, c)
		alert.AppendChild(alert, c)
		c = next
	}
	alert.SetBlankPreviousLines(q.HasBlankPreviousLines())
	q.Parent().ReplaceChild(q.Parent(), q, alert)
}

type alertRenderer struct{}

func (alertRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAlert, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*Alert)
		if entering {
			writeBoxOpen(w, ` class="box callout alert-`+n.Name+`"`, n.Title())
		} else {
			w.WriteString("</aside>\n")
		}
		return ast.WalkContinue, nil
	})
}
