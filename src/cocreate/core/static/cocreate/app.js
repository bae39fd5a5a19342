// Small behaviours that need a script, kept out of the HTML (no inline JavaScript).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});

// A panel inside a live form that sends its own fields (the designer's talk proposal):
// its changes must not re-check, and so re-render, the form around it.
document.addEventListener("change", function (event) {
  if (event.target.closest("[data-own-fields]")) event.stopPropagation();
}, true);

// Enter in such a panel sends the panel, not the form around it.
document.addEventListener("keydown", function (event) {
  const panel = event.target.closest("[data-own-fields]");
  if (!panel || event.key !== "Enter" || event.target.tagName === "TEXTAREA") return;
  event.preventDefault();
  const send = panel.querySelector("[data-talk-send]");
  if (send) send.click();
});
