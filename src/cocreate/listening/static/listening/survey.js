// Feedback forms: a question with a condition is shown only while the earlier answer it
// depends on meets it. Without this script every question shows, saying when it
// applies; either way the server drops answers whose condition does not hold.
(function () {
  function picked(form, name) {
    return Array.from(form.elements).filter(function (input) {
      if (input.name !== name || input.disabled) return false;
      if (input.type === "radio" || input.type === "checkbox") return input.checked;
      return input.value !== "";
    }).map(function (input) { return input.value; });
  }

  function holds(block, form) {
    var values = picked(form, block.dataset.when);
    if (!values.length) return false;
    var operator = block.dataset.operator;
    if (operator === "one_of") {
      var choices = JSON.parse(block.dataset.choices || "[]");
      return values.some(function (value) { return choices.indexOf(value) !== -1; });
    }
    var answer = Number(values[0]), number = Number(block.dataset.number);
    if (operator === "at_most") return answer <= number;
    if (operator === "at_least") return answer >= number;
    return false;
  }

  // In the order of the page, so a question that depends on a hidden one hides too:
  // a hidden question's inputs are disabled, so they count as unanswered.
  function update(form) {
    form.querySelectorAll("[data-when]").forEach(function (block) {
      var shown = holds(block, form);
      block.hidden = !shown;
      block.querySelectorAll("input, select, textarea").forEach(function (input) {
        input.disabled = !shown;
      });
    });
  }

  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-when]")) return;
    form.querySelectorAll(".condition-note").forEach(function (note) { note.hidden = true; });
    update(form);
    form.addEventListener("change", function () { update(form); });
  });
})();
