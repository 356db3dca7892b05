/* A Copy button beside each address on the subscribe page (partials/strategy/feeds.html).
   Without script, or without clipboard access, the address is there to select. */
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  var status = document.querySelector(".strategy-copy-status");
  document.querySelectorAll("[data-strategy-copy]").forEach(function (address) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button strategy-copy-button";
    button.textContent = address.getAttribute("data-copy-text");
    button.setAttribute("aria-label", address.getAttribute("data-copy-label"));
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(address.textContent.trim()).then(function () {
        // Seen on the button itself, heard from the status region.
        button.textContent = address.getAttribute("data-copied-short");
        button.setAttribute("data-copied", "");
        if (status) status.textContent = address.getAttribute("data-copied-text");
        setTimeout(function () {
          button.textContent = address.getAttribute("data-copy-text");
          button.removeAttribute("data-copied");
        }, 4000);
      });
    });
    address.insertAdjacentElement("afterend", button);
  });
})();
