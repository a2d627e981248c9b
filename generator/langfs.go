package generator

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"p2pc/generator/lessonset"
)

// langFS shows a multilingual Hugo content folder as the folder of its
// default language, as Hugo builds that language at the site root: a page
// named for the default language ("page.en.md", "_index.en.md") is read as
// "page.md", and the pages of the site's other languages ("page.fr.md")
// are not there. Other files pass through as they are. Messages name the
// files as they are on disk (see real).
type langFS struct {
	fsys  fs.FS
	lang  string          // the default content language
	langs map[string]bool // every language of the site
}

// newLangFS returns fsys as set's default language sees it, or fsys itself
// when the set is not a Hugo site with languages.
func newLangFS(fsys fs.FS, set *lessonset.Set) fs.FS {
	if set == nil || set.Format != lessonset.Hugo || set.ContentLanguage == "" {
		return fsys
	}
	l := langFS{fsys: fsys, lang: set.ContentLanguage, langs: map[string]bool{set.ContentLanguage: true}}
	for _, code := range set.Languages {
		l.langs[code] = true
	}
	return l
}

// languageView says how fsys (from newLangFS) shows the content's pages:
// "" as they are, else the default language and then every language of
// the site, sorted. Folders listed, and pages read, under one view are not
// those of another (see Pipeline.load).
func languageView(fsys fs.FS) string {
	l, ok := fsys.(langFS)
	if !ok {
		return ""
	}
	langs := slices.Sorted(maps.Keys(l.langs))
	return l.lang + ":" + strings.Join(langs, ",")
}

// split cuts a Markdown file's name into its stem and its language:
// "a/b.fr.md" is "a/b", "fr"; ok is false for a name without one of the
// site's languages.
func (l langFS) split(name string) (stem, lang string, ok bool) {
	base, isMD := strings.CutSuffix(name, ".md")
	if !isMD {
		return "", "", false
	}
	i := strings.LastIndexByte(base, '.')
	if i < 0 || strings.Contains(base[i:], "/") || !l.langs[strings.ToLower(base[i+1:])] {
		return "", "", false
	}
	return base[:i], strings.ToLower(base[i+1:]), true
}

// real is the file on disk a Markdown name stands for: "page.en.md" for
// "page.md" when only that exists. Any other name is its own.
func (l langFS) real(name string) string {
	if !strings.HasSuffix(name, ".md") {
		return name
	}
	if _, _, ok := l.split(name); ok {
		return name
	}
	if _, err := fs.Stat(l.fsys, name); !errors.Is(err, fs.ErrNotExist) {
		return name
	}
	return strings.TrimSuffix(name, ".md") + "." + l.lang + ".md"
}

// hidden reports whether name is a page with a language in its name,
// which is read under its name without it, or is another language's.
func (l langFS) hidden(name string) bool {
	_, _, ok := l.split(name)
	return ok
}

// logical is the name a file on disk is read under: "page.md" for
// "page.en.md", the default language's; any other name is its own.
func (l langFS) logical(name string) string {
	if stem, lang, ok := l.split(name); ok && lang == l.lang {
		return stem + ".md"
	}
	return name
}

// try does op on name, and for a Markdown name that is not there on the
// default language's file of that name: one look for a plain name, two
// for one the folder has only in the default language.
func try[T any](l langFS, opName, name string, op func(string) (T, error)) (T, error) {
	var zero T
	if l.hidden(name) {
		return zero, &fs.PathError{Op: opName, Path: name, Err: fs.ErrNotExist}
	}
	v, err := op(name)
	if errors.Is(err, fs.ErrNotExist) && strings.HasSuffix(name, ".md") {
		return op(strings.TrimSuffix(name, ".md") + "." + l.lang + ".md")
	}
	return v, err
}

func (l langFS) Open(name string) (fs.File, error) { return try(l, "open", name, l.fsys.Open) }

func (l langFS) Stat(name string) (fs.FileInfo, error) {
	return try(l, "stat", name, func(n string) (fs.FileInfo, error) { return fs.Stat(l.fsys, n) })
}

func (l langFS) Lstat(name string) (fs.FileInfo, error) {
	return try(l, "lstat", name, func(n string) (fs.FileInfo, error) { return fs.Lstat(l.fsys, n) })
}

func (l langFS) ReadLink(name string) (string, error) {
	return fs.ReadLink(l.fsys, l.real(name))
}

// ReadDir lists a folder with its pages named as the default language
// reads them: "page.en.md" as "page.md" (unless a "page.md" is there too),
// without the other languages' pages.
func (l langFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(l.fsys, name)
	plain := map[string]bool{}
	for _, e := range entries {
		if _, _, ok := l.split(e.Name()); !ok {
			plain[e.Name()] = true
		}
	}
	out := entries[:0:0]
	for _, e := range entries {
		stem, lang, ok := l.split(e.Name())
		switch {
		case !ok || e.IsDir():
			out = append(out, e)
		case lang == l.lang && !plain[stem+".md"]:
			out = append(out, renamed{e, stem + ".md"})
		}
	}
	return out, err
}

// renamed is a folder entry under another name.
type renamed struct {
	fs.DirEntry
	name string
}

func (r renamed) Name() string { return r.name }

var _ interface {
	fs.ReadDirFS
	fs.StatFS
	fs.ReadLinkFS
} = langFS{}

// realPath gives a message's path as the file on disk: for fsys a langFS,
// "page.en.md" for "page.md".
func realPath(fsys fs.FS) func(string) string {
	l, ok := fsys.(langFS)
	if !ok {
		return nil
	}
	return func(name string) string { return path.Clean(l.real(name)) }
}
