package generator

import (
	"slices"
	"strings"
)

// The front-matter keys of Hugo's documentation themes that p2pc reads in
// a Hugo site's pages (a lenient read keeps them in Params first):
//
//   - menuTitle (Relearn, learn, docdock): the page's title in
//     navigation, before linkTitle;
//   - hidden (Relearn, learn, docdock), toc_hide (Docsy), bookHidden
//     (hugo-book) and sidebar.exclude (Hextra), when true: the page is
//     left out of navigation (the sidebar, its module's lists, the
//     previous and next links, the all-in-one views) and still built,
//     found by search and linked to. A section's _index.md leaves its
//     whole section out so.
var (
	navTitleKeys = []string{"menuTitle"}
	navHideKeys  = []string{"hidden", "toc_hide", "bookHidden", "sidebar.exclude"}
)

// readThemeKeys sets fm's navigation title and navHidden from the theme
// keys in its Params, and returns unused without them.
func (fm *FrontMatter) readThemeKeys(unused []unusedKey) []unusedKey {
	for _, k := range navTitleKeys {
		if s, ok := paramOf(fm.Params, k).(string); ok && strings.TrimSpace(s) != "" {
			fm.LinkTitle = strings.TrimSpace(s)
		}
	}
	for _, k := range navHideKeys {
		if b, ok := paramOf(fm.Params, k).(bool); ok && b {
			fm.navHidden = true
		}
	}
	return slices.DeleteFunc(unused, func(u unusedKey) bool {
		return slices.ContainsFunc(navTitleKeys, func(k string) bool { return strings.EqualFold(k, u.key) }) ||
			slices.ContainsFunc(navHideKeys, func(k string) bool { return strings.EqualFold(strings.Split(k, ".")[0], u.key) })
	})
}

// paramOf is the value at the dotted key in params, its parts in any
// case, as Hugo reads them; nil when there is none.
func paramOf(params map[string]any, key string) any {
	var v any = params
	for _, part := range strings.Split(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = nil
		for k, x := range m {
			if strings.EqualFold(k, part) {
				v = x
				break
			}
		}
	}
	return v
}
