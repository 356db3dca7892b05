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
