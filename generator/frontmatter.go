package generator

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"p2pc/generator/feature"
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
// lines so that line numbers in the body stay true.
func splitFrontMatter(path string, src []byte, rules frontMatterRules, errs *errorList) (FrontMatter, []byte, []unusedKey) {
	var fm FrontMatter
	var unused []unusedKey
	for _, delim := range []string{"---", "+++"} {
		if !bytes.HasPrefix(src, []byte(delim+"\n")) && !bytes.HasPrefix(src, []byte(delim+"\r\n")) {
			continue
		}
		rest := src[len(delim)+1:]
		if src[len(delim)] == '\r' {
			rest = src[len(delim)+2:]
		}
		end := closingDelim[delim].FindIndex(rest)
		if end == nil {
			errs.add(path, 1, 1, "front matter opened with %s is never closed (add a %s line after it)", delim, delim)
			return fm, nil, nil
		}
		meta := rest[:end[0]]
		bodyStart := len(src) - len(rest) + end[1]
		if delim == "---" {
			unused = parseYAML(path, meta, &fm, rules, errs)
		} else {
			unused = parseTOML(path, meta, &fm, rules, errs)
		}
		body := append(bytes.Repeat([]byte("\n"), bytes.Count(src[:bodyStart], []byte("\n"))), src[bodyStart:]...)
		return fm, body, unused
	}
	return fm, src, nil
}

func parseYAML(path string, meta []byte, fm *FrontMatter, rules frontMatterRules, errs *errorList) (unused []unusedKey) {
	var doc yaml.Node
	if err := yaml.Unmarshal(meta, &doc); err != nil {
		line, col, msg := yamlSyntaxError(meta, err)
		errs.add(path, line+1, col, "bad YAML front matter: %s", msg)
		return nil
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errs.add(path, root.Line+1, root.Column, "front matter must be key: value pairs")
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		fm.place(k.Value, k.Line+1, k.Column)
		switch {
		case knownKey(k.Value, rules):
		case rules.lenient:
			var value any
			if err := v.Decode(&value); err == nil {
				if fm.Params == nil {
					fm.Params = map[string]any{}
				}
				fm.Params[k.Value] = value
			}
			unused = append(unused, unusedKey{k.Value, k.Line + 1, k.Column})
			continue
		default:
			errs.add(path, k.Line+1, k.Column, "unknown front-matter key %q%s", k.Value, keyHint(k.Value))
			continue
		}
		one := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}
		if err := one.Decode(fm); err != nil {
			if rules.lenient && v.Kind == yaml.ScalarNode && v.Value == "" {
				continue // an empty value, as other tools' templates leave them
			}
			errs.add(path, v.Line+1, v.Column, "front-matter key %q: %s", k.Value, trimYAMLPrefix(err.Error()))
		}
	}
	return unused
}

// keyHint suggests the key meant, and says when a key is another tool's.
func keyHint(k string) string {
	if slices.Contains(otherToolKeys, k) {
		return " (a key of Hugo's or the Carpentries Workbench's, read only in a lesson set of theirs; here use " + strings.Join(frontMatterKeys, ", ") + ")"
	}
	return didYouMean(k, frontMatterKeys)
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

func parseTOML(path string, meta []byte, fm *FrontMatter, rules frontMatterRules, errs *errorList) (unused []unusedKey) {
	md, err := toml.Decode(string(meta), fm)
	if err != nil {
		line, col, msg := 0, 0, err.Error()
		if pe, ok := err.(toml.ParseError); ok {
			line, msg = pe.Position.Line, pe.Message
			if pe.Position.Start >= 0 && pe.Position.Start <= len(meta) {
				col = pe.Position.Start - bytes.LastIndexByte(meta[:pe.Position.Start], '\n')
			}
		}
		errs.add(path, line+1, col, "bad TOML front matter: %s", msg)
		return nil
	}
	fm.places = tomlKeyPlaces(meta)
	if rules.lenient {
		var all map[string]any
		if _, err := toml.Decode(string(meta), &all); err == nil {
			for k, v := range all {
				if !knownKey(k, rules) {
					if fm.Params == nil {
						fm.Params = map[string]any{}
					}
					fm.Params[k] = v
				}
			}
		}
	}
	for _, k := range md.Undecoded() {
		key := k.String()
		if len(k) > 1 || knownKey(key, rules) {
			continue // inside a table reported by its first part
		}
		line, col := fm.placeOf(key)
		if rules.lenient {
			unused = append(unused, unusedKey{key, line, col})
			continue
		}
		errs.add(path, line, col, "unknown front-matter key %q%s", key, keyHint(key))
	}
	if !rules.lenient {
		for _, k := range otherToolKeys {
			if md.IsDefined(k) {
				line, col := fm.placeOf(k)
				errs.add(path, line, col, "unknown front-matter key %q%s", k, keyHint(k))
			}
		}
	}
	return unused
}

// tomlKeyPlaces finds, in one pass, the line and column of each top-level
// key of TOML front matter (the lines before the first [table]), counting
// the opening +++ line.
func tomlKeyPlaces(meta []byte) map[string][2]int {
	places := map[string][2]int{}
	for i, l := range strings.Split(string(meta), "\n") {
		trimmed := strings.TrimLeft(l, " \t")
		if strings.HasPrefix(trimmed, "[") {
			break
		}
		key, _, ok := strings.Cut(trimmed, "=")
		if key = strings.TrimSpace(key); ok && key != "" {
			if _, seen := places[key]; !seen {
				places[key] = [2]int{i + 2, len(l) - len(trimmed) + 1}
			}
		}
	}
	return places
}

// knownKey reports whether the rules read key k.
func knownKey(k string, rules frontMatterRules) bool {
	return slices.Contains(frontMatterKeys, k) || rules.lenient && slices.Contains(otherToolKeys, k)
}

// didYouMean suggests the closest of candidates to s, else lists them all.
func didYouMean(s string, candidates []string) string {
	if hint := feature.DidYouMean(s, candidates); hint != "" {
		return hint
	}
	return fmt.Sprintf(" (known keys: %v)", candidates)
}
