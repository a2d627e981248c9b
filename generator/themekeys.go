package generator

import (
	"slices"
	"strings"
	"time"

	"p2pc/generator/lessonset"
)

// The front-matter keys of Hugo's documentation themes that p2pc reads in
// a Hugo site's pages (a lenient read keeps them in Params first):
//
//   - menuTitle (Relearn, learn, docdock): the page's title in
//     navigation, before linkTitle;
//   - hidden (Relearn, learn, docdock), toc_hide (Docsy), bookHidden
//     (hugo-book), sidebar.exclude (Hextra) and geekdocHidden (Geekdoc),
//     when true: the page is
//     left out of navigation (the sidebar, its module's lists, the
//     previous and next links, the all-in-one views) and still built,
//     found by search and linked to. A section's _index.md leaves its
//     whole section out so;
//   - url (Hugo's own): the page's URL, "/getting-started/", instead of
//     the one its file gives it (see loader.ownURL);
//   - headless (Hugo's own), when true on a page bundle's index.md: the
//     bundle is not published, page nor files; its files are still read
//     by the pages that include them.
var (
	navTitleKeys = []string{"menuTitle"}
	navHideKeys  = []string{"hidden", "toc_hide", "bookHidden", "sidebar.exclude", "geekdocHidden"}
)

// readThemeKeys sets fm's navigation title and navHidden from the theme
// keys in its Params, and returns unused without them.
func (fm *FrontMatter) readThemeKeys(unused []unusedKey) []unusedKey {
	for _, k := range navTitleKeys {
		if s, ok := paramOf(fm, k).(string); ok && strings.TrimSpace(s) != "" {
			fm.LinkTitle = strings.TrimSpace(s)
		}
	}
	read := map[string]bool{} // the keys (their first parts) read
	for _, k := range navTitleKeys {
		if paramOf(fm, k) != nil {
			read[strings.ToLower(k)] = true
		}
	}
	for _, k := range navHideKeys {
		v := paramOf(fm, k)
		if v == nil {
			continue
		}
		read[strings.ToLower(strings.Split(k, ".")[0])] = true
		if isTrue(v) {
			fm.navHidden = true
		}
	}
	if v := paramOf(fm, "headless"); v != nil {
		read["headless"], fm.headless = true, isTrue(v)
	}
	if v, ok := paramOf(fm, "url").(string); ok && strings.TrimSpace(v) != "" {
		read["url"], fm.hugoURL = true, strings.TrimSpace(v)
	}
	fm.readPublishKeys(read, time.Now())
	return slices.DeleteFunc(unused, func(u unusedKey) bool {
		if !read[strings.ToLower(u.key)] {
			return false
		}
		if !strings.EqualFold(u.key, "sidebar") {
			return true
		}
		m, isMap := paramOf(fm, u.key).(map[string]any)
		return !isMap || len(m) == 1 // Hextra's sidebar: unused when it holds more than exclude
	})
}

// readPublishKeys reads Hugo's keys that say whether and where a page is
// published, as Hugo reads them at now: _build.render never (or false)
// leaves the page out, and so does a publishDate still to come or an
// expiryDate past; _build.list never (or false) leaves it out of
// navigation. read gets the keys read.
func (fm *FrontMatter) readPublishKeys(read map[string]bool, now time.Time) {
	if b, ok := paramOf(fm, "_build").(map[string]any); ok {
		read["_build"] = true
		render, _ := lessonset.Lookup(b, "render")
		list, _ := lessonset.Lookup(b, "list")
		fm.unpublished = fm.unpublished || isNever(render)
		fm.navHidden = fm.navHidden || isNever(list)
	}
	for _, k := range []string{"publishDate", "pubdate", "published"} {
		if t, ok := frontMatterTime(paramOf(fm, k)); ok {
			read[strings.ToLower(k)], fm.unpublished = true, fm.unpublished || t.After(now)
		}
	}
	for _, k := range []string{"expiryDate", "unpublishdate"} {
		if t, ok := frontMatterTime(paramOf(fm, k)); ok {
			read[strings.ToLower(k)], fm.unpublished = true, fm.unpublished || !t.After(now)
		}
	}
}

// isNever reports whether a _build option is Hugo's never (or false).
func isNever(v any) bool {
	switch v := v.(type) {
	case bool:
		return !v
	case string:
		return strings.EqualFold(v, "never") || strings.EqualFold(v, "false")
	}
	return false
}

// frontMatterTime reads a date as Hugo's front matter gives one: a TOML
// date, or text such as 2024-05-01, 2024-05-01T10:00:00Z or with an offset.
func frontMatterTime(v any) (time.Time, bool) {
	if t, ok := v.(time.Time); ok {
		return t, true
	}
	s, ok := v.(string)
	if !ok {
		return time.Time{}, false
	}
	return parseHugoDate(s)
}

// isTrue reports whether a front-matter value is true as Hugo's templates
// take it: true, or (YAML 1.1, as Hugo reads it) "true", "yes" or "on".
func isTrue(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		switch strings.ToLower(v) {
		case "true", "yes", "on":
			return true
		}
	}
	return false
}

// paramOf is the value of the dotted key in fm's Params (nil: none),
// its parts in any case, as Hugo reads them.
func paramOf(fm *FrontMatter, key string) any {
	v, _ := lessonset.Lookup(fm.Params, key)
	return v
}
