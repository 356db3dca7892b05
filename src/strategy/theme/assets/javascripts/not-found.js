/* The not-found page: its "report a problem" email names the address the reader
   asked for, which only the browser knows (partials/copyright.html leaves
   {address} in the subject for it). */
(function () {
  "use strict";
  var PLACEHOLDER = encodeURIComponent("{address}");
  document.querySelectorAll("a[data-strategy-missing-address]").forEach(function (link) {
    link.href = link.getAttribute("href").split(PLACEHOLDER).join(encodeURIComponent(window.location.href));
  });
})();
