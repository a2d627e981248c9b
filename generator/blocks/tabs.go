package blocks

import (
	"github.com/yuin/goldmark/util"

	"p2pc/generator/markdown"
)

// tabs draws a Workbench ::: tab or ::: group-tab as a framed stack of its
// sections, each under its own heading: <div class="tabs NAME">, which
// blocks.js makes a tab list.
func tabs(w util.BufWriter, n *markdown.FencedDiv, entering bool) {
	if entering {
		w.WriteString("<div" + markdown.DivAttrs(n, "tabs "+n.Name) + ">\n")
	} else {
		w.WriteString("</div>\n")
	}
}
