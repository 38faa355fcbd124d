/* « Guide complet »: the print button needs JavaScript, so it stays hidden
 * without it; the browser's own Print command works either way. */
app.register("complete-guide", (button) => {
  button.hidden = false
  button.addEventListener("click", () => window.print())
})
