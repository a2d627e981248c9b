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
    var hasNotes = document.querySelector(".trainer-note");
    for (var i = 0; i < trainer.length; i++) {
      if (!hasNotes) continue;
      trainer[i].hidden = false;
      trainer[i].addEventListener("click", function () {
        root.classList.add("print-trainer-notes");
        window.print();
      });
    }
    window.addEventListener("afterprint", function () {
      root.classList.remove("print-trainer-notes");
    });
  });
})();
