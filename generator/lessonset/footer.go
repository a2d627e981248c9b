package lessonset

import (
	"net/url"
	"strings"
)

// footer joins the parts of a footer line with a middle dot.
type footer []string

func (f *footer) text(prefix, s string) {
	if s = strings.TrimSpace(s); s != "" {
		*f = append(*f, prefix+escapeMarkdown(s))
	}
}

// contact adds an e-mail address or a web address as a link, else as text.
func (f *footer) contact(s string) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
	case isWebURL(s):
		*f = append(*f, "Contact: "+mdLink(s, s))
	case strings.Count(s, "@") == 1 && !strings.ContainsAny(s, " <>()[]"):
		*f = append(*f, "Contact: "+mdLink(s, "mailto:"+s))
	default:
		f.text("Contact: ", s)
	}
}

func (f *footer) link(label, u string) {
	if u = strings.TrimSpace(u); isWebURL(u) {
		*f = append(*f, mdLink(label, u))
	}
}

func (f footer) String() string { return strings.Join(f, " · ") }

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}

func mdLink(text, dest string) string {
	dest = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(dest)
	return "[" + escapeMarkdown(text) + "](" + dest + ")"
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "\n", " ", "\r", " ")

// escapeMarkdown makes s read as plain text in a line of Markdown.
func escapeMarkdown(s string) string { return mdEscaper.Replace(s) }
