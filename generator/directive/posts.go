package directive

import (
	"fmt"
	"strings"
)

// post writes a link to what Hugo's built-in gist, instagram, tweet and x
// shortcodes embed: the site makes no request to another host, so the
// post is not embedded but linked, which works from disk and on paper.
//
//	{{< gist user 1234abcd [file] >}}   [Gist by user](https://gist.github.com/user/1234abcd)
//	{{< instagram CxOWiQNP2MO >}}        [Post on Instagram](https://www.instagram.com/p/CxOWiQNP2MO/)
//	{{< x user="u" id="123" >}}          [Post by u on X](https://x.com/u/status/123)
func (h *hugo) post(sc *shortcode) {
	var text, url string
	switch sc.name {
	case "gist":
		h.ignoreArgs(sc, "user", "id", "file")
		user, _ := sc.get("user", 0)
		id, _ := sc.get("id", 1)
		if !postID(user) || !postID(id) {
			h.report(sc.start, fmt.Sprintf("%s needs a user and a gist id, like {{< gist user 1234abcd >}}", sc.tag()))
			return
		}
		text, url = "Gist by "+escapeText(user), "https://gist.github.com/"+user+"/"+id
		if file, _ := sc.get("file", 2); file != "" {
			text += ": " + escapeText(oneLine(file))
		}
	case "instagram":
		h.ignoreArgs(sc, "id", "hidecaption")
		id, _ := sc.get("id", 0)
		if !postID(id) {
			h.report(sc.start, fmt.Sprintf("%s needs the post's id, like {{< instagram CxOWiQNP2MO >}}", sc.tag()))
			return
		}
		text, url = "Post on Instagram", "https://www.instagram.com/p/"+id+"/"
	default: // tweet, x
		h.ignoreArgs(sc, "user", "id")
		user, _ := sc.get("user", -1)
		id, _ := sc.get("id", -1)
		if !postID(user) || id == "" || strings.Trim(id, "0123456789") != "" {
			h.report(sc.start, fmt.Sprintf("%s needs user=\"…\" and id=\"…\" (the post's number)", sc.tag()))
			return
		}
		text, url = "Post by "+escapeText(user)+" on X", "https://x.com/"+user+"/status/"+id
	}
	h.gen("["+text+"]("+url+")", sc.start)
}

// postID reports whether s can be a user name or an id in an address:
// letters, digits, - and _.
func postID(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
	}) < 0
}
