// Package lessonset recognises, at the root of a content folder, a lesson
// set written for another tool, and returns its structure as a Set: the
// folder its pages live under (Root), its outline (Home), its title,
// description, language and footer, the paths that are not pages (Ignore),
// and what is wrong with it (Problems, each file:line:col: message). It
// reads an fs.FS and nothing else; the site builder turns the Set into
// pages. Front matter and page bodies are the builder's: this package reads
// only the tools' config files and tables of contents.
//
// Detect tries the formats in the order below and reports false when none
// matches: the folder is then in p2pc's own format. The builder's --format
// flag maps to DetectAs: auto (the default) detects, p2pc skips detection,
// and workbench, mdbook or hugo read the folder as that format even when
// Detect would not (it is an error when the Workbench's config.yaml or
// mdBook's book.toml is missing; a folder without a Hugo config is read as
// Hugo's content folder).
// Problems never stop the reading: a Set with problems is still whole, with
// the faulty item left out or left without a Source; Set.Err joins them.
//
// # The Carpentries Workbench
//
// Recognised by config.yaml at the root beside an episodes/ folder, or a
// config.yaml with a top-level episodes or carpentry key. Root is "".
//
//	title     Set.Title
//	lang      Set.Language
//	license   Footer "Licensed under …"
//	contact   Footer "Contact: …", linked with mailto: for an address, as a link for a web address
//	source    Footer "[Source](…)" (a web address only)
//	episodes, learners, instructors, profiles
//	          the pages of the folder of that name, in the listed order
//	other     scalar keys (carpentry, created, keywords, life_cycle, url, …) go to Params
//
// A list may be a single file name (episodes: one.md), read as a list of
// one, as sandpaper matches a string like a list of one name.
// A list left empty (or absent) means every .md and .Rmd file of its
// folder, in name order, as the Workbench does; among the learners' pages
// setup.md comes first, since a learner needs it before the first episode.
// Files of a listed folder that its list leaves out are not built by the
// Workbench and go to Ignore. A listed file that does not exist, is listed
// twice, is not Markdown or leaves its folder is a Problem at the list
// item's line and column in config.yaml.
//
// The outline: Home.Source is index.md and Home.Title the lesson's title
// (the Workbench's index.md has none); Home.Children are a group per
// folder that has pages ({Title: "Episodes", Dir: "episodes"}, then
// "Learner resources" for learners/, "Instructor resources" for
// instructors/, "Learner profiles" for profiles/), each holding its pages
// with Title "" (the page's own title is used), then LICENSE.md and
// CODE_OF_CONDUCT.md as top-level pages when present (the Workbench
// publishes both), marked Aside: beside the lesson, not on its reading path. Ignore lists those present of config.yaml, README.md,
// CONTRIBUTING.md, AUTHORS, CITATION, CITATION.cff, links.md (the
// Workbench's shared link references, not a page: as the Workbench adds it
// to every page, the generator adds to each page the definitions it uses),
// renv/, site/ and _site/.
// Other files (episodes/fig/, episodes/data/) are the lessons' resources.
// FileDirs are episodes/data, episodes/files and episodes/fig, which the
// Workbench copies whole: their Markdown files are published as files, not
// pages (episodes/files/handout.md, for a learner to download).
//
// # mdBook
//
// Recognised by book.toml at the root, or by SUMMARY.md at the root (the
// folder given is the book's src folder: Root is "" and there are no
// settings). [book] title, description and language give the Set's;
// [book] src (default "src") is Root; the footer names [book] authors
// ("By …") and [output.html] git-repository-url ("[Source](…)");
// Params["authors"] holds the authors. [output.html.redirect] gives
// Redirects, in the file's order, each at its line (found in one pass over
// book.toml); an entry whose old address has a #fragment is a warning
// instead, since p2pc makes no fragment redirects.
//
// Root/SUMMARY.md is the outline, read as mdBook reads it:
//
//	# Summary                   the first heading, before any chapter: the title, ignored
//	[Introduction](README.md)   prefix chapters: links on lines of their own, before the first list;
//	                            the first one that names a page is Home (mdBook's first page)
//	# User guide                a part title: an Entry{Part: true} holding the list items up to the next part
//	- [Install](guide/install.md)
//	    - [Linux](guide/linux.md)   numbered chapters; nesting follows the list's indentation
//	                            (a child is indented at least to its parent's text; a tab is 4 columns);
//	                            "-", "*", "+", "1." and "1)" markers
//	- [Later]()                 a draft chapter: Draft, Title kept, Source ""
//	---                         a separator (three or more dashes alone on a line)
//	[Contributors](misc/c.md)   suffix chapters: links after the list
//	<!-- … -->                  comments, skipped
//
// Entry.Title is the link text (or part title) as plain text, as mdBook
// names a chapter: code spans keep their text, emphasis marks, escapes and
// raw HTML go, entities are decoded ("`code` *title*" gives "code title").
// Links are relative to SUMMARY.md: Source is Root joined with the link,
// cleaned, without #anchor or ?query, %-escapes decoded ("my%20page.md"
// and "<my page.md>" both give "src/my page.md"). A folder's README.md is
// an ordinary chapter (the builder makes it the folder's index, whatever
// the name's case, as mdBook's index preprocessor does). The home
// chapter is not repeated in Home.Children; Home.Title is its link text. A
// book without prefix chapters has Home.Source "" and Home.Title the book's
// title (the builder makes a contents page).
//
// Problems, at their line and column in SUMMARY.md: a link that leaves
// Root, starts with "/", has a backslash or names a web address; a file
// that does not exist when book.toml sets [build] create-missing = false
// (with mdBook's default, true, mdBook would create it: here the entry is
// a draft, keeping its Title with Source "", and a warning); a list item that is not a
// link (it becomes a draft, so its children keep their place); prose, a
// heading other than level 1, text inside a list item; a
// list or part after the suffix chapters. A missing SUMMARY.md and a book.toml that is
// not TOML are Problems too. A file listed twice is a warning: mdBook
// builds it twice, the later page over the earlier; here its second entry
// is a draft. Text after a chapter link ("- [A](a.md) (note)")
// is left out, as mdBook takes the first link of a line; it is one of the
// Set's Warnings, at its place. The parser's cost is linear in the size of
// SUMMARY.md, however deep the nesting.
//
// Ignore lists book.toml, SUMMARY.md, the theme/ and book/ (build-dir)
// folders when present, and every Markdown file under Root that SUMMARY.md
// does not list (mdBook renders only listed chapters; the others are
// often {{#include}}d), but NotFound: the not-found page's Markdown,
// [output.html] input-404 below Root, else Root/404.md when it exists
// (input-404 = "" for none; one naming no file is a Problem), whose body
// the builder puts into 404.html; it is a chapter too only when listed.
//
// # Hugo
//
// A site root is recognised by hugo.toml, hugo.yaml, hugo.json (or .yml),
// by config.toml, config.yaml or config.json holding a key only Hugo uses
// (baseURL, contentDir, defaultContentLanguage, languageCode, languages,
// theme, module, markup, taxonomies, menus, outputs, permalinks), or by a
// config/_default/ folder (hugo.* or config.* in it is the base; every
// other file NAME.ext there is the key NAME, as params.toml is [params]).
// Keys are matched ignoring case, as Hugo does.
//
//	title                  Set.Title (languages.LANG.title first)
//	params.description     Set.Description
//	languageCode           Set.Language (else languages.LANG.languageCode or locale, else LANG)
//	copyright              Footer, as written
//	[params]               Params
//
// LANG is defaultContentLanguage (default "en"). Root is, first found:
// languages.LANG.contentDir; the source of a module mount whose target is
// "content" and that serves LANG; contentDir; "content". A Root that
// does not exist or leaves the site's folder is a Problem. Ignore lists
// those present of the config file, config/, archetypes/, assets/, data/,
// i18n/, layouts/, themes/, resources/, public/, node_modules/, go.mod,
// go.sum, package.json, package-lock.json and hugo_stats.json. static/ is
// not listed: Hugo publishes it at the site's root, which the builder may
// or may not do.
//
// A folder may also be Hugo's content folder itself (content/en), with no
// config: it is recognised by an _index.md at the root or in a folder one
// level down whose front matter has a key p2pc's own front matter does not
// have (description, linkTitle, aliases, categories, …) or whose text has
// a Hugo shortcode ({{< … >}} or {{% … %}}). A folder with p2pc's
// site.yaml at its root is never taken for Hugo content: p2pc's own modules
// have _index.md files too. Root is then "" and the Set has no title,
// settings or Ignore. Use --format hugo when detection misses one.
//
// Hugo has no outline file, so Home is nil: the builder walks Root. An
// _index.md makes its folder a section (a module); a folder whose only
// Markdown is index.md is a page bundle (one lesson, with its images and
// files beside it); siblings are ordered by weight, then title.
//
// # Left out
//
// Workbench: the learner and instructor views' generated pages (key points,
// glossary from reference.md's definitions, "all in one page"), episode
// sandpaper variables and renv; mdBook: [output.*] settings other than
// git-repository-url, mathjax-support, code.hidelines and
// smart-punctuation (or curly-quotes), preprocessors other than katex,
// admonish, trpl-listing, toc and alerts (each other [preprocessor.NAME] is a
// Warning at its table: its syntax stays in the pages), {{#include}} and
// other directives (the builder's business), multilingual books; Hugo: taxonomies, menus,
// cascade, permalinks, languages other than the default one, theme
// components and module imports.
package lessonset
