// Package progress lets a learner keep track of the course in their own
// browser: which lessons are done, and where to go on.
//
// # What the learner sees
//
// With JavaScript on, every lesson ends with a "Mark as done" toggle
// button (aria-pressed; pressed again, it takes the mark away) and a link
// to the progress page. A lesson is also marked done when the learner
// checks its worksheet: package worksheet announces a check with the
// "p2pc:worksheet-checked" event on document (detail.page is the lesson's
// URL), and this package listens for it; neither package imports the
// other.
//
// Links to done lessons, in the curriculum sidebar and in any lesson list
// (class lesson-list: module pages, the contents page, the progress
// page), get a tick (✓, aria-hidden) and the words " (done)" for screen
// readers (class pg-sr). Each top-level lesson list in the page's main
// region is preceded by a count, "3 of 7 lessons done"; a module page
// shows its count in its header too.
//
// On the home page the element of class course-start (the home layout's
// "Start the course" button) stays as it is for someone who has not begun.
// Once the learner has opened or marked a lesson, the script replaces it
// with "12 of 46 lessons done", a "Continue where you left off" button and
// a link to the progress page. Continue leads to the last lesson opened if
// it is not done, else to the first lesson after it (in reading order,
// wrapping to the start) that is not done; when every lesson is done it
// says so.
//
// # The progress page
//
//	progress/index.html   "Your progress": the count, Continue (or Start),
//	                      every module with its lessons, and the tools
//	progress/lessons.js   the outline: window.P2PC_OUTLINE = {modules: [{url,
//	                      title, lessons: [{url, title}]}]}, top-level modules
//	                      in reading order, each with every lesson under it
//
// The page lists every lesson as plain links, so it is a table of
// contents without JavaScript. The home and progress pages load
// lessons.js with a <script> element the script adds (fetch does not work
// from file://). The outline comes from the builder (feature.OutlineReader):
// the feature reads no lesson's text, so an edit of a lesson's body does not
// run it again.
//
// The tools: "Save progress to a file" downloads
// p2pc-progress-YYYY-MM-DD.json (a Blob and an a[download], which works
// from file://); "Load progress from a file…" reads such a file and adds
// its marks to this browser's (marks already here are kept); "Reset
// progress…" asks first, in the page, with the focus on "Keep my
// progress" (Escape also keeps it). Results are announced in a role="status" paragraph.
//
// # Storage
//
// The marks are kept in localStorage under
//
//	p2pc:v1:<data-site>:progress
//
// where data-site is the body's site id (Site.ID: pages opened from disk
// share one storage, so the key names the site). The value is JSON:
//
//	{"v": 1, "done": {"five-steps/ask/": "2026-11-30T09:12:00.000Z", ...}, "last": "five-steps/ask/"}
//
// done maps a lesson's URL (from the site root) to when it was marked;
// last is the lesson opened most recently. The saved file is
//
//	{"format": "p2pc-progress", "version": 1, "site": "<data-site>",
//	 "exported": "<ISO time>", "done": {...}, "last": "..."}
//
// A later format gets a new version (v2 in the key and the file); loading a
// file of another version is refused with a message. When the browser
// refuses storage (a private window, blocked site data, a full quota) the
// marks live in memory while the page is open, and the lesson and progress
// pages say so in a quiet note; nothing is logged to the console. Nothing
// leaves the browser.
//
// # Without JavaScript
//
// Every page stays as the layout made it: the Start the course button, the
// lesson lists and the progress page's list of lessons all work; only the
// marks, counts and Continue link are missing.
package progress
