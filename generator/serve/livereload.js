// Live reload for "p2pc serve". The server adds this script to every page
// it serves (never to the built site). It listens for the server's build
// events: after a build that changed this page it reloads it, keeping the
// scroll position; after an edit of another lesson it goes to that lesson;
// after a failed build it shows the errors over the page, which stays as
// it was, and removes them after the next good build.
(function () {
  "use strict";
  var scrollKey = "p2pc-serve-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var xy = JSON.parse(saved);
    window.scrollTo(xy[0], xy[1]);
  }

  // here is this page's output file: "five-steps/ask/index.html".
  function here() {
    var p = decodeURIComponent(location.pathname).replace(/^\/+/, "");
    return p === "" || p.slice(-1) === "/" ? p + "index.html" : p;
  }

  function reload() {
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  }

  var overlay = null;
  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (style) e.setAttribute("style", style);
    return e;
  }

  // show lists the build's problems, each with the lines of its file.
  function show(problems) {
    hide();
    overlay = el("section", "", "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;" +
      "padding:1.5rem;background:rgba(24,24,27,.96);color:#f4f4f5;font:14px/1.5 ui-monospace,monospace;text-align:left");
    overlay.id = "p2pc-overlay";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-label", "Build failed");
    var title = el("h2", "Build failed: the page shows the last good build", "margin:0 0 1rem;font-size:1.2rem;color:#fca5a5");
    overlay.appendChild(title);
    problems.forEach(function (p) {
      var box = el("div", "", "margin:0 0 1.25rem");
      box.className = "p2pc-problem";
      box.appendChild(el("p", p.text, "margin:0 0 .25rem;font-weight:bold;white-space:pre-wrap"));
      if (p.source && p.source.length) {
        var pre = el("pre", "", "margin:0;padding:.5rem;background:#09090b;overflow:auto");
        p.source.forEach(function (l) {
          var line = el("span", String(l.n).padStart(5) + " | " + l.text + "\n", l.here ? "color:#fde68a" : "color:#a1a1aa");
          pre.appendChild(line);
          if (l.here && p.col > 0) {
            pre.appendChild(el("span", "      | " + " ".repeat(p.col - 1) + "^\n", "color:#fca5a5"));
          }
        });
        box.appendChild(pre);
      }
      overlay.appendChild(box);
    });
    var close = el("button", "Hide", "font:inherit;padding:.25rem .75rem");
    close.type = "button";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  var events = new EventSource("/__p2pc/events");
  events.addEventListener("open", function () {
    document.documentElement.setAttribute("data-p2pc-live", ""); // listening (tests wait for it)
  });
  events.addEventListener("reload", function (e) {
    var msg = JSON.parse(e.data);
    var page = here();
    if (msg.edited && msg.edited !== page) {
      location.href = "/" + encodeURI(msg.edited);
    } else if (msg.all || msg.changed.indexOf(page) >= 0) {
      reload();
    } else {
      hide();
    }
  });
  events.addEventListener("errors", function (e) { show(JSON.parse(e.data)); });
  events.addEventListener("ok", hide);
})();
