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
