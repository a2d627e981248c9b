// The workshop pack (package trainer). Ticking and the paper work without
// JavaScript (CSS :has); this script shows the Print button and counts the
// pages of each worksheet ticked, so that, printed two-sided, a part that
// ends on the front of a sheet is followed by a blank back (the pack's
// CSS shows the filler of a part marked pack-odd; a deck's sheets are
// counted when the site is built). Browsers do not insert such blank
// pages themselves (break-before: recto is not honoured).
(function () {
  var mm = 96 / 25.4; // CSS px per mm
  var margin = { top: 15, right: 15, bottom: 18, left: 15 }; // as packMargin in pack.go

  // paper is the chosen paper's size in mm.
  function paper() {
    var r = document.querySelector('input[name="paper"]:checked');
    return r ? { w: parseFloat(r.dataset.width), h: parseFloat(r.dataset.height) } : null;
  }

  // pages lays a worksheet's blocks on pages of height h (px) as print
  // does: a block that must not break and does not fit moves whole to the
  // next page; a longer one runs on.
  function pages(box, h) {
    var top0 = box.getBoundingClientRect().top;
    var count = 1, start = 0;
    var blocks = box.children;
    for (var i = 0; i < blocks.length; i++) {
      var el = blocks[i], r = el.getBoundingClientRect(), cs = getComputedStyle(el);
      if (cs.display === "none") continue;
      var top = r.top - top0 - parseFloat(cs.marginTop), bottom = r.bottom - top0;
      if (bottom - start <= h) continue;
      if (cs.breakInside === "avoid" && r.height <= h) {
        count++;
        start = r.top - top0;
        continue;
      }
      while (bottom - start > h) {
        count++;
        start += h;
      }
      if (top > start) start = top;
    }
    return count;
  }

  // count marks each worksheet shown with pack-odd when it prints on an
  // odd number of pages of the chosen paper.
  function count() {
    var p = paper();
    if (!p) return;
    var body = document.body;
    body.classList.add("pack-measuring");
    body.style.setProperty("--pack-text-width", (p.w - margin.left - margin.right) + "mm");
    var h = (p.h - margin.top - margin.bottom) * mm;
    var parts = document.querySelectorAll(".pack-text");
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      if (getComputedStyle(part).display === "none") continue;
      var n = pages(part.firstElementChild, h);
      part.classList.toggle("pack-odd", n % 2 === 1);
      part.setAttribute("data-pages", n);
    }
    body.classList.remove("pack-measuring");
  }

  document.querySelectorAll(".print-button").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { count(); window.print(); });
  });
  document.addEventListener("change", count);
  window.addEventListener("beforeprint", count);
  count();
})();
