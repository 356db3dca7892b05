/* The menu button at phone and tablet widths. Material opens its drawer with a
   <label for="__drawer">, which a keyboard cannot reach. This swaps it for a real
   button that says whether the menu is open, opens and closes from the keyboard,
   and closes with Escape, giving the focus back to the button. Without script,
   the label still opens the drawer for a pointer. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector("[data-strategy-menu-label]");
  var button = document.querySelector("[data-strategy-menu-button]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !button || !drawer) return;

  drawer.id = drawer.id || "strategy-menu";
  button.setAttribute("aria-controls", drawer.id);
  label.hidden = true;
  button.hidden = false;

  function show() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  function setOpen(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));  // Material listens to lock the page's scrolling
    show();
    if (open) {
      var first = drawer.querySelector("a[href], button, input:not([type=checkbox]), select");
      if (first) setTimeout(function () { first.focus(); }, 0);  // after the drawer becomes visible
    }
  }

  // Material's drawer opens a section or the current page's contents with a
  // <label for=...> a keyboard cannot reach: each becomes a button of its own,
  // saying whether its panel is open (the labels that only go back stay as
  // they are: Escape closes the menu).
  drawer.querySelectorAll(".md-nav__link[for]").forEach(function (opener) {
    var panel = document.getElementById(opener.getAttribute("for"));
    if (!panel || panel.type !== "checkbox") return;
    opener.setAttribute("tabindex", "0");
    opener.setAttribute("role", "button");
    var showPanel = function () { opener.setAttribute("aria-expanded", panel.checked ? "true" : "false"); };
    // Material's own keyboard handler clicks a focused label on Enter; a button
    // also answers Space.
    opener.addEventListener("keydown", function (event) {
      if (event.key !== " ") return;
      event.preventDefault();
      opener.click();
    });
    panel.addEventListener("change", showPanel);
    showPanel();
  });

  // Focus that leaves the open menu (Tab past its last link) closes it: the
  // page under the drawer is covered, so its links would be focused unseen.
  drawer.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (toggle.checked && next && !drawer.contains(next) && next !== button) setOpen(false);
  });

  button.addEventListener("click", function () { setOpen(!toggle.checked); });
  toggle.addEventListener("change", show);  // also when the overlay closes it
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      setOpen(false);
      button.focus();
    }
  });
  show();
})();
