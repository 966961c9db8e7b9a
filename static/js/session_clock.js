// The session clock: time since the dose and what is due next, ticking each second.
// The page gives the server's "now"; the clock runs from it, so it keeps the app's time.
(function () {
  "use strict";
  var box = document.querySelector("[data-session-clock]");
  if (!box) {
    return;
  }
  var offset = Date.parse(box.getAttribute("data-now")) - Date.now();
  var dosedAt = Date.parse(box.getAttribute("data-dosed-at"));
  var dueAt = Date.parse(box.getAttribute("data-due-at"));
  var overdueAt = Date.parse(box.getAttribute("data-overdue-at"));
  var elapsed = box.querySelector("[data-clock-elapsed]");
  var due = box.querySelector("[data-clock-due]");
  function span(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    var seconds = Math.floor((Math.abs(ms) % 60000) / 1000);
    return minutes + " min " + (seconds < 10 ? "0" : "") + seconds + " s";
  }
  function tick() {
    var now = Date.now() + offset;
    elapsed.textContent = span(now - dosedAt);
    if (now > overdueAt) {
      due.textContent = "(overdue by " + span(now - dueAt) + ")";
      box.classList.remove("alert-info");
      box.classList.add("alert-danger");
    } else if (now >= dueAt) {
      due.textContent = "(due now)";
    } else {
      due.textContent = "(in " + span(dueAt - now) + ")";
    }
  }
  tick();
  window.setInterval(tick, 1000);
})();
