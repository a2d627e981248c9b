// Package worksheet turns self-check worksheets written in lessons into an
// interactive form, printable pages and a Moodle export.
//
// # Writing a worksheet
//
// A worksheet is a fenced div with an id and a title, holding questions. Use
// four colons for the worksheet so its closing fence stands out from those of
// the questions:
//
//	:::: worksheet {#ws-five-steps title="Check yourself: The five steps"}
//
//	::: question {#q-fs-first type=single}
//	What is the first step of P2PC?
//
//	- [x] Ask a coworker for coaching on something specific
//	  > Right: everything starts with your question.
//	- [ ] Check back after about a month
//	  > That is the last step.
//
//	::: explanation
//	The loop starts when you ask. See [Step 1](02-ask.md#what).
//	:::
//	:::
//
//	::::
//
// The worksheet's id names its URLs; title= defaults to the lesson's title.
// Blocks inside the worksheet that are not questions (an introduction) are
// shown before or between the questions.
//
// Each question is a ::: question fenced div with an id and a type. Its text
// comes first, then its choices, then optional parts:
//
//   - Choices are a task list: - [x] marks a correct choice, - [ ] a wrong
//     one. A > blockquote indented under a choice is the feedback shown when
//     the learner picks it.
//   - ::: explanation is shown after checking, and with the answer without
//     JavaScript and in the trainer's key. Links in it work everywhere.
//   - ::: model-answer appears only in the trainer's answer key (and as a
//     comment in the GIFT file). Use it for reflections.
//
// Ids of worksheets and questions use letters, digits, - and _, start with a
// letter and are unique across the site (by habit, ws-... and q-...).
//
// # Question types
//
//	type=single      one correct choice; radio buttons.
//	type=multi       one or more correct choices; checkboxes. Every correct
//	                 choice is needed: each right pick earns 1/n of the
//	                 question, each wrong pick takes 1/n away (never below 0),
//	                 and the learner sees the partial credit.
//	type=truefalse   two choices, normally - [ ] True and - [ ] False, one [x].
//	type=short       a few words typed in; accept="talk story|talking story"
//	                 lists the accepted answers. Case, accents, curly or
//	                 straight apostrophes and extra spaces do not matter.
//	                 The printed blank copy rules room to write it by hand,
//	                 in proportion to the longest accepted answer: 5 mm a
//	                 character and 25 mm spare, on lines of up to 160 mm
//	                 (at least 40 mm, at most 8 lines; Question.WritingRoom).
//	type=order       a numbered list (1. 2. 3.) written in the correct order,
//	                 at least three items. The items are shown shuffled (the
//	                 same way on every build, never in the correct order) and
//	                 the learner gives each a position with a native select.
//	                 Each item in the right place earns its share.
//	type=reflection  a free-text prompt; lines=N (1 to 30, default 4) sets the
//	                 ruled lines on the printed page. Never graded.
//	type=scale       a 1–5 self-rating; low="..." and high="..." say what 1 and
//	                 5 mean (default "not at all" and "completely"). Never graded.
//
// # Objectives a question assesses
//
// objectives= names the lesson objectives a question assesses, by their
// number in the front matter's objectives: list (1 is the first), separated
// by spaces. Any question type takes it:
//
//	::: question {#q-ask-what type=single objectives="1 3"}
//	::: question {#q-fs-steps type=order objectives="02-ask.md#2 03-open-mind.md#1"}
//
// A number alone is an objective of the lesson that holds the worksheet;
// file.md#N is objective N of another lesson, its file named as in a link,
// relative to this one. The trainer's answer key lists them under each
// question ("Assesses"); the blank copy and the lesson do not show them.
// The builder gives the feature the site's lessons (feature.LessonReader,
// Worksheets.Lessons), so a build reports a file that is not a lesson or a
// number beyond its objectives, and the key names each objective by its
// lesson's title, quotes its text and links to the lesson. Used alone,
// without them (SetLessons not called), the key gives the number and the
// lesson's title (linked) when that lesson holds a worksheet too, else its
// file.
// Objective numbers follow the front matter, so when you reorder or remove
// an objective, update the questions that name it.
//
// Whether every objective needs a question is the course's rule, not the
// builder's: p2pc only checks what is written.
//
// # Problems reported
//
// The build stops with file:line: message for: a worksheet or question with
// no id, or an id that is malformed or used twice in the site; a question
// with no type or an unknown type; an attribute the element or type does not
// take (accept= is only for short, lines= for reflection, low= and high= for
// scale) and any .class; an objectives= that is empty, an entry in it that
// is not a number of 1 or more or file.md#N, or the same objective twice
// (and, given the lessons by SetLessons, a file that is not a lesson or a
// number beyond that lesson's objectives); a short question with no accept= or an empty
// answer in it; a single question without exactly one [x] choice; a multi
// question with no [x]; a truefalse question without two choices and one
// [x]; a choice question with fewer than two choices or none; the same
// choice twice; an order question with fewer than three items, or with
// boxes or feedback on its items; [ ] choices on a type that takes none; a
// choice list item without a box, empty, or holding more than its text and
// one > feedback; two choice lists, explanations or model answers; a
// question with no text; a worksheet with no questions; a question outside
// a worksheet (or nested in another div inside it); a worksheet inside
// another div; an explanation or model answer outside a question.
//
// # In the browser
//
// In its lesson a worksheet is a <section> with a fieldset per question: its
// <legend> holds the number and the first paragraph of the question, native
// inputs carry labels, and a role="status" area announces feedback. The
// correct answers are in the HTML (data-correct, data-accept, data-pos) and
// in a <details> "Show answer" per question, so everything works without
// JavaScript; worksheet.js hides those details until the learner checks.
// With JavaScript, "Check my answers" marks every question with text and an
// icon (never colour alone) and gives a score; "Try again" hides the marks;
// "Clear my answers" empties the form; "Download my answers" saves a text
// file. Answers are kept in localStorage under the site's address, the
// worksheet id and Sheet.Hash, so an edited worksheet starts empty; if the
// browser refuses storage, nothing is saved and nothing complains.
//
// When the learner checks a worksheet (not when saved answers are shown
// again on a later visit), worksheet.js dispatches a CustomEvent named
// "p2pc:worksheet-checked" on document, with detail
//
//	{page: "five-steps/check-back/", worksheet: "ws-step-check-back", score: 1, total: 1}
//
// page is the body's data-page (the lesson's URL from the site root),
// score the points earned (partial credit gives fractions, to one
// decimal) and total the graded questions. Other scripts may listen (the
// progress marks do); the worksheet neither waits for nor knows them.
//
// # Pages and files
//
//	worksheets/index.html                  every worksheet, with links (in the site layout)
//	worksheets/<id>/blank/index.html       printable blank copy: boxes, ruled lines, no answers
//	worksheets/<id>/key/index.html         trainer's answer key (noindex): ticks, feedback,
//	                                       explanations, model answers and the
//	                                       objectives each question assesses
//	worksheets/<id>.gift                   Moodle GIFT export (see Sheet.GIFT)
//
// The print pages are standalone documents styled by assets/worksheet.css;
// no question is split across printed pages. Worksheets.PrintParts
// (feature.Printer) offers each blank copy and answer key, as these pages
// show them, to the trainer's workshop pack (package trainer). Every link is relative and ends
// in index.html, so the site works from disk and under any base path. Each
// question is also a search item (kind "question") leading to its fieldset.
package worksheet
