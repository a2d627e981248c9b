package markdown

import (
	"fmt"
	"html"
	"io"
	"strings"
	"unicode"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// codeRenderer highlights fenced code blocks with chroma, writing CSS classes
// (not inline styles) so one stylesheet serves the light and the dark theme.
type codeRenderer struct {
	hide map[string]string // language -> prefix of hidden lines (mdBook's)
}

func (r codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		return renderCode(w, source, node, entering, r.hide)
	})
}

var codeFormatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix("hl-"))

func renderCode(w util.BufWriter, source []byte, node ast.Node, entering bool, hide map[string]string) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var info string
	if n.Info != nil {
		info = string(n.Info.Segment.Value(source))
	}
	lang := codeLanguage(info)
	prefix := hidePrefix(hide, info, lang)
	var code strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		l := n.Lines().At(i)
		if line, shown := shownLine(l.Value(source), prefix, lang); shown {
			code.Write(line)
		}
	}
	label := codeLabels[strings.ToLower(lang)]
	if name := codeFileName(info); name != "" { // the file it shows, before what kind of text it is
		label = name
		w.WriteString(`<div class="code-block code-file"><div class="code-label">` + html.EscapeString(name) + "</div>\n")
	} else if label != "" {
		w.WriteString(`<div class="code-block code-` + strings.ToLower(lang) + `"><div class="code-label">` + label + "</div>\n")
	}
	if err := writeCode(w, lang, code.String()); err != nil {
		return ast.WalkStop, err
	}
	if label != "" {
		w.WriteString("</div>\n")
	}
	return ast.WalkSkipChildren, nil
}

// writeCode writes code highlighted for lang, or escaped as it is when lang
// is empty, plain or unknown.
func writeCode(w util.BufWriter, lang, code string) error {
	lexer := lexerFor(lang)
	if lexer == nil {
		class := "" // a labelled block's wrapper names it already (code-output)
		if codeLabels[strings.ToLower(lang)] == "" {
			class = languageClass(lang)
		}
		w.WriteString("<pre class=\"hl-chroma\"><code" + class + ">" + html.EscapeString(code) + "</code></pre>\n")
		return nil
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return fmt.Errorf("highlight %s code: %w", lang, err)
	}
	if err := codeFormatter.Format(w, codeStyle, it); err != nil {
		return fmt.Errorf("highlight %s code: %w", lang, err)
	}
	return nil
}

var codeStyle = styles.Get("github")

// codeLanguage is the language of a code block's info string, as the
// formats this package reads write it:
//
//   - "python", "go {linenos=table}", "python title=x.py": the first word;
//   - mdBook's "rust,ignore", "rust,editable": the name before the comma;
//   - Pandoc's attributes, "{.python}", "{#listing .output}": the first class,
//     less a "language-" prefix ("{.language-python}" is python, as Pandoc
//     writes that class as is and the Workbench highlights it as Python);
//   - R Markdown's chunks, "{r}", "{r setup, echo=FALSE}", "{python}": the
//     engine's name (the chunks are shown, never run).
func codeLanguage(info string) string {
	info = strings.TrimSpace(info)
	if inner, ok := strings.CutPrefix(info, "{"); ok {
		inner, _, _ = strings.Cut(inner, "}")
		words := strings.FieldsFunc(inner, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' })
		for _, w := range words {
			if class, ok := strings.CutPrefix(w, "."); ok {
				if lang, ok := strings.CutPrefix(class, "language-"); ok && lang != "" {
					return lang
				}
				return class
			}
		}
		if len(words) > 0 && !strings.ContainsAny(words[0], "=#") {
			return words[0]
		}
		return ""
	}
	if i := strings.IndexAny(info, " \t{,"); i >= 0 {
		info = info[:i]
	}
	return info
}

// codeFileName is the file a code block shows, named in its info string's
// attributes as Hugo's themes read them ("yaml {filename=\"hugo.yaml\"}",
// Hextra's) or title= ("go {title=\"main.go\"}", "python title=a.py"),
// quoted or not; "" when it names none.
func codeFileName(info string) string {
	for _, key := range []string{"filename=", "title="} {
		if v, ok := attrValue(info, key); ok {
			return v
		}
	}
	return ""
}

// attrValue is the value after key ("title=") in an info string, where key
// starts a word: up to the matching quote, or unquoted up to a space,
// comma or "}".
func attrValue(info, key string) (string, bool) {
	for from := 0; ; {
		i := strings.Index(info[from:], key)
		if i < 0 {
			return "", false
		}
		i += from
		if i > 0 && !strings.ContainsRune(" \t{,", rune(info[i-1])) {
			from = i + 1 // part of a longer key, "subtitle="
			continue
		}
		v := info[i+len(key):]
		if v != "" && (v[0] == '"' || v[0] == '\'') {
			end := strings.IndexByte(v[1:], v[0])
			return strings.TrimSpace(v[1 : 1+max(end, 0)]), end >= 0
		}
		if end := strings.IndexAny(v, " \t,}"); end >= 0 {
			v = v[:end]
		}
		return strings.TrimSpace(v), true
	}
}

// WriteHighlightCSS writes the code-highlighting stylesheet: a light theme by
// default and a dark one under [data-theme="dark"] (set by the theme toggle)
// and under prefers-color-scheme when no choice was stored.
func WriteHighlightCSS(w io.Writer) error {
	if err := codeFormatter.WriteCSS(w, styles.Get("github")); err != nil {
		return fmt.Errorf("write light code theme: %w", err)
	}
	// Token classes the dark theme leaves alone would keep their light
	// colours on the dark background: start the dark theme from none.
	if _, err := io.WriteString(w, `[data-theme="dark"] .hl-chroma [class^="hl-"] { color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; }`+"\n"); err != nil {
		return err
	}
	var dark strings.Builder
	if err := codeFormatter.WriteCSS(&dark, styles.Get("github-dark")); err != nil {
		return fmt.Errorf("write dark code theme: %w", err)
	}
	for _, line := range strings.Split(dark.String(), "\n") {
		if strings.HasPrefix(line, ".hl-") || strings.HasPrefix(line, "/*") && strings.Contains(line, "*/ .hl-") {
			line = strings.Replace(line, ".hl-", `[data-theme="dark"] .hl-`, 1)
		}
		if _, err := io.WriteString(w, line+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// languageClass is the class attribute that names the language of code
// p2pc does not highlight (class="language-mermaid"), for a layout's
// script to find it: "" for no language, or a name with other than
// letters, digits and -_+.
func languageClass(lang string) string {
	if lang == "" || strings.IndexFunc(lang, func(r rune) bool {
		return !(r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || strings.ContainsRune("-_+.", r))
	}) >= 0 {
		return ""
	}
	return ` class="language-` + strings.ToLower(lang) + `"`
}
