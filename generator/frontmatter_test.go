package generator

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestFrontMatter reads front matter in p2pc's own format (strict) and in
// a lesson set of another tool's (lenient), as Hugo reads it there: blank
// lines before it skipped, keys in any case, TOML's dates as text, JSON,
// and [params] as the page's params.
func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		lenient bool
		want    string // the fields read, as fmSummary writes them
		body    string // "" when the body is only blank lines
		errs    []string
		unused  []string
	}{
		{name: "blank lines before YAML", src: "\n \t\n---\ntitle: T\nweight: 2\naliases: [/old/]\n---\nbody\n", lenient: true,
			want: "title=T weight=2 aliases=[/old/]", body: "body\n"},
		{name: "blank lines before TOML, own format", src: "\r\n+++\ntitle = \"T\"\n+++\nbody\n",
			want: "title=T", body: "body\n"},
		{name: "blank lines, then text", src: "\n\ntext\n---\ntitle: T\n---\n", want: "", body: "text\n---\ntitle: T\n---\n"},
		{name: "error lines after blank lines", src: "\n\n---\ntitle: T\nwieght: 2\n---\n",
			errs: []string{`a.md:5:1: unknown front-matter key "wieght" (did you mean "weight"?)`}},
		{name: "never closed after blank lines", src: "\n+++\ntitle = \"T\"\n",
			errs: []string{"a.md:2:1: front matter opened with +++ is never closed (add a +++ line after it)"}},
		{name: "TOML error line after blank lines", src: "\n\n+++\ntitle = \"A\nweight = 2\n+++\n",
			errs: []string{"a.md:4:11: bad TOML front matter: strings cannot contain newlines"}},
		{name: "keys in any case, lenient", src: "---\nTitle: T\nlinktitle: LT\nDraft: true\nWEIGHT: 3\n---\n", lenient: true,
			want: "title=T weight=3 draft=true linkTitle=LT"},
		{name: "TOML keys in any case, lenient", src: "+++\nTitle = \"T\"\nLinkTitle = \"LT\"\ndraft = true\n+++\n", lenient: true,
			want: "title=T draft=true linkTitle=LT"},
		{name: "text where Hugo casts it, lenient", src: "---\ntitle: T\ntags: shell\naliases: /old/\ndraft: \"false\"\nweight: \" 3\"\n---\n", lenient: true,
			want: "title=T weight=3 aliases=[/old/] tags=[shell]"},
		{name: "TOML text where Hugo casts it, lenient", src: "+++\ntitle = \"T\"\ntags = \"shell\"\ndraft = \"true\"\nweight = \"-2\"\n+++\n", lenient: true,
			want: "title=T weight=-2 draft=true tags=[shell]"},
		{name: "text that casts to nothing, lenient", src: "---\ntitle: T\ndraft: maybe\n---\n", lenient: true,
			errs: []string{"a.md:3:8: front-matter key \"draft\": cannot unmarshal !!str `maybe` into bool"}},
		{name: "text for a list, own format", src: "---\ntitle: T\nobjectives: one\n---\n",
			errs: []string{"a.md:3:13: front-matter key \"objectives\": cannot unmarshal !!str `one` into []string"}},
		{name: "keys in any case, own format", src: "---\nTitle: T\n---\n",
			errs: []string{`a.md:2:1: unknown front-matter key "Title" (did you mean "title"?)`}},
		{name: "TOML keys in any case, own format", src: "+++\nTitle = \"T\"\n+++\n",
			errs: []string{`a.md:2:1: unknown front-matter key "Title" (did you mean "title"?)`}},
		{name: "TOML dates", src: "+++\ntitle = \"X\"\ndate = 2024-01-01\nlastmod = 2024-05-26T09:10:33-07:00\n+++\n", lenient: true,
			want: "title=X date=2024-01-01 lastmod=2024-05-26T09:10:33-07:00"},
		{name: "TOML local date-time, UTC, and a date as a title", src: "+++\ntitle = 2024-03-04\ndate = 2024-01-02T03:04:05\nlastmod = 2024-01-02T03:04:05.5Z\n+++\n", lenient: true,
			want: "title=2024-03-04 date=2024-01-02T03:04:05 lastmod=2024-01-02T03:04:05.5Z"},
		{name: "TOML dates in params and lists", src: "+++\ntitle = \"X\"\nreleased = 2024-01-01\nkeywords = [2024-02-02, \"k\"]\n+++\n", lenient: true,
			want: "title=X keywords=[2024-02-02 k] params{released=2024-01-01}", unused: []string{"released 3:1"}},
		{name: "TOML value of the wrong kind", src: "+++\nweight = \"heavy\"\n+++\n",
			errs: []string{`a.md:2:1: front-matter key "weight": want a whole number, not the text "heavy"`}},
		{name: "TOML params table", src: "+++\ntitle = \"X\"\n[params]\n  foo = \"bar\"\n  n = 2\n+++\n", lenient: true,
			want: "title=X params{foo=bar n=2}", unused: []string{"foo 4:3", "n 5:3"}},
		{name: "TOML params dotted", src: "+++\ntitle = \"X\"\nparams.foo = \"bar\"\n+++\n", lenient: true,
			want: "title=X params{foo=bar}", unused: []string{"foo 3:1"}},
		{name: "YAML params", src: "---\ntitle: X\nparams:\n  foo: bar\n---\n", lenient: true,
			want: "title=X params{foo=bar}", unused: []string{"foo 4:3"}},
		{name: "TOML unknown key, lenient, with its line", src: "+++\ntitle = \"X\"\n\n  extra = 1\n+++\n", lenient: true,
			want: "title=X params{extra=1}", unused: []string{"extra 4:3"}},
		{name: "JSON", src: "{\n  \"title\": \"Zebra\",\n  \"linkTitle\": \"Z\",\n  \"weight\": 4,\n  \"tags\": [\"a\", \"b\"],\n  \"extra\": null\n}\n\nBody {x}\n", lenient: true,
			want: "title=Zebra weight=4 linkTitle=Z tags=[a b] params{extra=<nil>}", body: "Body {x}\n", unused: []string{"extra 6:3"}},
		{name: "JSON after a blank line, body on its last line", src: "\n{\"title\": \"T\", \"params\": {\"a\": 1}}  \r\nBody\n", lenient: true,
			want: "title=T params{a=1}", body: "Body\n", unused: []string{"a 2:27"}},
		{name: "JSON in own format", src: "{\"title\": \"T\", \"linkTitle\": \"L\"}\n",
			errs: []string{`a.md:1:16: unknown front-matter key "linkTitle" (a key of Hugo's: if this is a Hugo site, build it with --format hugo; p2pc's own keys are title, weight, summary, objectives, duration, slug, draft)`}},
		{name: "JSON syntax error", src: "{\n  \"title\": \"T\"\n  \"weight\": 2\n}\n", lenient: true,
			errs: []string{`a.md:3:3: bad JSON front matter: invalid character '"' after object key:value pair`}},
		{name: "JSON never closed", src: "\n{\n  \"title\": \"T\",\n", lenient: true,
			errs: []string{`a.md:2:1: front matter opened with { is never closed (add } after its last key)`}},
		{name: "JSON value of the wrong kind", src: "{\"draft\": \"yes\"}\n", lenient: true,
			errs: []string{`a.md:1:2: front-matter key "draft": want true or false, not the text "yes"`}},
		{name: "a shortcode first is no JSON", src: "{{< param x >}}\n", lenient: true, body: "{{< param x >}}\n"},
		{name: "attributes first are no JSON", src: "{#id}\n", body: "{#id}\n"},
		{name: "Hugo's key in own format", src: "---\ndescription: D\n---\n",
			errs: []string{`a.md:2:1: unknown front-matter key "description" (a key of Hugo's: if this is a Hugo site, build it with --format hugo; p2pc's own keys are title, weight, summary, objectives, duration, slug, draft)`}},
		{name: "Workbench's key in own format", src: "---\nteaching: 5\n---\n",
			errs: []string{`a.md:2:1: unknown front-matter key "teaching" (a key of the Carpentries Workbench's, read in a Workbench lesson: one with its config.yaml, or built with --format workbench; p2pc's own keys are title, weight, summary, objectives, duration, slug, draft)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := &errorList{}
			fm, body, unused := splitFrontMatter("a.md", []byte(tt.src), frontMatterRules{lenient: tt.lenient}, errs)
			var got []string
			for _, e := range errs.errs {
				got = append(got, e.Error())
			}
			if !slices.Equal(got, tt.errs) {
				t.Fatalf("errors\n got %q\nwant %q", got, tt.errs)
			}
			if tt.errs != nil {
				return
			}
			if s := fmSummary(fm); s != tt.want {
				t.Errorf("front matter\n got %s\nwant %s", s, tt.want)
			}
			if strings.Count(string(body), "\n") != strings.Count(tt.src, "\n") {
				t.Errorf("body has %d lines, the file %d", strings.Count(string(body), "\n"), strings.Count(tt.src, "\n"))
			}
			if b := strings.TrimLeft(string(body), "\n"); b != tt.body {
				t.Errorf("body %q, want %q", b, tt.body)
			}
			var u []string
			for _, k := range unused {
				u = append(u, fmt.Sprintf("%s %d:%d", k.key, k.line, k.col))
			}
			if !slices.Equal(u, tt.unused) {
				t.Errorf("unused %q, want %q", u, tt.unused)
			}
		})
	}
}

// fmSummary writes the fields of fm that are set.
func fmSummary(fm FrontMatter) string {
	var out []string
	add := func(k string, v any, set bool) {
		if set {
			out = append(out, fmt.Sprintf("%s=%v", k, v))
		}
	}
	add("title", fm.Title, fm.Title != "")
	add("weight", fm.Weight, fm.Weight != 0)
	add("draft", fm.Draft, fm.Draft)
	add("linkTitle", fm.LinkTitle, fm.LinkTitle != "")
	add("date", fm.Date, fm.Date != "")
	add("lastmod", fm.Lastmod, fm.Lastmod != "")
	add("aliases", fm.Aliases, fm.Aliases != nil)
	add("tags", fm.Tags, fm.Tags != nil)
	add("keywords", fm.Keywords, fm.Keywords != nil)
	if fm.Params != nil {
		var ps []string
		for _, k := range slices.Sorted(maps.Keys(fm.Params)) {
			ps = append(ps, fmt.Sprintf("%s=%v", k, fm.Params[k]))
		}
		out = append(out, "params{"+strings.Join(ps, " ")+"}")
	}
	return strings.Join(out, " ")
}

// TestUntimedEpisode: a Workbench episode not yet timed ("teaching: XX")
// builds, as sandpaper builds it, with a warning for each key; in p2pc's
// own format a duration that is no number is an error, in words.
func TestUntimedEpisode(t *testing.T) {
	site, err := Build(files("config.yaml", "title: L\nepisodes:\n- a.md\n", "index.md", "Welcome.\n",
		"episodes/a.md", "---\ntitle: A\nteaching: XX\nexercises: XX\n---\nText.\n"), layoutsFS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range site.Warnings {
		got = append(got, w.Error())
	}
	want := []string{
		`episodes/a.md:3:11: warning: front-matter key "teaching": want a whole number, not the text "XX"; it is left out`,
		`episodes/a.md:4:12: warning: front-matter key "exercises": want a whole number, not the text "XX"; it is left out`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_, err = Build(files("index.md", "# Home\n", "m/a.md", "---\ntitle: A\nduration: soon\n---\nText.\n"), layoutsFS, Options{})
	if err == nil || !strings.Contains(err.Error(), `m/a.md:3:11: front-matter key "duration": want a whole number, not the text "soon"`) {
		t.Errorf("p2pc's own format: %v", err)
	}
}
