package generator

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// unreadableFS fails to open one file, like a file without read permission.
type unreadableFS struct {
	fstest.MapFS
	bad string
}

func (u unreadableFS) Open(name string) (fs.File, error) {
	if name == u.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.MapFS.Open(name)
}

func (u unreadableFS) ReadFile(name string) ([]byte, error) {
	if name == u.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.MapFS.ReadFile(name)
}

func files(kv ...string) fstest.MapFS {
	m := fstest.MapFS{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = &fstest.MapFile{Data: []byte(kv[i+1])}
	}
	return m
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		fsys fs.FS
		want []string
	}{
		{"bad YAML", files("a.md", "---\ntitle: [unclosed\nsummary: x\n---\nBody\n"),
			[]string{"a.md:2:8: bad YAML front matter: this [ is never closed (add ] after its last item; YAML says: did not find expected ',' or ']')"}},
		{"unknown key", files("a.md", "---\ntitle: A\nwieght: 2\n---\n"),
			[]string{`a.md:3:1: unknown front-matter key "wieght" (did you mean "weight"?)`}},
		{"wrong type", files("a.md", "---\nduration: soon\n---\n"),
			[]string{`a.md:2:11: front-matter key "duration": want a whole number, not the text "soon"`}},
		{"unknown TOML key", files("a.md", "+++\ntitel = \"A\"\n+++\n"),
			[]string{`a.md:2:1: unknown front-matter key "titel" (did you mean "title"?)`}},
		{"front matter never closed", files("a.md", "---\ntitle: A\n"),
			[]string{"a.md:1:1: front matter opened with --- is never closed (add a --- line after it)"}},
		{"unclosed fenced div", files("m/a.md", "# A\n\ntext\n\n::: callout\nnever closed\n"),
			[]string{"m/a.md:5:1: fenced div ::: callout is never closed (add a line ::: after its content)"}},
		{"bad div attributes", files("a.md", "::: card {deck=\"x}\nhi\n:::\n"),
			[]string{"a.md:1:1: fenced div ::: card: attribute deck: missing closing quote"}},
		{"missing page", files("m/a.md", "Intro\n\nSee [b](b.md).\n"),
			[]string{"m/a.md:3:6: link to m/b.md, but there is no such page"}},
		{"missing anchor", files("m/a.md", "See [b](b.md#nope).\n", "m/b.md", "## Yes\n"),
			[]string{`m/a.md:1:6: link to m/b.md#nope, but that page has no heading or id "nope"`}},
		{"missing own anchor", files("a.md", "[x](#gone)\n"),
			[]string{"a.md:1:2: link to #gone, but this page has no such heading or id"}},
		{"missing file", files("a.md", "![pic](pic.png)\n"),
			[]string{"a.md:1:3: link to pic.png, but there is no such file"}},
		{"absolute link", files("a.md", "[x](/etc/passwd)\n"),
			[]string{"a.md:1:2: link /etc/passwd: no page has the URL /etc/passwd/ and the content folder has no file etc/passwd"}},
		{"site URL to nowhere", files("m/a.md", "[x](/m/b/)\n"),
			[]string{"m/a.md:1:2: link /m/b/: no page has the URL /m/b/ and the content folder has no file m/b"}},
		{"link outside content", files("m/a.md", "[x](../../secret.md)\n"),
			[]string{"m/a.md:1:2: link ../../secret.md points outside the content folder"}},
		{"remote image", files("a.md", "![x](https://cdn.example.com/x.png)\n"),
			[]string{"a.md:1:3: image https://cdn.example.com/x.png is on another host; put the file beside the lesson so the site works offline"}},
		{"draft link", files("a.md", "[x](b.md)\n", "b.md", "---\ndraft: true\n---\n"),
			[]string{"a.md:1:2: link to b.md, which is a draft and is not built (build with --drafts, or remove the link)"}},
		{"same URL", files("m/01-ask.md", "A\n", "m/ask.md", "B\n"),
			[]string{"m/ask.md:1:1: wants the URL /m/ask/, which m/01-ask.md already has (rename one or give it a slug)"}},
		{"slug escapes", files("a.md", "---\nslug: ../../etc\n---\n"),
			[]string{`a.md:2:1: slug "../../etc" must be one URL segment of lowercase letters, digits, '-', '_' or '.' (no '/' or '..')`}},
		{"name with no letters", files("m/01-ʻʻ.md", "x"),
			[]string{`m/01-ʻʻ.md: "ʻʻ" cannot be a URL segment: name it with letters or digits`}},
		{"invalid UTF-8", files("a.md", "# Title\n\nbad \xff byte\n"),
			[]string{"a.md:3:5: invalid UTF-8 (save the file as UTF-8)"}},
		{"unreadable file", unreadableFS{files("a.md", "x", "b.md", "y"), "b.md"},
			[]string{"b.md:1:1: cannot read file: open b.md: permission denied"}},
		{"reserved name", files("cards/a.md", "x"),
			[]string{`cards: the folder name "cards" is used by the generator's own pages; rename it`}},
		{"two index files", files("m/_index.md", "x", "m/index.md", "y"),
			[]string{"m/index.md:1:1: index.md is a second index file for this folder: m/_index.md is its index (keep only one of _index.md and index.md)"}},
		{"missing generated page", files("m/a.md", "See [the decks](../cards/nope/).\n"),
			[]string{"m/a.md:1:6: link to cards/nope/, but no such page is made (no page is made under cards/)"}},
		{"objective out of range", files("m/a.md", "---\nobjectives: [Ask well]\n---\nText.\n",
			"m/b.md", ":::: worksheet {#ws}\n::: question {#q1 type=single objectives=\"a.md#2\"}\nWhich?\n\n- [x] One\n- [ ] Two\n:::\n::::\n"),
			[]string{"m/b.md:2:1: objectives= of question #q1 names objective 2 of m/a.md, which has 1 objective: count the objectives: list in its front matter from 1"}},
		{"unclosed list on line 4", files("m/a.md", "---\ntitle: A\nsummary: s\nobjectives: [a, b\n---\nx\n"),
			[]string{"m/a.md:4:13: bad YAML front matter: this [ is never closed (add ] after its last item; YAML says: did not find expected ',' or ']')"}},
		{"TOML string over two lines", files("m/a.md", "+++\ntitle = \"A\nweight = 2\n+++\n"),
			[]string{"m/a.md:2:11: bad TOML front matter: strings cannot contain newlines"}},
		{"slug with a space", files("m/a.md", "---\ntitle: A\nslug: a bé\n---\nx\n"),
			[]string{`m/a.md:3:1: slug "a bé" must be one URL segment of lowercase letters, digits, '-', '_' or '.' (no '/' or '..')`}},
		{"setting of the wrong kind", files("site.yaml", "language: en\ntitle: {a: 1}\n"),
			[]string{`site.yaml:2:8: setting "title" has the wrong kind of value (YAML says: cannot unmarshal !!map into string)`}},
		{"carriage returns alone", files("m/a.md", "# A\r\rSee [b](nope.md).\r"),
			[]string{"m/a.md:3:6: link to m/nope.md, but there is no such page"}},
		{"script link", files("m/a.md", "# A\n\n[x](JavaScript:alert(1))\n"),
			[]string{"m/a.md:3:2: link JavaScript:alert(1) runs code in the reader's browser; link to a page or an http(s) address"}},
		{"script link in entities", files("m/a.md", "# A\n\n[x](&#106;avascript:alert(1))\n"),
			[]string{"m/a.md:3:2: link javascript:alert(1) runs code in the reader's browser; link to a page or an http(s) address"}},
		{"names that differ in case", files("m/Foo.md", "# F\n", "m/foo.md", "# f\n"),
			[]string{"m/foo.md:1:1: wants the URL /m/foo/, which m/Foo.md already has (rename one or give it a slug)"}},
		{"names that differ in Unicode form", files("m/caf\u00e9.md", "# C\n", "m/cafe\u0301.md", "# C\n"),
			[]string{"m/caf\u00e9.md:1:1: wants the URL /m/cafe/, which m/cafe\u0301.md already has (rename one or give it a slug)"}},
		{"slug with a slash", files("m/a.md", "---\nslug: /etc\n---\nx\n"),
			[]string{`m/a.md:2:1: slug "/etc" must be one URL segment of lowercase letters, digits, '-', '_' or '.' (no '/' or '..')`}},
		{"divs nested too deep", files("a.md", strings.Repeat(":::: x\n", 70)+"deep\n"+strings.Repeat("::::\n", 70)),
			[]string{"a.md:65:1: fenced divs nest 65 deep here; the limit is 64: close some before opening more"}},
		{"script as base_url", files("site.yaml", "title: X\nbase_url: \"javascript:alert(1)//\"\n"),
			[]string{`site.yaml:2:11: base_url: "javascript:alert(1)//" must be an http or https address (https://example.org/course/) or a path from the site root (/course/)`}},
		{"base_url with a quote", files("site.yaml", "base_url: 'https://a.org/\"><script>'\n"),
			[]string{`site.yaml:1:11: base_url: "https://a.org/\"><script>" is not a URL (write it as https://example.org/course/ or /course/)`}},
		{"unknown site setting", files("site.yaml", "titel: X\n"),
			[]string{`site.yaml:1:1: unknown setting "titel" (did you mean "title"?)`}},
		{"Hugo's key in own format", files("_index.md", "# Home\n", "a.md", "\n---\ntitle: A\nlinkTitle: B\n---\n"),
			[]string{`a.md:4:1: unknown front-matter key "linkTitle" (a key of Hugo's: if this is a Hugo site, build it with --format hugo; p2pc's own keys are title, weight, summary, objectives, duration, slug, draft)`}},
		{"bad JSON front matter in a Hugo site", files("hugo.toml", "title = 'S'\n", "content/a.md", "\n{\n  \"title\": \"A\",\n  \"weight\": 2,\n}\nBody\n"),
			[]string{`content/a.md:5:1: bad JSON front matter: invalid character '}' looking for beginning of object key string`}},
		{"TOML date of the wrong kind in a Hugo site", files("hugo.toml", "title = 'S'\n", "content/a.md", "+++\ntitle = 'A'\ndraft = 2024-01-01\n+++\n"),
			[]string{`content/a.md:3:1: front-matter key "draft": want true or false, not the text "2024-01-01"`}},
		{"every error reported", files("a.md", "---\nwieght: 1\n---\n[x](nope.md)\n", "b.md", "::: x\n"),
			[]string{
				`a.md:2:1: unknown front-matter key "wieght" (did you mean "weight"?)`,
				"a.md:4:2: link to nope.md, but there is no such page",
				"b.md:1:1: fenced div ::: x is never closed (add a line ::: after its content)",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, err := Build(tt.fsys, layoutsFS, Options{})
			if err == nil {
				t.Fatalf("built %d pages, want errors", len(site.Pages))
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", err, strings.Join(tt.want, "\n"))
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Errorf("error is not a *FileError: %T", err)
			}
		})
	}
}

// TestLayoutErrors: a layout that does not parse, or calls a function
// that does not exist, is reported at the layout's file:line:col.
func TestLayoutErrors(t *testing.T) {
	for name, c := range map[string]struct{ file, src, want string }{
		"syntax":           {"lesson.html", "{{define \"main\"}}\n<p>{{if .Page}}</p>\n", "layouts/lesson.html:3:1: layout error: "},
		"unknown function": {"partials.html", "{{define \"x\"}}\n  <p>{{nope .}}</p>\n{{end}}\n", "layouts/partials.html:2:8: layout error: function \"nope\" not defined"},
	} {
		t.Run(name, func(t *testing.T) {
			layouts := Layers(files(c.file, c.src), layoutsFS)
			_, err := Build(files("a.md", "# A\n"), layouts, Options{})
			var fe *FileError
			if !errors.As(err, &fe) || !strings.HasPrefix(fe.Error(), c.want) {
				t.Errorf("got %v, want an error starting %q", err, c.want)
			}
		})
	}
}
