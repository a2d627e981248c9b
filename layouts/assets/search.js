// search.js: the offline search of the site. No dependencies, no fetch():
// index files under search/ are loaded by adding <script> elements, so the
// search works from file:// as well as from any web server. The index is
// written by the Go package p2pc/generator/search; its doc comment (go doc
// p2pc/generator/search) describes the files. Normalizing, tokenizing and
// stemming here must stay the same as in the Go package: the tests check it.
(function () {
  "use strict";

  // ---- Words: normalize, tokenize, stem (as normalize.go, tokenize.go, stem.go)

  var WORD = /[\p{L}\p{N}\p{M}'\u2019\u2018\u02BB\u02BC]+/gu;
  var DROP = /[\p{M}'\u2019\u2018\u02BB\u02BC]/gu;

  function normalize(s) {
    return s.toLowerCase().normalize("NFD").replace(DROP, "").replace(/ς/g, "σ");
  }

  // tokenize returns the words of s: {word, start, end}, s.slice(start, end) as written.
  function tokenize(s) {
    var out = [];
    for (var m of s.matchAll(WORD)) {
      var w = normalize(m[0]);
      if (w) out.push({ word: w, start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  function isCons(w, i) {
    var c = w[i];
    if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
    if (c === "y") return i === 0 || !isCons(w, i - 1);
    return true;
  }
  function measure(w) {
    var m = 0;
    for (var i = 1; i < w.length; i++) if (isCons(w, i) && !isCons(w, i - 1)) m++;
    return m;
  }
  function hasVowel(w) {
    for (var i = 0; i < w.length; i++) if (!isCons(w, i)) return true;
    return false;
  }
  function doubleCons(w) {
    var n = w.length;
    return n >= 2 && w[n - 1] === w[n - 2] && isCons(w, n - 1);
  }
  function cvc(w) {
    var n = w.length;
    if (n < 3 || !isCons(w, n - 1) || isCons(w, n - 2) || !isCons(w, n - 3)) return false;
    var c = w[n - 1];
    return c !== "w" && c !== "x" && c !== "y";
  }
  var STEP2 = [["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"],
    ["izer", "ize"], ["bli", "ble"], ["alli", "al"], ["entli", "ent"], ["eli", "e"],
    ["ousli", "ous"], ["ization", "ize"], ["ation", "ate"], ["ator", "ate"], ["alism", "al"],
    ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"], ["aliti", "al"],
    ["iviti", "ive"], ["biliti", "ble"], ["logi", "log"]];
  var STEP3 = [["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"],
    ["ical", "ic"], ["ful", ""], ["ness", ""]];
  var STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
    "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"];

  function replaceFirst(w, rules) {
    for (var r of rules) {
      if (w.endsWith(r[0])) {
        var stem = w.slice(0, w.length - r[0].length);
        return measure(stem) > 0 ? stem + r[1] : w;
      }
    }
    return w;
  }

  // stem is the Porter stemmer, as stem.go.
  function stem(w) {
    if (w.length <= 2 || !/^[a-z]+$/.test(w)) return w;
    // Step 1a
    if (w.endsWith("sses") || w.endsWith("ies")) w = w.slice(0, -2);
    else if (!w.endsWith("ss") && w.endsWith("s")) w = w.slice(0, -1);
    // Step 1b
    if (w.endsWith("eed")) {
      if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
    } else {
      var s = null;
      if (w.endsWith("ed") && hasVowel(w.slice(0, -2))) s = w.slice(0, -2);
      else if (w.endsWith("ing") && hasVowel(w.slice(0, -3))) s = w.slice(0, -3);
      if (s !== null) {
        if (s.endsWith("at") || s.endsWith("bl") || s.endsWith("iz")) s += "e";
        else if (doubleCons(s)) {
          if (!/[lsz]$/.test(s)) s = s.slice(0, -1);
        } else if (measure(s) === 1 && cvc(s)) s += "e";
        w = s;
      }
    }
    // Step 1c
    if (w.endsWith("y") && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + "i";
    w = replaceFirst(w, STEP2);
    w = replaceFirst(w, STEP3);
    // Step 4
    for (var suf of STEP4) {
      if (!w.endsWith(suf)) continue;
      var st = w.slice(0, w.length - suf.length);
      if (suf === "ion" && !st.endsWith("s") && !st.endsWith("t")) continue;
      if (measure(st) > 1) w = st;
      break;
    }
    // Step 5
    if (w.endsWith("e")) {
      var e = w.slice(0, -1), m = measure(e);
      if (m > 1 || (m === 1 && !cvc(e))) w = e;
    }
    if (w.endsWith("ll") && measure(w) > 1) w = w.slice(0, -1);
    return w;
  }

  // ---- Loading index files

  var DIGITS = "#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var i = 0; i < DIGITS.length; i++) DIGIT[DIGITS.charCodeAt(i)] = i;

  // decode reads the numbers of code.go: base 45, low digit first, +45 = more follows.
  function decode(s) {
    var out = [], v = 0, mul = 1;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s.charCodeAt(i)];
      if (d >= 45) { v += (d - 45) * mul; mul *= 45; continue; }
      out.push(v + d * mul);
      v = 0; mul = 1;
    }
    return out;
  }

  var api = window.P2PCSearch = { normalize: normalize, tokenize: tokenize, stem: stem, loaded: [] };
  var pending = {}, root = "";

  // P2PCSearch.load is called by each index file with its name and data.
  api.load = function (name, data) {
    if (pending[name]) pending[name].resolve(data);
  };

  // load returns a promise of the data of search/<name>.js.
  function load(name) {
    if (!pending[name]) {
      var p = {};
      p.promise = new Promise(function (resolve, reject) { p.resolve = resolve; p.reject = reject; });
      pending[name] = p;
      var el = document.createElement("script");
      el.src = root + "search/" + name + ".js";
      el.onerror = function () { p.reject(new Error("cannot load " + el.src)); };
      el.onload = function () { el.remove(); };
      api.loaded.push(name);
      document.head.appendChild(el);
    }
    return pending[name].promise;
  }

  // ---- The index in memory

  var meta = null;

  function loadMeta() {
    return load("meta").then(function (m) {
      if (meta) return meta;
      var codes = decode(m.docs), k = m.kinds.length;
      m.kindOf = codes.map(function (c) { return c % k; });
      m.moduleOf = codes.map(function (c) { return Math.floor(c / k); });
      m.stopSet = new Set(m.stop);
      meta = m;
      return m;
    });
  }

  // shardIndex is the shard whose first term is the last one <= t.
  function shardIndex(t) {
    var lo = 0, hi = meta.shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (meta.shards[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // shard returns a loaded shard: {terms: [...], byTerm: Map(term -> entry)}.
  // Its file is a string of entries "shared rest postings forms..."
  // separated by "!" (postings.go writeShards).
  var shards = {};
  function shard(i) {
    if (!shards[i]) shards[i] = load("t/" + i).then(function (data) {
      var terms = [], byTerm = new Map(), prev = "";
      data.split("!").forEach(function (entry) {
        var f = entry.split(" "), term = prev.slice(0, DIGIT[f[0].charCodeAt(0)]) + f[0].slice(1);
        var e = { term: term, code: f[1], forms: null, formsCode: f.slice(2), docs: null };
        terms.push(e);
        byTerm.set(term, e);
        prev = term;
      });
      return { terms: terms, byTerm: byTerm };
    });
    return shards[i];
  }

  // forms lists the words of the index that stem to e.term (postings.go formsOf).
  function forms(e) {
    if (!e.forms) {
      e.forms = e.formsCode.map(function (f) {
        var n = /^\d*/.exec(f)[0];
        return e.term.slice(0, e.term.length - (+n || 0)) + f.slice(n.length);
      });
    }
    return e.forms;
  }

  // postings decodes e's documents and flags (postings.go add).
  function postings(e) {
    if (!e.docs) {
      var vals = decode(e.code), doc = -1;
      e.docs = new Int32Array(vals.length);
      e.flags = new Uint8Array(vals.length);
      for (var i = 0; i < vals.length; i++) {
        doc += Math.floor(vals[i] / 8) + 1;
        e.docs[i] = doc;
        e.flags[i] = vals[i] % 8;
      }
    }
    return e;
  }

  // ---- Queries

  // parseQuery splits a query into words; words in "double quotes" form phrases.
  function parseQuery(q) {
    var words = [], phrases = [], parts = q.split('"');
    parts.forEach(function (part, i) {
      var toks = tokenize(part), inPhrase = i % 2 === 1;
      if (inPhrase && toks.length > 1) phrases.push(toks.map(function (t) { return stem(t.word); }));
      toks.forEach(function (t) {
        words.push({ word: t.word, stem: stem(t.word), stop: meta.stopSet.has(t.word), prefix: false, terms: new Map() });
      });
    });
    var last = words[words.length - 1];
    if (last && parts.length % 2 === 1 && /[\p{L}\p{N}\p{M}]$/u.test(q)) last.prefix = true;
    return { words: words, phrases: phrases };
  }

  // editOne reports whether a and b are at most one edit apart (insert,
  // delete, substitute or swap two neighbours).
  function editOne(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i === a.length && a.length === b.length) return true;
    var ra = a.slice(i + 1), rb = b.slice(i + 1);
    return ra === rb || a.slice(i) === rb || ra === b.slice(i) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }

  var MAX_PREFIX_SHARDS = 4;

  // expand finds the index terms of a query word, each with a weight:
  // 1 for the word's stem, 0.8 for words it starts (the word being typed),
  // 0.6 for words one typo away (words of five letters or more).
  async function expand(w) {
    var own = shardIndex(w.stem), sh = await shard(own), e = sh.byTerm.get(w.stem);
    if (e) w.terms.set(e.term, { e: e, weight: 1 });
    if (w.prefix && w.word.length >= 3) {
      var first = Math.min(shardIndex(w.word), own), last = shardIndex(w.word + "\uffff");
      if (last - first < MAX_PREFIX_SHARDS) {
        for (var i = first; i <= last; i++) {
          for (var t of (await shard(i)).terms) {
            if (w.terms.has(t.term)) continue;
            if (t.term.startsWith(w.word) || forms(t).some(function (f) { return f.startsWith(w.word); })) {
              w.terms.set(t.term, { e: t, weight: 0.8 });
            }
          }
        }
      }
    }
    if (w.terms.size === 0 && w.word.length >= 5) {
      var idx = new Set([own, shardIndex(w.word)]);
      for (var j of idx) {
        for (var u of (await shard(j)).terms) {
          if (editOne(w.word, u.term) || editOne(w.stem, u.term) ||
              forms(u).some(function (f) { return editOne(w.word, f); })) {
            w.terms.set(u.term, { e: u, weight: 0.6 });
          }
        }
      }
    }
  }

  // fieldScore ranks where a term is: title, then heading, then text.
  function fieldScore(f) {
    return (f & 4 ? 10 : 0) + (f & 2 ? 5 : 0) + (f & 1 ? 2 : 1);
  }

  // rank returns the documents that match, best first.
  function rank(q, filter) {
    var n = meta.n, score = new Float64Array(n), count = new Uint8Array(n), need = 0;
    var required = new Set();
    q.phrases.forEach(function (p) { p.forEach(function (s) { required.add(s); }); });
    q.words.forEach(function (w) {
      if (w.stop) return;
      need++;
      var best = new Float32Array(n);
      w.terms.forEach(function (t) {
        var e = postings(t.e), idf = Math.log(1 + n / e.docs.length);
        for (var i = 0; i < e.docs.length; i++) {
          var d = e.docs[i], s = t.weight * fieldScore(e.flags[i]) * idf;
          if (s > best[d]) best[d] = s;
        }
      });
      var req = required.has(w.stem);
      for (var d = 0; d < n; d++) {
        if (best[d] > 0) { score[d] += best[d]; count[d]++; } else if (req) score[d] = -Infinity;
      }
    });
    var out = [];
    for (var d = 0; d < n; d++) {
      if (count[d] > 0 && score[d] > -Infinity && filter(d)) out.push(d);
    }
    out.sort(function (a, b) { return (count[b] - count[a]) || (score[b] - score[a]) || (a - b); });
    return out;
  }

  // ---- Documents: titles, sections and texts for the results shown

  // doc loads document d and splits its texts into pieces and tokens.
  // search/d/K.js holds meta.per documents from K * meta.per on.
  var docCache = {};
  function doc(d) {
    var per = meta.per || 1; // an index written before files held several documents
    if (!docCache[d]) docCache[d] = load("d/" + Math.floor(d / per)).then(function (file) {
      var r = meta.per ? file[d % per] : file;
      var local = r[2] ? r[2].split(" ") : [], gaps = r[3], secs = r[4], dict = meta.dict;
      var o = { id: d, url: r[0], title: r[1], titleToks: withStems(tokenize(r[1])), sections: [] };
      for (var i = 0; i < secs.length; i += 3) {
        var text = "", prevWord = false, toks = [];
        decode(secs[i + 2]).forEach(function (id) {
          var p = id < dict.length ? dict[id] : id - dict.length < local.length ?
            local[id - dict.length] : gaps[id - dict.length - local.length];
          var word = /^[\p{L}\p{N}\p{M}'\u2019\u2018\u02BB\u02BC]/u.test(p);
          if (word && prevWord) text += " ";
          if (word) {
            var w = normalize(p);
            if (w) toks.push({ word: w, stem: stem(w), start: text.length, end: text.length + p.length });
          }
          text += p;
          prevWord = word;
        });
        o.sections.push({ anchor: secs[i], heading: secs[i + 1], headToks: withStems(tokenize(secs[i + 1])), text: text, toks: toks });
      }
      return o;
    });
    return docCache[d];
  }

  function withStems(toks) {
    toks.forEach(function (t) { t.stem = stem(t.word); });
    return toks;
  }

  function hasPhrase(toks, p) {
    for (var i = 0; i + p.length <= toks.length; i++) {
      var j = 0;
      while (j < p.length && toks[i + j].stem === p[j]) j++;
      if (j === p.length) return true;
    }
    return false;
  }

  // analyze picks the section to link to and the snippet to show. A result
  // opens at the document's top (its first section: a page's lead, before
  // any heading) when the title and the lead hold every query word the
  // document has, and its phrases; otherwise at the section that holds the
  // most of them, so never at a section without a match.
  function analyze(o, q) {
    var hits = function (t) {
      for (var i = 0; i < q.words.length; i++) {
        var w = q.words[i];
        if (!w.stop && w.terms.has(t.stem)) return i;
      }
      return -1;
    };
    var all = [o.titleToks];
    o.sections.forEach(function (s) { all.push(s.headToks, s.toks); });
    var phraseOK = q.phrases.every(function (p) { return all.some(function (t) { return hasPhrase(t, p); }); });
    var best = null, terms = new Set(), inDoc = new Set(), atTop = new Set();
    var mark = function (toks, found) {
      toks.forEach(function (t) { var h = hits(t); if (h >= 0) { found.add(h); inDoc.add(h); terms.add(t.stem); } });
    };
    mark(o.titleToks, atTop);
    o.sections.forEach(function (s, si) {
      var found = new Set(), score = 0;
      mark(s.headToks, found);
      mark(s.toks, found);
      if (si === 0) found.forEach(function (h) { atTop.add(h); });
      s.headToks.forEach(function (t) { if (hits(t) >= 0) score += 3; });
      s.toks.forEach(function (t) { if (hits(t) >= 0) score += 0.01; });
      q.phrases.forEach(function (p) { if (hasPhrase(s.toks, p) || hasPhrase(s.headToks, p)) score += 50; });
      score += found.size * 10;
      if (!best || score > best.score) best = { s: s, score: score };
    });
    var topPhrases = q.phrases.every(function (p) {
      var s0 = o.sections[0];
      return hasPhrase(o.titleToks, p) || (s0 && (hasPhrase(s0.toks, p) || hasPhrase(s0.headToks, p)));
    });
    if (o.sections.length && inDoc.size && atTop.size === inDoc.size && topPhrases) {
      best = { s: o.sections[0] };
    }
    var s = best ? best.s : { anchor: "", heading: "", text: "", toks: [] };
    // The snippet: about 24 words around the first stretch with the most query words.
    var W = 24, start = 0, most = -1;
    for (var i = 0; i < s.toks.length; i++) {
      if (hits(s.toks[i]) < 0) continue;
      var seen = new Set();
      for (var j = i; j < Math.min(s.toks.length, i + W); j++) { var h = hits(s.toks[j]); if (h >= 0) seen.add(h); }
      if (seen.size > most) { most = seen.size; start = Math.max(0, i - 6); }
    }
    var end = Math.min(s.toks.length, start + W);
    return { ok: phraseOK, section: s, terms: terms, hits: hits,
      from: start, to: end, more: end < s.toks.length };
  }

  // ---- The user interface: a WAI-ARIA combobox with a listbox of results

  var LIMIT = 12;
  // kindName labels a search kind ("lesson", or a feature's, such as "card") for people.
  function kindName(k) { return k ? k.charAt(0).toUpperCase() + k.slice(1).replace(/-/g, " ") : ""; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // appendMarked appends text to parent with the words that hit marked.
  function appendMarked(parent, text, toks, hits, from, to) {
    var pos = from > 0 ? toks[from].start : 0;
    var stop = to < toks.length ? toks[to].start : text.length;
    if (from > 0) parent.append("… ");
    for (var i = from; i < to; i++) {
      var t = toks[i];
      if (hits(t) < 0) continue;
      parent.append(text.slice(pos, t.start), el("mark", "", text.slice(t.start, t.end)));
      pos = t.end;
    }
    parent.append(text.slice(pos, stop).trimEnd());
    if (to < toks.length) parent.append(" …");
  }

  function hrefFor(o, a) {
    var u = root + o.url;
    if (a.terms.size) u += "?highlight=" + Array.from(a.terms).map(encodeURIComponent).join("+");
    return a.section.anchor ? u + "#" + encodeURIComponent(a.section.anchor) : u;
  }

  function init(box) {
    root = box.getAttribute("data-root") || "";
    var input = box.querySelector("input[type=search]"), list = box.querySelector("[role=listbox]");
    var panel = box.querySelector(".search-panel"), status = box.querySelector("[role=status]");
    var kindSel = box.querySelector(".search-kind"), moduleSel = box.querySelector(".search-module");
    var browse = box.querySelector(".search-browse");
    box.querySelector(".search-box").hidden = false;
    if (browse) browse.hidden = true;
    var seq = 0, active = -1;

    function setOpen(open) {
      panel.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) setActive(-1);
    }
    function options() { return list.querySelectorAll("[role=option]"); }
    function setActive(i) {
      var opts = options();
      if (active >= 0 && opts[active]) opts[active].setAttribute("aria-selected", "false");
      active = i;
      if (i >= 0 && opts[i]) {
        opts[i].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", opts[i].id);
        opts[i].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }
    function fillFilters() {
      if (kindSel.options.length > 1) return;
      meta.kinds.forEach(function (k, i) { kindSel.add(new Option(kindName(k), i)); });
      meta.modules.forEach(function (m, i) { if (m) moduleSel.add(new Option(m, i)); });
      kindSel.closest("label").hidden = meta.kinds.length < 2;
      moduleSel.closest("label").hidden = meta.modules.filter(Boolean).length < 2;
    }

    async function run() {
      var my = ++seq, t0 = performance.now(), query = input.value;
      if (!query.trim()) { list.replaceChildren(); status.textContent = ""; setOpen(false); return; }
      try {
        await loadMeta();
        fillFilters();
        var q = parseQuery(query);
        await Promise.all(q.words.filter(function (w) { return !w.stop; }).map(expand));
        if (my !== seq) return;
        var kind = kindSel.value, mod = moduleSel.value;
        var ids = rank(q, function (d) {
          return (kind === "" || meta.kindOf[d] === +kind) && (mod === "" || meta.moduleOf[d] === +mod);
        });
        var shown = [], checked = 0;
        while (shown.length < LIMIT && checked < ids.length && checked < 5 * LIMIT) {
          var batch = ids.slice(checked, checked + LIMIT - shown.length);
          checked += batch.length;
          var docs = await Promise.all(batch.map(doc));
          if (my !== seq) return;
          docs.forEach(function (o) { var a = analyze(o, q); if (a.ok) shown.push([o, a]); });
        }
        var total = q.phrases.length ? shown.length : ids.length;
        render(shown, q.phrases.length && checked < ids.length ? "At least " + total : String(total), query);
        api.lastMs = performance.now() - t0;
        api.searches = (api.searches || 0) + 1;
      } catch (err) {
        if (my === seq) { status.textContent = "Search is not available: " + err.message; }
      }
    }

    function render(shown, total, query) {
      list.replaceChildren();
      setActive(-1);
      shown.forEach(function (r, i) {
        // The option is the link itself (an <a role="option">), so nothing
        // interactive is nested in it and it still opens like any link.
        var o = r[0], a = r[1], li = el("li"), opt = el("a", "search-result");
        li.setAttribute("role", "none");
        opt.id = "search-result-" + i;
        opt.setAttribute("role", "option");
        opt.setAttribute("aria-selected", "false");
        opt.tabIndex = -1;
        opt.href = hrefFor(o, a);
        var title = el("span", "search-title");
        appendMarked(title, o.title, o.titleToks, a.hits, 0, o.titleToks.length);
        var where = el("span", "search-where", kindName(meta.kinds[meta.kindOf[o.id]]));
        var mod = meta.modules[meta.moduleOf[o.id]];
        if (mod) where.append(" · " + mod);
        if (a.section.heading) where.append(" › ", a.section.heading);
        opt.append(title, where);
        if (a.section.toks.length) {
          var p = el("span", "search-snippet");
          appendMarked(p, a.section.text, a.section.toks, a.hits, a.from, a.to);
          opt.append(p);
        }
        opt.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
        li.append(opt);
        list.append(li);
      });
      var n = total === "1" ? "1 result" : total + " results";
      status.textContent = shown.length ? n + " for “" + query.trim() + "”" : "No results for “" + query.trim() + "”";
      setOpen(shown.length > 0);
    }

    input.addEventListener("input", run);
    input.addEventListener("focus", function () { loadMeta().then(fillFilters, function () {}); if (list.children.length) setOpen(true); });
    input.addEventListener("blur", function () { setOpen(false); });
    kindSel.addEventListener("change", run);
    moduleSel.addEventListener("change", run);
    input.addEventListener("keydown", function (ev) {
      var n = options().length;
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        if (!n) return;
        if (panel.hidden) setOpen(true);
        var d = ev.key === "ArrowDown" ? 1 : -1;
        setActive(active < 0 ? (d > 0 ? 0 : n - 1) : (active + d + n) % n);
      } else if (ev.key === "Enter") {
        var opt = options()[active < 0 ? 0 : active];
        if (opt && !panel.hidden) { ev.preventDefault(); location.href = opt.href; }
      } else if (ev.key === "Escape") {
        ev.preventDefault();
        if (!panel.hidden) setOpen(false);
        else { input.value = ""; run(); }
      }
    });
    document.addEventListener("keydown", function (ev) {
      var t = ev.target;
      var typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
      if (ev.key === "/" && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) { ev.preventDefault(); input.focus(); }
      if (ev.key === "Escape" && !typing) clearHighlights();
    });
  }

  // ---- Highlighting the words on the page a result opened

  function highlight(stems) {
    var main = document.querySelector("main");
    if (!main || !stems.size) return;
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentElement.closest("script,style,mark,.search") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (n) {
      var text = n.nodeValue, toks = tokenize(text).filter(function (t) { return stems.has(stem(t.word)); });
      if (!toks.length) return;
      var frag = document.createDocumentFragment(), pos = 0;
      toks.forEach(function (t) {
        frag.append(text.slice(pos, t.start), el("mark", "search-hit", text.slice(t.start, t.end)));
        pos = t.end;
      });
      frag.append(text.slice(pos));
      n.replaceWith(frag);
    });
  }

  function clearHighlights() {
    document.querySelectorAll("mark.search-hit").forEach(function (m) {
      var p = m.parentNode;
      m.replaceWith(m.textContent);
      p.normalize();
    });
  }

  function start() {
    var box = document.querySelector(".search[data-root]");
    if (box) init(box);
    var h = new URLSearchParams(location.search).get("highlight");
    if (h) highlight(new Set(h.split(/\s+/).filter(Boolean)));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
