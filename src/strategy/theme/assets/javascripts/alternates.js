// Material's bundle, once the page has loaded, fetches "sitemap.xml" next to
// every <link rel="alternate"> in the page: it expects those links to point at
// language roots. Ours point at this page's twins (hreflang) and at its feeds,
// so each page view would make about ten requests, most of them for pages that
// do not exist, and to the other language's domain when it has one. This script
// runs after the bundle and before the page has loaded: it hides the links from
// that one look and puts them back straight after. Readers, crawlers and feed
// readers see them as written. No inline script, no other host.
(function () {
  "use strict";

  var HIDDEN = "strategy-alternate";
  var links = document.querySelectorAll('link[rel="alternate"]');
  if (!links.length || document.readyState !== "loading") return;
  links.forEach(function (link) { link.setAttribute("rel", HIDDEN); });
  // Listeners run in the order they were added: the bundle's first.
  document.addEventListener("DOMContentLoaded", function () {
    links.forEach(function (link) { link.setAttribute("rel", "alternate"); });
  });
})();
