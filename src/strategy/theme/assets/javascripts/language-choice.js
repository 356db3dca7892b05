/* At the root of a versioned deployment (overrides/mike-redirect.html): go to the
   current version in the language the reader's browser prefers. The first of the
   browser's languages that the site has decides; Welsh readers get Welsh, everyone
   else English. The page's own links say where each language is. */
(function () {
  "use strict";
  var links = {};
  document.querySelectorAll("a[data-strategy-language]").forEach(function (link) {
    links[link.getAttribute("data-strategy-language")] = link.href;
  });
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  var chosen = "en";
  for (var i = 0; i < preferred.length; i++) {
    var primary = String(preferred[i]).toLowerCase().split("-")[0];
    if (links[primary]) {
      chosen = primary;
      break;
    }
  }
  if (links[chosen]) location.replace(links[chosen]);
})();
