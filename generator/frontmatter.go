package generator

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

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

// splitFrontMatter parses the front matter of src, reporting problems to errs
// against path, and returns the body with the front matter replaced by blank
// lines so that line numbers in the body stay true.
func splitFrontMatter(path string, src []byte, errs *errorList) (FrontMatter, []byte) {
	var fm FrontMatter
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
			return fm, nil
		}
		meta := rest[:end[0]]
		bodyStart := len(src) - len(rest) + end[1]
		if delim == "---" {
			parseYAML(path, meta, &fm, errs)
		} else {
			parseTOML(path, meta, &fm, errs)
		}
		body := append(bytes.Repeat([]byte("\n"), bytes.Count(src[:bodyStart], []byte("\n"))), src[bodyStart:]...)
		return fm, body
	}
	return fm, src
}

func parseYAML(path string, meta []byte, fm *FrontMatter, errs *errorList) {
	var doc yaml.Node
	if err := yaml.Unmarshal(meta, &doc); err != nil {
		line := 0
		if m := yamlErrorLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		errs.add(path, line+1, 0, "bad YAML front matter: %s", trimYAMLPrefix(err.Error()))
		return
	}
	if len(doc.Content) == 0 {
		return
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errs.add(path, root.Line+1, root.Column, "front matter must be key: value pairs")
		return
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if !knownKey(k.Value) {
			errs.add(path, k.Line+1, k.Column, "unknown front-matter key %q%s", k.Value, didYouMean(k.Value, frontMatterKeys))
			continue
		}
		one := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}
		if err := one.Decode(fm); err != nil {
			errs.add(path, v.Line+1, v.Column, "front-matter key %q: %s", k.Value, trimYAMLPrefix(err.Error()))
		}
	}
}

func trimYAMLPrefix(s string) string {
	return yamlErrorPrefix.ReplaceAllString(s, "")
}

func parseTOML(path string, meta []byte, fm *FrontMatter, errs *errorList) {
	md, err := toml.Decode(string(meta), fm)
	if err != nil {
		var perr toml.ParseError
		line := 0
		if pe, ok := err.(toml.ParseError); ok {
			perr = pe
			line = perr.Position.Line
		}
		errs.add(path, line+1, 0, "bad TOML front matter: %v", err)
		return
	}
	for _, k := range md.Undecoded() {
		key := k.String()
		errs.add(path, 0, 0, "unknown front-matter key %q%s", key, didYouMean(key, frontMatterKeys))
	}
}

func knownKey(k string) bool {
	for _, known := range frontMatterKeys {
		if k == known {
			return true
		}
	}
	return false
}

// didYouMean suggests the closest of candidates to s, else lists them all.
func didYouMean(s string, candidates []string) string {
	if hint := feature.DidYouMean(s, candidates); hint != "" {
		return hint
	}
	return fmt.Sprintf(" (known keys: %v)", candidates)
}
