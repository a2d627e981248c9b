package directive

import (
	"fmt"
	"strings"
)

// videos are Hugo's built-in video shortcodes: the address of a video
// from its id. The site makes no request to another host, so a video is
// not embedded: the shortcode becomes a link to it, which works from disk
// and on paper.
var videos = map[string]struct {
	service string
	url     func(id string) string
	valid   func(r rune) bool
}{
	"youtube": {"YouTube", func(id string) string { return "https://www.youtube.com/watch?v=" + id }, func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_'
	}},
	"vimeo": {"Vimeo", func(id string) string { return "https://vimeo.com/" + id }, func(r rune) bool { return r >= '0' && r <= '9' }},
}

// video writes a link to the video sc names: "[Video on YouTube: title](…)".
func (h *hugo) video(sc *shortcode) {
	v := videos[sc.name]
	h.ignoreArgs(sc, "id", "title", "class", "loading", "autoplay", "controls", "loop", "mute", "start", "end", "allowFullScreen")
	id, _ := sc.get("id", 0)
	if id == "" || strings.IndexFunc(id, func(r rune) bool { return !v.valid(r) }) >= 0 {
		h.report(sc.start, fmt.Sprintf("%s needs the video's id, like {{< %s %s >}}", sc.tag(), sc.name, map[string]string{"youtube": "0RKpf3rK57I", "vimeo": "55073825"}[sc.name]))
		return
	}
	text := "Video on " + v.service
	if title, _ := sc.get("title", -1); strings.TrimSpace(title) != "" {
		text += ": " + escapeText(oneLine(title))
	}
	h.gen("["+text+"]("+v.url(id)+")", sc.start)
}
