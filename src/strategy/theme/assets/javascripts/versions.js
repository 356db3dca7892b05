// The version selector and the "earlier version" banner, for a site deployed
// with mike (only builds made by mike load this script and render both). An
// enhancement: without JavaScript both stay hidden. Version titles are written
// "English title / Teitl Cymraeg" and shown in the page's language. No inline
// script, no other host.
(function () {
  "use strict";

  var holder = document.querySelector("[data-strategy-versions]");
  if (!holder) return;
  var siteRoot = new URL(holder.getAttribute("data-site-root"), location.href);  // this version's root
  var versionsRoot = new URL("../", siteRoot);  // where mike keeps every version
  var language = document.documentElement.lang;

  function title(entry) {
    var parts = (entry.title || entry.version).split(" / ");
    return (language === "cy" && parts[1]) ? parts[1] : parts[0];
  }

  function samePageIn(version) {
    var within = location.href.slice(siteRoot.href.length);
    return new URL(version + "/" + within, versionsRoot).href;
  }

  fetch(new URL("versions.json", versionsRoot)).then(function (response) {
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  }).then(function (versions) {
    var folder = siteRoot.pathname.replace(/\/$/, "").split("/").pop();
    var current = versions.find(function (v) { return v.version === folder || (v.aliases || []).indexOf(folder) >= 0; });
    var latest = versions.find(function (v) { return (v.aliases || []).indexOf("latest") >= 0; }) || versions[0];
    if (!current) return;

    var select = holder.querySelector("select");
    versions.forEach(function (entry) {
      var option = document.createElement("option");
      option.value = entry.version;
      option.textContent = title(entry);
      option.selected = entry.version === current.version;
      select.appendChild(option);
    });
    select.addEventListener("change", function () { location.href = samePageIn(select.value); });
    holder.hidden = false;

    var banner = document.querySelector("[data-strategy-outdated]");
    if (banner && latest && current.version !== latest.version) {
      banner.querySelector("a").href = samePageIn((latest.aliases || []).indexOf("latest") >= 0 ? "latest" : latest.version);
      banner.hidden = false;
    }
  }).catch(function () { /* not deployed with mike: nothing to show */ });
})();
