// Shows the "Print these cards" button on card print pages; without
// JavaScript the page still prints from the browser's menu.
document.querySelectorAll(".print-button").forEach(function (b) {
  b.hidden = false;
  b.addEventListener("click", function () { window.print(); });
});
