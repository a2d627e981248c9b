package generator

import (
	"html"
	"html/template"
	"strings"
	"sync"
)

// assetTags makes the <link> and <script> elements of the features' assets
// a page loads, once for each depth and set of assets (pages share a few).
type assetTags struct {
	mu   sync.Mutex
	made map[string][2]template.HTML
}

func (a *assetTags) get(root string, styles, scripts []string) (template.HTML, template.HTML) {
	key := root + "\x00" + strings.Join(styles, "\x00") + "\x01" + strings.Join(scripts, "\x00")
	a.mu.Lock()
	defer a.mu.Unlock()
	if t, ok := a.made[key]; ok {
		return t[0], t[1]
	}
	var css, js strings.Builder
	for _, s := range styles {
		css.WriteString(`<link rel="stylesheet" href="` + html.EscapeString(root+s) + "\">\n")
	}
	for _, s := range scripts {
		js.WriteString(`<script src="` + html.EscapeString(root+s) + "\" defer></script>\n")
	}
	if a.made == nil {
		a.made = map[string][2]template.HTML{}
	}
	t := [2]template.HTML{template.HTML(css.String()), template.HTML(js.String())}
	a.made[key] = t
	return t[0], t[1]
}
