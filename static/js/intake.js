// Progressive enhancement for the questionnaire; every page also works without it.
(function () {
  "use strict";

  // <div data-show-when="field:value1,value2"> is shown only while that field has one of the
  // values (for checkboxes: while any of them is ticked); data-hide-when hides it instead.
  function conditionalBlocks(form) {
    form.querySelectorAll("[data-show-when], [data-hide-when]").forEach(function (block) {
      var hide = block.hasAttribute("data-hide-when");
      var rule = block.getAttribute(hide ? "data-hide-when" : "data-show-when").split(":");
      var name = rule[0];
      var values = rule[1].split(",");
      var inputs = form.querySelectorAll('input[name="' + name + '"]');
      function update() {
        var matches = Array.prototype.some.call(inputs, function (input) {
          return input.checked && values.indexOf(input.value) !== -1;
        });
        block.hidden = hide ? matches : !matches;
      }
      inputs.forEach(function (input) {
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

  document.querySelectorAll("form.intake-step, form.conditional").forEach(conditionalBlocks);
  document.querySelectorAll("form.intake-step, form.submit-once").forEach(submitOnce);

  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
