/* « Guide complet »: the print button needs JavaScript, so its paragraph
 * stays hidden without it; the browser's own Print command works either way. */
app.register("complete-guide", (paragraph) => {
  paragraph.hidden = false
  paragraph.querySelector("button").addEventListener("click", () => window.print())
})
