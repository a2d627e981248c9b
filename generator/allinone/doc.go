// Package allinone is the feature that puts a whole module, or the whole
// course, on one page, to read offline or print (like mdBook's print page
// and The Carpentries' all-in-one view). Each comes in two editions:
//
//	all-in-one/                  the whole course, for learners
//	all-in-one/MODULE/           one top-level module, for learners
//	all-in-one-trainer/          the same for trainers
//	all-in-one-trainer/MODULE/
//
// A page opens with a table of contents (printed too) and holds the module
// pages and lessons in reading order, each starting on a new sheet when
// printed. Headings move down a level under each lesson's title; every id
// gets a prefix of its page's, so ids stay unique; links to a page on the
// same view become links inside it, and links and images elsewhere are
// rewritten to work from the view's folder. Diagrams and pictures are
// included as on the lessons.
//
// The learner edition keeps solutions collapsed and trainer notes hidden
// (on screen and in print); the trainer edition shows the trainer notes
// and opens every solution and answer, and is kept out of search engines
// (noindex). The course-wide pages hold every lesson up to 300; a longer
// course's course-wide pages list the module pages instead, so that no
// single page grows without bound with the course.
package allinone
