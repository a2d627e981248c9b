// Package trainer is the feature for the people who teach a course: a
// trainer view that shows the notes for trainers in place, and a
// facilitator guide that gathers them all on one page.
//
// # Trainer view
//
// Notes for trainers are the fenced divs some feature lists in its
// Manifest.TrainerNotes (::: facilitator and ::: instructor, from package
// blocks). The builder draws each as <aside class="box trainer-note NAME">,
// hidden from learners on screen and in print. This feature loads
// assets/trainer.js and assets/trainer.css on every page: the script puts a
// "Trainer view" toggle button (aria-pressed) in the header, before the
// theme switch, on every page with a trainer note, on the facilitator guide,
// and on every page while the view is on (so it can be turned off anywhere).
// Its visible text says the state ("Trainer view: on" / "off"); its
// accessible name stays "Trainer view", the pressed state says the rest.
//
// Pressed, it sets the class show-trainer on <html>: every trainer note is
// shown where it stands in the lesson, under a band that says it is for
// trainers and hidden from learners. A page printed with the view on
// prints the notes with their bands, as on screen. The choice is
// remembered in the browser's localStorage under
// "p2pc:v1:<site id>:trainer-view" (the site id is <body data-site>), so it
// holds across pages and visits; where storage is refused the view still
// works on the page and is simply not remembered. Without JavaScript there
// is no button and the notes stay hidden; the facilitator guide still
// holds them all.
//
// # Facilitator guide
//
// The page facilitator-guide/ (the folder is reserved: content may not use
// it), made when the site has a trainer note or an agenda, gathers every trainer note of the site, grouped by module and then by
// lesson, in reading order. Each lesson's heading links to the lesson; each
// note links to the section of the lesson it stands in (the nearest heading
// with an id above it). The page is kept out of search engines (noindex).
// Link to it from a lesson as [Facilitator guide](/facilitator-guide/).
// When the site has a workshop pack, the guide links to it.
//
// # Workshop agenda
//
// A lesson may mark its workshop agenda with a fenced div:
//
//	::: agenda
//	| Start | Activity | Time |
//	| ----- | -------- | ---- |
//	| 0:00  | Welcome  | 5 min |
//	:::
//
// In the lesson it is drawn in place as <div class="agenda">, its content
// unchanged. The facilitator guide opens with every agenda of the site, under
// "Workshop agenda", with a link to the section of the lesson it comes
// from; a site with no agenda div has no agenda section in the guide.
//
// # Workshop pack
//
// workshop-pack/index.html (the folder is reserved too) is one standalone
// print page, like the print pages of cards and worksheets, made when a
// feature offers print parts (feature.Printer: the cards feature offers
// each deck's sheets, the worksheet feature each blank copy and answer
// key; package builtin hands them to New). A trainer ticks the parts to
// print (nothing is ticked at first), chooses A4 or US Letter, and prints;
// what is ticked shows below the choices as it will print. Ticking and the
// paper work without JavaScript (CSS :has); the script adds a Print button
// and counts pages (below). The page is noindex and links only to pages of
// the site.
//
// Parts print in groups, in the order their features offer them: card
// decks, blank worksheets, answer keys. Each part starts a new page: card
// sheets on named pages of the paper's size with no margin, so they keep
// the exact size, cut marks, calibration line and back-to-front mirroring
// of the deck's own print page (a deck offered for one paper is shown for
// that paper only); worksheets on pages with the margins of their own
// print pages (15 mm, 18 mm at the foot). While a two-sided deck is ticked
// the pack is printed two-sided, and every part starts on the front of a
// sheet: a part that ends on a front is followed by a blank page. A deck's
// page count is known when the site is built; assets/trainer-pack.js
// counts a worksheet's pages for the chosen paper, laying its blocks out
// as print does (browsers do not insert blank pages for break-before:
// recto). Without JavaScript worksheets get no blank pages: the page says
// to print them in a run of their own then.
package trainer
