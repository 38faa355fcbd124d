/* Wrapper around Material's search worker (see overrides/main.html).
 *
 * Stock lunr matches « équipe » only when the reader types the accent. Folding
 * accents on both sides (indexed words and the query) fixes it for French,
 * where readers often type without accents. */
(() => {
  "use strict"
  const worker = new URL(self.location.href).searchParams.get("worker") || ""
  // Only a sibling Material worker may be imported: the name comes from a URL.
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker))
    throw new Error(`app-search: unexpected worker « ${worker} »`)

  const fold = text => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  const QUERY = 2 // Material's SearchMessageType.QUERY

  // Registered before Material's listener, so the query is folded first.
  self.addEventListener("message", event => {
    if (event.data && event.data.type === QUERY && typeof event.data.data === "string")
      event.data.data = fold(event.data.data)
  })

  importScripts(worker)

  const lunr = self.lunr
  const foldToken = token => token.update(fold)
  lunr.Pipeline.registerFunction(foldToken, "appFold")

  // Material sets up the language pipelines, then calls ref(): fold goes first.
  const ref = lunr.Builder.prototype.ref
  lunr.Builder.prototype.ref = function (...args) {
    for (const pipeline of [this.pipeline, this.searchPipeline]) {
      const stack = pipeline._stack.slice()
      pipeline.reset()
      pipeline.add(foldToken, ...stack)
    }
    return ref.apply(this, args)
  }
})()
