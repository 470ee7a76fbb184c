/* Preview only (invoke serve): reload the page when a rebuild has written a new
   /.preview-stamp. Never part of a published build. */
(function () {
  "use strict";
  var last = null;
  function poll() {
    fetch("/.preview-stamp", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (stamp) {
        if (stamp !== null && last !== null && stamp !== last) {
          window.location.reload();
          return;
        }
        if (stamp !== null) { last = stamp; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
