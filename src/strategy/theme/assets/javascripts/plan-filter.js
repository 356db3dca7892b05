// Delivery plan filters: an enhancement. Without JavaScript the form stays
// hidden and every table shows in full. No inline script, no other host.
(function () {
  "use strict";

  function apply(form) {
    var owner = form.elements.owner.value;
    var status = form.elements.status.value;
    var shown = 0;
    document.querySelectorAll("table.strategy-table--actions").forEach(function (table) {
      var visibleInTable = 0;
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var match = (!owner || row.dataset.owner === owner) && (!status || row.dataset.status === status);
        row.hidden = !match;
        if (match) visibleInTable += 1;
      });
      shown += visibleInTable;
      var wrap = table.closest(".strategy-table-wrap");
      var none = wrap && wrap.nextElementSibling;
      if (none && none.classList.contains("strategy-filter__none")) none.hidden = visibleInTable > 0;
    });
    form.querySelector(".strategy-filter__count").textContent =
      form.dataset.shownTemplate.replace("{shown}", String(shown));
  }

  function init() {
    var form = document.querySelector("form[data-strategy-filter]");
    if (!form) return;
    form.hidden = false;
    form.addEventListener("change", function () { apply(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
