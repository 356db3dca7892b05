/* A table's box (partials/strategy/macros.html) scrolls sideways when the table is
   wider than the page. Only then is it a Tab stop, a region named by the table's
   caption, so that a keyboard can scroll it: a box that does not scroll at this
   width is no stop at all. Checked again whenever a box changes size (a turned
   phone, a zoom). Without this script no box is a stop of ours: a box that scrolls
   either holds links, which Tab reaches and scrolls into view, or is made a Tab
   stop by the browser itself (Chromium since 130, Firefox), and no other box is. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".strategy-table-wrap");
  if (!boxes.length) return;

  function update(box) {
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", box.getAttribute("data-label"));
    } else {
      ["tabindex", "role", "aria-label"].forEach(function (name) { box.removeAttribute(name); });
    }
  }

  boxes.forEach(update);
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { update(entry.target); });
    });
    boxes.forEach(function (box) { observer.observe(box); });
  }
})();
