// Trainer view (package trainer): a toggle in the header that shows the
// notes for trainers in place, remembered per site in localStorage.
(function () {
  var root = document.documentElement;
  var body = document.body;
  var key = "p2pc:v1:" + (body.getAttribute("data-site") || "") + ":trainer-view";
  function stored() {
    try { return localStorage.getItem(key) === "on"; } catch (e) { return false; }
  }
  function remember(on) {
    try {
      if (on) localStorage.setItem(key, "on"); else localStorage.removeItem(key);
    } catch (e) { /* storage refused: the view holds on this page only */ }
  }
  var on = stored();
  var page = body.getAttribute("data-page") || "";
  var matters = document.querySelector(".trainer-note") || page.indexOf("facilitator-guide/") === 0;
  function apply(button) {
    root.classList.toggle("show-trainer", on);
    if (!button) return;
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.querySelector(".trainer-view-state").textContent = on ? ": on" : ": off";
  }
  if (!matters && !on) return;
  var button = document.createElement("button");
  button.type = "button";
  button.id = "trainer-view";
  button.className = "trainer-view";
  button.innerHTML = 'Trainer view<span class="trainer-view-state" aria-hidden="true"></span>';
  button.title = "Show or hide the notes for trainers on every page";
  button.addEventListener("click", function () {
    on = !on;
    remember(on);
    apply(button);
  });
  var tools = document.querySelector(".header-tools");
  var theme = document.getElementById("theme-toggle");
  if (tools && theme && theme.parentNode === tools) {
    tools.insertBefore(button, theme);
  } else if (tools) {
    tools.appendChild(button);
  } else {
    var heading = document.querySelector("main h1");
    if (!heading) return;
    heading.parentNode.insertBefore(button, heading.nextSibling);
  }
  apply(button);
})();
