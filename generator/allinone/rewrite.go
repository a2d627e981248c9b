package allinone

import (
	"bytes"
	"path"
	"regexp"
	"strconv"
	"strings"

	"p2pc/generator/feature"
)

// attr finds the attributes that name ids or point at places, in the
// builder's HTML (values always in double quotes, text always escaped).
var attr = regexp.MustCompile(`\s(id|href|src|for|name|aria-describedby|aria-labelledby|aria-controls|xlink:href|headers)="([^"]*)"`)

// heading finds heading tags, to move them down.
var heading = regexp.MustCompile(`<(/?)h([1-6])\b`)

// svgRef finds references to ids inside inline SVG (fill="url(#g)").
var svgRef = regexp.MustCompile(`url\(#([^)"]+)\)`)

// rewrite makes a page's body fit on the view: ids prefixed with the
// page's, links to pages on the view made in-page, other links and
// images made relative to the view, headings moved down by shift, and in
// the trainer edition every <details> open.
func (v view) rewrite(pageURL string, body []byte, shift int) []byte {
	pfx := v.ids[pageURL] + "-"
	body = attr.ReplaceAllFunc(body, func(m []byte) []byte {
		sub := attr.FindSubmatch(m)
		name, val := string(sub[1]), string(sub[2])
		var out string
		switch name {
		case "href", "src", "xlink:href":
			out = v.link(pageURL, pfx, val)
		case "name":
			out = pfx + val
		default:
			fields := strings.Fields(val)
			for i, f := range fields {
				fields[i] = pfx + f
			}
			out = strings.Join(fields, " ")
		}
		return []byte(" " + name + `="` + out + `"`)
	})
	body = svgRef.ReplaceAll(body, []byte("url(#"+pfx+"$1)"))
	if shift > 0 {
		body = heading.ReplaceAllFunc(body, func(m []byte) []byte {
			sub := heading.FindSubmatch(m)
			n, _ := strconv.Atoi(string(sub[2]))
			return []byte("<" + string(sub[1]) + "h" + strconv.Itoa(min(n+shift, 6)))
		})
	}
	if v.trainer {
		body = bytes.ReplaceAll(body, []byte("<details"), []byte("<details open"))
	}
	return body
}

// link rewrites a link or image source of the page at pageURL for the view.
func (v view) link(pageURL, pfx, val string) string {
	if strings.HasPrefix(val, "#") {
		if val == "#" {
			return val
		}
		return "#" + pfx + val[1:]
	}
	if val == "" || strings.HasPrefix(val, "/") || hasScheme(val) {
		return val
	}
	p, frag, _ := strings.Cut(val, "#")
	p, query, hasQuery := strings.Cut(p, "?")
	target := path.Join(pageURL, p)
	if strings.HasSuffix(p, "/") || p == "" {
		target += "/"
	}
	page := strings.TrimSuffix(target, "index.html")
	if page == "." || page == "./" {
		page = ""
	}
	if id, ok := v.ids[page]; ok && !hasQuery {
		if frag == "" {
			return "#" + id
		}
		return "#" + id + "-" + frag
	}
	out := feature.Root(v.url) + strings.TrimPrefix(target, "./")
	if hasQuery {
		out += "?" + query
	}
	if frag != "" || strings.HasSuffix(val, "#") {
		out += "#" + frag
	}
	return out
}

// hasScheme reports whether a URL starts with a scheme (https:, mailto:).
func hasScheme(u string) bool {
	i := strings.IndexAny(u, ":/?#")
	return i > 0 && u[i] == ':'
}
