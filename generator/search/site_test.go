package search

import (
	"context"
	"html/template"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
)

// A test site: hand-written pages that include layouts/search.html,
// search.js, search.css and the index Build writes.

const layouts = "../../layouts"

var pageTemplate = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{{.Root}}assets/style.css">
<link rel="stylesheet" href="{{.Root}}assets/search.css">
<script src="{{.Root}}assets/search.js" defer></script></head>
<body><header>{{template "search" .}}</header>
<main><h1>{{.Title}}</h1>
{{range .Sections}}{{if .Anchor}}<h2 id="{{.Anchor}}">{{.Heading}}</h2>{{end}}<p>{{.Text}}</p>
{{end}}</main></body></html>
`

type pageData struct {
	Root, IndexURL, Title string
	Sections              []Section
}

// writeSite writes a site with a page for each URL (with the sections of
// all the documents on it, such as glossary entries) and a home page, and
// returns its directory.
func writeSite(t testing.TB, docs []Document) string {
	t.Helper()
	return writeSiteFiles(t, docs, true)
}

// writeSiteFiles writes the site, with only the home page unless allPages.
func writeSiteFiles(t testing.TB, docs []Document, allPages bool) string {
	t.Helper()
	dir := t.TempDir()
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.New("page").Parse(pageTemplate))
	template.Must(tmpl.ParseFiles(filepath.Join(layouts, "search.html")))
	for _, name := range []string{"search.js", "search.css", "style.css"} {
		b, err := os.ReadFile(filepath.Join(layouts, "assets", name))
		if err != nil {
			t.Fatal(err)
		}
		files["assets/"+name] = b
	}
	pages := map[string]pageData{"index.html": {Title: "Home", IndexURL: "lessons/index.html"}}
	for _, d := range docs {
		if !allPages {
			break
		}
		p, ok := pages[d.URL]
		if !ok {
			root := strings.Repeat("../", strings.Count(d.URL, "/"))
			p = pageData{Root: root, IndexURL: root + "lessons/index.html", Title: d.Title}
		}
		p.Sections = append(p.Sections, d.Sections...)
		pages[d.URL] = p
	}
	for url, p := range pages {
		var b strings.Builder
		if err := tmpl.Execute(&b, p); err != nil {
			t.Fatal(err)
		}
		files[url] = []byte(b.String())
	}
	for name, b := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// serve serves dir under a base path, like a site published in a folder.
func serve(t testing.TB, dir string) string {
	srv := httptest.NewServer(http.StripPrefix("/base/", http.FileServer(http.Dir(dir))))
	t.Cleanup(srv.Close)
	return srv.URL + "/base/"
}

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// open navigates to url and waits for search.js to have started.
func open(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Run(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible("#search-input", chromedp.ByID),
	); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
}

func newBrowser(t testing.TB) context.Context {
	if testing.Short() {
		t.Skip("browser test")
	}
	return browsertest.New(t, 1000, 800) // which closes the browser when the test ends
}
