package generator

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// pageTemplates are the layouts that render whole pages; every other .html
// file in the layouts folder is a partial shared by all of them.
var pageTemplates = []string{"home.html", "module.html", "lesson.html", "generated.html", "contents.html", "404.html"}

// Layers returns an fs.FS that reads each file from the first of fss that
// has it, so a site's layouts folder overrides the built-in layouts file by file.
func Layers(fss ...fs.FS) fs.FS { return layers(fss) }

// layers is an fs.FS that reads each file from the first layer that has it,
// so a site's layouts folder can override the built-in layouts file by file.
type layers []fs.FS

func (l layers) Open(name string) (fs.File, error) {
	for _, f := range l {
		if f == nil {
			continue
		}
		file, err := f.Open(name)
		if err == nil {
			return file, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadLink reads a symbolic link of the first layer that has the name.
func (l layers) ReadLink(name string) (string, error) {
	for _, f := range l {
		if f == nil {
			continue
		}
		if _, err := fs.Lstat(f, name); err == nil {
			return fs.ReadLink(f, name)
		}
	}
	return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrNotExist}
}

// Lstat describes the name in the first layer that has it, without
// following a symbolic link.
func (l layers) Lstat(name string) (fs.FileInfo, error) {
	for _, f := range l {
		if f == nil {
			continue
		}
		if info, err := fs.Lstat(f, name); err == nil {
			return info, nil
		}
	}
	return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
}

// ReadDir merges the directory listings of all layers.
func (l layers) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	found := false
	for _, f := range l {
		if f == nil {
			continue
		}
		entries, err := fs.ReadDir(f, name)
		if err != nil {
			continue
		}
		found = true
		for _, e := range entries {
			if _, ok := seen[e.Name()]; !ok {
				seen[e.Name()] = e
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// loadTemplates parses base.html with the partials, then one clone per page template.
func loadTemplates(files layoutFiles, funcs template.FuncMap) (map[string]*template.Template, error) {
	read := func(name string) (string, error) {
		b, ok := files[name]
		if !ok {
			return "", fmt.Errorf("layouts: %s: %w", name, fs.ErrNotExist)
		}
		return string(b), nil
	}
	baseSrc, err := read("base.html")
	if err != nil {
		return nil, err
	}
	base, err := template.New("base.html").Funcs(funcs).Parse(baseSrc)
	if err != nil {
		return nil, layoutError(files, err)
	}
	for _, name := range sortedNames(files) {
		if strings.Contains(name, "/") || path.Ext(name) != ".html" || name == "base.html" || isPageTemplate(name) {
			continue
		}
		src, err := read(name)
		if err != nil {
			return nil, err
		}
		if _, err := base.New(name).Parse(src); err != nil {
			return nil, layoutError(files, err)
		}
	}
	out := map[string]*template.Template{}
	for _, name := range pageTemplates {
		src, err := read(name)
		if err != nil {
			return nil, err
		}
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("layouts/%s: %w", name, err)
		}
		if _, err := t.New(name).Parse(src); err != nil {
			return nil, layoutError(files, err)
		}
		out[strings.TrimSuffix(name, ".html")] = t
	}
	return out, nil
}

// templateErrorPlace finds the layout, line and column in an error of
// package template: "template: lesson.html:12:5: ..." or "template:
// lesson.html:12: ...".
var templateErrorPlace = regexp.MustCompile(`template: ([^:\s]+):(\d+)(?::(\d+))?: (.*)`)

// layoutError turns a template error into a *FileError at the layout's
// file:line:col. Without a column from the template package, the column is
// where the name the message quotes ("nope" in function "nope" not
// defined) stands on that line, else 1.
func layoutError(files layoutFiles, err error) error {
	m := templateErrorPlace.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("layouts: %w", err)
	}
	name, msg := m[1], m[4]
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	if col == 0 {
		col = 1
		lines := strings.Split(string(files[name]), "\n")
		if q := quoted.FindStringSubmatch(msg); q != nil && line >= 1 && line <= len(lines) {
			if i := strings.Index(lines[line-1], q[1]); i >= 0 {
				col = i + 1
			}
		}
	}
	return &FileError{Path: "layouts/" + name, Line: line, Col: col, Msg: "layout error: " + msg}
}

var quoted = regexp.MustCompile(`"([^"]+)"`)

func isPageTemplate(name string) bool {
	for _, p := range pageTemplates {
		if p == name {
			return true
		}
	}
	return false
}

// layoutFiles are every file of the layouts folder by slash-separated path,
// read once per run: the templates, the assets and the digest that keys
// the pages all come from these bytes.
type layoutFiles map[string][]byte

func readLayouts(fsys fs.FS) (layoutFiles, error) {
	files := layoutFiles{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("layouts/%s: %w", p, err)
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if why := checkLink(fsys, p); why != "" {
				return fmt.Errorf("layouts/%s %s", p, why)
			}
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("layouts/%s: %w", p, err)
		}
		files[p] = data
		return nil
	})
	return files, err
}

// key digests every file of the layouts.
func (f layoutFiles) key() uint64 {
	k := newKey("layouts")
	for _, name := range sortedNames(f) {
		k.str(name).num(hashBytes(f[name]))
	}
	return k.sum()
}

// assets adds the files under assets/ (hidden ones left out) to files,
// replacing any of the same name.
func (f layoutFiles) assets(files map[string][]byte) {
	for name, data := range f {
		if strings.HasPrefix(name, "assets/") && !strings.HasPrefix(path.Base(name), ".") {
			files[name] = data
		}
	}
}
