/* Material's tooltips show an element's title (an abbreviation's, a link's, or the text of
   a heading cut short in the contents) by writing it into the tooltip as HTML, so a title
   that reads "<img src=x onerror=...>" would become an image with a handler on hover. The
   content check refuses markup in titles; this makes every tooltip show its title as the
   text it is, whatever it holds: a tooltip's box takes what is written into it as text. */
(function () {
  "use strict";
  var TOOLTIP = ".md-tooltip2__inner, .md-tooltip__inner";
  var innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, "innerHTML");
  Object.defineProperty(Element.prototype, "innerHTML", {
    configurable: true,
    enumerable: innerHTML.enumerable,
    get: innerHTML.get,
    set: function (html) {
      if (this.matches(TOOLTIP)) {
        this.textContent = html;
      } else {
        innerHTML.set.call(this, html);
      }
    }
  });
})();
