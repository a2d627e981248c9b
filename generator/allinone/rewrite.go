package allinone

import (
	"bytes"
	"path"
	"slices"
	"strings"

	"p2pc/generator/feature"
)

// idAttrs are the attributes that hold ids (space-separated lists for the
// aria ones); linkAttrs those that hold URLs.
var (
	idAttrs   = map[string]bool{"id": true, "for": true, "name": true, "aria-describedby": true, "aria-labelledby": true, "aria-controls": true, "headers": true}
	linkAttrs = map[string]bool{"href": true, "src": true, "xlink:href": true}
)

// rewrite makes a page's body fit on the view, in one pass over its tags
// (the builder's HTML: attribute values in double quotes, text escaped):
// ids prefixed with the page's, links to pages on the view made in-page,
// other links and images made relative to the view, references to ids in
// inline SVG (url(#g)) prefixed, headings moved down by shift, and in the
// trainer edition every <details> open. It appends the result to out.
func (v view) rewrite(out []byte, pageURL string, body []byte, shift int) []byte {
	pfx := v.ids[pageURL] + "-"
	out = slices.Grow(out, len(body)+len(body)/8)
	for len(body) > 0 {
		i := bytes.IndexByte(body, '<')
		if i < 0 {
			return append(out, body...)
		}
		out, body = append(out, body[:i]...), body[i:]
		end := tagEnd(body)
		out = v.tag(out, body[:end], pageURL, pfx, shift)
		body = body[end:]
	}
	return out
}

// tagEnd returns the length of the tag at the start of b, quotes skipped.
func tagEnd(b []byte) int {
	quote := byte(0)
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(b)
}

// tag rewrites one tag, appending it to out.
func (v view) tag(out, t []byte, pageURL, pfx string, shift int) []byte {
	name := 1
	if len(t) > 1 && t[1] == '/' {
		name = 2
	}
	if shift > 0 && len(t) > name+1 && t[name] == 'h' && t[name+1] >= '1' && t[name+1] <= '6' && (len(t) == name+2 || !isNameByte(t[name+2])) {
		out = append(out, t[:name+1]...)
		out = append(out, byte(min(int(t[name+1]-'0')+shift, 6))+'0')
		t = t[name+2:]
		name = 0
	}
	if bytes.HasPrefix(t, []byte("<details")) && (len(t) == 8 || !isNameByte(t[8])) {
		out = append(out, "<details"...)
		if v.opens != nil {
			*v.opens = append(*v.opens, len(out))
		}
		if v.trainer {
			out = append(out, " open"...)
		}
		t = t[8:]
	}
	for {
		eq := bytes.Index(t, []byte(`="`))
		if eq < 0 {
			return append(out, t...)
		}
		start := eq
		for start > 0 && isNameByte(t[start-1]) {
			start--
		}
		stop := bytes.IndexByte(t[eq+2:], '"')
		if stop < 0 {
			return append(out, t...)
		}
		attr, val := string(t[start:eq]), string(t[eq+2:eq+2+stop])
		out = append(out, t[:eq+2]...)
		switch {
		case linkAttrs[attr]:
			val = v.link(pageURL, pfx, val)
		case idAttrs[attr]:
			val = prefixIDs(pfx, val)
		}
		if strings.Contains(val, "url(#") {
			val = strings.ReplaceAll(val, "url(#", "url(#"+pfx)
		}
		out = append(out, val...)
		t = t[eq+2+stop:]
	}
}

func isNameByte(c byte) bool {
	return c == '-' || c == ':' || c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// prefixIDs prefixes each of a space-separated list of ids.
func prefixIDs(pfx, val string) string {
	fields := strings.Fields(val)
	for i, f := range fields {
		fields[i] = pfx + f
	}
	return strings.Join(fields, " ")
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
