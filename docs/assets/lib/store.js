/* app.store: what a reader types or ticks, kept in this browser only.
 *
 * Shared by every component that remembers something (checklists, decision
 * grid, note builder), so that they all keep the same promises:
 * - keys carry the site's own path, so two sites on one origin (two projects
 *   on one github.io account) never read each other's data;
 * - data that cannot be read back (corrupted, or an older format) is
 *   ignored, never thrown;
 * - when storage is missing, blocked or full, data lives in memory for the
 *   visit (instant navigation keeps it) and the failure is reported once.
 *
 *   const slot = app.store.slot("checklist", "fin-de-defi-eig", { version: 1 })
 *   const saved = slot.read()   // { data, savedAt, problem }
 *   slot.write({ items: … })    // true when kept beyond this visit
 *   app.store.onUnavailable(reason => …, { signal })   // signal: see app.js
 */
(() => {
  "use strict"

  // store.js sits in assets/lib/ under the site’s root.
  const script = document.currentScript
  const root = new URL("../../", script ? script.src : location.href).pathname
  const PREFIX = `app:${root}:`

  const memory = new Map()
  const listeners = new Set()
  let reason = null
  let storage = null

  const setUnavailable = (why, error) => {
    if (reason) return
    reason = why
    storage = null
    // Once per page load, whatever the number of components or writes. For
    // developers, in English: readers are told by each component's notice
    // (onUnavailable), in data/interface.yml's words.
    console.warn(`app.store: progress not kept (${why})`, error || "")
    for (const listener of listeners) listener(why)
    listeners.clear()
  }

  const probe = () => {
    // Browsers disagree on file:// storage (shared by every local file,
    // one origin per file, or refused): say plainly that nothing is kept.
    if (location.protocol === "file:") return setUnavailable("file")
    try {
      const candidate = window.localStorage
      const key = `${PREFIX}probe`
      candidate.setItem(key, "1")
      candidate.removeItem(key)
      storage = candidate
    } catch (error) {
      setUnavailable(error && error.name === "QuotaExceededError" ? "quota" : "blocked", error)
    }
  }

  const isPlainObject = value =>
    value !== null && typeof value === "object" && !Array.isArray(value)

  const decode = (raw, version) => {
    if (raw === null || raw === undefined) return { data: null, savedAt: null, problem: null }
    let parsed
    try {
      parsed = JSON.parse(raw)
    } catch {
      return { data: null, savedAt: null, problem: "corrupt" }
    }
    if (!isPlainObject(parsed) || !isPlainObject(parsed.data)) {
      return { data: null, savedAt: null, problem: "corrupt" }
    }
    if (parsed.v !== version) return { data: null, savedAt: null, problem: "format" }
    const savedAt = new Date(parsed.savedAt)
    return { data: parsed.data, savedAt: isNaN(savedAt) ? null : savedAt, problem: null }
  }

  const slot = (component, id, { version = 1 } = {}) => {
    const key = `${PREFIX}${component}:${id}`
    return {
      key,
      /* What was saved last, or data: null. A problem ("corrupt", "format")
       * says that something was there but could not be used. */
      read() {
        let raw = memory.has(key) ? memory.get(key) : null
        if (storage) {
          try {
            raw = storage.getItem(key)
          } catch (error) {
            setUnavailable("blocked", error)
          }
        }
        return decode(raw, version)
      },
      /* Saves `data` (a plain object); true when it outlives the visit. */
      write(data) {
        const raw = JSON.stringify({ v: version, savedAt: new Date().toISOString(), data })
        memory.set(key, raw)
        if (!storage) return false
        try {
          storage.setItem(key, raw)
          return true
        } catch (error) {
          setUnavailable(error && error.name === "QuotaExceededError" ? "quota" : "blocked", error)
          return false
        }
      },
      remove() {
        memory.delete(key)
        try {
          if (storage) storage.removeItem(key)
        } catch (error) {
          setUnavailable("blocked", error)
        }
      },
      /* Calls back when another tab of the same site saves this slot,
       * until `signal` (the page's, see app.js) aborts. */
      watch(callback, { signal } = {}) {
        window.addEventListener(
          "storage",
          event => {
            if (event.key === key) callback(decode(event.newValue, version))
          },
          { signal },
        )
      },
    }
  }

  /* A file the reader keeps (text, or bytes such as a zip archive): created
   * on the device, never sent anywhere. */
  const download = (filename, text, type = "text/markdown") => {
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
    const link = document.createElement("a")
    link.href = url
    link.download = filename
    link.hidden = true
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }

  /* Resolves true when the text is on the clipboard. */
  const copy = async text => {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch {
      // Older browsers, or a clipboard API refused outside a user gesture.
      const area = document.createElement("textarea")
      area.value = text
      area.setAttribute("readonly", "")
      area.className = "app-visually-hidden"
      document.body.append(area)
      area.select()
      let done = false
      try {
        done = document.execCommand("copy")
      } catch {
        done = false
      }
      area.remove()
      return done
    }
  }

  const readFile = file =>
    new Promise((resolve, reject) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result))
      reader.onerror = () => reject(reader.error)
      reader.readAsText(file, "utf-8")
    })

  /* « 1er mars 2025 », « 12 mars 2025 »: the guide's date format. */
  const frenchDate = date => {
    const text = date.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" })
    return date.getDate() === 1 ? text.replace(/^1 /, "1er ") : text
  }

  /* 2025-03-12, in local time, for file names. */
  const isoDay = date => {
    const pad = n => String(n).padStart(2, "0")
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  }

  probe()

  window.app = window.app || {}
  window.app.store = {
    slot,
    /* Null while storage works; else "file", "blocked" or "quota". */
    get unavailable() {
      return reason
    },
    /* Calls `listener(reason)` once storage is known to be unavailable:
     * at once if it already is, or at the first failed write before
     * `signal` (the page's, see app.js) aborts. */
    onUnavailable(listener, { signal } = {}) {
      if (reason) listener(reason)
      else if (!signal?.aborted) {
        listeners.add(listener)
        signal?.addEventListener("abort", () => listeners.delete(listener), { once: true })
      }
    },
    download,
    copy,
    readFile,
    frenchDate,
    isoDay,
  }
})()
