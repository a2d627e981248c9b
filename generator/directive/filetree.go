package directive

import (
	"bytes"
	"fmt"
	"strings"
)

// Hextra's file tree, written as a nested list:
//
//	{{< filetree/container >}}
//	  {{< filetree/folder name="content" >}}
//	    {{< filetree/file name="_index.md" >}}
//	  {{< /filetree/folder >}}
//	{{< /filetree/container >}}
//
// becomes
//
//	- content/
//	  - _index.md
//
// each name in code, and whatever else stands between the shortcodes left
// out; a folder's state (open or closed) is left out too. Hextra's and
// Geekdoc's {{< icon "name" >}} is decoration: it is left out.

// maxTreeDepth bounds how deep the list nests: folders deeper than this
// are listed at this depth, so that the list's size stays linear in the
// tree's however deep it goes.
const maxTreeDepth = 16

// fileTree writes the container that opens at sc and returns where to go
// on: after its closing tag.
func (h *hugo) fileTree(sc *shortcode) int {
	if sc.selfClosing {
		return sc.end
	}
	var items []string
	var inside []problem     // reported once the tree is known to close
	depth, last := 0, sc.end // last: the end of the last shortcode of the tree
	for p := sc.end; ; {
		i := bytes.Index(h.in[p:], []byte("{{"))
		if i < 0 { // what follows the tree's last shortcode is read as the page's
			h.report(sc.start, "{{< filetree/container >}} is not closed: add {{< /filetree/container >}} after its folders and files")
			h.ownLine(strings.Join(items, "\n"), sc.start, last)
			h.last = last
			return last
		}
		k := p + i
		if k+2 >= len(h.in) || h.in[k+2] != '<' && h.in[k+2] != '%' {
			p = k + 2
			continue
		}
		in, status, resume, msg := parseShortcode(h.in, k)
		switch status {
		case notShortcode:
			p = k + 2
			continue
		case malformed:
			inside = append(inside, problem{off: k, msg: msg})
			p = max(resume, k+2)
			continue
		}
		p = in.end
		if strings.HasPrefix(in.name, "filetree/") {
			last = in.end
		}
		name, _ := in.get("name", 0)
		item := strings.Repeat("  ", min(max(depth, 0), maxTreeDepth)) + "- `" + strings.ReplaceAll(oneLine(name), "`", "") + "`"
		switch {
		case in.name == "filetree/container" && in.closing:
			h.problems = append(h.problems, inside...)
			if depth > 0 {
				h.report(k, "{{< /filetree/container >}} closes a folder still open: add {{< /filetree/folder >}} before it")
			}
			h.ownLine(strings.Join(items, "\n"), sc.start, in.end)
			h.last = in.end
			return in.end
		case in.name == "filetree/folder" && in.closing:
			depth--
		case in.name == "filetree/folder":
			items = append(items, strings.TrimSuffix(item, "`")+"/`")
			if !in.selfClosing {
				depth++
			}
		case in.name == "filetree/file":
			items = append(items, item)
		default:
			inside = append(inside, problem{off: k, msg: fmt.Sprintf("%s inside {{< filetree/container >}}: only filetree/folder and filetree/file are read there", in.tag())})
		}
	}
}
