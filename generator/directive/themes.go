package directive

import (
	"bytes"
	"cmp"
	"html"
	"sort"
	"strconv"
	"strings"
)

// The shortcodes of hugo-book and of Relearn (and Learn, which it comes
// from), the themes most Hugo lesson and documentation sites use besides
// Docsy, written as p2pc's boxes and as Markdown:
//
//	{{< hint warning >}} … {{< /hint >}}            ::: caution … :::
//	{{% notice tip "Title" %}} … {{% /notice %}}     ::: callout {title="Title"} … :::
//	{{% expand "Title" %}} … {{% /expand %}}         ::: spoiler {title="Title"} … :::
//	{{< tabs >}} {{< tab "A" >}} … {{< /tab >}} {{< /tabs >}}
//	                                                 ::: tab, each tab under ### A
//	{{< button href="…" >}}Text{{< /button >}}       [Text](…)
//	{{< badge title="T" value="V" >}}                **T** V
//
// Their tabs hold Markdown, unlike Docsy's {{< tab >}}.

// cautionStyles are the kinds of hint and notice drawn as a caution box;
// the others (info, note, tip, important, …) are callouts.
var cautionStyles = map[string]bool{"warning": true, "caution": true, "danger": true}

// boxFor is the opening line of the box for a hint or notice of style
// kind, with its title.
func boxFor(kind, title string) string {
	line := "::: callout"
	if cautionStyles[strings.ToLower(kind)] {
		line = "::: caution"
	}
	return line + titleAttr(title)
}

// openHint opens hugo-book's hint: a box always shown (not p2pc's own
// hint, which starts collapsed).
func (h *hugo) openHint(sc *shortcode) {
	h.ignoreArgs(sc, "title", "type", "style")
	kind, ok := sc.get("type", 0)
	if !ok {
		kind, _ = sc.get("style", -1)
	}
	title, _ := sc.get("title", -1)
	h.openBox(sc, boxFor(kind, title), ":::")
}

// openNotice opens Relearn's notice: {{% notice style title icon %}}, each
// also named; the icon and colours are left out.
func (h *hugo) openNotice(sc *shortcode) {
	h.ignoreArgs(sc, "style", "title", "icon", "color", "expanded", "groupid")
	kind, _ := sc.get("style", 0)
	title, ok := sc.get("title", -1)
	if !ok {
		title, ok = sc.get("", 1)
	}
	if k := strings.ToLower(kind); !ok && noticeTitled[k] { // title="" gives none
		title = strings.ToUpper(k[:1]) + k[1:]
	}
	h.openBox(sc, boxFor(kind, title), ":::")
}

// noticeTitled are the styles of Relearn's notice titled by their name
// when no title is given.
var noticeTitled = map[string]bool{"caution": true, "important": true, "info": true, "note": true, "tip": true, "warning": true}

// openExpand opens Relearn's expand, a collapsed box like details: its
// title named or first; open="true" (expanded="true" in older Relearn)
// starts it open.
func (h *hugo) openExpand(sc *shortcode) {
	h.ignoreArgs(sc, "title", "open", "expanded")
	title, _ := sc.get("title", 0)
	if oneLine(title) == "" {
		title = "Expand me..." // Relearn's, for no title or an empty one
	}
	attrs := titleAttr(title)
	if isTrue(sc, "open") || isTrue(sc, "expanded") {
		attrs = strings.TrimSuffix(attrs, "}") + " .open}"
	}
	h.openBox(sc, "::: spoiler"+attrs, ":::")
}

// openTabs opens a box of tabs of hugo-book ({{< tabs "id" >}}), Relearn
// ({{< tabs groupid="x" >}}) or Hextra ({{< tabs items="A,B" >}}, the
// names of its tabs in order); the id and the look are left out.
func (h *hugo) openTabs(sc *shortcode) {
	h.ignoreArgs(sc, "groupid", "title", "style", "color", "icon", "id", "items", "defaultIndex")
	b := h.openBox(sc, "::: tab", ":::")
	if items, ok := sc.get("items", -1); ok && b != nil {
		b.items = strings.Split(items, ",")
	}
}

// openTabsTab starts a tab of a tabs box: its heading, from title=, name=
// or the first positional argument ("Tab N" without one); its content is
// Markdown.
func (h *hugo) openTabsTab(sc *shortcode, tabs *openBox) {
	h.ignoreArgs(sc, "title", "name", "style", "color", "icon")
	tabs.tabs++
	title, ok := sc.get("title", -1)
	if !ok {
		title, _ = sc.get("name", 0)
	}
	if title == "" && tabs.tabs <= len(tabs.items) {
		title = strings.TrimSpace(tabs.items[tabs.tabs-1]) // Hextra's
	}
	if title = oneLine(title); title == "" {
		title = "Tab " + strconv.Itoa(tabs.tabs)
	}
	h.tabHeading(title, sc)
	if !sc.selfClosing {
		h.openBox(sc, "", "")
	}
}

// tabHeading writes the heading a tab's title is: ### title, which the
// tabs' script makes a tab. Its id is its own, tab-title-N, so that the
// tab does not take the id a heading of the page has in Hugo, where a
// tab's title is no heading ("## Linux" below a tab "Linux" is #linux).
func (h *hugo) tabHeading(title string, sc *shortcode) {
	h.inc.tabs++
	h.ownLine("### "+title+" {#tab-title-"+strconv.Itoa(h.inc.tabs)+"}", sc.start, sc.end)
}

// buttonLooks are the arguments of a button that only change its look.
var buttonLooks = []string{"class", "style", "color", "icon", "iconposition", "target", "type"}

// button writes a link, [text](href), for the button of hugo-book
// (href= or relref=, a path the builder resolves as ref's) or Relearn
// (href=). A button that closes itself shows its address.
func (h *hugo) button(sc *shortcode) {
	h.ignoreArgs(sc, append([]string{"href", "relref", "ref"}, buttonLooks...)...)
	href, ok := sc.get("href", -1)
	if !ok {
		if href, ok = sc.get("relref", -1); !ok {
			href, ok = sc.get("ref", -1)
		}
	}
	if href = oneLine(href); href == "" {
		h.report(sc.start, sc.tag()+` needs href="…" (or relref="…"), the address it leads to`)
		h.openInline(sc, "", "")
		return
	}
	if sc.selfClosing {
		h.text("["+escapeText(href)+"]("+destination(href)+")", sc.start)
		return
	}
	h.openInline(sc, "[", "]("+destination(href)+")")
}

// badge writes hugo-book's badge, {{< badge title="T" value="V" >}}, as
// text: **T** V. Relearn's badge holds its value, {{% badge title="T"
// %}}V{{% /badge %}}, when its closing tag follows on the same line.
func (h *hugo) badge(sc *shortcode) {
	h.ignoreArgs(sc, append([]string{"title", "value", "content", "link", "border"}, buttonLooks...)...)
	title, _ := sc.get("title", -1)
	value, hasValue := sc.get("value", 0)
	if !hasValue {
		value, hasValue = sc.get("content", -1) // Hextra's
	}
	text := ""
	if title = oneLine(title); title != "" {
		text = "**" + title + "**"
	}
	if !hasValue && !sc.selfClosing && closesOnLine(h.restOfLine(sc.end), "badge") {
		if text != "" {
			text += " "
		}
		h.openInline(sc, text, "")
		return
	}
	if value = oneLine(value); value != "" && text != "" {
		text += " "
	}
	if link, _ := sc.get("link", -1); oneLine(link) != "" && text+value != "" { // Hextra's
		h.text("["+bracketEscaper.Replace(text+value)+"]("+destination(link)+")", sc.start)
		return
	}
	h.text(text+value, sc.start)
}

// columnBreak separates the columns of hugo-book's columns shortcode.
const columnBreak = "<--->"

// openColumns starts hugo-book's columns: a box (<div class="columns">)
// whose columns follow one another, the <---> lines between them left out
// (see copyTo).
func (h *hugo) openColumns(sc *shortcode) {
	h.ignoreArgs(sc, "ratio")
	h.openBox(sc, "::: columns", ":::")
}

// katex writes hugo-book's {{< katex >}}TeX{{< /katex >}} (display=true:
// a display) as the math spans Pandoc writes for a math library,
// <span class="math inline">\(TeX\)</span>, the TeX's punctuation
// escaped so that Markdown shows it as written. It returns where to go on.
func (h *hugo) katex(sc *shortcode) int {
	h.ignoreArgs(sc, "display", "class")
	if sc.selfClosing {
		return sc.end
	}
	closeStart, closeEnd := h.findEnd(&h.kxClose, "/katex", sc.end)
	if closeStart < 0 {
		h.report(sc.start, "{{< katex >}} is not closed: add {{< /katex >}} after the math")
		return sc.end
	}
	open, close, class := `\(`, `\)`, "math inline"
	if first, _ := sc.get("", 0); isTrue(sc, "display") || first == "display" { // hugo-book's display=true, Geekdoc's display
		open, close, class = `\[`, `\]`, "math display"
	}
	tex := oneLine(string(h.in[sc.end:closeStart]))
	h.gen(`<span class="`+class+`">`+markdownEscaper.Replace(open+tex+close)+`</span>`, sc.start)
	h.last = closeEnd
	return closeEnd
}

// markdownEscaper backslash-escapes the characters Markdown and HTML give
// a meaning, so that text shows as written.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "{", `\{`, "}", `\}`, "[", `\[`, "]", `\]`,
	"(", `\(`, ")", `\)`, "#", `\#`, "+", `\+`, "-", `\-`, ".", `\.`, "!", `\!`, "|", `\|`,
	"<", `\<`, ">", `\>`, "&", `\&`, "~", `\~`, "^", `\^`, "$", `\$`, "%", `\%`, "=", `\=`,
	`"`, `\"`, "'", `\'`, ":", `\:`, ";", `\;`, ",", `\,`, "?", `\?`, "@", `\@`, "/", `\/`,
)

// openPlain starts hugo-book's steps or card, or Hextra's cards, as a
// plain box, <div class="book-steps">, "book-card" or "book-cards", its
// content as it is (a card's image, title and link arguments are left out
// with a warning).
func (h *hugo) openPlain(sc *shortcode) {
	h.ignoreArgs(sc)
	h.openBox(sc, "::: book-"+sc.name, ":::")
}

// openCard opens hugo-book's card, or Docsy's: {{< card header="H"
// title="T" subtitle="S" footer="F" >}}, a box whose text starts with its
// header (Markdown, as Docsy renders it), title in bold and subtitle in
// italics; the footer is left out.
func (h *hugo) openCard(sc *shortcode) {
	h.ignoreArgs(sc, docsyCardArgs...)
	h.openBox(sc, "::: book-card", ":::")
	if lead := cardLead(sc); lead != "" {
		cont := h.w.lead() // in a list item, its lines stay in it
		h.gen("\n"+cont+lead+"\n"+strings.TrimRight(cont, " \t"), sc.end)
	}
}

// docsyCardArgs are the arguments of Docsy's card p2pc reads or leaves
// out without a warning.
var docsyCardArgs = []string{"header", "title", "subtitle", "footer", "code", "lang", "highlight", "href"}

// cardLead is the first paragraph of a Docsy or hugo-book card: its
// header, title and subtitle, or "". hugo-book's href makes the title a
// link, or is one of its own when the card has no title.
func cardLead(sc *shortcode) string {
	var lead []string
	href, _ := sc.get("href", -1)
	href = oneLine(href)
	if header, _ := sc.get("header", -1); oneLine(header) != "" {
		lead = append(lead, oneLine(header))
	}
	switch title, _ := sc.get("title", -1); {
	case oneLine(title) != "" && href != "":
		lead = append(lead, "**["+escapeText(oneLine(title))+"]("+destination(href)+")**")
	case oneLine(title) != "":
		lead = append(lead, "**"+oneLine(title)+"**") // Markdown, as Docsy's markdownify reads it
	case href != "":
		lead = append(lead, "["+escapeText(href)+"]("+destination(href)+")")
	}
	if sub, _ := sc.get("subtitle", -1); oneLine(sub) != "" {
		lead = append(lead, "*"+escapeText(oneLine(sub))+"*")
	}
	return strings.Join(lead, " ")
}

// codeCard writes Docsy's card of code, {{< card code=true header="H"
// lang="c" >}}…{{< /card >}}: a box holding its header, title and
// subtitle, then its text as a code block in lang.
func (h *hugo) codeCard(sc *shortcode) int {
	h.ignoreArgs(sc, docsyCardArgs...)
	lang, _ := sc.get("lang", -1)
	before := "::: book-card"
	if lead := cardLead(sc); lead != "" {
		before += "\n" + lead + "\n"
	}
	return h.codeBlock(sc, strings.ToLower(lang), &h.cardEnd, before, ":::")
}

// linkCard writes Hextra's card, {{< card link="…" title="T"
// subtitle="S" >}}, which stands alone, as a list item: a link to its
// page, titled, and the subtitle after it. Its icon and image are left out.
func (h *hugo) linkCard(sc *shortcode) {
	h.ignoreArgs(sc, "link", "title", "subtitle", "icon", "image", "method", "options", "imageStyle", "tag", "tagColor", "tagIcon", "tagType")
	link, _ := sc.get("link", -1)
	title, _ := sc.get("title", -1)
	if title = oneLine(title); title == "" {
		title = link
	}
	item := "- [" + escapeText(title) + "](" + destination(oneLine(link)) + ")"
	if sub, _ := sc.get("subtitle", -1); oneLine(sub) != "" {
		item += ": " + oneLine(sub) // Markdown, as Hextra renders it
	}
	h.text(item, sc.start)
}

// openHero opens a part of Hextra's landing page (hero-badge,
// hero-headline, hero-subtitle, feature-grid) as a plain box of its text,
// ::: hextra-hero-headline; its look is left out.
func (h *hugo) openHero(sc *shortcode) {
	h.ignoreArgs(sc, "class", "style", "cols", "link")
	if h.inRawHTML(sc.start) {
		h.open[sc.name]++ // in raw HTML, no box: its text stays, in the HTML
		return
	}
	h.openBox(sc, "::: "+strings.ReplaceAll(sc.name, "/", "-"), ":::")
}

// inRawHTML reports whether offset k of the text is inside a block of raw
// HTML, where Markdown is not read: its lines since the last blank line
// start with an HTML tag (<div class="mt-6"> around a shortcode, as
// Hextra's landing page has it). Where the block starts is found once a
// block (see rawBlock), so that a block of many shortcodes after a long
// blank line or indentation costs linear time.
func (h *hugo) inRawHTML(k int) bool {
	i := sort.SearchInts(h.blocks.blanks, k) // the blank lines before k
	if b := &h.rawBlock; !b.set || b.blanks != i {
		start := 0
		if i > 0 {
			start = h.blocks.blanks[i-1]
			if nl := bytes.IndexByte(h.in[start:], '\n'); nl >= 0 {
				start += nl + 1
			}
		}
		first := start
		for first < len(h.in) && h.in[first] == ' ' {
			first++
		}
		*b = rawBlock{blanks: i, start: start, first: first, set: true}
	}
	start, first := h.rawBlock.start, h.rawBlock.first
	if start >= k || h.lines.line(start) == h.lines.line(k) || k-first < 2 {
		return false
	}
	return h.in[first] == '<' && (h.in[first+1] == '/' || isASCIILetter(h.in[first+1]))
}

// rawBlock is the block inRawHTML last looked at: the one after the
// blanks-th blank line, which starts at start, its first byte not a
// space at first.
type rawBlock struct {
	blanks, start, first int
	set                  bool
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// heroButton writes Hextra's {{< hextra/hero-button text="T" link="L" >}}
// as a link, [T](L), where it stands.
func (h *hugo) heroButton(sc *shortcode) {
	h.ignoreArgs(sc, "text", "link", "class", "style")
	text, _ := sc.get("text", -1)
	link, _ := sc.get("link", -1)
	text, link = oneLine(text), oneLine(link)
	switch {
	case link == "":
		h.text(escapeText(text), sc.start)
	case h.inRawHTML(sc.start): // a link in HTML, which the builder checks and rewrites as Markdown's
		h.text(`<a href="`+html.EscapeString(link)+`">`+html.EscapeString(cmp.Or(text, link))+"</a>", sc.start)
	default:
		h.text("["+escapeText(cmp.Or(text, link))+"]("+destination(link)+")", sc.start)
	}
}

// featureCard writes Hextra's {{< hextra/feature-card title="T"
// subtitle="S" link="L" >}} as a list item, - **T**: S (its title a link
// to L if any); its icon, image and look are left out.
func (h *hugo) featureCard(sc *shortcode) {
	h.ignoreArgs(sc, "title", "subtitle", "link", "icon", "image", "imageClass", "imageStyle", "class", "style")
	title, _ := sc.get("title", -1)
	link, _ := sc.get("link", -1)
	item := ""
	if title, link = oneLine(title), oneLine(link); title != "" {
		item = "**" + title + "**"
	}
	if link != "" {
		item = "[" + cmp.Or(item, escapeText(link)) + "](" + destination(link) + ")"
	}
	if sub, _ := sc.get("subtitle", -1); oneLine(sub) != "" {
		if item != "" {
			item += ": "
		}
		item += oneLine(sub) // Markdown, as Hextra renders it
	}
	if item != "" {
		h.text("- "+item, sc.start)
	}
}

// openCallout opens Hextra's callout, {{< callout type="warning" >}}, as a
// callout or caution box by its type; its emoji and icon are left out.
func (h *hugo) openCallout(sc *shortcode) {
	h.ignoreArgs(sc, "type", "emoji", "icon")
	kind, _ := sc.get("type", -1)
	if strings.EqualFold(kind, "error") {
		kind = "danger"
	}
	h.openBox(sc, boxFor(kind, ""), ":::")
}
