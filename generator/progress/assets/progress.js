/* Progress: "Mark as done" on lessons, ticks on links to done lessons, counts,
   "Continue where you left off" on the home page, and the progress page's tools.
   Everything stays in this browser. The spec is package progress's doc
   (go doc p2pc/generator/progress). Without this script pages work as before. */
(function () {
  "use strict";

  var VERSION = 1;
  var FORMAT = "p2pc-progress";
  var EVENT = "p2pc:worksheet-checked";
  var body = document.body;
  var site = body.getAttribute("data-site") || "site";
  var KEY = "p2pc:v" + VERSION + ":" + site + ":progress";
  var kind = body.getAttribute("data-kind") || "";
  var here = body.getAttribute("data-page") || "";
  var rel = body.getAttribute("data-root") || ""; // for links this script writes
  var root = new URL(rel || "./", location.href).href; // for reading links

  // The state lives in localStorage; when the browser refuses (private mode,
  // blocked, full), it lives in memory for as long as the page is open.
  var memory = null;

  function empty() { return { v: VERSION, done: {}, last: "" }; }

  function clean(data) {
    var s = empty();
    if (!data || typeof data !== "object" || !data.done || typeof data.done !== "object") return s;
    Object.keys(data.done).forEach(function (url) {
      if (typeof data.done[url] === "string") s.done[url] = data.done[url];
    });
    if (typeof data.last === "string") s.last = data.last;
    return s;
  }

  function load() {
    if (memory) return memory;
    var raw;
    try {
      raw = window.localStorage.getItem(KEY);
    } catch (e) {
      memory = empty();
      return memory;
    }
    try {
      return clean(JSON.parse(raw || "null"));
    } catch (e) {
      return empty(); // unreadable: start again rather than fail
    }
  }

  // save stores the state and reports whether the browser kept it.
  function save(state) {
    if (!memory) {
      try {
        window.localStorage.setItem(KEY, JSON.stringify(state));
        return true;
      } catch (e) { /* refused or full: keep it in memory */ }
    }
    memory = state;
    return false;
  }

  function kept() { return !memory; }

  // urlOf is the site URL of a link ("five-steps/ask/"), or null when it
  // leaves the site or points into a page.
  function urlOf(a) {
    var href = a.getAttribute("href");
    if (!href || href.charAt(0) === "#") return null;
    var u = new URL(href, location.href);
    if (u.hash) return null;
    var path = u.href;
    if (path.indexOf(root) !== 0) return null;
    return path.slice(root.length).replace(/(^|\/)index\.html$/, "$1");
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function countText(done, total, noun) {
    return done + " of " + total + " " + noun + (total === 1 ? "" : "s") + " done";
  }

  // ticks marks every link to a done lesson in the navigation and lesson lists.
  function ticks(state) {
    document.querySelectorAll(".pg-tick, .pg-sr").forEach(function (e) { e.remove(); });
    document.querySelectorAll("a.pg-done").forEach(function (a) { a.classList.remove("pg-done"); });
    document.querySelectorAll("#curriculum a[href], .lesson-list a[href]").forEach(function (a) {
      var url = urlOf(a);
      if (url === null || !state.done[url]) return;
      a.classList.add("pg-done");
      a.appendChild(el("span", "pg-tick", "✓")).setAttribute("aria-hidden", "true");
      a.appendChild(el("span", "pg-sr", " (done)"));
    });
  }

  // counts puts "3 of 7 lessons done" before each top-level lesson list.
  function counts(state) {
    document.querySelectorAll("p.pg-count").forEach(function (e) { e.remove(); });
    document.querySelectorAll("main .lesson-list").forEach(function (list) {
      if (list.parentElement.closest(".lesson-list")) return;
      var links = list.querySelectorAll("li:not(.submodule):not(.draft) > a[href]");
      if (!links.length) return;
      var done = Array.prototype.filter.call(links, function (a) { var u = urlOf(a); return u !== null && state.done[u]; }).length;
      list.parentNode.insertBefore(el("p", "pg-count meta", countText(done, links.length, "lesson")), list);
      var head = document.querySelector("article.module > .page-header");
      if (kind === "module" && head && !head.querySelector(".pg-count")) {
        head.appendChild(el("p", "pg-count pg-count-head", countText(done, links.length, "lesson")));
      }
    });
  }

  // ---- lessons ----

  function lessonPage(state) {
    var at = document.querySelector("article.lesson .content") || document.querySelector("main");
    if (!at) return;
    var box = el("div", "pg-mark");
    var button = el("button", "pg-toggle");
    button.type = "button";
    button.appendChild(el("span", "pg-box")).setAttribute("aria-hidden", "true");
    button.appendChild(document.createTextNode("Mark as done"));
    var status = el("p", "pg-note");
    status.setAttribute("role", "status");
    var link = el("a", "pg-link", "Your progress");
    link.href = rel + "progress/index.html";
    box.appendChild(button);
    box.appendChild(link);
    box.appendChild(status);
    if (at.tagName === "MAIN") at.appendChild(box);
    else at.parentNode.insertBefore(box, at.nextSibling);

    function show(s) { button.setAttribute("aria-pressed", s.done[here] ? "true" : "false"); }
    function set(done, why) {
      var s = load();
      if (!!s.done[here] === done) return;
      if (done) s.done[here] = new Date().toISOString();
      else delete s.done[here];
      var ok = save(s);
      show(s);
      ticks(s);
      status.textContent = (done ? why || "Marked as done." : "No longer marked as done.") +
        (ok ? "" : " This browser is not keeping site data, so the mark lasts only while this page is open.");
    }
    button.addEventListener("click", function () { set(button.getAttribute("aria-pressed") !== "true"); });
    document.addEventListener(EVENT, function (e) {
      var d = e.detail || {};
      if (d.page === here) set(true, "Marked as done: you checked this lesson's worksheet.");
    });
    show(state);
    state.last = here;
    save(state);
  }

  // ---- the outline: every lesson in order (home and progress pages) ----

  function withOutline(then) {
    if (window.P2PC_OUTLINE) return then(window.P2PC_OUTLINE);
    var s = document.createElement("script");
    s.src = rel + "progress/lessons.js";
    s.onload = function () { if (window.P2PC_OUTLINE) then(window.P2PC_OUTLINE); };
    document.head.appendChild(s);
  }

  function lessons(outline) {
    var all = [];
    (outline.modules || []).forEach(function (m) { all = all.concat(m.lessons || []); });
    return all;
  }

  // next is where to continue: the last lesson opened if it is not done,
  // else the first lesson after it that is not done; null when all are.
  function next(all, state) {
    var at = -1;
    all.forEach(function (l, i) { if (l.url === state.last) at = i; });
    if (at >= 0 && !state.done[all[at].url]) return all[at];
    for (var k = 1; k <= all.length; k++) {
      var l = all[(at + k + all.length) % all.length];
      if (!state.done[l.url]) return l;
    }
    return null;
  }

  function doneCount(all, state) {
    return all.filter(function (l) { return state.done[l.url]; }).length;
  }

  function begun(all, state) {
    return doneCount(all, state) > 0 || all.some(function (l) { return l.url === state.last; });
  }

  function continueLink(l) {
    var a = el("a", "start-course pg-continue");
    a.href = rel + l.url + "index.html";
    a.appendChild(document.createTextNode("Continue where you left off"));
    a.appendChild(el("span", "pg-next", "“" + l.title + "”"));
    return a;
  }

  function homePage(state) {
    if (!state.last && !Object.keys(state.done).length) return; // not begun: the outline is not needed
    withOutline(function (outline) {
      var all = lessons(outline);
      var slot = document.querySelector(".course-start");
      if (!slot || !all.length || !begun(all, state)) return;
      var box = el("div", "course-start pg-home");
      var n = doneCount(all, state), l = next(all, state);
      box.appendChild(el("p", "pg-overall", countText(n, all.length, "lesson")));
      if (l) box.appendChild(el("p")).appendChild(continueLink(l));
      else box.appendChild(el("p", "", "You have finished every lesson. Well done!"));
      var p = box.appendChild(el("p", "pg-more"));
      var a = p.appendChild(el("a", "", "See your progress"));
      a.href = rel + "progress/index.html";
      if (slot.id) box.id = slot.id;
      slot.parentNode.replaceChild(box, slot);
    });
  }

  // ---- the progress page ----

  function progressPage() {
    var pageEl = document.querySelector(".pg-page");
    if (!pageEl) return;
    var summary = pageEl.querySelector(".pg-summary"), tools = pageEl.querySelector(".pg-tools");
    var message = pageEl.querySelector(".pg-message"), confirm = pageEl.querySelector(".pg-confirm");
    var reset = pageEl.querySelector(".pg-reset"), input = pageEl.querySelector(".pg-import");
    pageEl.querySelector(".pg-nojs").hidden = true;
    tools.hidden = false;
    var notice = "This browser is not keeping site data (a private window, or storage that is blocked or full), so marks last only while a page is open.";
    var all = [];

    function paint() {
      var s = load();
      ticks(s);
      counts(s);
      if (!all.length) return;
      summary.hidden = false;
      summary.querySelector(".pg-overall").textContent = countText(doneCount(all, s), all.length, "lesson");
      var wrap = summary.querySelector(".pg-continue-wrap");
      wrap.textContent = "";
      var l = next(all, s);
      if (!begun(all, s)) {
        var a = wrap.appendChild(el("a", "start-course", "Start the course"));
        a.href = rel + all[0].url + "index.html";
      } else if (l) wrap.appendChild(continueLink(l));
      else wrap.textContent = "You have finished every lesson. Well done!";
    }
    function say(text) { message.textContent = (text + (kept() ? "" : " " + notice)).trim(); }

    withOutline(function (outline) { all = lessons(outline); paint(); });
    paint();
    if (!kept() || !save(load())) say("");

    pageEl.querySelector(".pg-export").addEventListener("click", function () {
      var s = load();
      var data = { format: FORMAT, version: VERSION, site: site, exported: new Date().toISOString(), done: s.done, last: s.last };
      var name = "p2pc-progress-" + new Date().toISOString().slice(0, 10) + ".json";
      download(name, JSON.stringify(data, null, 2) + "\n", "application/json");
      say("Saved " + Object.keys(s.done).length + " done lessons to " + name + ", in your downloads.");
    });
    pageEl.querySelector(".pg-import-button").addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        input.value = "";
        say(merge(String(reader.result)));
        paint();
      };
      reader.onerror = function () { say("The file could not be read."); };
      reader.readAsText(file);
    });
    reset.addEventListener("click", function () {
      confirm.hidden = false;
      confirm.querySelector(".pg-confirm-no").focus();
    });
    function keep() {
      confirm.hidden = true;
      reset.focus();
    }
    confirm.querySelector(".pg-confirm-no").addEventListener("click", keep);
    confirm.addEventListener("keydown", function (e) { if (e.key === "Escape") keep(); });
    confirm.querySelector(".pg-confirm-yes").addEventListener("click", function () {
      save(empty());
      confirm.hidden = true;
      reset.focus();
      paint();
      say("Your progress is reset: no lesson is marked done.");
    });
  }

  // merge adds the done marks of an exported file to this browser's and
  // says what happened; marks already here are kept.
  function merge(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return "That file is not a progress file: it is not JSON.";
    }
    if (!data || data.format !== FORMAT || !data.done || typeof data.done !== "object") {
      return "That file is not a progress file saved from this course.";
    }
    if (data.version !== VERSION) return "That progress file is of version " + data.version + "; this site reads version " + VERSION + ".";
    var s = load(), incoming = clean(data), added = 0;
    Object.keys(incoming.done).forEach(function (url) {
      if (!s.done[url]) {
        s.done[url] = incoming.done[url];
        added++;
      }
    });
    if (!s.last && incoming.last) s.last = incoming.last;
    save(s);
    var n = Object.keys(incoming.done).length;
    return "Loaded " + n + " done lesson" + (n === 1 ? "" : "s") + " from the file; " + added + " new here." +
      (data.site && data.site !== site ? " The file comes from another site, so some marks may match no lesson here." : "");
  }

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

  function start() {
    var state = load();
    if (kind === "lesson") lessonPage(state);
    if (kind === "home") homePage(state);
    if (here === "progress/") progressPage();
    else {
      ticks(load());
      counts(load());
    }
    window.addEventListener("storage", function (e) {
      if (e.key !== KEY) return;
      var s = load();
      ticks(s);
      counts(s);
      var b = document.querySelector(".pg-toggle");
      if (b) b.setAttribute("aria-pressed", s.done[here] ? "true" : "false");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
