package coachlog_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"p2pc/generator/browsertest"
)

const logPage = "coaching-log/index.html"

// tricky is a name and topic with every character RFC 5545 and RFC 4180
// escape, and an ʻokina and kahakō.
const (
	trickyPerson = `Kaʻiulani "Kai" Kāne`
	trickyTopic  = `rosters, swaps; and \ the rest`
)

// add fills the form as a learner would and saves it.
func add(t *testing.T, ctx context.Context, person, topic, heard, habit string) {
	t.Helper()
	setValue(t, ctx, "#cl-person", "")
	run(t, ctx, chromedp.SendKeys("#cl-person", person, chromedp.ByQuery),
		chromedp.SendKeys("#cl-topic", topic, chromedp.ByQuery),
		chromedp.SendKeys("#cl-heard", heard, chromedp.ByQuery),
		chromedp.SendKeys("#cl-habit", habit, chromedp.ByQuery),
		chromedp.Click("button.cl-save", chromedp.ByQuery))
}

// titles lists the headings of the log's entries.
func titles(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval(t, ctx, `[...document.querySelectorAll(".cl-entry h3")].map(h => h.textContent).join("|")`)
}

// checkICS parses a calendar file and checks what every reminder needs.
func checkICS(t *testing.T, data, summary, start string) map[string]icsProp {
	t.Helper()
	props, err := parseICS(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	cal, ev, alarm, err := event(props)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if cal["VERSION"].Value != "2.0" || cal["PRODID"].Value == "" {
		t.Errorf("VERSION %q PRODID %q", cal["VERSION"].Value, cal["PRODID"].Value)
	}
	if !regexp.MustCompile(`^[0-9a-f-]{36}@p2pc-coaching-log$`).MatchString(ev["UID"].Value) {
		t.Errorf("UID %q", ev["UID"].Value)
	}
	if !regexp.MustCompile(`^\d{8}T\d{6}Z$`).MatchString(ev["DTSTAMP"].Value) {
		t.Errorf("DTSTAMP %q is not a UTC date-time", ev["DTSTAMP"].Value)
	}
	if p := ev["DTSTART"]; p.Params != ";VALUE=DATE" || p.Value != start {
		t.Errorf("DTSTART%s:%s, want ;VALUE=DATE:%s", p.Params, p.Value, start)
	}
	for _, p := range []icsProp{ev["SUMMARY"], ev["DESCRIPTION"], alarm["DESCRIPTION"]} {
		if _, err := unescapeText(p.Value); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
	if got, _ := unescapeText(ev["SUMMARY"].Value); got != summary {
		t.Errorf("SUMMARY reads %q, want %q", got, summary)
	}
	if alarm["ACTION"].Value != "DISPLAY" || alarm["TRIGGER"].Value == "" {
		t.Errorf("alarm %v", alarm)
	}
	return ev
}

func noStorage(ctx context.Context) error {
	_, err := page.AddScriptToEvaluateOnNewDocument(`(() => {
  const no = () => { throw new DOMException("The quota has been exceeded.", "QuotaExceededError") };
  Storage.prototype.setItem = no; Storage.prototype.getItem = no; Storage.prototype.removeItem = no;
})()`).Do(ctx)
	return err
}

func TestBrowser(t *testing.T) {
	b := browsertest.New(t, 1100, 900)

	t.Run("add, reload, edit, delete", func(t *testing.T) {
		dir := publish(t, site("Log test"))
		ctx := tab(t, b)
		console, err := browsertest.WatchConsole(ctx)
		if err != nil {
			t.Fatal(err)
		}
		open(t, ctx, dir, logPage)
		today := eval(t, ctx, `document.getElementById("cl-date").value`)
		if today != time.Now().Format("2006-01-02") {
			t.Errorf("the date starts at %q, not today", today)
		}
		if got, want := eval(t, ctx, `document.getElementById("cl-checkback").value`), eval(t, ctx, `P2PCCoachLog.monthLater("`+today+`")`); got != want || got <= today {
			t.Errorf("check back starts at %q, want a month on (%s)", got, want)
		}
		run(t, ctx, chromedp.Click("button.cl-save", chromedp.ByQuery))
		want(t, "error", eval(t, ctx, `document.querySelector(".cl-errors").textContent`), "Please fill in whom you asked.")
		if got := eval(t, ctx, `document.activeElement.id`); got != "cl-person" {
			t.Errorf("after the error, focus is on %q", got)
		}
		add(t, ctx, trickyPerson, trickyTopic, "Write the swap on the board.\nAsk before noon.", "When a swap comes in, I will write it down.")
		if got := titles(t, ctx); got != trickyPerson+": "+trickyTopic {
			t.Fatalf("entries: %q", got)
		}
		want(t, "status", eval(t, ctx, `document.querySelector(".cl-status").textContent`), "Saved the conversation with "+trickyPerson)
		run(t, ctx, chromedp.Reload())
		waitFor(t, ctx, `document.querySelector(".cl-entry")`)
		if got := eval(t, ctx, `document.querySelector(".cl-entry dd:nth-of-type(2)").textContent`); got != "Write the swap on the board.\nAsk before noon." {
			t.Errorf("after reload, what you heard is %q", got)
		}
		want(t, "when", eval(t, ctx, `document.querySelector(".cl-entry .cl-when").textContent`), "Check back on ")
		if got := eval(t, ctx, `document.querySelector(".cl-overview a").textContent`); got != "Your conversations: 1" {
			t.Errorf("the link to the list reads %q", got)
		}

		run(t, ctx, chromedp.Click("button.cl-edit", chromedp.ByQuery))
		want(t, "form heading", eval(t, ctx, `document.getElementById("cl-form-heading").textContent`), "Edit the conversation with "+trickyPerson)
		setValue(t, ctx, "#cl-topic", "")
		run(t, ctx, chromedp.SendKeys("#cl-topic", "handovers", chromedp.ByQuery),
			chromedp.Click("button.cl-save", chromedp.ByQuery))
		if got := titles(t, ctx); got != trickyPerson+": handovers" {
			t.Errorf("after editing: %q", got)
		}
		add(t, ctx, "Sam", "", "", "")
		if got := titles(t, ctx); strings.Count(got, "|") != 1 {
			t.Errorf("after adding a second: %q", got)
		}

		run(t, ctx, chromedp.Click(`.cl-entry:last-child button.cl-delete`, chromedp.ByQuery))
		if got := eval(t, ctx, `!document.querySelector(".cl-entry:last-child .cl-confirm").hidden && document.activeElement.className`); got != "cl-delete-no" {
			t.Fatalf("Delete did not ask first (focus on %q)", got)
		}
		run(t, ctx, chromedp.KeyEvent(kb.Escape))
		if got := eval(t, ctx, `document.querySelector(".cl-entry:last-child .cl-confirm").hidden + " " + document.activeElement.className`); got != "true cl-delete" {
			t.Errorf("Escape should close the question and return to Delete: %q", got)
		}
		run(t, ctx, chromedp.Click(`.cl-entry:last-child button.cl-delete`, chromedp.ByQuery),
			chromedp.Click(`.cl-entry:last-child button.cl-delete-no`, chromedp.ByQuery))
		if got := titles(t, ctx); strings.Count(got, "|") != 1 {
			t.Errorf("Keep it deleted something: %q", got)
		}
		last := eval(t, ctx, `document.querySelector(".cl-entry:last-child h3").textContent`)
		run(t, ctx, chromedp.Click(`.cl-entry:last-child button.cl-delete`, chromedp.ByQuery),
			chromedp.Click(`.cl-entry:last-child button.cl-delete-yes`, chromedp.ByQuery), chromedp.Reload())
		waitFor(t, ctx, `document.querySelector(".cl-entry")`)
		if got := titles(t, ctx); got == "" || strings.Contains(got, last) || strings.Contains(got, "|") {
			t.Errorf("after deleting %q and reloading: %q", last, got)
		}
		if errs := console.Take(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	})

	t.Run("calendar reminder", func(t *testing.T) {
		dir := publish(t, site("Ics test"))
		downloads := t.TempDir()
		ctx := tab(t, b)
		run(t, ctx, browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads))
		open(t, ctx, dir, logPage)
		setValue(t, ctx, "#cl-checkback", "2031-02-03")
		add(t, ctx, trickyPerson, trickyTopic, "Line one, with a comma;\nline two \\ done.", "")
		run(t, ctx, chromedp.Click("button.cl-ics", chromedp.ByQuery))
		name, data := waitFile(t, filepath.Join(downloads, "*.ics"))
		if filepath.Base(name) != "check-back-kaiulani-kai-kane-2031-02-03.ics" {
			t.Errorf("file name %s", filepath.Base(name))
		}
		ev := checkICS(t, string(data), "Check back with "+trickyPerson+": "+trickyTopic, "20310203")
		desc, _ := unescapeText(ev["DESCRIPTION"].Value)
		want(t, "DESCRIPTION", desc, "What you heard: Line one, with a comma;\nline two \\ done.")
		if ev["DTEND"].Value != "20310204" {
			t.Errorf("DTEND %q, want the next day", ev["DTEND"].Value)
		}
		// The UID stays the entry's: a second download replaces the event in a calendar.
		uid := ev["UID"].Value
		again := eval(t, ctx, `P2PCCoachLog.ics(JSON.parse(localStorage.getItem(P2PCCoachLog.key)).entries[0])`)
		if ev2 := checkICS(t, again, "Check back with "+trickyPerson+": "+trickyTopic, "20310203"); ev2["UID"].Value != uid {
			t.Errorf("UID changed from %s to %s", uid, ev2["UID"].Value)
		}

		// Folding: long text of two- and three-octet characters, at every offset.
		for shift := 0; shift < 4; shift++ {
			topic := strings.Repeat("x", shift) + strings.Repeat("ʻōlelo ", 30) + "— “done”" + strings.Repeat(`\,;`, 40)
			text := eval(t, ctx, `P2PCCoachLog.ics({id: "0f8fad5b-d9cb-469f-a165-70867728950e", person: "Kā", topic: `+jsString(topic)+
				`, date: "2030-01-01", heard: "", habit: "", checkBack: "2030-01-31"}, new Date(Date.UTC(2030, 0, 1, 8, 5, 9)))`)
			ev := checkICS(t, text, "Check back with Kā: "+topic, "20300131")
			if ev["DTSTAMP"].Value != "20300101T080509Z" {
				t.Errorf("DTSTAMP %q", ev["DTSTAMP"].Value)
			}
			if !strings.Contains(text, "\r\n ") {
				t.Error("a long summary was not folded")
			}
			for _, l := range strings.Split(text, "\r\n") {
				if n := len(l) - len(strings.TrimRight(l, `\`)); n%2 == 1 {
					t.Errorf("a fold splits an escape: %q", l)
				}
			}
		}
	})

	t.Run("CSV export and import", func(t *testing.T) {
		dir := publish(t, site("Csv test"))
		downloads := t.TempDir()
		ctx := tab(t, b)
		run(t, ctx, browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads))
		open(t, ctx, dir, logPage)
		add(t, ctx, trickyPerson, trickyTopic, "Said \"slow down\",\nthen showed me.", "When I start, I will breathe.")
		add(t, ctx, "Sam", "filing", "", "")
		add(t, ctx, "@Kai", "=HYPERLINK(\"http://x.test\",\"hi\")", "", "")
		run(t, ctx, chromedp.Click("button.cl-export", chromedp.ByQuery))
		name, data := waitFile(t, filepath.Join(downloads, "coaching-log-*.csv"))
		if !bytes.Contains(data, []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n\n")) {
			t.Errorf("rows do not end with CRLF:\n%q", data)
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s is not RFC 4180 CSV: %v\n%s", name, err, data)
		}
		if len(rows) != 4 || strings.Join(rows[0], ",") != "id,date,person,topic,heard,habit,check_back,checked_back,updated" {
			t.Fatalf("rows: %q", rows)
		}
		var tricky, formula []string
		for _, r := range rows[1:] {
			switch r[2] {
			case trickyPerson:
				tricky = r
			case "'@Kai":
				formula = r
			}
		}
		if formula == nil || formula[3] != `'=HYPERLINK("http://x.test","hi")` {
			t.Errorf("fields a spreadsheet would run as formulas are not kept as text: %q", rows)
		}
		if tricky == nil || tricky[3] != trickyTopic || tricky[4] != "Said \"slow down\",\nthen showed me." {
			t.Errorf("the tricky row reads back as %q", tricky)
		}

		run(t, ctx, chromedp.Click(`.cl-entry:first-child button.cl-delete`, chromedp.ByQuery),
			chromedp.Click(`.cl-entry:first-child button.cl-delete-yes`, chromedp.ByQuery))
		run(t, ctx, chromedp.SetUploadFiles("input.cl-import", []string{name}, chromedp.ByQuery))
		waitFor(t, ctx, `document.querySelector(".cl-status").textContent.includes("Imported")`)
		want(t, "status", eval(t, ctx, `document.querySelector(".cl-status").textContent`), "Imported 3 entries: 1 new, 0 updated, 2 already here.")
		if got := titles(t, ctx); !strings.Contains(got, `@Kai: =HYPERLINK("http://x.test","hi")`) {
			t.Errorf("the guarded fields do not read back as written: %q", got)
		}
		if got := titles(t, ctx); !strings.Contains(got, trickyPerson+": "+trickyTopic) || !strings.Contains(got, "Sam: filing") {
			t.Errorf("after import: %q", got)
		}

		bad := filepath.Join(t.TempDir(), "bad.csv")
		writeFile(t, bad, "person,topic,check_back\r\nLeilani,\"notes, \"\"short\"\"\",2031-05-01\r\nNoa,x,2031-13-40\r\n,no one,2031-01-01\r\n")
		run(t, ctx, chromedp.SetUploadFiles("input.cl-import", []string{bad}, chromedp.ByQuery))
		waitFor(t, ctx, `document.querySelector(".cl-status").textContent.includes("Skipped")`)
		status := eval(t, ctx, `document.querySelector(".cl-status").textContent`)
		for _, w := range []string{"Imported 1 entry: 1 new", "Skipped 2 rows", "Row 3: the check-back date “2031-13-40” is not a date", "Row 4: whom you asked"} {
			want(t, "status", status, w)
		}
		if got := eval(t, ctx, `document.querySelector(".cl-status").getAttribute("role")`); got != "status" {
			t.Errorf("the import's report is not a live region (role=%q)", got)
		}
		if got := titles(t, ctx); strings.Count(got, "|") != 3 || !strings.Contains(got, `Leilani: notes, "short"`) {
			t.Errorf("after importing the bad file: %q", got)
		}
	})

	t.Run("due check-backs on the home page", func(t *testing.T) {
		dir := publish(t, site("Due test"))
		downloads := t.TempDir()
		ctx := tab(t, b)
		run(t, ctx, browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads))
		open(t, ctx, dir, "index.html")
		if got := eval(t, ctx, `document.querySelectorAll(".cl-due").length`); got != "0" {
			t.Error("a due list shows with an empty log")
		}
		entries := []map[string]string{
			{"id": "11111111-1111-4111-8111-111111111111", "date": "2020-01-01", "person": "Ana", "topic": "notes", "checkBack": "2020-02-01"},
			{"id": "22222222-2222-4222-8222-222222222222", "date": "2020-01-01", "person": "Joel", "topic": "done", "checkBack": "2020-02-01", "checkedBack": "2020-02-03"},
			{"id": "33333333-3333-4333-8333-333333333333", "date": "2099-01-01", "person": "Future", "topic": "later", "checkBack": "2099-02-01"},
			{"id": "44444444-4444-4444-8444-444444444444", "date": "2021-01-01", "person": "Lani", "topic": "rosters", "checkBack": "2021-03-01"},
		}
		js, _ := json.Marshal(map[string]any{"v": 1, "entries": entries})
		eval(t, ctx, `localStorage.setItem(P2PCCoachLog.key, `+jsString(string(js))+`)`)
		open(t, ctx, dir, "index.html")
		if got := eval(t, ctx, `document.querySelector(".cl-due h2").textContent`); got != "2 check-backs are due" {
			t.Errorf("due heading %q", got)
		}
		items := eval(t, ctx, `[...document.querySelectorAll(".cl-due li")].map(li => li.querySelector("strong").textContent + " / " + li.querySelector(".cl-when").textContent.trim()).join("|")`)
		if !strings.HasPrefix(items, "Check back with Ana: notes / Check-back overdue by") || !strings.Contains(items, "|Check back with Lani: rosters / Check-back overdue by") || strings.Count(items, "|") != 1 {
			t.Errorf("due items: %q", items)
		}
		if got := eval(t, ctx, `document.querySelector(".cl-due a").getAttribute("href")`); got != "coaching-log/index.html#entry-11111111-1111-4111-8111-111111111111" {
			t.Errorf("the entry link is %q", got)
		}
		run(t, ctx, chromedp.Click(".cl-due button.cl-ics", chromedp.ByQuery))
		_, data := waitFile(t, filepath.Join(downloads, "check-back-ana-2020-02-01.ics"))
		checkICS(t, string(data), "Check back with Ana: notes", "20200201")

		open(t, ctx, dir, "coaching-log/index.html#entry-11111111-1111-4111-8111-111111111111")
		if got := eval(t, ctx, `document.activeElement.id`); got != "entry-11111111-1111-4111-8111-111111111111" {
			t.Errorf("the link from the home page does not reach the entry (focus on %q)", got)
		}
		run(t, ctx, chromedp.Click(`#entry-11111111-1111-4111-8111-111111111111 button.cl-done`, chromedp.ByQuery))
		open(t, ctx, dir, "index.html")
		if got := eval(t, ctx, `document.querySelector(".cl-due h2").textContent`); got != "A check-back is due" {
			t.Errorf("after checking back with Ana, the heading is %q", got)
		}
	})

	t.Run("storage refused", func(t *testing.T) {
		dir := publish(t, site("Refused test"))
		ctx := tab(t, b)
		console, err := browsertest.WatchConsole(ctx)
		if err != nil {
			t.Fatal(err)
		}
		run(t, ctx, chromedp.ActionFunc(noStorage))
		open(t, ctx, dir, logPage)
		if got := eval(t, ctx, `document.querySelector(".cl-storage").hidden`); got != "false" {
			t.Error("no notice that the log is not kept")
		}
		add(t, ctx, "Sam", "filing", "", "")
		if got := titles(t, ctx); got != "Sam: filing" {
			t.Errorf("without storage the entry is not listed: %q", got)
		}
		want(t, "status", eval(t, ctx, `document.querySelector(".cl-status").textContent`), "kept only while this page is open")
		open(t, ctx, dir, "index.html")
		if errs := console.Take(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		dir := publish(t, site("No JS test"))
		ctx := tab(t, b)
		run(t, ctx, emulation.SetScriptExecutionDisabled(true))
		open(t, ctx, dir, logPage)
		got := eval(t, ctx, `document.querySelector(".cl-nojs").hidden + "|" + document.querySelector(".cl-form-section").hidden + "|" + document.querySelector(".cl-nojs").textContent.includes("about a month later")`)
		if got != "false|true|true" {
			t.Errorf("without JavaScript: %s", got)
		}
	})

	for _, theme := range []string{"light", "dark"} {
		t.Run("axe "+theme, func(t *testing.T) {
			dir := publish(t, site("Axe test "+theme))
			ctx := tab(t, b)
			check := func(label string) {
				t.Helper()
				eval(t, ctx, `document.documentElement.dataset.theme = "`+theme+`"`)
				for _, v := range browsertest.Axe(t, ctx, "") {
					t.Errorf("%s (%s): %s", label, theme, v)
				}
			}
			open(t, ctx, dir, logPage)
			check("empty log")
			setValue(t, ctx, "#cl-checkback", "2020-01-01")
			add(t, ctx, trickyPerson, trickyTopic, "Heard.", "A habit.")
			run(t, ctx, chromedp.Click("button.cl-save", chromedp.ByQuery))
			check("an entry and a form error")
			run(t, ctx, chromedp.Click("button.cl-delete", chromedp.ByQuery))
			check("asking to delete")
			open(t, ctx, dir, "index.html")
			waitFor(t, ctx, `document.querySelector(".cl-due")`)
			check("home with a due check-back")
		})
	}
}

// setValue sets a form field's value as typing would, with input and change events.
func setValue(t *testing.T, ctx context.Context, selector, value string) {
	t.Helper()
	eval(t, ctx, `(e => { e.value = `+jsString(value)+`; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})) })(document.querySelector(`+jsString(selector)+`))`)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
