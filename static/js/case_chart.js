// PHQ-9 and GAD-7 totals over a patient's submissions (data from a json_script tag).
(function () {
  "use strict";
  var data = document.getElementById("score-history");
  var canvas = document.getElementById("score-chart");
  if (!data || !canvas || typeof Chart === "undefined") {
    return;
  }
  var points = JSON.parse(data.textContent);
  new Chart(canvas, {
    type: "line",
    data: {
      labels: points.map(function (p) { return p.date; }),
      datasets: [
        { label: "PHQ-9", data: points.map(function (p) { return p.phq9; }), borderColor: "#0d6efd", backgroundColor: "#0d6efd" },
        { label: "GAD-7", data: points.map(function (p) { return p.gad7; }), borderColor: "#d63384", backgroundColor: "#d63384" }
      ]
    },
    options: {
      animation: false,
      scales: { y: { min: 0, max: 27, title: { display: true, text: "Total score" } } }
    }
  });
})();
