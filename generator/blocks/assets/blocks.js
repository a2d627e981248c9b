// Printed pages show every collapsed part (solutions, hints, spoilers); the
// reader's open/closed state comes back after.
(function () {
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details.solution:not([open]), details.hint:not([open]), details.spoiler:not([open])");
    for (var i = 0; i < closed.length; i++) { closed[i].open = true; reopened.push(closed[i]); }
  });
  window.addEventListener("afterprint", function () {
    while (reopened.length) reopened.pop().open = false;
  });
})();

// Tabs (::: tab, ::: group-tab, and the tabs of Hugo themes): a box whose
// sections start at headings becomes a tab list, one section shown at a
// time, as the WAI-ARIA tabs pattern has it (arrow keys, Home and End move
// between tabs). Choosing a tab of a group-tab box chooses the tab of the
// same name in the page's other group-tab boxes. Without the script, and
// in print, every section is shown under its heading.
(function () {
  var boxes = document.querySelectorAll("div.tabs");
  var groups = [];
  for (var b = 0; b < boxes.length; b++) {
    var box = boxes[b], kids = box.children, sections = [], cur = null;
    var level = kids.length && /^H[2-4]$/.test(kids[0].tagName) ? kids[0].tagName : "";
    for (var i = 0; i < kids.length; i++) {
      if (kids[i].tagName === level) { // the tabs' headings are the first one's level
        cur = { heading: kids[i], nodes: [] };
        sections.push(cur);
      } else if (cur) {
        cur.nodes.push(kids[i]);
      } else {
        sections = [];
        break; // text before the first heading: not tabs
      }
    }
    if (sections.filter(function (s) { return s.nodes.length; }).length < 2) continue;
    var list = document.createElement("div");
    list.className = "tab-list";
    list.setAttribute("role", "tablist");
    var tabs = [];
    sections.forEach(function (s, n) {
      if (!s.nodes.length) { // a heading alone is a label of the tabs (Docsy's disabled tab)
        var label = document.createElement("span");
        label.className = "tab-label";
        label.textContent = s.heading.textContent;
        list.appendChild(label);
        s.heading.classList.add("tab-heading");
        return;
      }
      var id = "tabs" + b + "-" + n;
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "tab";
      tab.id = id + "-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", id);
      tab.textContent = s.heading.textContent;
      var panel = document.createElement("div");
      panel.className = "tab-panel";
      panel.id = id;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      box.insertBefore(panel, s.heading);
      s.heading.classList.add("tab-heading");
      panel.appendChild(s.heading);
      s.nodes.forEach(function (node) { panel.appendChild(node); });
      list.appendChild(tab);
      tabs.push({ tab: tab, panel: panel, name: tab.textContent.trim() });
    });
    box.insertBefore(list, box.firstChild);
    box.classList.add("tabs-ready");
    var set = { tabs: tabs, group: box.classList.contains("group-tab") };
    groups.push(set);
    select(set, 0, false);
    list.addEventListener("click", (function (set) {
      return function (e) {
        var i = indexOf(set, e.target.closest("[role=tab]"));
        if (i >= 0) choose(set, i, false);
      };
    })(set));
    list.addEventListener("keydown", (function (set) {
      return function (e) {
        var i = indexOf(set, document.activeElement), n = set.tabs.length;
        if (i < 0) return;
        var to = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
        if (to === undefined) return;
        e.preventDefault();
        choose(set, to, true);
      };
    })(set));
  }
  function indexOf(set, tab) {
    for (var i = 0; i < set.tabs.length; i++) if (set.tabs[i].tab === tab) return i;
    return -1;
  }
  function select(set, i, focus) {
    set.tabs.forEach(function (t, n) {
      var on = n === i;
      t.tab.setAttribute("aria-selected", on ? "true" : "false");
      t.tab.tabIndex = on ? 0 : -1;
      t.panel.classList.toggle("tab-hidden", !on);
    });
    if (focus) set.tabs[i].tab.focus();
  }
  function choose(set, i, focus) {
    select(set, i, focus);
    if (!set.group) return;
    var name = set.tabs[i].name;
    groups.forEach(function (other) {
      if (other === set || !other.group) return;
      for (var n = 0; n < other.tabs.length; n++) if (other.tabs[n].name === name) select(other, n, false);
    });
  }
  // A link to a heading inside a hidden section shows that section.
  function reveal() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var panel = target && target.closest && target.closest(".tab-panel");
    groups.forEach(function (set) {
      for (var n = 0; n < set.tabs.length; n++) if (set.tabs[n].panel === panel) select(set, n, false);
    });
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
