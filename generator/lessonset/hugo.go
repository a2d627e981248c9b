package lessonset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// hugoConfigNames are the config files Hugo reads at a site's root, in its order.
var hugoConfigNames = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
}

const hugoConfigDir = "config/_default"

// hugoIgnore are a site root's folders and files that hold no content.
var hugoIgnore = []string{
	"archetypes", "assets", "data", "i18n", "layouts", "themes", "resources",
	"public", "node_modules", "config", "go.mod", "go.sum", "package.json",
	"package-lock.json", "hugo_stats.json", ".hugo_build.lock",
}

// hugoKeys are top-level config keys only Hugo uses; one of them tells a
// Hugo config.yaml from another tool's.
var hugoKeys = []string{
	"baseurl", "contentdir", "defaultcontentlanguage", "languagecode",
	"languages", "theme", "module", "markup", "taxonomies", "menus", "menu",
	"outputs", "permalinks",
}

// p2pcKeys are the front-matter keys of p2pc's own format.
var p2pcKeys = map[string]bool{
	"title": true, "weight": true, "summary": true, "objectives": true,
	"duration": true, "slug": true, "draft": true,
}

// anyFolder: asked for Hugo, a folder without a config is a content folder.
func anyFolder(fs.FS) bool { return true }

// isHugo: a hugo.* config; a config.* config with a key only Hugo uses; a
// config/_default/ folder; or, with no config at all (a content folder),
// an _index.md at the root or one level down whose front matter has a key
// p2pc does not know (description, linkTitle, aliases, …) or whose text
// has a Hugo shortcode ({{< … >}} or {{% … %}}).
func isHugo(fsys fs.FS) bool {
	if name := hugoConfigFile(fsys); name != "" {
		if strings.HasPrefix(name, "hugo.") {
			return true
		}
		cfg, err := decodeConfig(fsys, name)
		if err != nil {
			return false
		}
		for _, k := range hugoKeys {
			if _, ok := Lookup(cfg, k); ok {
				return true
			}
		}
		return false
	}
	if isDir(fsys, hugoConfigDir) {
		return true
	}
	if isFile(fsys, "site.yaml") {
		return false // p2pc's own settings file
	}
	names := []string{"_index.md"}
	ents, _ := fs.ReadDir(fsys, ".")
	for _, e := range ents {
		if e.IsDir() && len(names) < 50 {
			names = append(names, e.Name()+"/_index.md")
		}
		if !e.IsDir() && langIndex(e.Name()) {
			return true // a section's page in one of the site's languages
		}
	}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err == nil && hugoFlavoured(b) {
			return true
		}
	}
	return false
}

// otherLanguages warns, at the place given, that the site's languages
// other than its default are not built.
func (s *Set) otherLanguages(path string, line, col int) {
	s.Warnings = append(s.Warnings, Problem{Path: path, Line: line, Col: col,
		Msg: fmt.Sprintf("the site's other languages (%s) are not built: p2pc builds its default language, %s, at the site's root", strings.Join(s.Languages, ", "), s.ContentLanguage)})
}

// rootLanguages are the languages other than lang of the sections' pages
// at the root of a content folder (_index.fr.md is in French), sorted.
func rootLanguages(fsys fs.FS, lang string) []string {
	var out []string
	ents, _ := fs.ReadDir(fsys, ".")
	for _, e := range ents {
		if e.IsDir() || !langIndex(e.Name()) {
			continue
		}
		code := strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(e.Name(), "_index."), ".md"))
		if code != lang && langCode.MatchString(code) {
			out = append(out, code)
		}
	}
	slices.Sort(out)
	return out
}

// langCode matches a language code as Hugo sites name them: fr, pt-br, zh-hans.
var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})?$`)

// langIndex reports whether name is a Hugo section's page in one
// language, _index.en.md or _index.pt-br.md: p2pc's own format has none.
func langIndex(name string) bool {
	lang, ok := strings.CutPrefix(name, "_index.")
	lang, md := strings.CutSuffix(lang, ".md")
	return ok && md && lang != "" && !strings.ContainsAny(lang, "./")
}

// hugoFlavoured reports whether a page has front matter p2pc does not know
// or a Hugo shortcode.
func hugoFlavoured(b []byte) bool {
	if bytes.Contains(b, []byte("{{<")) || bytes.Contains(b, []byte("{{%")) {
		return true
	}
	fm, format := frontMatter(b)
	if fm == nil {
		return false
	}
	var m map[string]any
	var err error
	switch format {
	case "toml":
		_, err = toml.Decode(string(fm), &m)
	case "json":
		err = json.Unmarshal(fm, &m)
	default:
		err = yaml.Unmarshal(fm, &m)
	}
	if err != nil {
		return false
	}
	for k := range m {
		if !p2pcKeys[k] {
			return true
		}
	}
	return false
}

// BlankLines is the length of the blank lines (spaces, tabs) at the start
// of src, which Hugo and p2pc skip before front matter.
func BlankLines(src []byte) int {
	n := 0
	for {
		nl := bytes.IndexByte(src[n:], '\n')
		if nl < 0 || len(bytes.Trim(src[n:n+nl], " \t\r")) != 0 {
			return n
		}
		n += nl + 1
	}
}

// JSONObjectStart reports whether b starts a JSON object as front matter
// does: "{" then, after white space, a key or the closing "}" (so that a
// page starting with {{< … >}} or {#id} is not taken for one).
func JSONObjectStart(b []byte) bool {
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	rest := bytes.TrimLeft(b[1:], " \t\r\n")
	return len(rest) > 0 && (rest[0] == '"' || rest[0] == '}')
}

// frontMatter returns the YAML (---) or TOML (+++) block, or the JSON
// object, at the start of b, after blank lines (as Hugo and p2pc read it).
func frontMatter(b []byte) ([]byte, string) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	b = b[BlankLines(b):]
	if JSONObjectStart(b) {
		var raw json.RawMessage
		if json.NewDecoder(bytes.NewReader(b)).Decode(&raw) != nil {
			return nil, ""
		}
		return raw, "json"
	}
	for _, d := range []struct{ fence, format string }{{"---", "yaml"}, {"+++", "toml"}} {
		if !bytes.HasPrefix(b, []byte(d.fence)) {
			continue
		}
		rest := b[len(d.fence):]
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 || len(bytes.TrimSpace(rest[:nl])) != 0 {
			return nil, ""
		}
		rest = rest[nl+1:]
		for off := 0; off < len(rest); {
			end := bytes.IndexByte(rest[off:], '\n')
			line := rest[off:]
			if end >= 0 {
				line = rest[off : off+end]
			}
			if string(bytes.TrimSpace(line)) == d.fence {
				return rest[:off], d.format
			}
			if end < 0 {
				break
			}
			off += end + 1
		}
		return nil, ""
	}
	return nil, ""
}

func hugoConfigFile(fsys fs.FS) string {
	for _, n := range hugoConfigNames {
		if isFile(fsys, n) {
			return n
		}
	}
	return ""
}

func loadHugo(fsys fs.FS) *Set {
	s := &Set{Format: Hugo, ContentLanguage: "en"}
	cfgName := hugoConfigFile(fsys)
	if cfgName == "" && !isDir(fsys, hugoConfigDir) {
		// A content folder: the pages are at the root, in the languages
		// of its _index.LANG.md files, English the default if it has one
		s.Languages = rootLanguages(fsys, s.ContentLanguage)
		if len(s.Languages) > 0 && !exists(fsys, "_index.md") && !exists(fsys, "_index."+s.ContentLanguage+".md") {
			s.ContentLanguage, s.Languages = s.Languages[0], s.Languages[1:] // a site without English
		}
		if len(s.Languages) > 0 {
			s.otherLanguages("_index."+s.Languages[0]+".md", 1, 1)
		}
		return s.finish()
	}
	cfg := map[string]any{}
	if cfgName != "" {
		m, err := decodeConfig(fsys, cfgName)
		if err != nil {
			s.Problems = append(s.Problems, configProblem(cfgName, err))
		}
		cfg = m
	} else {
		cfg = readHugoConfigDir(fsys, s)
	}
	s.Ignore = existing(fsys, hugoIgnore...)
	if cfgName != "" {
		s.Ignore = append(s.Ignore, cfgName)
	} else {
		cfgName = hugoConfigDir
	}

	lang := str(cfg, "defaultContentLanguage")
	if lang == "" {
		lang = "en"
	}
	langCfg, _ := lookupMap(cfg, "languages."+lang)
	s.ContentLanguage = strings.ToLower(lang)
	if langs, ok := lookupMap(cfg, "languages"); ok {
		for code := range langs {
			if code = strings.ToLower(code); code != s.ContentLanguage {
				s.Languages = append(s.Languages, code)
			}
		}
		slices.Sort(s.Languages)
	}
	if len(s.Languages) > 0 && cfgName != hugoConfigDir {
		line, col := tablePlace(fsys, cfgName, "languages")
		if line == 0 {
			line, col = keyPlace(fsys, cfgName, "languages")
		}
		s.otherLanguages(cfgName, line, col)
	} else if len(s.Languages) > 0 {
		s.otherLanguages(cfgName, 0, 0)
	}

	s.Title = firstOf(str(langCfg, "title"), str(cfg, "title"))
	s.Description = firstOf(str(langCfg, "params.description"), str(cfg, "params.description"))
	s.Language = firstOf(str(cfg, "languageCode"), str(langCfg, "languageCode"), str(langCfg, "locale"), lang)
	var f footer
	if c := firstOf(str(langCfg, "copyright"), str(cfg, "copyright")); c != "" {
		f = append(f, strings.Join(strings.Fields(c), " "))
	}
	s.Footer = f.String()
	if p, ok := lookupMap(cfg, "params"); ok {
		s.Params = p
	}
	unsafe, _ := Lookup(cfg, "markup.goldmark.renderer.unsafe")
	s.RawHTML = unsafe == true
	block, _ := Lookup(cfg, "markup.goldmark.parser.attribute.block")
	s.BlockAttributes = block == true
	if on, _ := Lookup(cfg, "markup.goldmark.extensions.passthrough.enable"); on == true {
		s.Math = append(delimiterPairs(cfg, "inline", false), delimiterPairs(cfg, "block", true)...)
	}
	s.RawHTMLSetting = "markup.goldmark.renderer.unsafe to true in " + cfgName // config/_default: its hugo.* or markup.*
	s.HeadingIDs = headingIDType(fsys, cfg, cfgName, s)

	s.Shortcodes = siteShortcodes(fsys, cfg)
	if d := str(langCfg, "languageDirection"); d == "rtl" || d == "ltr" {
		s.Direction = d
	}

	root, where := hugoContentDir(cfg, langCfg, lang)
	clean, ok := inside(root)
	switch {
	case !ok:
		s.problem(cfgName, 0, 0, "%s = %q leaves the site's folder; name a folder inside it", where, root)
		clean = "content"
	case clean == "":
		s.problem(cfgName, 0, 0, "%s = %q names the site's own folder; name its content folder", where, root)
		clean = "content"
	}
	s.Root = clean
	if !isDir(fsys, s.Root) {
		s.problem(cfgName, 0, 0, "content folder %s/ does not exist (%s); create it or set contentDir", s.Root, where)
	}
	return s.finish()
}

// hugoContentDir returns the default language's content folder and the
// setting that gave it.
func hugoContentDir(cfg, langCfg map[string]any, lang string) (string, string) {
	if d := str(langCfg, "contentDir"); d != "" {
		return d, "languages." + lang + ".contentDir"
	}
	if mounts, ok := Lookup(cfg, "module.mounts"); ok {
		for _, m := range asList(mounts) {
			mm, _ := asMap(m)
			if path.Clean(str(mm, "target")) != "content" || !mountForLang(mm, lang) {
				continue
			}
			if src := str(mm, "source"); src != "" {
				return src, "module.mounts"
			}
		}
	}
	if d := str(cfg, "contentDir"); d != "" {
		return d, "contentDir"
	}
	return "content", "Hugo's default"
}

// mountForLang reports whether a mount serves lang (a mount that names no
// language serves every one).
func mountForLang(m map[string]any, lang string) bool {
	if l := str(m, "lang"); l != "" {
		return l == lang
	}
	v, ok := Lookup(m, "sites.matrix.languages")
	if !ok {
		return true
	}
	list := asList(v)
	for _, l := range list {
		if fmt.Sprint(l) == lang {
			return true
		}
	}
	return len(list) == 0
}

// readHugoConfigDir reads config/_default/: hugo.* or config.* is the
// base, and every other file NAME.ext is the value of the key NAME.
func readHugoConfigDir(fsys fs.FS, s *Set) map[string]any {
	cfg := map[string]any{}
	ents, _ := fs.ReadDir(fsys, hugoConfigDir)
	var rest []string
	for _, e := range ents {
		ext := path.Ext(e.Name())
		if e.IsDir() || (ext != ".toml" && ext != ".yaml" && ext != ".yml" && ext != ".json") {
			continue
		}
		base := strings.TrimSuffix(e.Name(), ext)
		if base == "hugo" || base == "config" {
			m, err := decodeConfig(fsys, hugoConfigDir+"/"+e.Name())
			if err != nil {
				s.Problems = append(s.Problems, configProblem(hugoConfigDir+"/"+e.Name(), err))
			}
			for k, v := range m {
				cfg[k] = v
			}
			continue
		}
		rest = append(rest, e.Name())
	}
	sort.Strings(rest)
	for _, n := range rest {
		m, err := decodeConfig(fsys, hugoConfigDir+"/"+n)
		if err != nil {
			s.Problems = append(s.Problems, configProblem(hugoConfigDir+"/"+n, err))
			continue
		}
		cfg[strings.TrimSuffix(n, path.Ext(n))] = m
	}
	return cfg
}

// configError is a config file's syntax error with its place.
type configError struct {
	line, col int
	msg       string
}

func (e *configError) Error() string { return e.msg }

func configProblem(name string, err error) Problem {
	var ce *configError
	if errors.As(err, &ce) {
		return Problem{Path: name, Line: ce.line, Col: ce.col, Msg: ce.msg}
	}
	return Problem{Path: name, Msg: err.Error()}
}

// decodeConfig reads a TOML, YAML or JSON file into a map; on an error it
// returns an empty map and a *configError.
func decodeConfig(fsys fs.FS, name string) (map[string]any, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return map[string]any{}, err
	}
	m := map[string]any{}
	switch path.Ext(name) {
	case ".toml":
		if _, err := toml.Decode(string(b), &m); err != nil {
			return map[string]any{}, tomlError(b, err)
		}
	case ".json":
		if err := json.Unmarshal(b, &m); err != nil {
			line, col := 0, 0
			var se *json.SyntaxError
			if errors.As(err, &se) {
				line, col = lineCol(b, int(se.Offset)-1)
			}
			return map[string]any{}, &configError{line, col, "bad JSON: " + err.Error()}
		}
	default:
		if err := yaml.Unmarshal(b, &m); err != nil {
			return map[string]any{}, yamlError(err)
		}
		if m == nil {
			m = map[string]any{}
		}
	}
	return m, nil
}

// tomlError places a TOML syntax error at the byte it names.
func tomlError(b []byte, err error) *configError {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return &configError{0, 0, "bad TOML: " + err.Error()}
	}
	line, col := pe.Position.Line, pe.Position.Col
	if pe.Position.Start > 0 || pe.Position.Len > 0 {
		line, col = lineCol(b, pe.Position.Start)
	}
	return &configError{line, col, "bad TOML: " + pe.Message}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError places a YAML syntax error on its line.
func yamlError(err error) *configError {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	return &configError{line, 0, "bad YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// lineCol turns a byte offset into a line and column, from 1.
func lineCol(b []byte, off int) (int, int) {
	off = max(0, min(off, len(b)))
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(b[:off], '\n')
	return line, col
}

// Lookup finds a dotted key ("a.b") in nested maps, as Hugo reads its
// config and params: each part matches a key exactly, else one that
// differs in case only (the first such in sorted order).
func Lookup(m map[string]any, key string) (any, bool) {
	var cur any = m
	for _, part := range strings.Split(key, ".") {
		mm, ok := asMap(cur)
		if !ok {
			return nil, false
		}
		if v, ok := mm[part]; ok {
			cur = v
			continue
		}
		found := false
		for _, k := range slices.Sorted(maps.Keys(mm)) {
			if strings.EqualFold(k, part) {
				cur, found = mm[k], true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return cur, true
}

func asMap(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case map[string]any:
		return m, true
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, v := range m {
			out[fmt.Sprint(k)] = v
		}
		return out, true
	}
	return nil, false
}

// asList returns a list of any kind TOML, YAML or JSON decode to.
func asList(v any) []any {
	switch l := v.(type) {
	case []any:
		return l
	case []map[string]any:
		out := make([]any, len(l))
		for i, m := range l {
			out[i] = m
		}
		return out
	case []string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out
	}
	return nil
}

func lookupMap(m map[string]any, key string) (map[string]any, bool) {
	v, ok := Lookup(m, key)
	if !ok {
		return nil, false
	}
	return asMap(v)
}

// str returns a dotted key's value as text, "" if missing or not a scalar.
func str(m map[string]any, key string) string {
	v, ok := Lookup(m, key)
	if !ok || v == nil {
		return ""
	}
	switch v.(type) {
	case map[string]any, map[any]any, []any:
		return ""
	}
	return strings.TrimSpace(fmt.Sprint(v))
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// delimiterPairs reads the passthrough extension's delimiters of one kind
// (a list of [open, close] pairs).
func delimiterPairs(cfg map[string]any, kind string, display bool) []MathDelims {
	v, _ := Lookup(cfg, "markup.goldmark.extensions.passthrough.delimiters."+kind)
	var out []MathDelims
	for _, pair := range asList(v) {
		p := asList(pair)
		if len(p) != 2 {
			continue
		}
		open, ok1 := p[0].(string)
		close, ok2 := p[1].(string)
		if ok1 && ok2 && open != "" && close != "" {
			out = append(out, MathDelims{Open: open, Close: close, Display: display})
		}
	}
	return out
}

// siteShortcodes lists the shortcodes a Hugo site defines: the templates
// in its layouts/shortcodes/, then in its themes' (the config's theme, a
// name or a list), a name given once, by the first that has it; a
// template in a folder (blocks/cover.html) is the shortcode blocks/cover.
// See Set.Shortcodes.
func siteShortcodes(fsys fs.FS, cfg map[string]any) string {
	roots := []string{"."}
	theme, _ := Lookup(cfg, "theme")
	switch t := theme.(type) {
	case string:
		roots = append(roots, path.Join("themes", t))
	case []any:
		for _, v := range t {
			if name, ok := v.(string); ok {
				roots = append(roots, path.Join("themes", name))
			}
		}
	}
	var dirs []string
	for _, r := range roots { // Hugo 0.146's name, then the older
		dirs = append(dirs, path.Join(r, "layouts/_shortcodes"), path.Join(r, "layouts/shortcodes"))
	}
	found := map[string]string{}
	for _, dir := range dirs {
		if !fs.ValidPath(dir) {
			continue // a theme name that leaves the site
		}
		_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			switch {
			case len(found) >= maxShortcodes:
				return fs.SkipAll
			case err != nil || d.IsDir():
				return nil
			}
			rel := strings.TrimPrefix(p, dir+"/")
			name, _, _ := strings.Cut(path.Base(rel), ".")
			if name = path.Join(path.Dir(rel), name); found[name] == "" {
				found[name] = p
			}
			return nil
		})
	}
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(found)) {
		b.WriteString(name + "\t" + found[name] + "\n")
	}
	return b.String()
}

// maxShortcodes bounds the shortcodes read from a site's templates.
const maxShortcodes = 1000

// headingIDType is the config's markup.goldmark.parser.autoHeadingIDType,
// "github" when it has none; Hugo takes any other value (another case of
// one) for "github", and so does p2pc, with a warning at its place.
func headingIDType(fsys fs.FS, cfg map[string]any, cfgName string, s *Set) string {
	v, ok := Lookup(cfg, "markup.goldmark.parser.autoHeadingIDType")
	if !ok {
		return "github"
	}
	switch t, _ := v.(string); t {
	case "github", "github-ascii", "blackfriday":
		return t
	}
	line, col := keyPlace(fsys, cfgName, "autoHeadingIDType")
	s.Warnings = append(s.Warnings, Problem{Path: cfgName, Line: line, Col: col,
		Msg: fmt.Sprintf("autoHeadingIDType = %v is none of github, github-ascii and blackfriday (in that case): heading ids are made by github's rules, as Hugo makes them", v)})
	return "github"
}
