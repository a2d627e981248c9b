package generator

import (
	"html/template"
	"maps"
	"strings"
	"testing"
	"testing/fstest"
)

// TestBodySplice: pages whose bodies are spliced into their layout's
// output are byte for byte those the layout prints with the body in
// .Page.HTML: with the default layouts, with a layout printing the body
// twice, and with one that also prints it in an attribute and a script
// (there the page is rendered the plain way).
func TestBodySplice(t *testing.T) {
	content := curriculumFS(t)
	content["02-five-steps/zz-long.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Long\n---\n\n" +
		strings.Repeat("A paragraph with <kbd>keys</kbd>, \"quotes\" & ampersands, and Lōkahi.\n\n", 200))}
	layouts := snapshotLayouts(t)
	lesson := string(layouts["lesson.html"].Data)
	with := func(body string) string { return strings.Replace(lesson, "{{.Page.HTML}}", body, 1) }
	for _, tc := range []struct {
		name, layout string
		bare         bool // the layout prints the body bare only (the nonce catches the rest)
	}{
		{"default layouts", lesson, true},
		{"body twice", with("{{.Page.HTML}}<hr>{{.Page.HTML}}"), true},
		{"body in an attribute and a script", with(`{{.Page.HTML}}<div data-body="{{.Page.HTML}}"></div><script>var body = {{.Page.HTML}};</script>`), true},
		{"body's length", with("{{.Page.HTML}}<p>{{len .Page.HTML}} bytes</p>"), false},
		{"an excerpt", with("{{.Page.HTML}}{{if gt (len .Page.HTML) 300}}<p>{{slice .Page.HTML 0 300}}</p>{{end}}"), false},
		{"printf", with(`{{.Page.HTML}}<p>{{printf "%.40s" .Page.HTML}}</p>`), false},
		{"through with", with("{{with .Page}}{{.HTML}}{{end}}"), false},
		{"through a variable", with("{{$p := .Page}}{{$p.HTML}}"), false},
	} {
		layouts["lesson.html"] = &fstest.MapFile{Data: []byte(tc.layout)}
		if got := bareBody(parseLesson(t, layouts)); got != tc.bare {
			t.Errorf("%s: bareBody %v, want %v", tc.name, got, tc.bare)
		}
		build := func(min int) (map[string][]byte, int64) {
			t.Helper()
			defer func(was int) { minSplice = was }(minSplice)
			minSplice = min
			spliced.Store(0)
			pl := NewPipeline(content, layouts, Options{}, false)
			pl.spool = t.TempDir()
			out := NewMemory()
			if _, err := pl.Run(out); err != nil {
				t.Fatal(err)
			}
			return out.Files, spliced.Load()
		}
		plain, none := build(1 << 40)
		files, n := build(4 << 10)
		if none != 0 {
			t.Fatalf("%s: %d pages spliced with splicing off", tc.name, none)
		}
		if tc.bare && n == 0 {
			t.Errorf("%s: no page spliced", tc.name)
		}
		for name, want := range plain {
			if got := files[name]; string(got) != string(want) {
				t.Errorf("%s: %s differs from the plain render\n%s", tc.name, name, firstDiff(got, want))
			}
		}
		if len(files) != len(plain) {
			t.Errorf("%s: %d files, want %d", tc.name, len(files), len(plain))
		}
		long := string(files["five-steps/zz-long/index.html"])
		if strings.Contains(long, string(bodyNonce)) || strings.Count(long, "A paragraph with") < 200 {
			t.Errorf("%s: the long lesson's page holds the marker or lacks its body", tc.name)
		}
	}
}

// parseLesson parses the lesson layout of layouts.
func parseLesson(t *testing.T, layouts fstest.MapFS) *template.Template {
	t.Helper()
	files, err := readLayouts(layouts)
	if err != nil {
		t.Fatal(err)
	}
	funcs := maps.Clone(layoutFuncs)
	funcs["sidebar"] = func(pageData) (template.HTML, error) { return "", nil }
	funcs["navModule"] = func(any, *Module) (template.HTML, error) { return "", nil }
	funcs["cached"] = func(string, any, pageData) (template.HTML, error) { return "", nil }
	tmpls, err := loadTemplates(files, funcs)
	if err != nil {
		t.Fatal(err)
	}
	return tmpls["lesson"]
}
