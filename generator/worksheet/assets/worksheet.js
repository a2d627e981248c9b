/* Self-check worksheets: check answers, keep them in this browser, download them.
   The page works without this script: every question has a "Show answer" <details>.
   Markup and data attributes come from generator/worksheet (see its package doc). */
(function () {
  "use strict";

  var PREFIX = "p2pc-worksheet|";
  // EVENT is dispatched on document when a learner checks a worksheet;
  // detail is {page, worksheet, score, total} (see package worksheet's doc).
  var EVENT = "p2pc:worksheet-checked";
  var ICON = { right: "✓", partial: "◐", wrong: "✗", empty: "○", noted: "✎" };

  // storage returns localStorage when it works, or null (private mode, disabled, blocked).
  function storage() {
    try {
      var s = window.localStorage, probe = PREFIX + "probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  // normalize folds case, accents, apostrophes and spacing for comparing short answers.
  function normalize(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2018\u2019\u02bb\u02bc`\u00b4]/g, "'").replace(/[\u201c\u201d]/g, '"')
      .replace(/\s+/g, " ").trim().replace(/[.!]+$/, "");
  }

  function text(el) {
    return el ? el.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function Worksheet(el) {
    this.el = el;
    this.id = el.getAttribute("data-worksheet");
    var site = new URL(el.getAttribute("data-root") || "./", location.href).href;
    this.base = PREFIX + site + "|" + this.id + "|";
    this.key = this.base + el.getAttribute("data-hash");
    this.store = storage();
    this.checked = false;
    this.questions = Array.prototype.slice.call(el.querySelectorAll("fieldset.ws-q"));
    this.score = el.querySelector(".ws-score");
    this.retry = el.querySelector('[data-action="retry"]');
  }

  Worksheet.prototype.controls = function () {
    return Array.prototype.slice.call(this.el.querySelectorAll("fieldset.ws-q input, fieldset.ws-q select, fieldset.ws-q textarea"));
  };

  Worksheet.prototype.start = function () {
    var self = this;
    this.el.classList.add("ws-js");
    this.el.querySelector(".ws-toolbar").hidden = false;
    this.el.querySelectorAll("details.ws-answer").forEach(function (d) { d.hidden = true; });
    if (this.store) {
      this.el.querySelector(".ws-saved").hidden = false;
      this.dropStale();
      this.restore();
    }
    this.el.addEventListener("input", function () { self.save(); });
    this.el.addEventListener("change", function () { self.save(); });
    this.el.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target.matches('input[type="text"]') && self.retry) {
        e.preventDefault();
        self.check();
      }
    });
    this.el.querySelector(".ws-toolbar").addEventListener("click", function (e) {
      var b = e.target.closest("button[data-action]");
      if (!b) return;
      var action = b.getAttribute("data-action");
      if (action === "check") self.check();
      if (action === "retry") self.reset(false);
      if (action === "clear") self.reset(true);
      if (action === "download") self.download();
    });
  };

  // dropStale forgets answers saved for earlier versions of this worksheet.
  Worksheet.prototype.dropStale = function () {
    try {
      for (var i = this.store.length - 1; i >= 0; i--) {
        var k = this.store.key(i);
        if (k && k.indexOf(this.base) === 0 && k !== this.key) this.store.removeItem(k);
      }
    } catch (e) { /* storage refused: nothing to clean */ }
  };

  Worksheet.prototype.save = function () {
    if (!this.store) return;
    var answers = {};
    this.controls().forEach(function (c) {
      if (c.type === "radio" || c.type === "checkbox") {
        if (c.checked) answers[c.id] = true;
      } else if (c.value !== "") {
        answers[c.id] = c.value;
      }
    });
    try {
      this.store.setItem(this.key, JSON.stringify({ answers: answers, checked: this.checked, saved: new Date().toISOString() }));
    } catch (e) { /* full or refused: keep working without saving */ }
  };

  Worksheet.prototype.restore = function () {
    var data;
    try {
      data = JSON.parse(this.store.getItem(this.key) || "null");
    } catch (e) {
      return;
    }
    if (!data || typeof data.answers !== "object") return;
    this.controls().forEach(function (c) {
      var v = data.answers[c.id];
      if (v === undefined) return;
      if (c.type === "radio" || c.type === "checkbox") c.checked = v === true;
      else c.value = String(v);
    });
    if (data.checked && this.retry) this.check(true);
  };

  // mark works out the result of one question: {state, score, graded, message, chosen}.
  Worksheet.prototype.mark = function (q) {
    var type = q.getAttribute("data-type");
    var r = { state: "empty", score: 0, graded: true, message: "Not answered.", chosen: [] };
    if (type === "single" || type === "truefalse" || type === "multi") {
      var inputs = Array.prototype.slice.call(q.querySelectorAll(".ws-choices input"));
      var right = 0, wrong = 0, total = 0;
      inputs.forEach(function (i) {
        var correct = i.hasAttribute("data-correct");
        if (correct) total++;
        if (i.checked) {
          r.chosen.push(i);
          if (correct) right++; else wrong++;
        }
      });
      if (!r.chosen.length) return r;
      if (type !== "multi") {
        r.state = right ? "right" : "wrong";
        r.score = right ? 1 : 0;
      } else {
        r.score = Math.max(0, right - wrong) / total;
        r.state = right === total && !wrong ? "right" : r.score > 0 ? "partial" : "wrong";
        if (r.state === "partial" || (r.state === "wrong" && right)) {
          r.partial = "You chose " + right + " of the " + total + " correct answers" +
            (wrong ? " and " + wrong + (wrong === 1 ? " wrong one" : " wrong ones") : "") + ".";
        }
      }
    } else if (type === "short") {
      var input = q.querySelector('input[type="text"]');
      if (normalize(input.value) === "") return r;
      var given = normalize(input.value);
      var ok = input.getAttribute("data-accept").split("|").some(function (a) { return normalize(a) === given; });
      r.state = ok ? "right" : "wrong";
      r.score = ok ? 1 : 0;
    } else if (type === "order") {
      var selects = Array.prototype.slice.call(q.querySelectorAll("select"));
      var placed = 0, filled = 0;
      selects.forEach(function (s) {
        if (s.value !== "") filled++;
        if (s.value === s.getAttribute("data-pos")) placed++;
      });
      if (!filled) return r;
      r.score = placed / selects.length;
      r.state = placed === selects.length ? "right" : placed ? "partial" : "wrong";
      if (r.state !== "right") {
        r.partial = placed + " of " + selects.length + " items are in the right place." +
          (filled < selects.length ? " Give every item a position." : "");
      }
    } else {
      r.graded = false;
      var answered = Array.prototype.some.call(q.querySelectorAll("input, textarea"), function (c) {
        return c.type === "radio" ? c.checked : c.value.trim() !== "";
      });
      r.state = answered ? "noted" : "empty";
      r.message = answered ? "Noted. This question is not graded." : "Not answered. This question is not graded.";
      return r;
    }
    r.message = { right: "Correct.", partial: "Partly right.", wrong: "Not correct." }[r.state];
    if (r.partial) r.message += " " + r.partial;
    return r;
  };

  // check marks every question, shows feedback and explanations, and gives
  // the score. Unless it is restoring a check made before, it then tells
  // the page (see EVENT).
  Worksheet.prototype.check = function (restoring) {
    var self = this, got = 0, graded = 0, unanswered = 0;
    this.clearMarks();
    this.questions.forEach(function (q) {
      var r = self.mark(q);
      if (r.graded) {
        graded++;
        got += r.score;
        if (r.state === "empty") unanswered++;
      }
      q.classList.add("ws-q-" + r.state);
      var box = q.querySelector(".ws-feedback");
      var p = document.createElement("p");
      var icon = document.createElement("span");
      icon.className = "ws-icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = ICON[r.state];
      var strong = document.createElement("strong");
      strong.textContent = r.message;
      p.appendChild(icon);
      p.appendChild(document.createTextNode(" "));
      p.appendChild(strong);
      box.appendChild(p);
      r.chosen.forEach(function (input) {
        var li = input.closest("li");
        var correct = input.hasAttribute("data-correct");
        var tag = document.createElement("span");
        tag.className = "ws-tag " + (correct ? "ws-tag-right" : "ws-tag-wrong");
        tag.textContent = (correct ? ICON.right + " right" : ICON.wrong + " not right");
        li.appendChild(tag);
        var fb = q.querySelector('[data-choice="' + input.id + '"] .ws-fb');
        if (fb) {
          var div = document.createElement("div");
          div.className = "ws-fb";
          div.innerHTML = fb.innerHTML;
          box.appendChild(div);
        }
      });
      var d = q.querySelector("details.ws-answer");
      if (d) {
        d.hidden = false;
        d.open = true;
      }
    });
    var pct = graded ? Math.round(100 * got / graded) : 0;
    var points = Math.round(got * 10) / 10;
    this.score.textContent = "Your score: " + points + " out of " + graded + " (" + pct + "%)." +
      (unanswered ? " Not answered: " + unanswered + "." : "") +
      (this.questions.length > graded ? " Questions that are not graded do not count." : "");
    this.checked = true;
    if (this.retry) this.retry.hidden = false;
    this.save();
    if (!restoring) this.announce(points, graded);
  };

  // announce dispatches EVENT on document: another script (progress marks)
  // may listen; the worksheet needs no answer.
  Worksheet.prototype.announce = function (score, total) {
    var detail = { page: document.body.getAttribute("data-page") || "", worksheet: this.id, score: score, total: total };
    try {
      document.dispatchEvent(new CustomEvent(EVENT, { detail: detail }));
    } catch (e) { /* a listener's error is not the worksheet's */ }
  };

  Worksheet.prototype.clearMarks = function () {
    this.questions.forEach(function (q) {
      q.classList.remove("ws-q-right", "ws-q-partial", "ws-q-wrong", "ws-q-empty", "ws-q-noted");
      q.querySelector(".ws-feedback").textContent = "";
      q.querySelectorAll(".ws-tag").forEach(function (t) { t.remove(); });
      var d = q.querySelector("details.ws-answer");
      if (d) {
        d.open = false;
        d.hidden = true;
      }
    });
    this.score.textContent = "";
  };

  // reset hides the marks ("Try again"), and with clear also empties every answer.
  Worksheet.prototype.reset = function (clear) {
    var first = null;
    this.questions.forEach(function (q) {
      if (!first && !q.classList.contains("ws-q-right") && !q.classList.contains("ws-q-noted")) first = q;
    });
    this.clearMarks();
    this.checked = false;
    if (this.retry) this.retry.hidden = true;
    if (clear) {
      this.controls().forEach(function (c) {
        if (c.type === "radio" || c.type === "checkbox") c.checked = false;
        else c.value = "";
      });
      try {
        if (this.store) this.store.removeItem(this.key);
      } catch (e) { /* nothing saved */ }
      this.score.textContent = "Your answers have been cleared.";
      return;
    }
    this.save();
    var target = (first || this.questions[0]).querySelector("input, select, textarea");
    if (target) target.focus();
  };

  // answerText describes the learner's answer to one question in words.
  Worksheet.prototype.answerText = function (q) {
    var type = q.getAttribute("data-type");
    if (type === "order") {
      var items = Array.prototype.slice.call(q.querySelectorAll(".ws-order li")).map(function (li) {
        return { pos: li.querySelector("select").value, label: text(li.querySelector("label")) };
      });
      items.sort(function (a, b) { return (Number(a.pos) || 99) - (Number(b.pos) || 99); });
      return items.map(function (i) { return (i.pos || "?") + ". " + i.label; }).join("\n   ");
    }
    if (type === "short" || type === "reflection") {
      return q.querySelector("input[type=text], textarea").value.trim() || "(no answer)";
    }
    var chosen = Array.prototype.slice.call(q.querySelectorAll("input:checked")).map(function (i) {
      return text(q.querySelector('label[for="' + i.id + '"]'));
    });
    return chosen.join("; ") || "(no answer)";
  };

  // download saves the learner's answers as a text file (a Blob link works from file:// too).
  Worksheet.prototype.download = function () {
    var self = this;
    var title = text(this.el.querySelector(".ws-title"));
    var lines = [title, "Saved " + new Date().toLocaleString(), location.href.split("#")[0], ""];
    this.questions.forEach(function (q) {
      var legend = q.querySelector("legend").cloneNode(true);
      var num = legend.querySelector(".ws-num");
      var label = text(num);
      if (num) num.remove();
      lines.push(label + ": " + text(legend));
      lines.push("   Answer: " + self.answerText(q));
      var fb = q.querySelector(".ws-feedback strong");
      if (self.checked && fb) lines.push("   Result: " + text(fb));
      lines.push("");
    });
    if (this.checked && this.score.textContent) lines.push(this.score.textContent);
    var blob = new Blob([lines.join("\n") + "\n"], { type: "text/plain;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = this.id + "-answers.txt";
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 10000);
  };

  function start() {
    document.querySelectorAll("section.worksheet[data-worksheet]").forEach(function (el) {
      new Worksheet(el).start();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
