// Package serve is the watch mode of p2pc: "p2pc serve" builds the site,
// serves it on http://127.0.0.1:1313/, rebuilds it on every save and
// reloads the browser.
//
//	p2pc serve [--addr HOST:PORT] [--content DIR] [--layouts DIR] [--out DIR] [--base-url URL] [--drafts]
//
// The build flags mean what they mean for "p2pc build"; the output folder
// is written exactly as "p2pc build" writes it, and served from there.
//
// # Watching
//
// The content and layouts folders the build reads (the flags' folders, else
// ./content and ./layouts) are watched with fsnotify, with every folder
// below them, including folders created or moved in later. When the
// built-in curriculum is served there is no folder on disk, and nothing is
// watched (serve says so).
//
// Editors save in many ways: writing the file in place, writing a
// temporary file and renaming it over the old one (atomic save), or
// renaming the old file away first (vim, helix, JetBrains). Every create,
// write, remove or rename of a file counts the same, and the rebuild reads
// the files as they are when it starts, so each way is seen. Events on
// the files editors write beside the real ones are ignored: names starting
// with "." (.lesson.md.swp, .#lesson.md) or ending in "~", vim's 4913,
// emacs' #lesson.md#, *.swp, *.tmp, *.bck (helix), *.bak, JetBrains'
// ___jb_tmp___ and ___jb_old___; so are changes of permissions alone.
//
// A rebuild starts once no event has come for 50ms, each event restarting
// the wait, so one save, a checkout or a folder copied in makes one
// rebuild; events that come during a rebuild make one more after it.
//
// # Rebuilding
//
// Every build runs the site's generator.Pipeline, the steps "p2pc build"
// runs, keeping the last run's results: the watcher's paths tell it which
// sources to read again, a source whose bytes are unchanged is not parsed
// again, and a page whose inputs (its source, the layouts, the settings,
// the navigation it shows) are unchanged is not rendered again. An edit of
// a lesson's text renders that lesson alone; a title edit, which changes
// every page's navigation, renders every page. Either way the output is
// byte for byte what "p2pc build" makes of the same files.
//
// A build that succeeds writes only the output files that changed, each
// to a temporary file beside it that is then renamed into place, so a page
// is never served half-written; files that are no longer built (a lesson
// deleted or renamed) are removed. A build that fails changes nothing: the
// last good site stays served.
//
// The search index is kept in memory too: an edit of a lesson's text
// rewrites, in the same rebuild and before the pages reload, only the
// index files it changes (the lesson's document file, the term shards of
// the words it gained or lost, and meta.js), and the whole index only when
// the change reaches further (see search.Index). The folder is then, as
// soon as the pages reload, what "p2pc build" would have written, marker
// file included.
//
// # Reloading
//
// Every HTML page served gets a script, <script src="/__p2pc/livereload.js">,
// before </body>; the files in the output folder never have it. The script
// listens to Server-Sent Events on /__p2pc/events, one per finished build,
// sent only once the output folder is written:
//
//	reload  pages changed: a page that changed reloads and keeps its
//	        scroll position; when one lesson was edited, pages showing
//	        another go to it
//	errors  the build failed: the page shows an overlay listing each
//	        problem as path:line:col: message with the lines of the file
//	        around it (a page opened while the build is failing gets it too)
//	ok      the build succeeded and changed nothing: the overlay goes, and
//	        nothing reloads
//
// The terminal prints a line for each build, and the errors of a failed
// build once.
//
// # Safety
//
// The server listens on 127.0.0.1 unless --addr names another host (an
// empty host, as in --addr :8080, is 127.0.0.1 too); --addr 0.0.0.0:1313
// lets other machines connect, and serve prints a warning. Port 0 picks a
// free port, and the URL printed says which. A port in use is an error
// that names it.
//
// Only files inside the output folder are served: a request path with a
// "." or ".." segment (also written %2e%2e), an empty segment, a
// backslash or a hidden name (such as the marker file), and a symbolic
// link leading out of the folder get 404 Not Found, like a missing file.
//
// A request is answered only when its Host header names the server: the
// host --addr gives or the address bound, or a loopback name (localhost,
// *.localhost, 127.0.0.1, [::1]), with the port it listens on; bound to
// 0.0.0.0, also this machine's host name and addresses. Any other Host
// gets 421 Misdirected Request naming --allow-host, which adds names (on
// any port). So a page on another site cannot read the preview through
// DNS rebinding. The event stream and the script answer GET and HEAD
// only (405 otherwise), as do the files.
//
// Ctrl-C stops watching, lets a rebuild that has started finish writing
// (one still waiting for its quiet time is dropped), closes the pages' event streams and stops the server.
package serve
