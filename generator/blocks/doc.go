// Package blocks is the feature of the boxes any lesson may use, the
// fenced divs of The Carpentries Workbench among them. Each is drawn in
// place; it needs nothing from other lessons.
//
// Boxes are asides, <aside class="box NAME" aria-label="HEADING">, each
// with a colour and a left border of its own:
//
//	::: objectives     headed "Objectives": what the lesson teaches
//	::: questions      headed "Questions": what the lesson answers
//	::: prereq         headed "Prerequisites": what to know or have first
//	::: keypoints      headed "Key points": the lesson summed up
//	::: callout        a highlighted aside, untitled unless it has a title
//	::: challenge      headed "Challenge": an exercise
//	::: caution        headed "Caution", in a warning colour
//	::: checklist      headed "Checklist"
//	::: discussion     headed "Discussion": a question to talk over
//	::: testimonial    headed "Testimonial", set as a quotation
//
// title="..." replaces a box's heading. Without one, a heading that opens
// the box (as Workbench lessons write "## Which pipe?" first in a
// challenge) is its title: it stays a heading, with its id, so links to it
// work, is given the class box-title instead of a second heading above it,
// and the box's kind is written over it in small type (<p class="box-kind">,
// hidden from screen readers, which hear the kind from aria-label). A
// callout titled by a heading is labelled by that heading.
//
// Collapsed parts are <details class="NAME"> the reader opens; their
// content is in <div class="NAME-body">:
//
//	::: solution       summary "Show solution"
//	::: hint           summary "Show hint"
//	::: spoiler        summary "Show details"
//
// title="..." sets the summary; else a heading that opens the part is the
// summary (it stays a heading, with its id: "## Solution" in a Workbench
// lesson). They may be nested in a box, as a solution in its challenge.
// assets/blocks.js opens every one of them for printing and closes them
// again afterwards.
//
// Notes for trainers (see feature.Manifest.TrainerNotes) are drawn by the
// builder as <aside class="box trainer-note NAME">: hidden from learners
// and from the search, shown in trainer views and printed by "Print with
// trainer notes":
//
//	::: facilitator    headed "For trainers"
//	::: instructor     headed "Instructor note" (the Workbench name)
//
// Workbench tabs (and the tabs of Hugo themes, which become them): ::: tab
// and ::: group-tab become <div class="tabs tab"> (or "tabs group-tab"), a
// framed stack of their sections, each under its own "### Name" heading.
// blocks.js makes each a tab list (the WAI-ARIA tabs pattern: one section
// shown, arrow keys, Home and End), the tabs at the level of the box's
// first heading; a heading with nothing under it is a label of the list;
// choosing a group-tab's tab chooses the tab of that name in the page's
// other group-tab boxes; a link to a heading in a hidden section shows it.
// Without the script, and printed, every section shows.
//
// The colours, for the light and the dark theme and for print, are in
// assets/blocks.css; pages load it and blocks.js only when they use one of
// these divs.
package blocks
