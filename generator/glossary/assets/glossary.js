// Glossary tooltips: Escape hides the one showing (WAI-ARIA tooltip
// pattern), and a tooltip that would run off the screen moves back in.
(function () {
  "use strict";
  function place(term) {
    var tip = term.querySelector(".term-tip");
    if (!tip) return;
    tip.style.left = "0px";
    var r = tip.getBoundingClientRect();
    var over = r.right - (document.documentElement.clientWidth - 8);
    if (over > 0) tip.style.left = -Math.min(over, r.left - 8) + "px";
  }
  function show(e) {
    var term = e.target.closest && e.target.closest(".term");
    if (!term) return;
    term.classList.remove("tip-hidden");
    place(term);
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  document.addEventListener("focusout", function (e) {
    var term = e.target.closest && e.target.closest(".term");
    if (term) term.classList.remove("tip-hidden");
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var shown = document.querySelectorAll(".term:hover, .term:focus-within");
    for (var i = 0; i < shown.length; i++) shown[i].classList.add("tip-hidden");
  });
})();
