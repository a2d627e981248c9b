// Package generator builds the curriculum site: it reads a content folder of
// Markdown and a layouts folder of templates (both fs.FS) and streams the
// site's files to a Sink: an Output folder, or memory (Build).
//
// # One pipeline
//
// "p2pc build" and "p2pc serve" run the same Pipeline. Its steps are
// functions of their inputs: reading a source gives its front matter and
// body; parsing it gives the page's title, anchors, contents, fenced divs,
// links and search text; the navigation comes from every page's header;
// the features read the pages they declare; a page's HTML comes from its
// source, the navigation it shows, the layouts and the settings. A
// Pipeline keeps its last run's results and runs a step again only for
// inputs whose digest changed (see keys.go), so serve's rebuild after an
// edit is the build itself, with less to do. Checking reads every lesson;
// rendering parses it again, so that no run holds every page's tree or
// bytes: pages go to the Sink as they are made.
//
// Layouts may show of a page other than the one rendered only its
// navigation (title, summary, minutes, weight, place and URL): an edit of
// anything else in a lesson renders that lesson alone.
//
// # Content
//
// A folder is a module and a Markdown file is a lesson. The file _index.md
// (else index.md, else README.md) gives a module its title and introduction;
// content/_index.md is the home page. Other Markdown files at the top of the
// content folder are standalone pages (about.md becomes about/). Modules nest.
// Files that are not Markdown are copied beside the module's pages, and
// folders that hold no Markdown are copied as they are.
//
// A numeric prefix such as "02-" orders files and folders and is dropped from
// the URL: 02-five-steps/03-open-mind.md becomes five-steps/open-mind/, written
// as five-steps/open-mind/index.html. Every link the generator writes is
// relative and names index.html, so the site works from disk and under any
// base path. The folders assets/ and search/ at the top belong to the
// generator, and so do the folders the features declare (cards/, worksheets/).
//
// # Front matter
//
// YAML between --- lines, TOML between +++ lines, or a JSON object (a file
// whose first character is { followed by a key), after any blank lines:
//
//	title       the page title; else the first # heading; else the file name
//	weight      order among siblings (before a numeric prefix)
//	summary     one sentence for listings, search and the meta description
//	objectives  a list, shown at the top of a lesson
//	duration    minutes the lesson takes (else the reading time is shown)
//	slug        replaces the last URL segment
//	draft       true leaves the page out unless built with --drafts (not in
//	            a Workbench lesson: there config.yaml decides, and the key
//	            is warned about)
//
// Any other key is an error with a "did you mean" hint, except in a lesson
// set written for another tool (see Other formats).
//
// # Other formats
//
// A content folder holding a lesson set of The Carpentries Workbench
// (config.yaml), mdBook (book.toml, src/SUMMARY.md) or Hugo (a hugo.toml or
// config.* site root, or _index.md files with Hugo's keys or shortcodes) is
// read as its own tool reads it (package lessonset; Options.Format or
// --format chooses): the outline's order and nesting, the tool's front
// matter (Hugo's description, linkTitle, date, lastmod, aliases, tags,
// categories; the Workbench's teaching and exercises, and its links.md, whose
// link reference definitions every page may use), mdBook's includes and
// Hugo's shortcodes (package directive). Keys p2pc does not use are kept in
// Params for layouts and reported once as warnings; there, as in Hugo, keys
// match in any case (linktitle, Draft), the keys of a params table are the
// page's params (which {{< param >}} reads before the site's), and TOML's
// unquoted dates read as the text YAML gives them. A Hugo section orders
// its pages as Hugo does (weight, then date, newest first, then link
// title, then path), and markup.goldmark.renderer.unsafe in its config
// lets raw HTML through as raw_html does. Hugo content may link
// from the site root (/section/page/), or relative to the page's URL
// (../other/ from the page at section/page/) where no file has the path;
// a link that leads nowhere there is a warning, as Hugo does not check
// links. The Markdown follows the tool's where they differ
// (markdown.Dialect): a Workbench lesson is Pandoc's, where H~2~O and
// 2^10^ are sub- and superscripts and only ~~two tildes~~ strike through;
// an mdBook leaves out its code blocks' hidden lines.
// A Workbench lesson's relative link that leads nowhere, or out of the
// content folder, is tried as the Workbench's flat site reads it: less a
// leading ../episodes/, ../learners/, ../instructors/, ../profiles/, then
// ../ ("../fig/a.png" in an episode is episodes/fig/a.png).
//
// An outline's chapters take their URLs from their paths below the set's
// root. The pages the builder makes for it (an mdBook part's, listing its
// chapters; a Workbench group folder's) are placed after every chapter has
// claimed its URL, so they never take one a chapter wants: each gets its
// title's or folder's URL ("overview/") when free and not a folder of the
// builder's, else the first free of "overview-2/", "overview-3/"…, in
// outline order.
//
// # Markdown
//
// CommonMark with GFM tables, task lists, strikethrough and autolinks,
// typographic quotes, and chroma highlighting of fenced code with CSS classes.
// Headings get ASCII ids (ʻokina and kahakō folded: "ʻIke loa" is #ike-loa);
// {#id} after a heading sets one. Definition lists, Pandoc spans
// ([text]{#id .class}: the id is an anchor), attributes after images
// ({alt='…' width="50%"}), captioned images as figures and GitHub alerts
// (> [!NOTE]) are read too. Raw HTML in a safe list (kbd, sub, sup, br,
// img, details, tables…) is kept and anything else dropped with a warning,
// unless site.yaml sets raw_html: true.
//
// Links name Markdown files relative to the linking file, with an optional
// anchor: [Ask](../02-five-steps/02-ask.md#why). A link to a folder or its
// _index.md reaches the module page. The build rewrites links to the output
// pages and fails on a missing page, file or anchor, a link out of the
// content folder, an image on another host, or a link to a draft. A link
// from the site root (/five-steps/ask/) names a page by its URL. An SVG
// image alone in its paragraph is put into the page when it is accessible
// (role="img", <title>, <desc>) and safe; any other is shown as an <img>.
//
// # Fenced divs
//
// A line of three or more colons with a name and optional attributes opens a
// div; a line of colons alone closes the innermost open one. Nesting is clearer
// with more colons outside:
//
//	:::: callout {title="Try it" #try .wide}
//	::: solution
//	Hidden until opened.
//	:::
//	::::
//
// Attributes are .class, #id and key=value (quote values with spaces). A
// div's name means what a feature makes of it (see Features); any other
// name becomes <div class="name"> with data-key attributes.
//
// # Features
//
// Everything a div name, an output folder, a search kind or an asset means
// comes from a feature (package feature): the builder names none of them.
// Package builtin lists the built-in ones, the only place they are named:
//
//	blocks      objectives, keypoints, questions, prereq, callout, challenge,
//	            caution, checklist, discussion, testimonial, solution, hint,
//	            spoiler, tab, group-tab; facilitator and instructor notes
//	glossary    each entry of the glossary lesson is a search result; its
//	            terms link to it, with a tooltip, wherever a page names them
//	            (p2pc's own format only: off in another tool's lesson set)
//	cards       card, deck; the cards/ pages and print sheets
//	worksheet   worksheet, question, explanation, model-answer; worksheets/
//	allinone    all-in-one/ and all-in-one-trainer/: a module or the whole
//	            course on one page, to read offline or print
//	trainer     agenda; the Trainer view switch (every page), the
//	            facilitator-guide/ page and the workshop-pack/ print page
//	progress    every page: Mark as done, ticks, counts, Continue; progress/
//	coachlog    coaching-log; coaching-log/ (only when a lesson holds the div)
//
// A feature's Manifest declares what it owns; the builder refuses two
// features that claim the same div, folder or asset. Trainer notes are one
// mechanism: a div a manifest lists in TrainerNotes is drawn as an aside of
// class trainer-note (hidden on screen, shown by "Print with trainer
// notes" and by the show-trainer class), and left out of the search.
// A page loads a feature's styles and scripts only when it has one of the
// feature's divs or lives in one of its folders (or on every page, when
// the manifest says EveryPage). A feature that is a feature.Marker marks
// up every page from what it collected: its Marks scan each page's
// Markdown (the result is kept per page while the page and the Marks stay
// the same) and change each page's tree just before it is rendered.
//
// # Site settings
//
// content/site.yaml may set title (else the home page's title is the
// site's), description, language, base_url (for sitemap.xml), raw_html and
// footer (a line of Markdown at the foot of every page). A lesson set of
// another tool's gives the title, description and footer (licence,
// contact) site.yaml does not. The author guide, with every setting and syntax, is
// "p2pc help authoring" (package scaffold's authoring.md).
//
// # Layouts
//
// html/template files: base.html is the skeleton and calls the "main" template
// defined by home.html, module.html, lesson.html, generated.html (pages added
// by features such as cards/) and 404.html. Every other .html file is a
// partial available to all. Files under assets/ are copied to assets/, after
// the features' assets (so a layout may replace one). A layouts folder given
// to the command overrides the built-in files one by one. Templates see
// .Site, .Page, .Root (the relative path to the site root), and .Styles and
// .Scripts (the features' assets the page loads, from the site root; also
// made into elements, .StyleTags and .ScriptTags). Besides Go's own
// functions they have {{cached "name" key .}}, which runs the partial name
// about once per key and layout in a run and prints that on every page
// with the key (for markup that depends on the key and the site alone,
// such as base.html's links, keyed by .Root), and
// breadcrumbsHTML, pagerHTML and tocHTML, which print the page's
// breadcrumbs, pager and table of contents (testdata/navmarkup.html is the
// same markup as templates).
// base.html's <body> carries data-kind, data-root, data-page and data-site
// (Site.ID) for the scripts of features that work on every page; a layout
// that replaces base.html keeps them. .Page.Views are the features' pages
// that show a page in another form (a module's all-in-one views):
// module.html links to them.
//
// # Errors
//
// Every problem in one build is reported, each as a *FileError printed
// path:line:col: message, and nothing is written: Build finds them all
// before a file can reach the output folder.
//
// An Output (and Write, built on it) updates the output folder in place: it
// writes only the files whose bytes changed, each to a temporary file
// .NAME.p2pc-tmp beside it that is renamed into place, and removes the
// files of the previous build that the site no longer has. MarkerFile is
// the manifest of the files the tool wrote (path, size, hash); a file it
// does not list is never replaced or removed. A build killed mid-write
// leaves every file whole, with its old or its new bytes, a mix of old and
// new files, perhaps temporary files, and PendingFile, which names every
// file the build may have added. The next build removes the temporary
// files before its first change, and its Close removes every file of the
// manifest and PendingFile that the site does not have, and the folders
// left empty, then writes the manifest and removes PendingFile: the folder
// is then byte for byte what a clean build leaves. A build that fails
// before its first change (content errors) changes nothing, even then.
package generator
