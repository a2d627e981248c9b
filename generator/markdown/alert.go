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
// its type; the marker line is not printed.
type Alert struct {
	ast.BaseBlock
	Name string // note, tip, important, warning or caution
}

// Kind implements ast.Node.
func (n *Alert) Kind() ast.NodeKind { return KindAlert }

// Dump implements ast.Node.
func (n *Alert) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// Title is the alert's heading: Note, Tip, Important, Warning or Caution.
func (n *Alert) Title() string { return alertTitles[n.Name] }

var alertTitles = map[string]string{"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution"}

// alertTransformer turns blockquotes that start with an alert marker into
// Alerts.
type alertTransformer struct{}

func (alertTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		toAlert(q, reader.Source())
	}
}

// toAlert replaces q with an Alert if its first line is a marker.
func toAlert(q *ast.Blockquote, source []byte) {
	para, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || para.Lines().Len() == 0 {
		return
	}
	first := para.Lines().At(0)
	marker := bytes.TrimSpace(first.Value(source))
	if len(marker) < 4 || !bytes.HasPrefix(marker, []byte("[!")) || marker[len(marker)-1] != ']' {
		return
	}
	kind := strings.ToLower(string(marker[2 : len(marker)-1]))
	if alertTitles[kind] == "" {
		return
	}
	// The marker's inlines are plain text on the first line; anything else
	// there (a reference link named !NOTE, say) means it is no marker.
	var drop []ast.Node
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start < first.Start || t.Segment.Stop > first.Stop {
			return
		}
		drop = append(drop, c)
		if t.SoftLineBreak() || t.HardLineBreak() {
			break
		}
	}
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
	alert := &Alert{Name: kind}
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
