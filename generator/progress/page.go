package progress

import (
	"bytes"
	_ "embed"
	"html/template"

	"p2pc/generator/feature"
)

//go:embed templates/page.html
var pageSource string

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"root": func() string { return feature.Root(Dir + "/") },
}).Parse(pageSource))

// pageHTML is the body of the progress page: the tools (shown by the
// script) and every module with its lessons, as links that work without
// JavaScript.
func pageHTML(pages []feature.OutlinePage) template.HTML {
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, course(pages)); err != nil { // only strings and slices: it cannot fail
		return template.HTML("<p>" + template.HTMLEscapeString(err.Error()) + "</p>")
	}
	return template.HTML(b.String())
}
