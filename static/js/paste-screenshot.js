// Find a scene (templates/scenes/find.html): a picture pasted anywhere on the page (Ctrl+V, or a long press
// then Paste on a phone) becomes the form's file and is sent at once. Without JavaScript the file input works.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-paste-target]");
    if (!form || typeof DataTransfer === "undefined") return;
    var input = form.querySelector('input[type="file"]');
    var status = form.querySelector("[data-paste-status]");

    document.addEventListener("paste", function (event) {
      var items = (event.clipboardData && event.clipboardData.files) || [];
      var picture = Array.prototype.find.call(items, function (file) { return file.type.indexOf("image/") === 0; });
      if (!picture) return;
      event.preventDefault();
      var files = new DataTransfer();
      files.items.add(new File([picture], picture.name || "pasted-screenshot.png", { type: picture.type }));
      input.files = files.files;
      if (status) {
        status.hidden = false;
        status.textContent = status.dataset.sending || "Pasted picture: looking for its scene…";
      }
      form.requestSubmit ? form.requestSubmit() : form.submit();
    });
  });
})();
