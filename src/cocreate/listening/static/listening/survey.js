// Feedback forms' pages. No inline script (the site's CSP): behaviour lives here.

// The public form: a question with a condition shows only while the earlier answer it
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

// The question editor: only the inputs the chosen kind and condition use. Hidden ones
// are still sent; the form leaves out what does not apply.
(function () {
  function sync(form, changed) {
    var kind = form.elements.kind.value;
    var on = form.elements.condition_on.value;
    var operator = form.elements.condition_operator;
    if (changed === form.elements.condition_on && on) {
      var choiceSubjects = JSON.parse(form.dataset.choiceSubjects || "[]");
      var isChoice = choiceSubjects.indexOf(on) !== -1;
      if (isChoice) operator.value = "one_of";
      else if (!operator.value || operator.value === "one_of") operator.value = "at_most";
    }
    form.querySelectorAll("[data-kinds]").forEach(function (part) {
      part.hidden = part.dataset.kinds.split(" ").indexOf(kind) === -1;
    });
    form.querySelectorAll("[data-condition-part]").forEach(function (part) {
      part.hidden = !on;
    });
    form.querySelectorAll("[data-operators]").forEach(function (part) {
      part.hidden = part.dataset.operators.split(" ").indexOf(operator.value) === -1;
    });
  }

  document.querySelectorAll("form[data-question-editor]").forEach(function (form) {
    sync(form, null);
    form.addEventListener("change", function (event) { sync(form, event.target); });
  });
})();
