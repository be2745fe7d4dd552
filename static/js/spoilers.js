// Spoiler notices (templates/scenes/_spoiler.html) work without JavaScript: a <details> whose closed state blurs
// its scene. With JavaScript, the blurred parts are also made inert while hidden, so keyboards and screen
// readers skip them too, and clicking the blurred picture reveals it instead of following its link.
(function () {
  "use strict";

  function sync(details) {
    var box = details.closest("[data-spoiler]");
    if (!box) return;
    box.querySelectorAll("[data-spoilable]").forEach(function (element) {
      element.inert = !details.open;
    });
  }

  function setUp(root) {
    root.querySelectorAll("details.spoiler").forEach(function (details) {
      if (details.dataset.spoilerReady) return;
      details.dataset.spoilerReady = "1";
      sync(details);
      details.addEventListener("toggle", function () { sync(details); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  document.addEventListener("htmx:afterSwap", function (event) { setUp(event.target); });
})();
