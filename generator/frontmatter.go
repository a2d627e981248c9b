package generator

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"p2pc/generator/feature"
	"p2pc/generator/lessonset"
)

// FrontMatter is the metadata at the top of a Markdown file.
type FrontMatter struct {
	Title      string   `yaml:"title" toml:"title"`
	Weight     int      `yaml:"weight" toml:"weight"`
	Summary    string   `yaml:"summary" toml:"summary"`
	Objectives []string `yaml:"objectives" toml:"objectives"`
	Duration   int      `yaml:"duration" toml:"duration"`
	Slug       string   `yaml:"slug" toml:"slug"`
	Draft      bool     `yaml:"draft" toml:"draft"`

	// Keys of other tools, read in a lesson set of theirs (see lenient).
	Description string   `yaml:"description" toml:"description"` // Hugo: the summary when there is none
	LinkTitle   string   `yaml:"linkTitle" toml:"linkTitle"`     // Hugo: the title in navigation
	Date        string   `yaml:"date" toml:"date"`               // Hugo: shown under the title
	Lastmod     string   `yaml:"lastmod" toml:"lastmod"`         // Hugo: shown, and the sitemap's lastmod
	Aliases     []string `yaml:"aliases" toml:"aliases"`         // Hugo: old URLs that lead to the page
	Tags        []string `yaml:"tags" toml:"tags"`
	Categories  []string `yaml:"categories" toml:"categories"`
	Keywords    []string `yaml:"keywords" toml:"keywords"`
	Teaching    int      `yaml:"teaching" toml:"teaching"`   // Workbench: minutes of teaching
	Exercises   int      `yaml:"exercises" toml:"exercises"` // Workbench: minutes of exercises

	// Params holds the keys p2pc does not use, in a lesson set of another
	// tool's, for layouts (.Params.key).
	Params map[string]any `yaml:"-" toml:"-"`

	places map[string][2]int // key -> line and column in the file, for messages
	// navHidden: a Hugo theme's key leaves the page out of navigation
	// (see navHideKeys)
	navHidden bool
	// headless: Hugo's key, on a page bundle's index.md, publishes
	// neither the page nor its files (see readThemeKeys)
	headless bool
	// unpublished: Hugo would not publish the page (its _build.render is
	// never, its publishDate is to come or its expiryDate is past)
	unpublished bool
	// hugoURL: Hugo's url, the page's own URL ("/getting-started/"), as
	// written (see readThemeKeys)
	hugoURL string
}

// placeOf is the line and column of a front-matter key in its file; 0, 0
// when not known.
func (fm *FrontMatter) placeOf(key string) (line, col int) {
	p := fm.places[key]
	return p[0], p[1]
}

func (fm *FrontMatter) place(key string, line, col int) {
	if fm.places == nil {
		fm.places = map[string][2]int{}
	}
	fm.places[key] = [2]int{line, col}
}

// NavTitle is the title navigation shows: Hugo's linkTitle, else the title.
func (fm *FrontMatter) NavTitle() string {
	if fm.LinkTitle != "" {
		return fm.LinkTitle
	}
	return fm.Title
}

var (
	// closingDelim finds the line that closes front matter opened with --- or +++.
	closingDelim = map[string]*regexp.Regexp{
		"---": regexp.MustCompile(`(?m)^---[ \t]*\r?$`),
		"+++": regexp.MustCompile(`(?m)^\+\+\+[ \t]*\r?$`),
	}
	yamlErrorLine   = regexp.MustCompile(`line (\d+)`)
	yamlErrorPrefix = regexp.MustCompile(`^yaml: (unmarshal errors:\n\s*)?(line \d+: )?`)
)

var frontMatterKeys = []string{"title", "weight", "summary", "objectives", "duration", "slug", "draft"}

// otherToolKeys are the keys of other tools' front matter that p2pc reads
// in a lesson set of theirs; in its own format they are errors.
var otherToolKeys = []string{"description", "linkTitle", "date", "lastmod", "aliases", "tags", "categories", "keywords", "teaching", "exercises"}

// frontMatterRules say how front matter is read: strictly (p2pc's own
// format: an unknown key is an error with a hint) or leniently (a lesson
// set written for another tool: its keys are read, and keys p2pc does not
// use are kept in Params and reported as unused).
type frontMatterRules struct {
	lenient bool
	// directives names the text directives expanded in bodies, "mdbook" or
	// "hugo" (see package directive); "" for none.
	directives string
	// shortcodes are a Hugo site's own (see directive.Env.SiteShortcodes),
	// and contentRoot its content folder (see directive.Env.ContentRoot)
	shortcodes, contentRoot string
	// admonish: mdbook-admonish's ```admonish code blocks are boxes (see
	// package directive)
	admonish bool
	// listings: the Rust Book's <Listing> elements (see package directive)
	listings bool
	// knitr: an .Rmd page's chunks with a child option give the child's
	// Markdown (a Workbench lesson's; see package directive)
	knitr bool
	// markdownTitles: a title is inline Markdown, shown as its text (a
	// Workbench lesson's; Hugo's titles are plain text)
	markdownTitles bool
	// links is Markdown added to the end of every page: a Carpentries
	// Workbench lesson's links.md, the link reference definitions its
	// pages share ("[python]: https://…" used as "[Python][python]").
	links string
}

// unusedKey is a front-matter key a lenient read kept in Params.
type unusedKey struct {
	key       string
	line, col int
}

// splitFrontMatter parses the front matter of src, reporting problems to errs
// against path, and returns the body with the front matter replaced by blank
// lines so that line numbers in the body stay true: in src's own bytes,
// which it changes. Blank lines before the
// front matter are skipped, as Hugo skips them. Front matter is YAML between
// --- lines, TOML between +++ lines, or a JSON object (Hugo's third format):
// a file whose first character is { followed by a key or }.
func splitFrontMatter(path string, src []byte, rules frontMatterRules, errs *errorList) (FrontMatter, []byte, []unusedKey) {
	var fm FrontMatter
	var unused []unusedKey
	start := lessonset.BlankLines(src)
	first := 1 + bytes.Count(src[:start], []byte("\n")) // the line that opens the front matter
	head := src[start:]
	blank := func(bodyStart int) []byte { // in place: the front matter is read
		n := bytes.Count(src[:bodyStart], []byte("\n"))
		body := src[bodyStart-n:]
		for i := range n {
			body[i] = '\n'
		}
		return body
	}
	if lessonset.JSONObjectStart(head) {
		end, ok := jsonFrontMatterEnd(path, src, start, errs)
		if !ok {
			return fm, nil, nil
		}
		unused = parseJSON(path, src, start, end, &fm, rules, errs)
		return fm, blank(restOfLine(src, end)), unused
	}
	for _, delim := range []string{"---", "+++"} {
		if !bytes.HasPrefix(head, []byte(delim+"\n")) && !bytes.HasPrefix(head, []byte(delim+"\r\n")) {
			continue
		}
		rest := head[len(delim)+1:]
		if head[len(delim)] == '\r' {
			rest = head[len(delim)+2:]
		}
		end := closingDelim[delim].FindIndex(rest)
		if end == nil {
			errs.add(path, first, 1, "front matter opened with %s is never closed (add a %s line after it)", delim, delim)
			return fm, nil, nil
		}
		meta := rest[:end[0]]
		bodyStart := len(src) - len(rest) + end[1]
		if delim == "---" {
			unused = parseYAML(path, meta, first, &fm, rules, errs)
		} else {
			unused = parseTOML(path, meta, first, &fm, rules, errs)
		}
		return fm, blank(bodyStart), unused
	}
	return fm, src, nil
}

// parseYAML reads YAML front matter meta, whose opening --- is line first
// of the file.
func parseYAML(path string, meta []byte, first int, fm *FrontMatter, rules frontMatterRules, errs *errorList) (unused []unusedKey) {
	doc, plain := plainYAML(meta)
	if !plain {
		doc = &yaml.Node{}
		if err := yaml.Unmarshal(meta, doc); err != nil {
			line, col, msg := yamlSyntaxError(meta, err)
			errs.add(path, line+first, col, "bad YAML front matter: %s", msg)
			return nil
		}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errs.add(path, root.Line+first, root.Column, "front matter must be key: value pairs")
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key, name := k.Value, knownKey(k.Value, rules)
		fm.place(cmp.Or(name, k.Value), k.Line+first, k.Column)
		switch {
		case name != "":
		case rules.lenient && isParams(k.Value) && v.Kind == yaml.MappingNode:
			for j := 0; j+1 < len(v.Content); j += 2 {
				pk, pv := v.Content[j], v.Content[j+1]
				var value any
				if err := pv.Decode(&value); err == nil {
					fm.setParam(pk.Value, value)
				}
				unused = append(unused, unusedKey{pk.Value, pk.Line + first, pk.Column})
			}
			continue
		case rules.lenient:
			var value any
			if err := v.Decode(&value); err == nil {
				fm.setParam(k.Value, value)
			}
			unused = append(unused, unusedKey{k.Value, k.Line + first, k.Column})
			continue
		default:
			errs.add(path, k.Line+first, k.Column, "unknown front-matter key %q%s", k.Value, keyHint(k.Value))
			continue
		}
		if name != k.Value { // another case of a key, in a lenient read
			k = &yaml.Node{Kind: yaml.ScalarNode, Tag: k.Tag, Value: name}
		}
		one := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}
		if err := one.Decode(fm); err != nil {
			if c, ok := castText(name, v.Value); ok && rules.lenient && v.Kind == yaml.ScalarNode && setField(fm, name, c) == nil {
				continue // "tags: shell", "draft: \"false\"", as Hugo reads them
			}
			msg := trimYAMLPrefix(err.Error())
			if v.Kind == yaml.ScalarNode && isNumberKey(name) {
				msg = fmt.Sprintf("want a whole number, not the text %q", v.Value) // as for TOML (typed)
			}
			switch {
			case rules.lenient && v.Kind == yaml.ScalarNode && v.Value == "":
				// an empty value, as other tools' templates leave them
			case rules.lenient && v.Kind == yaml.ScalarNode && isNumberKey(name): // "teaching: XX" in a lesson not yet timed: its tool builds it
				errs.warn(path, v.Line+first, v.Column, "front-matter key %q: %s; it is left out", key, msg)
			default:
				errs.add(path, v.Line+first, v.Column, "front-matter key %q: %s", key, msg)
			}
		}
	}
	return unused
}

// isParams reports whether a key is Hugo's params, whose keys are the
// page's own params.
func isParams(k string) bool { return strings.EqualFold(k, "params") }

// setParam keeps a key p2pc does not use in Params.
func (fm *FrontMatter) setParam(k string, v any) {
	if fm.Params == nil {
		fm.Params = map[string]any{}
	}
	fm.Params[k] = v
}

// keyHint suggests the key meant, and says when a key is another tool's.
func keyHint(k string) string {
	own := "; p2pc's own keys are " + strings.Join(frontMatterKeys, ", ")
	switch i := slices.IndexFunc(otherToolKeys, func(o string) bool { return strings.EqualFold(o, k) }); {
	case i < 0:
		return didYouMean(k, frontMatterKeys)
	case otherToolKeys[i] == "teaching" || otherToolKeys[i] == "exercises":
		return " (a key of the Carpentries Workbench's, read in a Workbench lesson: one with its config.yaml, or built with --format workbench" + own + ")"
	}
	return " (a key of Hugo's: if this is a Hugo site, build it with --format hugo" + own + ")"
}

// yamlSyntaxError places a YAML syntax error in meta (1-based line and
// column, 0 when unknown) and says it in our words, the library's after.
// For an unclosed [ or {, which the library reports at a line before it,
// the place is the line that opens it.
func yamlSyntaxError(meta []byte, err error) (line, col int, msg string) {
	text := trimYAMLPrefix(err.Error())
	if m := yamlErrorLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	for _, pair := range [][2]string{{"[", "]"}, {"{", "}"}} {
		if !strings.Contains(text, "expected ',' or '"+pair[1]+"'") {
			continue
		}
		lines := strings.Split(string(meta), "\n")
		for i := max(line-1, 0); i < len(lines); i++ {
			if strings.Count(lines[i], pair[0]) > strings.Count(lines[i], pair[1]) {
				c := strings.Index(lines[i], pair[0]) + 1
				return i + 1, c, "this " + pair[0] + " is never closed (add " + pair[1] + " after its last item; YAML says: " + text + ")"
			}
		}
	}
	if strings.Contains(text, "exceeded max depth") {
		return line, 0, "the front matter nests too deep (YAML says: " + text + ")"
	}
	return line, 0, text
}

func trimYAMLPrefix(s string) string {
	return yamlErrorPrefix.ReplaceAllString(s, "")
}

// parseTOML reads TOML front matter meta, whose opening +++ is line first
// of the file.
func parseTOML(path string, meta []byte, first int, fm *FrontMatter, rules frontMatterRules, errs *errorList) (unused []unusedKey) {
	var all map[string]any
	md, err := toml.Decode(string(meta), &all)
	if err != nil {
		line, col, msg := 0, 0, err.Error()
		if pe, ok := err.(toml.ParseError); ok {
			line, msg = pe.Position.Line, pe.Message
			if pe.Position.Start >= 0 && pe.Position.Start <= len(meta) {
				col = pe.Position.Start - bytes.LastIndexByte(meta[:pe.Position.Start], '\n')
			}
		}
		errs.add(path, line+first, col, "bad TOML front matter: %s", msg)
		return nil
	}
	places := tomlKeyPlaces(meta, first)
	var entries []fmEntry
	seen := map[string]bool{}
	for _, k := range md.Keys() {
		key := k[0]
		if seen[key] {
			continue
		}
		seen[key] = true
		e := fmEntry{key: key, value: tomlValue(all[key])}
		e.line, e.col = places[key][0], places[key][1]
		entries = append(entries, e)
	}
	return applyEntries(path, entries, places, fm, rules, errs)
}

// tomlValue turns TOML's dates and times into the text YAML gives for
// the same value written unquoted (2024-01-01, 2024-05-26T09:10:33-07:00),
// in tables and lists too.
func tomlValue(v any) any {
	switch v := v.(type) {
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return v.Format(time.DateOnly)
		case "datetime-local":
			return v.Format("2006-01-02T15:04:05.999999999")
		case "time-local":
			return v.Format("15:04:05.999999999")
		}
		return v.Format(time.RFC3339Nano)
	case map[string]any:
		for k, e := range v {
			v[k] = tomlValue(e)
		}
	case []map[string]any:
		for _, m := range v {
			tomlValue(m)
		}
	case []any:
		for i, e := range v {
			v[i] = tomlValue(e)
		}
	}
	return v
}

// tomlKeyPlaces finds, in one pass, the line and column of each key of
// TOML front matter whose opening +++ is line first of the file: the
// top-level keys (the lines before the first [table]), and the keys of
// tables as "table.key".
func tomlKeyPlaces(meta []byte, first int) map[string][2]int {
	places := map[string][2]int{}
	table := ""
	for i, l := range strings.Split(string(meta), "\n") {
		trimmed := strings.TrimLeft(l, " \t")
		if strings.HasPrefix(trimmed, "[") {
			name, _, _ := strings.Cut(strings.Trim(trimmed, "[ \t\r"), "]")
			table = strings.TrimSpace(name) + "."
			if _, seen := places[strings.TrimSuffix(table, ".")]; !seen && !strings.HasPrefix(trimmed, "[[") {
				places[strings.TrimSuffix(table, ".")] = [2]int{i + first + 1, len(l) - len(trimmed) + 1}
			}
			continue
		}
		key, _, ok := strings.Cut(trimmed, "=")
		if key = strings.Trim(strings.TrimSpace(key), `"'`); ok && key != "" && !strings.HasPrefix(key, "#") {
			if _, seen := places[table+key]; !seen {
				places[table+key] = [2]int{i + first + 1, len(l) - len(trimmed) + 1}
			}
		}
	}
	return places
}

// fmEntry is a top-level key of front matter with its value, as TOML or
// JSON decode it, and its place (0, 0 when not known).
type fmEntry struct {
	key       string
	value     any
	line, col int
}

// applyEntries reads front matter decoded into generic values, as YAML's
// keys are read: known keys into fm, others into Params (a lenient read)
// or reported (a strict one). places holds the places of params' keys,
// as "params.key".
func applyEntries(path string, entries []fmEntry, places map[string][2]int, fm *FrontMatter, rules frontMatterRules, errs *errorList) (unused []unusedKey) {
	for _, e := range entries {
		name := knownKey(e.key, rules)
		fm.place(cmp.Or(name, e.key), e.line, e.col)
		params, isMap := e.value.(map[string]any)
		switch {
		case name != "":
			if err := setField(fm, name, e.value); err != nil {
				if c, ok := castText(name, e.value); ok && rules.lenient && setField(fm, name, c) == nil {
					continue // tags = "shell", draft = "false", as Hugo reads them
				}
				switch s, isText := e.value.(string); {
				case rules.lenient && isText && s == "": // an empty value, as templates leave them
				case rules.lenient && isText && isNumberKey(name): // "teaching = "XX"": its own tool builds it
					errs.warn(path, e.line, e.col, "front-matter key %q: %s; it is left out", e.key, err)
				default:
					errs.add(path, e.line, e.col, "front-matter key %q: %s", e.key, err)
				}
			}
		case rules.lenient && isParams(e.key) && isMap:
			for _, k := range slices.Sorted(maps.Keys(params)) {
				fm.setParam(k, params[k])
				p := places[e.key+"."+k]
				unused = append(unused, unusedKey{k, p[0], p[1]})
			}
		case rules.lenient:
			fm.setParam(e.key, e.value)
			unused = append(unused, unusedKey{e.key, e.line, e.col})
		default:
			errs.add(path, e.line, e.col, "unknown front-matter key %q%s", e.key, keyHint(e.key))
		}
	}
	return unused
}

// knownKey returns the key of p2pc's front matter the rules read k as, or
// "": k itself, or in a lenient read the key k is in another case
// (Hugo's keys are case-insensitive: linktitle, Draft).
func knownKey(k string, rules frontMatterRules) string {
	if slices.Contains(frontMatterKeys, k) || rules.lenient && slices.Contains(otherToolKeys, k) {
		return k
	}
	if rules.lenient {
		for _, keys := range [][]string{frontMatterKeys, otherToolKeys} {
			if i := slices.IndexFunc(keys, func(o string) bool { return strings.EqualFold(o, k) }); i >= 0 {
				return keys[i]
			}
		}
	}
	return ""
}

// didYouMean suggests the closest of candidates to s, else lists them all.
func didYouMean(s string, candidates []string) string {
	if hint := feature.DidYouMean(s, candidates); hint != "" {
		return hint
	}
	return fmt.Sprintf(" (known keys: %v)", candidates)
}

// isNumberKey reports whether the key FrontMatter reads as name holds a
// whole number (weight, duration, teaching, exercises).
func isNumberKey(name string) bool { return fieldKind(name) == reflect.Int }

// fieldKind is the kind of the FrontMatter field the key name sets, or
// reflect.Invalid for a key it does not read.
func fieldKind(name string) reflect.Kind {
	i, ok := fieldIndex[name]
	if !ok {
		return reflect.Invalid
	}
	return reflect.TypeFor[FrontMatter]().Field(i).Type.Kind()
}

// fieldIndex maps each key FrontMatter reads to its field.
var fieldIndex = func() map[string]int {
	m := map[string]int{}
	t := reflect.TypeFor[FrontMatter]()
	for i := range t.NumField() {
		if k := t.Field(i).Tag.Get("toml"); k != "" && k != "-" {
			m[k] = i
		}
	}
	return m
}()

// setField sets the field of the known key k to a value TOML or JSON
// decoded. Text may be written as a number or as true or false, and
// TOML's dates come as text (see tomlValue), as YAML reads them.
// castText is the value a text gives the known key name where another
// type is wanted, as Hugo casts front matter: a list of that one text
// ("tags: shell"), true or false ("draft: \"false\""), a whole number
// ("weight: \"3\""). ok is false for a value that is no text or does not
// cast ("teaching: XX").
func castText(name string, v any) (any, bool) {
	s, isText := v.(string)
	if !isText || strings.TrimSpace(s) == "" {
		return nil, false
	}
	s = strings.TrimSpace(s)
	switch fieldKind(name) {
	case reflect.Slice:
		return []any{s}, true
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		return b, err == nil
	case reflect.Int:
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil
	}
	return nil, false
}

func setField(fm *FrontMatter, k string, v any) error {
	if v == nil {
		return nil // JSON's null, as YAML's leaves the zero value
	}
	f := reflect.ValueOf(fm).Elem().Field(fieldIndex[k])
	switch f.Kind() {
	case reflect.String:
		s, ok := asText(v)
		if !ok {
			return fmt.Errorf("want text, not %s", describe(v))
		}
		f.SetString(s)
	case reflect.Int:
		switch n := v.(type) {
		case int64:
			f.SetInt(n)
			return nil
		case float64:
			if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
				f.SetInt(int64(n))
				return nil
			}
		}
		return fmt.Errorf("want a whole number, not %s", describe(v))
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("want true or false, not %s", describe(v))
		}
		f.SetBool(b)
	case reflect.Slice:
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("want a list, not %s", describe(v))
		}
		out := make([]string, len(list))
		for i, e := range list {
			if out[i], ok = asText(e); !ok {
				return fmt.Errorf("item %d: want text, not %s", i+1, describe(e))
			}
		}
		f.Set(reflect.ValueOf(out))
	}
	return nil
}

// asText is a single value as text.
func asText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int64, bool:
		return fmt.Sprint(v), true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	}
	return "", false
}

// describe names a decoded value for a message.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", v)
	case nil:
		return "null"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	s, _ := asText(v)
	return s
}
