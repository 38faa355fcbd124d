/* Wrapper around Material's search worker (see overrides/main.html).
 *
 * Stock lunr matches « équipe » only when the reader types the accent. Folding
 * accents on both sides (indexed words and the query) fixes it for French,
 * where readers often type without accents.
 *
 * Material starts its worker, and hands it the index, on every page load. Most
 * readers never search: the search engine (Material's worker and lunr's French
 * support, 16 KiB) is only fetched at the first query. Until then this wrapper
 * keeps the index and tells the page that search is ready. */
(() => {
  "use strict"
  const worker = new URL(self.location.href).searchParams.get("worker") || ""
  // Only a sibling Material worker may be imported: the name comes from a URL.
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker))
    throw new Error(`app-search: unexpected worker « ${worker} »`)

  const fold = text => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  // Material's SearchMessageType.
  const SETUP = 0
  const READY = 1
  const QUERY = 2
  const RESULT = 3

  let state = "waiting" // then "loading", then "ready"
  let setup = null
  let pending = null
  let relaying = false

  const post = self.postMessage.bind(self)
  // Hands a message to Material's own listener, as if it came from the page.
  const relay = data => {
    relaying = true
    try {
      self.dispatchEvent(new MessageEvent("message", { data }))
    } finally {
      relaying = false
    }
  }

  const foldIndex = () => {
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
  }

  const load = () => {
    state = "loading"
    // Material's worker answers through the global postMessage: its « ready »
    // was already given, so it is swallowed, and the query waiting is sent.
    self.postMessage = message => {
      if (state === "loading" && message && message.type === READY) {
        state = "ready"
        relay({ type: QUERY, data: pending })
      } else {
        post(message)
      }
    }
    importScripts(worker)
    foldIndex()
    relay(setup)
  }

  // Registered before Material's listener, so it sees every message first.
  self.addEventListener("message", event => {
    const message = event.data
    if (relaying || !message) return
    if (message.type === QUERY && typeof message.data === "string") message.data = fold(message.data)
    if (state === "ready") return
    event.stopImmediatePropagation()
    if (message.type === SETUP) {
      setup = message
      if (state === "waiting") post({ type: READY })
    } else if (message.type === QUERY && setup) {
      // The page asks for the empty query as soon as search is ready.
      if (state === "waiting" && !message.data.trim()) post({ type: RESULT, data: { items: [] } })
      else {
        pending = message.data
        if (state === "waiting") load()
      }
    }
  })
})()
