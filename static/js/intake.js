// Progressive enhancement for the questionnaire; every page also works without it.
(function () {
  "use strict";

  // <div data-show-when="field:value1,value2"> is shown only while that field has one of the values.
  function conditionalBlocks(form) {
    form.querySelectorAll("[data-show-when]").forEach(function (block) {
      var rule = block.getAttribute("data-show-when").split(":");
      var name = rule[0];
      var values = rule[1].split(",");
      function update() {
        var checked = form.querySelector('input[name="' + name + '"]:checked');
        var show = checked !== null && values.indexOf(checked.value) !== -1;
        block.hidden = !show;
      }
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (input) {
        input.addEventListener("change", update);
      });
      update();
    });
  }

  // A second click on a submit button does nothing while the first is on its way.
  function submitOnce(form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.submitting === "yes") {
        event.preventDefault();
        return;
      }
      form.dataset.submitting = "yes";
    });
  }

  document.querySelectorAll("form.intake-step").forEach(conditionalBlocks);
  document.querySelectorAll("form.intake-step, form.submit-once").forEach(submitOnce);

  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
