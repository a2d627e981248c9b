// Drawer: on narrow screens the sidebar sits below the page and the header's
// Menu link jumps to it, which works without JavaScript. This script turns
// the link into a button that opens the curriculum as a drawer over the page,
// following the WAI-ARIA Authoring Practices modal dialog pattern: the rest
// of the page is inert while it is open, Tab and Shift+Tab stay inside, and
// Esc, a click outside or the Close button close it and return focus to Menu.
// On wide screens the sidebar is an ordinary column and none of this applies.
(function () {
  if (!window.matchMedia) return;
  var narrow = matchMedia("(max-width: 48rem)");

  function visible(el) {
    return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  }

  function init() {
    var link = document.getElementById("menu-button");
    var drawer = document.getElementById("curriculum-drawer");
    if (!link || !drawer) return;

    var button = document.createElement("button");
    button.type = "button";
    button.id = link.id;
    button.className = link.className;
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", drawer.id);
    link.parentNode.replaceChild(button, link);

    var bar = document.createElement("div");
    bar.className = "drawer-bar";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "drawer-close";
    close.textContent = "Close";
    bar.appendChild(close);
    drawer.insertBefore(bar, drawer.firstChild);

    var backdrop = document.createElement("div");
    backdrop.className = "drawer-backdrop";
    document.body.appendChild(backdrop);
    var root = document.documentElement;
    root.classList.add("has-drawer");
    // Let the drawer take its closed place before transitions are on, so
    // it does not slide away when the page loads.
    getComputedStyle(drawer).visibility;
    root.classList.add("drawer-motion");

    var inerted = [];

    function isOpen() { return drawer.classList.contains("is-open"); }

    function tabbable() {
      var all = drawer.querySelectorAll("a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]");
      var out = [];
      for (var i = 0; i < all.length; i++) {
        if (all[i].tabIndex >= 0 && visible(all[i])) out.push(all[i]);
      }
      return out;
    }

    // makeInert hides everything but the drawer (and the backdrop) from
    // assistive technology, focus and the pointer.
    function makeInert() {
      for (var el = drawer; el && el !== document.body; el = el.parentElement) {
        var sibs = el.parentElement.children;
        for (var i = 0; i < sibs.length; i++) {
          var s = sibs[i];
          if (s === el || s === backdrop || s.inert || s.tagName === "SCRIPT") continue;
          s.inert = true;
          inerted.push(s);
        }
      }
    }

    function open() {
      if (isOpen()) return;
      drawer.setAttribute("role", "dialog");
      drawer.setAttribute("aria-modal", "true");
      drawer.setAttribute("aria-label", "Curriculum");
      drawer.classList.add("is-open");
      backdrop.classList.add("is-open");
      document.documentElement.classList.add("drawer-open");
      button.setAttribute("aria-expanded", "true");
      makeInert();
      close.focus();
      var current = drawer.querySelector("[aria-current=page]");
      if (current && current.scrollIntoView) current.scrollIntoView({ block: "center" });
      document.addEventListener("keydown", onKey, true);
    }

    function shut(returnFocus) {
      if (!isOpen()) return;
      document.removeEventListener("keydown", onKey, true);
      while (inerted.length) inerted.pop().inert = false;
      drawer.classList.remove("is-open");
      backdrop.classList.remove("is-open");
      document.documentElement.classList.remove("drawer-open");
      drawer.removeAttribute("role");
      drawer.removeAttribute("aria-modal");
      drawer.removeAttribute("aria-label");
      button.setAttribute("aria-expanded", "false");
      if (returnFocus) button.focus();
    }

    function onKey(ev) {
      if (ev.key === "Escape" || ev.key === "Esc") {
        ev.preventDefault();
        ev.stopPropagation();
        shut(true);
        return;
      }
      if (ev.key !== "Tab") return;
      var items = tabbable();
      if (!items.length) return;
      var first = items[0], last = items[items.length - 1];
      var active = document.activeElement;
      if (!drawer.contains(active)) {
        ev.preventDefault();
        (ev.shiftKey ? last : first).focus();
      } else if (ev.shiftKey && active === first) {
        ev.preventDefault();
        last.focus();
      } else if (!ev.shiftKey && active === last) {
        ev.preventDefault();
        first.focus();
      }
    }

    button.addEventListener("click", function () {
      if (isOpen()) shut(true); else open();
    });
    close.addEventListener("click", function () { shut(true); });
    backdrop.addEventListener("click", function () { shut(true); });
    // Following a link closes the drawer, so a link to a place on this page
    // is not left hidden behind it.
    drawer.addEventListener("click", function (ev) {
      if (isOpen() && ev.target.closest && ev.target.closest("a[href]")) shut(false);
    });
    // Menu followed before this script ran leaves #curriculum in the
    // address, pointing into the closed drawer: open it.
    if (location.hash === link.getAttribute("href") && narrow.matches) {
      if (document.readyState === "complete") open();
      else window.addEventListener("load", function () { open(); });
    }
    var onWidth = function (ev) { if (!ev.matches) shut(false); };
    if (narrow.addEventListener) narrow.addEventListener("change", onWidth);
    else if (narrow.addListener) narrow.addListener(onWidth);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
