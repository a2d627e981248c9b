package markdown

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// attrParser reads Pandoc attributes written right after an image, a link
// or a code span:
//
//	![caption](fig/a.png){alt='Alt text' width="50%" .wide #fig-a}
//	[the site](https://…){target="_blank"}  `ls -l`{.bash}
//
// An image takes alt (which replaces its alt text), width, height, id and
// class (see setImageAttrs). A link or code span takes id and class;
// target and rel are left out without a word (every link opens where the
// reader's browser opens it). Other keys are left out with a warning. A
// brace that does not open a well-formed block stays text.
type attrParser struct{}

func (attrParser) Trigger() []byte { return []byte{'{'} }

func (attrParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	last := parent.LastChild()
	var what string
	ends := func(c byte) bool { return c == ')' || c == ']' }
	switch last.(type) {
	case *ast.Image: // the image's own keys, below
	case *ast.Link:
		what = "link"
	case *ast.CodeSpan:
		what, ends = "code", func(c byte) bool { return c == '`' }
	default:
		return nil
	}
	a, offset, ok := attrsAfter(parent, block, pc, ends)
	if !ok {
		return nil
	}
	// The node is the parent's last child: handing it back re-appends it
	// where it is, and the attribute block leaves no node of its own.
	if img, ok := last.(*ast.Image); ok {
		setImageAttrs(img, a, offset, pc)
		return img
	}
	a.setIDClass(last, false)
	for _, at := range a.Attrs {
		if key := strings.ToLower(at.Key); key != "target" && key != "rel" {
			warn(pc, offset, fmt.Sprintf("dropped %s=%q after the %s: only #id and .class are kept", at.Key, shorten(at.Value, 40), what))
		}
	}
	return last
}

// attrsAfter reads the attribute block at the reader's position, right
// after the character that ended the parent's last child (one ends
// accepts), and moves the reader past it. It returns the attributes and
// the block's offset, or false (and reads nothing) when there is none.
func attrsAfter(parent ast.Node, block text.Reader, pc parser.Context, ends func(c byte) bool) (inlineAttrs, int, bool) {
	_, seg := block.PeekLine()
	src := block.Source()
	if seg.Padding != 0 || seg.Start == 0 || !ends(src[seg.Start-1]) {
		return inlineAttrs{}, 0, false // the node did not end right before the brace
	}
	st := stateFor(pc, parent, src)
	at := st.flat.index(seg.Start)
	if at < 0 {
		return inlineAttrs{}, 0, false
	}
	a, n, ok := scanAttrs(st.flat.text[at:])
	if !ok {
		return inlineAttrs{}, 0, false
	}
	advanceTo(block, st.flat.offset(at+n))
	return a, seg.Start, true
}
