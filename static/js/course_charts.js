// The course page's charts: vitals over the course and PHQ-9/GAD-7 against the baseline.
// Data come from json_script tags; each chart has a data table beside it for screen readers.
(function () {
  "use strict";
  if (typeof Chart === "undefined") {
    return;
  }

  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function line(label, values, colour, dashed) {
    return {
      label: label,
      data: values,
      borderColor: colour,
      backgroundColor: colour,
      borderDash: dashed ? [6, 4] : [],
      spanGaps: true
    };
  }

  var vitals = read("vitals-data");
  var vitalsCanvas = document.getElementById("vitals-chart");
  if (vitals && vitalsCanvas) {
    new Chart(vitalsCanvas, {
      type: "line",
      data: {
        labels: vitals.map(function (p) { return p.at; }),
        datasets: [
          line("Systolic (mmHg)", vitals.map(function (p) { return p.systolic; }), "#b02a37", false),
          line("Diastolic (mmHg)", vitals.map(function (p) { return p.diastolic; }), "#0a58ca", false),
          line("Heart rate (bpm)", vitals.map(function (p) { return p.heart_rate; }), "#495057", true)
        ]
      },
      options: {
        animation: false,
        plugins: {
          tooltip: {
            callbacks: {
              title: function (items) { return vitals[items[0].dataIndex].what; }
            }
          }
        },
        scales: { y: { suggestedMin: 40, suggestedMax: 200 } }
      }
    });
  }

  var measures = read("measures-data");
  var measuresCanvas = document.getElementById("measures-chart");
  if (measures && measuresCanvas) {
    new Chart(measuresCanvas, {
      type: "line",
      data: {
        labels: measures.map(function (p) { return p.label; }),
        datasets: [
          line("PHQ-9", measures.map(function (p) { return p.phq9; }), "#0a58ca", false),
          line("GAD-7", measures.map(function (p) { return p.gad7; }), "#a3367a", true)
        ]
      },
      options: {
        animation: false,
        scales: { y: { min: 0, max: 27, title: { display: true, text: "Total score" } } }
      }
    });
  }
})();
