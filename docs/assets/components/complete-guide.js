/* « Guide complet »: the print button needs JavaScript, so its paragraph
 * stays hidden without it; the browser's own Print command works either way. */
app.register("complete-guide", (root) => {
  const paragraph = root.querySelector(".app-complete-guide__print")
  paragraph.hidden = false
  paragraph.querySelector("button").addEventListener("click", () => window.print())
})
