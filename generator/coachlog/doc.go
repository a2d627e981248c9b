// Package coachlog is the coaching log: a page where a learner records each
// P2PC conversation on their own device, and reminders to check back.
//
// # The page
//
//	coaching-log/index.html   "Coaching log" (the folder name is a contract:
//	                          lessons link to it, learners bookmark it)
//
// The page is made only for a site where a lesson holds the div that
// invites learners to keep the log (a course that does not teach the five
// steps gets no such page):
//
//	::: coaching-log {#log}
//	Write each conversation down in your [coaching log](../coaching-log/).
//	:::
//
// The div is drawn in place as a box (an aside of class "box
// coaching-log", titled "Your coaching log" unless title= says otherwise).
// Lessons link to the page as to any generated page,
// [coaching log](../coaching-log/) from a lesson one folder down; the
// build checks the link, and reports it when no lesson holds the div.
//
// The form follows the five steps: the date of the conversation, whom the
// learner asked and what about (step 1), what they heard and asked to
// understand it (steps 2 and 3), the habit they will build (step 4), and
// the day to check back (step 5). The check-back date starts a month after
// the conversation's date (the same day of the next month, or its last
// day) and follows it until the learner changes it. Whom you asked, the
// date and the check-back date are required; a missing one is named in a
// role="alert" paragraph and receives the focus.
//
// Entries are listed newest first. Each shows when to check back ("in 12
// days", "today", "overdue by 3 days", or "Checked back on ...") and has
// buttons: Edit (fills the form; "Save changes" or "Cancel editing"),
// "Calendar reminder (.ics)", "I checked back" (or "Not checked back yet")
// and "Delete…", which asks in place, with the focus on "Keep it"
// (Escape also keeps it).
// Results are announced in a role="status" paragraph.
//
// On the home page, the script adds a section after the page header
// listing the check-backs that are due or overdue and not checked back,
// the oldest first, each with a link to its entry
// (coaching-log/index.html#entry-<id>, which receives the focus) and its
// calendar reminder.
//
// # Calendar reminders
//
// "Calendar reminder (.ics)" downloads check-back-<person>-<YYYY-MM-DD>.ics,
// an RFC 5545 calendar with one all-day event on the check-back day:
// VERSION:2.0, PRODID, UID <entry id>@p2pc-coaching-log (the same for every
// download of an entry, so a calendar updates the event rather than adding
// another), DTSTAMP in UTC, DTSTART;VALUE=DATE and DTEND the next day,
// SUMMARY "Check back with <person>: <topic>", a DESCRIPTION with what the
// learner wrote and the question to ask, and a display alarm at 9:00 that
// day. Text escapes backslash, semicolon, comma and line breaks; lines end
// with CRLF and are folded at 75 octets, never inside a UTF-8 character
// or an escape.
//
// # CSV
//
// "Export the log as CSV" downloads coaching-log-<YYYY-MM-DD>.csv (RFC
// 4180: a header row, CRLF line ends, fields with a comma, quote or line
// break quoted, quotes doubled) with the columns
//
//	id, date, person, topic, heard, habit, check_back, checked_back, updated
//
// (dates YYYY-MM-DD, updated an ISO time). "Import a CSV file…" reads such
// a file. A header row (one naming a person column) may list the columns in
// any order and leave some out; without one the columns are in the order
// above. A row without an id gets a new one, and one without a check-back
// date gets a month after its date. Import adds entries with new ids and
// replaces one with a known id only when its updated time is later; it
// removes nothing. Rows it cannot take (no person, a date that is not a
// date, too many fields, an id with other than letters, digits and -) are
// skipped and named in the report: "Row 4: the check-back date “2026-13-01”
// is not a date (YYYY-MM-DD)." Row numbers count lines of the file from 1,
// the header included.
//
// # Storage
//
// The log is kept in localStorage under
//
//	p2pc:v1:<data-site>:coachlog
//
// (data-site is the body's site id) as {"v": 1, "entries": [{id, date,
// person, topic, heard, habit, checkBack, checkedBack, updated}]}, every
// value a string. A later format gets a new version in the key. When the
// browser refuses storage, the log lives in memory while the page is open
// and the page says so (export it as CSV before leaving); nothing is
// logged to the console. Nothing leaves the browser.
//
// The script also sets window.P2PCCoachLog to functions that change
// nothing: ics(entry, now), fold(line), toCSV(entries), parseCSV(text),
// due(entries, day), monthLater(day) and key, the storage key.
//
// # Without JavaScript
//
// The page explains what to note for each conversation, so a learner can
// keep the same log on paper; the form and list need JavaScript.
package coachlog
