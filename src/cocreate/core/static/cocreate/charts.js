// Draw every chart on the page, and again after htmx swaps new ones in.
(function () {
  function draw(root) {
    if (!window.vegaEmbed) return;
    root.querySelectorAll(".vega-chart[data-spec]:not([data-drawn])").forEach(function (el) {
      var source = document.getElementById(el.dataset.spec);
      if (!source) return;
      el.dataset.drawn = "1";
      // The interpreter evaluates expressions without eval: no 'unsafe-eval' in the CSP.
      window.vegaEmbed(el, JSON.parse(source.textContent), {
        actions: false,
        renderer: "svg",
        ast: true,
        expr: window.vegaInterpreter.expressionInterpreter,
        defaultStyle: false,
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (event) { draw(event.target); });
})();
