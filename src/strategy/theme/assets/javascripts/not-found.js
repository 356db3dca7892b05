/* The not-found page: its "report a problem" email and its printed address name the
   address the reader asked for, which only the browser knows (partials/copyright.html
   leaves {address} in the subject for it; partials/strategy/print-source.html prints
   the site's address until then). */
(function () {
  "use strict";
  var PLACEHOLDER = encodeURIComponent("{address}");
  document.querySelectorAll("a[data-strategy-missing-address]").forEach(function (link) {
    link.href = link.getAttribute("href").split(PLACEHOLDER).join(encodeURIComponent(window.location.href));
  });
  document.querySelectorAll("[data-strategy-asked-address]").forEach(function (address) {
    address.textContent = window.location.href;
  });
})();
