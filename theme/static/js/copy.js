/* Copy button for the calendar address (progressive enhancement: without JavaScript the
   address stays selectable in its read-only field). Loaded with `defer`; no inline script. */
(function () {
  "use strict";
  var panels = document.querySelectorAll(".inka-subscribe[data-copy-label]");
  Array.prototype.forEach.call(panels, function (panel) {
    var input = panel.querySelector("input.inka-feed-url");
    var status = panel.querySelector(".inka-copy-status");
    if (!input || !status) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button inka-copy";
    button.textContent = panel.getAttribute("data-copy-label");
    input.insertAdjacentElement("afterend", button);
    function done() {
      status.textContent = panel.getAttribute("data-copied-label");
    }
    button.addEventListener("click", function () {
      input.focus();
      input.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () {
          if (document.execCommand("copy")) { done(); }
        });
      } else if (document.execCommand("copy")) {
        done();
      }
    });
  });
})();
