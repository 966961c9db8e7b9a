// The patient's countdown to the next reading after an at-home dose. It ticks each
// second from the server's "now" and reloads the page when the reading falls due, so
// the form to send it appears without the patient doing anything.
(function () {
  "use strict";
  var box = document.querySelector("[data-reading-countdown]");
  if (!box) {
    return;
  }
  var offset = Date.parse(box.getAttribute("data-now")) - Date.now();
  var opensAt = Date.parse(box.getAttribute("data-opens-at"));
  var left = box.querySelector("[data-countdown-left]");
  var reloaded = false;
  function words(ms) {
    var minutes = Math.floor(ms / 60000);
    var seconds = Math.floor((ms % 60000) / 1000);
    if (minutes > 0) {
      return minutes + (minutes === 1 ? " minute " : " minutes ") + seconds + " s";
    }
    return seconds + (seconds === 1 ? " second" : " seconds");
  }
  function tick() {
    var wait = opensAt - (Date.now() + offset);
    if (wait <= 0) {
      left.textContent = "now";
      if (!reloaded) {
        reloaded = true;
        window.location.reload();
      }
      return;
    }
    left.textContent = "in " + words(wait);
  }
  tick();
  window.setInterval(tick, 1000);
})();
