/* The coaching log: a record of P2PC conversations kept in this browser, with
   calendar reminders (.ics) for check-backs, CSV export and import, and the
   check-backs that are due listed on the home page. The spec is package
   coachlog's doc (go doc p2pc/generator/coachlog). Nothing leaves the browser. */
(function () {
  "use strict";

  var VERSION = 1;
  var COLUMNS = ["id", "date", "person", "topic", "heard", "habit", "check_back", "checked_back", "updated"];
  var FIELDS = ["id", "date", "person", "topic", "heard", "habit", "checkBack", "checkedBack", "updated"];
  var body = document.body;
  var site = body.getAttribute("data-site") || "site";
  var KEY = "p2pc:v" + VERSION + ":" + site + ":coachlog";
  var LOG = (body.getAttribute("data-root") || "") + "coaching-log/index.html";

  // ---- dates: "YYYY-MM-DD" in the learner's own time zone ----

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function ymd(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function today() { return ymd(new Date()); }
  function isDate(s) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    var d = new Date(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
    return ymd(d) === s;
  }
  // monthLater is the same day a month on, or the month's last day.
  function monthLater(s) {
    var y = +s.slice(0, 4), m = +s.slice(5, 7), day = +s.slice(8, 10);
    var last = new Date(y, m + 1, 0).getDate();
    return ymd(new Date(y, m, Math.min(day, last)));
  }
  function days(from, to) {
    var a = new Date(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
    var b = new Date(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
    return Math.round((b - a) / 86400000);
  }
  function human(s) {
    if (!isDate(s)) return s;
    return new Date(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10))
      .toLocaleDateString(document.documentElement.lang || undefined, { day: "numeric", month: "long", year: "numeric" });
  }

  function newID() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // ---- storage: localStorage, or memory when the browser refuses ----

  var memory = null;

  function clean(e) {
    var out = {};
    FIELDS.forEach(function (f) { out[f] = typeof e[f] === "string" ? e[f] : ""; });
    return out;
  }

  function load() {
    if (memory) return memory.slice();
    var raw;
    try {
      raw = window.localStorage.getItem(KEY);
    } catch (e) {
      memory = [];
      return [];
    }
    try {
      var data = JSON.parse(raw || "null");
      if (!data || !Array.isArray(data.entries)) return [];
      return data.entries.filter(function (e) { return e && typeof e.id === "string"; }).map(clean);
    } catch (e) {
      return [];
    }
  }

  function save(entries) {
    if (!memory) {
      try {
        window.localStorage.setItem(KEY, JSON.stringify({ v: VERSION, entries: entries }));
        return true;
      } catch (e) { /* refused or full: keep the log in memory */ }
    }
    memory = entries.slice();
    return false;
  }

  function kept() { return !memory; }

  // due lists the entries whose check-back day has come and that are not
  // checked back, the oldest first.
  function due(entries, on) {
    return entries.filter(function (e) { return !e.checkedBack && isDate(e.checkBack) && e.checkBack <= on; })
      .sort(function (a, b) { return a.checkBack < b.checkBack ? -1 : a.checkBack > b.checkBack ? 1 : 0; });
  }

  // ---- iCalendar (RFC 5545) ----

  function icsText(s) {
    return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
  }

  function octets(cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

  // fold splits a content line into lines of at most 75 octets, never
  // inside a character or an escape such as \, (RFC 5545 allows that, but
  // not every reader does); each continuation starts with a space.
  function fold(line) {
    var out = [], cur = "", n = 0, limit = 75;
    for (var ch of line.match(/\\[\s\S]|[\s\S]/gu) || []) {
      var k = 0;
      for (var c of ch) k += octets(c.codePointAt(0));
      if (n + k > limit) {
        out.push(cur);
        cur = " ";
        n = 1;
      }
      cur += ch;
      n += k;
    }
    out.push(cur);
    return out.join("\r\n");
  }

  function stamp(d) {
    return d.getUTCFullYear() + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate()) + "T" +
      pad(d.getUTCHours()) + pad(d.getUTCMinutes()) + pad(d.getUTCSeconds()) + "Z";
  }

  function summary(e) { return "Check back with " + e.person + (e.topic ? ": " + e.topic : ""); }

  // ics is the calendar file for an entry's check-back: an all-day event on
  // the day with a reminder at 9:00. now sets DTSTAMP (default: now).
  function ics(e, now) {
    var start = e.checkBack.replace(/-/g, "");
    var end = nextDay(e.checkBack).replace(/-/g, "");
    var desc = ["P2PC step 5: go back to " + e.person + " and ask how you are doing.",
      e.topic ? "You asked about: " + e.topic : "",
      e.date ? "Conversation on: " + e.date : "",
      e.heard ? "What you heard: " + e.heard : "",
      e.habit ? "The habit you are building: " + e.habit : "",
      "Ask: \u201cHave you noticed a difference? What should I work on next?\u201d"].filter(Boolean).join("\n");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//p2pc//Coaching log//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "BEGIN:VEVENT", "UID:" + e.id + "@p2pc-coaching-log", "DTSTAMP:" + stamp(now || new Date()),
      "DTSTART;VALUE=DATE:" + start, "DTEND;VALUE=DATE:" + end,
      "SUMMARY:" + icsText(summary(e)), "DESCRIPTION:" + icsText(desc), "TRANSP:TRANSPARENT",
      "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + icsText(summary(e)), "TRIGGER:PT9H", "END:VALARM",
      "END:VEVENT", "END:VCALENDAR"];
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function nextDay(s) { // the day after s
    var d = new Date(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10) + 1);
    return ymd(d);
  }

  function slug(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f\u02bb\u02bc]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "entry";
  }

  function icsName(e) { return "check-back-" + slug(e.person) + "-" + e.checkBack + ".ics"; }

  // ---- CSV (RFC 4180) ----

  // A field a spreadsheet would take for a formula (=, +, -, @, tab or
  // carriage return first) is written after a ' that keeps it text (the
  // usual guard against CSV injection); import takes that ' away again.
  function csvField(s) {
    s = String(s);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function unguard(s) { return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s; }

  function toCSV(entries) {
    var rows = [COLUMNS.join(",")];
    entries.forEach(function (e) {
      rows.push(FIELDS.map(function (f) { return csvField(e[f] || ""); }).join(","));
    });
    return rows.join("\r\n") + "\r\n";
  }

  // parseRows reads CSV text into rows of fields, each with its line number.
  function parseRows(text) {
    var rows = [], row = [], field = "", quoted = false, line = 1, start = 1, i = 0, any = false;
    text = text.replace(/^\ufeff/, "");
    function endRow() {
      row.push(field);
      if (any || row.length > 1 || field !== "") rows.push({ line: start, fields: row });
      row = [];
      field = "";
      any = false;
    }
    while (i < text.length) {
      var c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
        if (c === '"') { quoted = false; i++; continue; }
        if (c === "\n") line++;
        field += c;
        i++;
        continue;
      }
      if (c === '"' && field === "") { quoted = true; any = true; i++; continue; }
      if (c === ",") { row.push(field); field = ""; any = true; i++; continue; }
      if (c === "\r" || c === "\n") {
        endRow();
        i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        start = line;
        continue;
      }
      field += c;
      i++;
    }
    if (field !== "" || row.length || any) endRow();
    return { rows: rows, open: quoted };
  }

  // parseCSV turns CSV text into entries and a list of problems, one per
  // row it could not take ("Row 4: ..."). A header row names the columns
  // (any order, unknown ones ignored); without one the columns are in the
  // order the export writes.
  function parseCSV(text) {
    var parsed = parseRows(text), rows = parsed.rows, entries = [], problems = [], cols = COLUMNS;
    if (parsed.open) problems.push("The file ends inside a quoted field; its last row is left out.");
    if (parsed.open && rows.length) rows.pop();
    if (rows.length && rows[0].fields.some(function (f) { return f.trim().toLowerCase() === "person"; })) {
      cols = rows.shift().fields.map(function (f) { return f.trim().toLowerCase(); });
    }
    rows.forEach(function (r) {
      var e = {};
      FIELDS.forEach(function (f, k) {
        var at = cols.indexOf(COLUMNS[k]);
        e[f] = at >= 0 && at < r.fields.length ? unguard(r.fields[at]).trim() : "";
      });
      var why = rowProblem(e, r.fields.length, cols.length);
      if (why) problems.push("Row " + r.line + ": " + why);
      else {
        if (!e.id) e.id = newID();
        if (!e.checkBack) e.checkBack = monthLater(e.date || today());
        entries.push(e);
      }
    });
    return { entries: entries, problems: problems };
  }

  function rowProblem(e, got, want) {
    if (got > want) return "it has " + got + " fields, more than the " + want + " columns.";
    if (!e.person) return "whom you asked (the person column) is empty.";
    if (e.date && !isDate(e.date)) return "the conversation date \u201c" + e.date + "\u201d is not a date (YYYY-MM-DD).";
    if (e.checkBack && !isDate(e.checkBack)) return "the check-back date \u201c" + e.checkBack + "\u201d is not a date (YYYY-MM-DD).";
    if (e.checkedBack && !isDate(e.checkedBack)) return "the checked-back date \u201c" + e.checkedBack + "\u201d is not a date (YYYY-MM-DD).";
    if (e.id && !/^[A-Za-z0-9-]{1,64}$/.test(e.id)) return "the id \u201c" + e.id + "\u201d has characters other than letters, digits and -.";
    return "";
  }

  // merge adds imported entries by id: a new id is added, a known one is
  // replaced when the import was updated later; nothing is removed.
  function merge(entries, incoming) {
    var byID = {}, out = entries.slice(), added = 0, updated = 0, same = 0;
    out.forEach(function (e, i) { byID[e.id] = i; });
    incoming.forEach(function (e) {
      if (!(e.id in byID)) {
        byID[e.id] = out.length;
        out.push(e);
        added++;
      } else if ((e.updated || "") > (out[byID[e.id]].updated || "")) {
        out[byID[e.id]] = e;
        updated++;
      } else same++;
    });
    return { entries: out, added: added, updated: updated, same: same };
  }

  // ---- files ----

  function download(name, text, type) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
  }

  function downloadICS(e) { download(icsName(e), ics(e), "text/calendar"); }

  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text) x.textContent = text;
    return x;
  }

  function button(cls, text) {
    var b = el("button", cls, text);
    b.type = "button";
    return b;
  }

  function whenText(e, on) {
    if (e.checkedBack) return "Checked back on " + human(e.checkedBack) + ".";
    if (!isDate(e.checkBack)) return "";
    var d = days(on, e.checkBack);
    if (d > 0) return "Check back on " + human(e.checkBack) + " (in " + d + " day" + (d === 1 ? "" : "s") + ").";
    if (d === 0) return "Check back today, " + human(e.checkBack) + ".";
    return "Check-back overdue by " + -d + " day" + (d === -1 ? "" : "s") + " (it was " + human(e.checkBack) + ").";
  }

  // ---- the home page: check-backs that are due ----

  function homePage() {
    var list = due(load(), today());
    var header = document.querySelector("article.home > .page-header") || document.querySelector("main > *");
    if (!list.length || !header) return;
    var section = el("section", "cl-due");
    section.setAttribute("aria-labelledby", "cl-due-heading");
    var h = section.appendChild(el("h2", "", list.length === 1 ? "A check-back is due" : list.length + " check-backs are due"));
    h.id = "cl-due-heading";
    section.appendChild(el("p", "", "Step 5 of P2PC: go back to your coach, ask how you are doing, and ask for more help if you need it."));
    var ul = section.appendChild(el("ul", "cl-due-list"));
    list.forEach(function (e) {
      var li = ul.appendChild(el("li"));
      li.appendChild(el("strong", "", summary(e)));
      li.appendChild(el("span", "cl-when", " " + whenText(e, today())));
      var p = li.appendChild(el("p", "cl-due-actions"));
      var a = p.appendChild(el("a", "", "Open in the coaching log"));
      a.href = LOG + "#entry-" + e.id;
      var b = p.appendChild(button("cl-ics", "Calendar reminder (.ics)"));
      b.setAttribute("aria-label", "Calendar reminder (.ics) for " + summary(e));
      b.addEventListener("click", function () { downloadICS(e); });
    });
    header.parentNode.insertBefore(section, header.nextSibling);
  }

  // ---- the log page ----

  function logPage(pageEl) {
    var form = pageEl.querySelector(".cl-form"), list = pageEl.querySelector(".cl-list");
    var status = pageEl.querySelector(".cl-status"), errors = pageEl.querySelector(".cl-errors");
    var heading = pageEl.querySelector("#cl-form-heading"), save_ = form.querySelector(".cl-save");
    var cancel = form.querySelector(".cl-cancel"), input = pageEl.querySelector(".cl-import");
    var f = form.elements;
    pageEl.querySelector(".cl-nojs").hidden = true;
    pageEl.querySelector(".cl-form-section").hidden = false;
    pageEl.querySelector(".cl-list-section").hidden = false;

    function storageNotice() { pageEl.querySelector(".cl-storage").hidden = kept(); }
    function store(entries) { save(entries); storageNotice(); }

    function blank() {
      form.reset();
      f.id.value = "";
      f.date.value = today();
      f.checkBack.value = monthLater(today());
      heading.textContent = "Add a conversation";
      save_.textContent = "Save entry";
      cancel.hidden = true;
      errors.textContent = "";
    }
    var autoCheckBack = true;
    f.date.addEventListener("change", function () {
      if (autoCheckBack && isDate(f.date.value)) f.checkBack.value = monthLater(f.date.value);
    });
    f.checkBack.addEventListener("input", function () { autoCheckBack = false; });

    function render() {
      var entries = load(), on = today();
      list.textContent = "";
      pageEl.querySelector(".cl-empty").hidden = entries.length > 0;
      entries.sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : 0; });
      entries.forEach(function (e) { list.appendChild(item(e, on)); });
      var n = entries.length, d = due(entries, on).length, over = pageEl.querySelector(".cl-overview");
      over.hidden = !n;
      over.firstChild.textContent = "Your conversations: " + n + (d ? ", " + d + " check-back" + (d === 1 ? "" : "s") + " due" : "");
    }

    function item(e, on) {
      var li = el("li", "cl-entry" + (due([e], on).length ? " cl-is-due" : ""));
      li.id = "entry-" + e.id;
      li.tabIndex = -1;
      var h = li.appendChild(el("h3", "", e.person + (e.topic ? ": " + e.topic : "")));
      h.id = "entry-" + e.id + "-title";
      li.setAttribute("aria-labelledby", h.id);
      var dl = li.appendChild(el("dl"));
      [["Date", e.date ? human(e.date) : ""], ["What you heard", e.heard], ["The habit you will build", e.habit]].forEach(function (p) {
        if (!p[1]) return;
        dl.appendChild(el("dt", "", p[0]));
        dl.appendChild(el("dd", "", p[1]));
      });
      li.appendChild(el("p", "cl-when", whenText(e, on)));
      var bar = li.appendChild(el("p", "cl-actions"));
      var name = e.person + (e.topic ? ": " + e.topic : "");
      [["cl-edit", "Edit"], ["cl-ics", "Calendar reminder (.ics)"],
        ["cl-done", e.checkedBack ? "Not checked back yet" : "I checked back"], ["cl-delete", "Delete…"]].forEach(function (b) {
        var x = bar.appendChild(button(b[0], b[1]));
        x.setAttribute("aria-label", b[1] + " \u2013 " + name);
      });
      var confirm = li.appendChild(el("div", "cl-confirm"));
      confirm.hidden = true;
      confirm.setAttribute("role", "group");
      var q = confirm.appendChild(el("p", "", "Delete the entry \u201c" + name + "\u201d? This cannot be undone."));
      q.id = "entry-" + e.id + "-confirm";
      confirm.setAttribute("aria-labelledby", q.id);
      confirm.appendChild(button("cl-delete-yes", "Yes, delete it"));
      confirm.appendChild(button("cl-delete-no", "Keep it"));
      confirm.addEventListener("keydown", function (ev) {
        if (ev.key !== "Escape") return;
        confirm.hidden = true;
        li.querySelector(".cl-delete").focus();
      });
      bar.addEventListener("click", function (ev) { act(ev, e, li); });
      confirm.addEventListener("click", function (ev) { act(ev, e, li); });
      return li;
    }

    function act(ev, e, li) {
      var b = ev.target.closest("button");
      if (!b) return;
      var entries = load();
      if (b.classList.contains("cl-edit")) edit(e);
      if (b.classList.contains("cl-ics")) {
        downloadICS(e);
        say("Saved " + icsName(e) + " to your downloads. Open it to add the reminder to your calendar.");
      }
      if (b.classList.contains("cl-done")) {
        entries.forEach(function (x) {
          if (x.id === e.id) {
            x.checkedBack = x.checkedBack ? "" : today();
            x.updated = new Date().toISOString();
          }
        });
        store(entries);
        render();
        focusEntry(e.id, ".cl-done");
        say(e.checkedBack ? "Marked as not checked back yet." : "Marked as checked back today. Well done.");
      }
      if (b.classList.contains("cl-delete")) {
        li.querySelector(".cl-confirm").hidden = false;
        li.querySelector(".cl-delete-no").focus();
      }
      if (b.classList.contains("cl-delete-no")) {
        li.querySelector(".cl-confirm").hidden = true;
        li.querySelector(".cl-delete").focus();
      }
      if (b.classList.contains("cl-delete-yes")) {
        store(entries.filter(function (x) { return x.id !== e.id; }));
        render();
        say("Deleted the entry \u201c" + e.person + (e.topic ? ": " + e.topic : "") + "\u201d.");
        heading.focus();
      }
    }

    function focusEntry(id, sel) {
      var li = document.getElementById("entry-" + id);
      if (!li) return;
      (sel && li.querySelector(sel) || li).focus();
    }

    function edit(e) {
      FIELDS.forEach(function (k) { if (f[k]) f[k].value = e[k]; });
      autoCheckBack = false;
      heading.textContent = "Edit the conversation with " + e.person;
      save_.textContent = "Save changes";
      cancel.hidden = false;
      errors.textContent = "";
      heading.scrollIntoView();
      f.date.focus();
    }

    function say(text) { status.textContent = text; }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var e = {};
      FIELDS.forEach(function (k) { e[k] = f[k] ? f[k].value.trim() : ""; });
      var problems = [];
      if (!isDate(e.date)) problems.push("the date of the conversation");
      if (!e.person) problems.push("whom you asked");
      if (!isDate(e.checkBack)) problems.push("the day to check back");
      if (problems.length) {
        errors.textContent = "Please fill in " + problems.join(", ") + ".";
        (!isDate(e.date) ? f.date : !e.person ? f.person : f.checkBack).focus();
        return;
      }
      errors.textContent = "";
      var entries = load(), was = null;
      e.updated = new Date().toISOString();
      if (e.id) {
        entries = entries.map(function (x) {
          if (x.id !== e.id) return x;
          was = x;
          e.checkedBack = x.checkedBack;
          return e;
        });
      }
      if (!was) {
        e.id = newID();
        entries.push(e);
      }
      store(entries);
      blank();
      autoCheckBack = true;
      render();
      say((was ? "Saved your changes to the entry for " : "Saved the conversation with ") + e.person +
        ". Check back on " + human(e.checkBack) + "." + (kept() ? "" : " It is kept only while this page is open."));
      focusEntry(e.id);
    });
    cancel.addEventListener("click", function () {
      blank();
      autoCheckBack = true;
      say("Editing cancelled; nothing changed.");
      f.date.focus();
    });

    pageEl.querySelector(".cl-export").addEventListener("click", function () {
      var entries = load(), name = "coaching-log-" + today() + ".csv";
      download(name, toCSV(entries), "text/csv");
      say("Exported " + entries.length + " entr" + (entries.length === 1 ? "y" : "ies") + " to " + name + ", in your downloads.");
    });
    pageEl.querySelector(".cl-import-button").addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        input.value = "";
        var got = parseCSV(String(reader.result));
        var m = merge(load(), got.entries);
        store(m.entries);
        render();
        var text = got.entries.length ? "Imported " + got.entries.length + " entr" + (got.entries.length === 1 ? "y" : "ies") +
          ": " + m.added + " new, " + m.updated + " updated, " + m.same + " already here." : "No entries imported.";
        if (got.problems.length) text += " Skipped " + got.problems.length + " row" + (got.problems.length === 1 ? "" : "s") + ": " + got.problems.join(" ");
        say(text);
      };
      reader.onerror = function () { say("The file could not be read."); };
      reader.readAsText(file);
    });

    blank();
    render();
    save(load()); // learn whether the browser keeps what we write
    storageNotice();
    if (location.hash.indexOf("#entry-") === 0) {
      var target = document.getElementById(location.hash.slice(1));
      if (target) target.focus();
    }
  }

  // The functions a test, or another script, may call; they change nothing.
  window.P2PCCoachLog = { ics: ics, fold: fold, toCSV: toCSV, parseCSV: parseCSV, due: due, monthLater: monthLater, key: KEY };

  function start() {
    var pageEl = document.querySelector(".cl-page");
    if (pageEl) logPage(pageEl);
    if (body.getAttribute("data-kind") === "home") homePage();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
