// The search box's suggestions by keyboard: the down and up arrows move through them, Escape closes them.
// (A static file rather than an hx-on attribute: the Content-Security-Policy lets no inline code run.)
(function () {
  "use strict";

  document.addEventListener("keydown", function (event) {
    if (!["ArrowDown", "ArrowUp", "Escape"].includes(event.key)) return;
    var form = event.target.closest && event.target.closest("form.site-search");
    if (!form) return;
    var input = form.querySelector("#site-search-q");
    var box = form.querySelector("#site-search-suggestions");
    var links = Array.from(box.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      box.replaceChildren();
      input.focus();
      return;
    }
    if (!links.length) return;
    event.preventDefault();
    var next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
    (next < 0 ? input : links[next]).focus();
  });
})();
