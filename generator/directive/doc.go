// Package directive expands the text directives of mdBook and Hugo in a
// lesson's Markdown source, before the Markdown is parsed, so books and
// sites written for those tools can be built as they are.
//
//	res := directive.Expand("guide/intro.md", body, directive.Env{Format: "mdbook", Read: read})
//
// Expand is a pure function of its inputs: files are read only through
// Env.Read, by slash paths relative to the content root. It never fails;
// what it cannot expand is reported as a Problem at the directive's line
// and byte column in the original body. Result.Lines maps every output
// line back to the line it comes from (text included or generated for a
// directive maps to the directive's line), so the Markdown stage's own
// errors can be reported at the right place too. The work is linear in
// the size of the text read.
//
// With Env.KnitrChildren (an R Markdown page), a chunk such as
// ```{r child='files/note.Rmd'} gives the child file's Markdown in its
// place, read as an include is (missing: a warning and a placeholder);
// nothing else is expanded.
//
// With Env.Listings, the Rust Book's <Listing> elements become the file's
// name above their code and their number and caption below (see
// trplListings); every line keeps its number.
//
// With Env.Admonish, mdbook-admonish's code blocks, ```admonish KIND
// title="…", become fenced divs first (see admonish); every line keeps
// its number.
//
// # Formats
//
// Env.Format "mdbook" recognises mdBook's {{#…}} directives only, "hugo"
// Hugo's shortcodes only, and "" both: the two syntaxes cannot be
// mistaken for each other. With both, mdBook's includes are expanded
// first, then the shortcodes of the whole text, included text too.
//
// # mdBook
//
// A directive is written on one line: "{{#", a name of letters, digits
// and _, white space, and arguments without "}" up to "}}". Directives
// are expanded everywhere, inside code blocks and code spans too (as
// mdBook does); a backslash before one, \{{#include a.rs}}, prints it
// without the backslash instead. A {{#name …}} of another name is left
// as it is, as mdBook leaves it (Handlebars examples use that shape).
//
//	{{#include file.rs}}          the whole file
//	{{#include file.rs:2}}        line 2 only (mdBook's reading of a lone N)
//	{{#include file.rs:2:}}       line 2 to the end
//	{{#include file.rs::10}}      lines 1 to 10
//	{{#include file.rs:2:10}}     lines 2 to 10
//	{{#include file.rs:name}}     the lines between the lines holding
//	                              "ANCHOR: name" and "ANCHOR_END: name"
//	{{#rustdoc_include file.rs:2}} the same as include: the selected lines
//	                              only; the rest of the file is not added
//	                              as hidden "# " lines, as the site does
//	                              not hide lines of Rust code
//	{{#playground file.rs a b}}   the whole file as a code block ```rust,a,b
//	                              (playpen is another name for it)
//	{{#title Some title}}         removed; the last one is Result.Title
//
// An anchor's include leaves out every line holding "ANCHOR: x" or
// "ANCHOR_END: x" (x of letters, digits, _ and -) among its lines; the
// whole file and a range of lines keep them, as mdBook does. The included text ends
// without the file's final newline, so a directive on a line of its own
// gives exactly the file's lines. Paths are relative to the folder of the
// file that holds the directive; a path starting with "/" is relative to
// the content root. Included text is expanded in turn, relative to its
// own file, up to 10 files deep; a file that includes itself, directly or
// not, is an error, and so is more than 32 MiB of included text in one
// page. An include Read cannot find (no such file, or a path that leaves
// the content root) is a warning naming the file, and the text
// "[missing include: path]" takes its place (inside a code block it
// shows as code). An anchor that is not in the file is a warning, and
// includes nothing. Result.Includes lists the files read.
//
// # Hugo
//
// Shortcodes are written {{< name args >}} or {{% name args %}} (the two
// are the same here); the arguments are "quoted" (\" inside), `raw`, or
// bare words, each either positional or key=value, and may span lines
// but not a blank line. A paired shortcode closes with {{< /name >}}; a
// self-closing {{< name />}} has no inner text.
//
//	{{< ref "path" >}}, {{< relref "path" >}}, {{< ref path="path" >}}
//	    the path exactly as written ("/getting-started/usage.md", "usage",
//	    "usage#anchor"): the builder resolves link destinations, root-
//	    relative or relative to the page, itself.
//	{{< param "name" >}}
//	    the site param (Env.Params; "a.b" walks nested maps; each part
//	    matches exactly or else ignoring case). A missing param, or one
//	    that is a table or a list, is an error.
//	{{< figure src="…" alt="…" caption="…" title="…" link="…" >}}
//	    ![alt](src "caption") alone in its own paragraph (blank lines are
//	    added around it), which the Markdown renderer makes a <figure>.
//	    A title goes before the caption ("title: caption"); alt defaults to
//	    the caption; link wraps the image in a link. Other arguments
//	    (width, class, …) are left out with a warning.
//	{{< details summary="…" >}} … {{< /details >}}
//	    a fenced div, ::: spoiler {title="…"} … :::, on lines of their own:
//	    a box that starts collapsed. Without summary=, hugo-book's title=
//	    or first argument is the title ({{< details "Title" open >}}).
//	    Other arguments (open, …) are left out with a warning. A details
//	    never closed is an error (and closed at the end of the page).
//	{{% alert title="…" color="…" %}} … {{% /alert %}} (Docsy's)
//	    ::: callout {title="…"} … :::, or ::: caution for the colours
//	    warning and danger.
//	{{< tabpane >}} {{% tab header="…" %}} … {{% /tab %}} … {{< /tabpane >}} (Docsy's)
//	    ::: tab … :::, each tab under a heading ### header ("Tab N" without
//	    one). A {{< tab >}} holds code, as in Docsy: a fenced code block in
//	    the tab's lang, else the tabpane's, unless the tab or its tabpane
//	    says text=true; with the tabpane's langEqualsHeader=true, a tab
//	    without lang= is in the language its header names.
//	{{< hint info >}} … {{< /hint >}} (hugo-book's)
//	    a box always shown (not p2pc's own hint, which starts collapsed):
//	    ::: caution … ::: for warning and danger, else (info, note, tip,
//	    no type) ::: callout … :::; title="…" becomes {title="…"}.
//	{{% notice tip "Title" %}} … {{% /notice %}} (Relearn's and Learn's)
//	    the same boxes, ::: caution for the styles warning, caution and
//	    danger, ::: callout for the others (note, info, tip, important, …);
//	    the style and title are also named, style="…" title="…"; the icon
//	    (third, or icon=) and color= are left out.
//	{{% expand "Title" %}} … {{% /expand %}} (Relearn's and Learn's)
//	    ::: spoiler {title="Title"} … :::, as details; the title may be
//	    named, title="…"; open="true" (or expanded="true") starts it open.
//	{{< tabs "id" >}} {{< tab "A" >}} … {{< /tab >}} … {{< /tabs >}} (hugo-book's, Relearn's and Hextra's)
//	    ::: tab … :::, each tab under a heading ### A {#tab-title-N} (an
//	    id of its own, numbered in the page, so that a tab does not take
//	    the id of the page's own heading of the same words), its content Markdown
//	    as it is (Relearn's tabs often hold a fenced code block). A tab's
//	    title is title=, name= or its first argument, else its name in
//	    the tabs' items="A,B" (Hextra's), else "Tab N"; the tabs' id or groupid=, and style=, color= and icon= of
//	    either, are left out. A tab is Docsy's inside a tabpane, this one
//	    inside tabs; outside both, Relearn's single tab, a box of tabs of
//	    its own (one that closes itself, or one inside a tab, is an error).
//	{{< columns >}} A <---> B {{< /columns >}} (hugo-book's)
//	    ::: columns … :::, the columns one after another: each line that
//	    is only <---> (a column break) becomes a blank line.
//	{{< katex >}}TeX{{< /katex >}} (hugo-book's; display=true for a display)
//	    <span class="math inline">\(TeX\)</span> (math display, \[…\]),
//	    as Pandoc writes math for a math library: the site loads none, so
//	    readers see the TeX. A katex never closed is an error.
//	{{% steps %}} … {{% /steps %}}, {{% card %}} … {{% /card %}} (hugo-book's)
//	    plain boxes, ::: book-steps and ::: book-card, their content as it
//	    is; a card's image, title and link are left out with a warning.
//	{{< blocks/cover title="T" >}}, blocks/lead, blocks/section,
//	blocks/feature title="T" url="U" (Docsy's landing page)
//	    plain boxes of their Markdown, ::: docsy-cover and so on, a cover's
//	    title as a ## heading, a feature's as a ### heading linking to its
//	    url; their look (color, height, icon, …) is left out, and so is
//	    blocks/link-down (an arrow).
//	{{% pageinfo %}} … {{% /pageinfo %}} (Docsy's)
//	    a callout; its color is left out.
//	{{< cards >}} … {{< /cards >}} (Hextra's)
//	    a plain box, ::: book-cards, holding its cards.
//	{{< hextra/hero-headline >}} … (also hero-subtitle, hero-badge, feature-grid; Hextra's landing page)
//	    plain boxes of their text, ::: hextra-hero-headline; inside raw
//	    HTML (<div class="mt-6"> around them), their text alone.
//	{{< hextra/hero-button text="T" link="L" >}} (Hextra's)
//	    a link, [T](L), or <a href="L">T</a> inside raw HTML.
//	{{< hextra/feature-card title="T" subtitle="S" link="L" >}} (Hextra's)
//	    a list item, - **T**: S, its title a link to L if any; its icon,
//	    image and look are left out.
//	{{< card link="…" title="T" subtitle="S" >}} (Hextra's, with link=)
//	    a list item, - [T](…): S; its icon and image are left out.
//	{{< filetree/container >}} {{< filetree/folder name="a" >}} {{< filetree/file name="b" >}} … (Hextra's)
//	    a nested list of the names in code, - `a/` then   - `b`; what
//	    stands between the shortcodes, and a folder's state, are left out.
//	{{< icon "name" >}} (Hextra's and Geekdoc's)
//	    nothing: an icon is decoration.
//	{{< callout type="warning" >}} … {{< /callout >}} (Hextra's)
//	    a caution box for warning and error, else a callout.
//	{{% children %}} (Relearn's and Learn's), {{< toc-tree >}} (Geekdoc's)
//	    nothing: a module's page lists its pages already.
//	{{< toc >}} (hugo-book's and Geekdoc's)
//	    nothing: a lesson's page shows its table of contents already.
//	{{% siteparam "name" %}} (Relearn's)
//	    as param, from the site's params only.
//	    A paired box shortcode (details, alert, tabpane, tabs, tab, hint,
//	    notice, expand, columns, steps, card) closed by another's closing
//	    tag, or never closed, is an error.
//	{{< button href="…" >}}Text{{< /button >}} (hugo-book's and Relearn's)
//	    a link where it stands, [Text](…); hugo-book's relref="path" is
//	    written as a path, as ref's. A button that closes itself shows its
//	    address; one without an address is an error and leaves its text.
//	    Its look (class=, style=, color=, icon=, target=, …) is left out.
//	{{< badge title="T" value="V" >}} (hugo-book's)
//	    text where it stands: **T** V (V alone without a title). Relearn's
//	    {{% badge title="T" %}}V{{% /badge %}}, its closing tag on the same
//	    line, gives the same; style= and the like are left out. Hextra's
//	    {{< badge content="V" link="…" >}} is V, a link to link= if any.
//	{{% include "part.md" %}} (Relearn's, Geekdoc's: file="…"), {{< readfile file="…" >}} (Docsy's)
//	    the file's Markdown in its place, its shortcodes expanded in turn;
//	    a code block of it with language="go" (Geekdoc) or code="true"
//	    lang="go" (Docsy); hidefirstheading=true drops its first heading.
//	    The file is looked for next to the page, then from the content
//	    root (a Hugo site's root when p2pc reads the whole site). A file
//	    that is not in the content folder leaves [missing include: name]
//	    and a warning: nothing outside the content folder is read. An
//	    include of a file that includes it is an error.
//	{{< highlight lang opts >}} … {{< /highlight >}}
//	    a fenced code block in lang, fenced with more backticks than the
//	    code holds; opts (linenos, hl_lines, …) are left out. The code is
//	    not expanded.
//	{{< youtube id >}}, {{< vimeo id >}} (or id="…", and title="…")
//	    a link to the video, [Video on YouTube: title](address), as the
//	    site requests nothing from other hosts. Player arguments (autoplay,
//	    start, …) are left out; others with a warning. An id that is
//	    missing or not a video id (letters, digits, - and _; digits for
//	    Vimeo) is an error.
//	{{< gist user id [file] >}}, {{< instagram id >}}, {{< x user="…" id="…" >}} (or tweet)
//	    a link to the post ([Gist by user: file](…), [Post on Instagram](…),
//	    [Post by user on X](…)), for the same reason. A user or id that
//	    cannot be part of the address is an error.
//	{{< mermaid >}} … {{< /mermaid >}}
//	    a ```mermaid code block of the diagram's text, with a warning:
//	    p2pc draws no diagrams.
//	{{< code-toggle file="hugo" >}} … {{< /code-toggle >}} (Hugo's documentation's)
//	    a code block of the settings as written: JSON when they start
//	    with "{", TOML when a line sets a key with "=" or opens a [table],
//	    else YAML. One without text (config="…") is as any other.
//
// Any other shortcode ({{< qr … >}}, {{< new-in 1.2 >}}, a site's own,
// …) does not stop the build: a lesson set's own tool runs templates
// p2pc does not. Its tags are left out, with a warning naming it and
// saying what to write for more; the closing tag of one is left out
// without a second warning, and the text between the two is kept, as
// Markdown. One with src=, such as a theme's img, is shown as a Markdown
// image ![alt](src) where it stands. The advice is a fenced div of its
// name, ::: new-in … :::; for a name that is one of p2pc's own blocks
// (OwnDiv: deck, worksheet, question, …, which mean something else)
// ::: callout or ::: deck-box; and for a shortcode inside a line (text
// before it on its line, as in a sentence, a table cell or a link, or
// text after it but not its closing tag) plain text or a link. A
// shortcode that is not closed with >}} (or %}}) is an error and
// its text is left as it is.
//
// Shortcodes inside fenced code blocks (``` or ~~~, also in lists and
// blockquotes) and inside code spans are not expanded, but for param and
// siteparam, whose value Hugo writes there too ("pip install
// tool=={{< param version >}}"); a site's own one there is a warning, as
// Hugo runs it and p2pc shows it as written. Indented code blocks are not recognised.
// Hugo's escape {{</* name args */>}} (and {{%/* … */%}}) prints
// {{< name args >}} everywhere, in code too.
package directive
