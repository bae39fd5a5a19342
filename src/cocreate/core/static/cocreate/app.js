// Small behaviours that need a script, kept out of the HTML (no inline JavaScript).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
