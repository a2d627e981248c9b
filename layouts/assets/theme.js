// Theme: follow the system unless the reader chose light or dark; remember
// the choice. Also wires the "Print with trainer notes" button.
(function () {
  var root = document.documentElement;
  var key = "p2pc-theme";
  function stored() {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function system() {
    return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function apply(theme) {
    root.setAttribute("data-theme", theme);
    var button = document.getElementById("theme-toggle");
    if (button) {
      button.setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
    }
  }
  apply(stored() || system());
  if (window.matchMedia) {
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
      if (!stored()) apply(system());
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-toggle");
    if (button) {
      button.hidden = false;
      apply(root.getAttribute("data-theme"));
      button.addEventListener("click", function () {
        var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
        try { localStorage.setItem(key, next); } catch (e) { /* private mode: not remembered */ }
        apply(next);
      });
    }
    var trainer = document.querySelectorAll(".print-trainer");
    var hasNotes = document.querySelector(".facilitator");
    for (var i = 0; i < trainer.length; i++) {
      if (!hasNotes) continue;
      trainer[i].hidden = false;
      trainer[i].addEventListener("click", function () {
        root.classList.add("print-trainer-notes");
        window.print();
      });
    }
    // Printed pages show collapsed solutions; the reader's open/closed state comes back after.
    var reopened = [];
    window.addEventListener("beforeprint", function () {
      var closed = document.querySelectorAll("details.solution:not([open])");
      for (var i = 0; i < closed.length; i++) { closed[i].open = true; reopened.push(closed[i]); }
    });
    window.addEventListener("afterprint", function () {
      root.classList.remove("print-trainer-notes");
      while (reopened.length) reopened.pop().open = false;
    });
  });
})();
