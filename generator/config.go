package generator

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strings"

	"gopkg.in/yaml.v3"
)

// configFile is the optional site configuration at the root of the content folder.
const configFile = "site.yaml"

// Config is the site configuration read from site.yaml.
type Config struct {
	Title       string `yaml:"title"`       // the site's name, shown in every header
	Description string `yaml:"description"` // used in the home page's meta description
	Language    string `yaml:"language"`    // the lang attribute, "en" by default
	Direction   string `yaml:"direction"`   // "rtl" or "ltr"; else as the language is written (see Dir)
	BaseURL     string `yaml:"base_url"`    // absolute URL of the site, for sitemap.xml; --base-url overrides it
	RawHTML     bool   `yaml:"raw_html"`    // let HTML in Markdown through instead of escaping it
	Footer      string `yaml:"footer"`      // a line of Markdown at the foot of every page (credits, licence)

	// FooterHTML is Footer rendered.
	FooterHTML template.HTML `yaml:"-"`
}

func loadConfig(fsys fs.FS, errs *errorList) Config {
	cfg := Config{Language: "en"}
	data, err := fs.ReadFile(fsys, configFile)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg
	}
	if err != nil {
		errs.add(configFile, 0, 0, "cannot read: %v", err)
		return cfg
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, col, msg := yamlSyntaxError(data, err)
		errs.add(configFile, line, col, "bad YAML: %s", msg)
		return cfg
	}
	if len(doc.Content) == 0 {
		return cfg
	}
	root := doc.Content[0]
	keys := []string{"title", "description", "language", "direction", "base_url", "raw_html", "footer"}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		known := false
		for _, key := range keys {
			known = known || key == k.Value
		}
		if !known {
			errs.add(configFile, k.Line, k.Column, "unknown setting %q%s", k.Value, didYouMean(k.Value, keys))
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		one := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}
		if err := one.Decode(&cfg); err != nil {
			errs.add(configFile, v.Line, v.Column, "setting %q has the wrong kind of value (YAML says: %s)", k.Value, trimYAMLPrefix(err.Error()))
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch {
		case k.Value == "base_url":
			if msg := checkBaseURL(cfg.BaseURL); msg != "" {
				errs.add(configFile, v.Line, v.Column, "base_url: %s", msg)
				cfg.BaseURL = ""
			}
		case k.Value == "direction" && cfg.Direction != "rtl" && cfg.Direction != "ltr":
			errs.add(configFile, v.Line, v.Column, "direction: %q is not a direction: write rtl (right to left, as Arabic or Hebrew) or ltr, or leave it out to follow the language", cfg.Direction)
			cfg.Direction = ""
		}
	}
	return cfg
}

// Dir is the dir attribute of the site's pages: the direction set, else
// "rtl" for a language written right to left (its first subtag: ar, fa,
// he, ur and others), else "" (left to right, the default).
func (c Config) Dir() string {
	if c.Direction != "" {
		return c.Direction
	}
	lang, _, _ := strings.Cut(strings.ToLower(c.Language), "-")
	if rtlLanguages[lang] {
		return "rtl"
	}
	return ""
}

// rtlLanguages are the languages written right to left, by their
// ISO 639 codes.
var rtlLanguages = map[string]bool{
	"ar": true, "arc": true, "ckb": true, "dv": true, "fa": true, "he": true, "iw": true,
	"ps": true, "sd": true, "ug": true, "ur": true, "yi": true,
}

// checkBaseURL says what is wrong with a site's base URL, or "": it must
// be an http or https address with a host, or a path from the root ("/",
// "/course/"), with nothing a browser would run or read as another scheme.
func checkBaseURL(base string) string {
	if base == "" {
		return ""
	}
	u, err := url.Parse(base)
	switch {
	case err != nil || strings.ContainsAny(base, " \t\n\r\"'<>\\"):
		return fmt.Sprintf("%q is not a URL (write it as https://example.org/course/ or /course/)", base)
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(base, "/") && !strings.HasPrefix(base, "//"):
		return ""
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil:
		return ""
	}
	return fmt.Sprintf("%q must be an http or https address (https://example.org/course/) or a path from the site root (/course/)", base)
}
