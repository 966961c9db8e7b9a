// Idle sessions end on the server (30 minutes for patients, 15 for staff). Warn
// before that happens; typing or clicking counts as activity and keeps the session
// alive; when the time is up, sign out here too, so nothing stays on the screen.
// Tabs share the time of the last renewal (a timestamp, nothing else), so an idle
// tab never signs out someone who is working in another.
(function () {
  "use strict";
  var box = document.getElementById("idle-warning");
  if (!box) {
    return;
  }
  var idleMs = Number(box.getAttribute("data-idle-seconds")) * 1000;
  var warnMs = Math.min(120000, idleMs / 4);
  var form = box.querySelector("form");
  var left = box.querySelector("[data-idle-left]");
  var SHARED = "session-renewed-at";
  var renewedAt = 0;
  var activeSince = 0; // the first activity since the session was last renewed
  var renewing = false;
  var timer = 0;

  function renewed(at) {
    renewedAt = at;
    try {
      window.localStorage.setItem(SHARED, String(at));
    } catch (error) {} // storage may be off: this tab then keeps its own time
  }

  function lastRenewal() {
    var shared = 0;
    try {
      shared = Number(window.localStorage.getItem(SHARED)) || 0;
    } catch (error) {}
    return Math.max(renewedAt, shared);
  }

  // The units' words come from the page, in its language (data-minute, data-minutes...).
  function plural(count, noun) {
    var name = noun + (count === 1 ? "" : "s");
    return count + " " + (box.getAttribute("data-" + name) || name);
  }

  function describe(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    return seconds > 90 ? plural(Math.ceil(seconds / 60), "minute") : plural(seconds, "second");
  }

  function signOut() {
    window.clearInterval(timer);
    var next = window.location.pathname + window.location.search;
    var signIn = box.getAttribute("data-sign-in-url") + "?next=" + encodeURIComponent(next);
    fetch(box.getAttribute("data-sign-out-url"), {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      redirect: "manual",
    })
      .catch(function () {})
      .then(function () { window.location.assign(signIn); });
  }

  function renew() {
    if (renewing) {
      return;
    }
    renewing = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      redirect: "manual",
    })
      .then(function (response) {
        if (response.status === 204) {
          renewed(Date.now());
          activeSince = 0;
          box.classList.add("d-none");
        } else {
          signOut(); // the session had already ended
        }
      })
      .catch(function () {}) // offline for a moment: the next activity tries again
      .then(function () { renewing = false; });
  }

  function tick() {
    var elapsed = Date.now() - lastRenewal();
    if (elapsed >= idleMs) {
      signOut();
    } else if (activeSince && elapsed > idleMs / 4) {
      renew();
    } else if (idleMs - elapsed <= warnMs) {
      left.textContent = describe(idleMs - elapsed);
      box.classList.remove("d-none");
    } else {
      box.classList.add("d-none"); // another tab renewed the session
    }
  }

  ["keydown", "input", "pointerdown"].forEach(function (type) {
    document.addEventListener(type, function () {
      activeSince = activeSince || Date.now();
    }, { capture: true, passive: true });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    renew();
  });
  renewed(Date.now()); // this page's own request renewed the session
  timer = window.setInterval(tick, 1000);
})();
