package lessonset

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

const workbenchConfig = "config.yaml"

// workbenchGroups are the Workbench's page folders, in the outline's order.
var workbenchGroups = []struct{ key, title string }{
	{"episodes", "Episodes"},
	{"learners", "Learner resources"},
	{"instructors", "Instructor resources"},
	{"profiles", "Learner profiles"},
}

// workbenchPages are published as pages from the root, after the groups.
var workbenchPages = []string{"LICENSE.md", "CODE_OF_CONDUCT.md"}

// workbenchFileDirs are the folders the Workbench copies whole into the
// site, Markdown files too (sandpaper's build_markdown).
var workbenchFileDirs = []string{"episodes/data", "episodes/files", "episodes/fig"}

// workbenchIgnore are root files and folders the Workbench does not publish.
var workbenchIgnore = []string{
	workbenchConfig, "README.md", "CONTRIBUTING.md", "AUTHORS", "AUTHORS.md",
	"CITATION", "CITATION.cff", "links.md", "renv", "site", "_site",
}

func hasWorkbenchConfig(fsys fs.FS) bool { return isFile(fsys, workbenchConfig) }

// isWorkbench: config.yaml beside an episodes/ folder, or a config.yaml
// with a top-level episodes or carpentry key.
func isWorkbench(fsys fs.FS) bool {
	if !hasWorkbenchConfig(fsys) {
		return false
	}
	if isDir(fsys, "episodes") {
		return true
	}
	b, err := fs.ReadFile(fsys, workbenchConfig)
	if err != nil {
		return false
	}
	var top map[string]any
	if yaml.Unmarshal(b, &top) != nil {
		return false
	}
	_, ep := top["episodes"]
	_, cp := top["carpentry"]
	return ep || cp
}

func loadWorkbench(fsys fs.FS) *Set {
	s := &Set{Format: Workbench, Home: &Entry{}, RawHTMLSetting: "raw_html: true in a site.yaml beside config.yaml"}
	s.Ignore = existing(fsys, workbenchIgnore...)
	s.FileDirs = workbenchFileDirs
	cfg := readWorkbenchConfig(fsys, s)

	s.Title = cfg.scalar("title")
	s.Language = cfg.scalar("lang")
	var f footer
	f.text("Licensed under ", cfg.scalar("license"))
	f.contact(cfg.scalar("contact"))
	f.link("Source", cfg.scalar("source"))
	s.Footer = f.String()
	for k, v := range cfg.values {
		switch k {
		case "title", "lang", "license", "contact", "source",
			"episodes", "learners", "instructors", "profiles":
			continue
		}
		if s.Params == nil {
			s.Params = map[string]any{}
		}
		s.Params[k] = v
	}

	s.Home.Title = s.Title // index.md has no title of its own: the lesson's is the home page's
	switch {
	case isFile(fsys, "index.md"):
		s.Home.Source = "index.md"
	case isFile(fsys, "README.md"): // sandpaper's home without index.md
		s.Home.Source = "README.md"
		s.Ignore = slices.DeleteFunc(s.Ignore, func(n string) bool { return n == "README.md" })
	default:
		s.problem("index.md", 0, 0, "missing: the Workbench's home page; create it")
	}
	for _, g := range workbenchGroups {
		if e := workbenchGroup(fsys, s, cfg, g.key, g.title); e != nil {
			s.Home.Children = append(s.Home.Children, e)
		}
	}
	for _, name := range workbenchPages {
		if isFile(fsys, name) {
			s.Home.Children = append(s.Home.Children, &Entry{Source: name, Aside: true})
		}
	}
	return s.finish()
}

// workbenchGroup lists the pages of one folder: those the config names, in
// its order, else every Markdown file of the folder in name order (setup.md
// first among the learners' pages, listed or not: the Workbench always
// shows it). Files the config leaves out go to Ignore.
func workbenchGroup(fsys fs.FS, s *Set, cfg *workbenchConfigFile, key, title string) *Entry {
	files := markdownFiles(fsys, key)
	listed, ok := cfg.lists[key]
	if !ok || len(listed) == 0 {
		if len(files) == 0 {
			return nil
		}
		if key == "learners" {
			sort.SliceStable(files, func(i, j int) bool { return files[i] == "setup.md" && files[j] != "setup.md" })
		}
		g := &Entry{Title: title, Dir: key}
		for _, name := range files {
			g.Children = append(g.Children, &Entry{Source: key + "/" + name})
		}
		return g
	}
	g := &Entry{Title: title, Dir: key}
	seen := map[string]bool{}
	for _, it := range listed {
		name := it.value
		p := path.Clean(key + "/" + name)
		switch {
		case name == "" || strings.HasPrefix(name, "/") || !strings.HasPrefix(p, key+"/"):
			s.problem(workbenchConfig, it.line, it.col, "%s: %q is not a file name in %s/", key, name, key)
		case !isMarkdown(name):
			s.problem(workbenchConfig, it.line, it.col, "%s: %q is not a Markdown file (.md or .Rmd)", key, name)
		case seen[p]:
			s.problem(workbenchConfig, it.line, it.col, "%s: %q is listed twice; remove one", key, name)
		case !isFile(fsys, p):
			s.problem(workbenchConfig, it.line, it.col, "%s: %s does not exist; create it or remove it from the list", key, p)
		default:
			seen[p] = true
			g.Children = append(g.Children, &Entry{Source: p})
		}
	}
	if setup := "learners/setup.md"; key == "learners" && !seen[setup] && slices.Contains(files, "setup.md") {
		// the Workbench puts setup.md on the home page whether listed or not
		seen[setup] = true
		g.Children = append([]*Entry{{Source: setup}}, g.Children...)
	}
	for _, name := range files {
		if p := key + "/" + name; !seen[p] {
			s.Ignore = append(s.Ignore, p)
		}
	}
	if len(g.Children) == 0 {
		return nil
	}
	return g
}

// markdownFiles returns the names of the Markdown files directly in dir, sorted.
func markdownFiles(fsys fs.FS, dir string) []string {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && isMarkdown(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

type listItem struct {
	value     string
	line, col int
}

type workbenchConfigFile struct {
	values map[string]any        // top-level scalar keys
	lists  map[string][]listItem // the page lists, with their places
}

func (c *workbenchConfigFile) scalar(key string) string {
	if v, ok := c.values[key]; ok && v != nil {
		return fmt.Sprint(v)
	}
	return ""
}

// readWorkbenchConfig reads config.yaml keeping each list item's place.
func readWorkbenchConfig(fsys fs.FS, s *Set) *workbenchConfigFile {
	cfg := &workbenchConfigFile{values: map[string]any{}, lists: map[string][]listItem{}}
	b, err := fs.ReadFile(fsys, workbenchConfig)
	if err != nil {
		s.problem(workbenchConfig, 0, 0, "%v", err)
		return cfg
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		s.Problems = append(s.Problems, configProblem(workbenchConfig, yamlError(err)))
		return cfg
	}
	if len(doc.Content) == 0 {
		return cfg
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		s.problem(workbenchConfig, top.Line, top.Column, "expected keys and values (title: …, episodes: …)")
		return cfg
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "episodes", "learners", "instructors", "profiles":
			cfg.lists[k.Value] = readList(s, k.Value, v)
			continue
		}
		if v.Kind == yaml.ScalarNode {
			var x any
			if v.Decode(&x) == nil {
				cfg.values[k.Value] = x
			}
		}
	}
	return cfg
}

// readList reads one page list: a sequence of file names, a single file
// name (a one-item list, as sandpaper matches a string like a list of one),
// or nothing. Anything else is a problem.
func readList(s *Set, key string, v *yaml.Node) []listItem {
	switch {
	case v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || v.Value == ""):
		return nil
	case v.Kind == yaml.ScalarNode:
		return []listItem{{v.Value, v.Line, v.Column}}
	case v.Kind != yaml.SequenceNode:
		s.problem(workbenchConfig, v.Line, v.Column, "%s: expected a list of file names (- name.md), one file name or nothing", key)
		return nil
	}
	var out []listItem
	for _, it := range v.Content {
		if it.Kind != yaml.ScalarNode {
			s.problem(workbenchConfig, it.Line, it.Column, "%s: expected a file name", key)
			continue
		}
		out = append(out, listItem{it.Value, it.Line, it.Column})
	}
	return out
}
