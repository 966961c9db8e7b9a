// While an impact preview runs, poll its progress and reload the page when it is done.
(function () {
  "use strict";
  var box = document.querySelector("[data-preview-status]");
  if (!box) {
    return;
  }
  var url = box.getAttribute("data-preview-status");
  var done = box.querySelector("[data-preview-done]");
  var bar = box.querySelector("[data-preview-bar]");
  var progress = box.querySelector("[role=progressbar]");
  function poll() {
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        done.textContent = state.done;
        progress.setAttribute("aria-valuenow", state.done);
        bar.style.width = (state.total ? Math.round((100 * state.done) / state.total) : 100) + "%";
        if (state.status === "running") {
          window.setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
