// The dashboard's charts, from the figures in a json_script tag (CSP: no inline script).
(function () {
  "use strict";
  var data = document.getElementById("dashboard-charts");
  if (!data || typeof Chart === "undefined") {
    return;
  }
  var charts = JSON.parse(data.textContent);
  var colours = ["#0d6efd", "#b35900", "#198754", "#6f42c1", "#d63384"];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = charts[canvas.getAttribute("data-chart")];
    if (!spec) {
      return;
    }
    var twoAxes = spec.series.some(function (s) { return s.axis === "y1"; });
    var valueAxis = spec.horizontal ? "x" : "y";
    var scales = {};
    scales[valueAxis] = {
      beginAtZero: true,
      stacked: !!spec.stacked,
      title: { display: true, text: spec.axis }
    };
    scales[spec.horizontal ? "y" : "x"] = { stacked: !!spec.stacked, ticks: { autoSkip: !spec.horizontal } };
    if (twoAxes) {
      scales.y1 = { beginAtZero: true, position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: spec.axis1 } };
    }
    new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (series, index) {
          return {
            label: series.label,
            data: series.data,
            yAxisID: series.axis || undefined,
            backgroundColor: colours[index % colours.length],
            borderColor: colours[index % colours.length]
          };
        })
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? "y" : "x",
        scales: scales
      }
    });
  });
})();
