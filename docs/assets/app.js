/* Mounts the guide's components. Each component file registers an init
 * function under its name; elements carry data-app-module="name".
 *
 * Material emits document$ on the first load and after every instant
 * navigation (a jump to a fragment included): it then replaces the page's
 * content, and modules are mounted on each emission, once per element.
 *
 * Instant navigation never unloads the page, so a listener a component
 * leaves on window, on document or in app.store would outlive its page.
 * Each emission has its own AbortController, aborted at the next one: init
 * gets its signal, `init(element, { signal, message })`, and hands it to every such
 * listener (`addEventListener(type, listener, { signal })`,
 * `app.store.onUnavailable(listener, { signal })`, `slot.watch(callback,
 * { signal })`). Listeners on the component's own elements need none: they
 * go with the elements. An element that outlives the emission (the header,
 * which instant navigation keeps) is mounted once, so its component must not
 * hand this signal to anything.
 *
 * A page's HTML loads the scripts of the components it shows, and no others.
 * After an instant navigation the new page's scripts are not run, so the
 * missing ones are loaded here; app.load(name, "lib") also fetches a script
 * of docs/assets/lib/ that only an action needs (the .odt export), when the
 * reader asks for it.
 *
 * Errors are logged with the prefix « app: », which the browser tests watch:
 * a broken component fails them. */
(() => {
  "use strict"

  // Set in the head already (overrides/partials/js-flag.html), where the theme allows.
  document.documentElement.classList.add("app-js")
  const modules = new Map()
  const loads = new Map()
  const base = new URL(".", document.currentScript.src)
  const folders = ["components/", "lib/"].map(folder => new URL(folder, base).href)
  // The current page's controller. The page's deferred scripts mount their
  // components as they register, before Material's first emission (at
  // DOMContentLoaded; never on a file:// page), which is the same page: only
  // the emissions after it bring a new one.
  let emission = new AbortController()
  let first = true

  /* Settles when the script has run, or rejects when it could not be
   * fetched; a failure is forgotten, so that a later load() tries again. */
  const track = script => {
    const promise = new Promise((resolve, reject) => {
      script.addEventListener("load", () => resolve(), { once: true })
      script.addEventListener("error", () => reject(new Error(`app: ${script.src} non chargé`)), { once: true })
    }).catch(error => {
      loads.delete(script.src)
      script.remove()
      throw error
    })
    loads.set(script.src, promise)
    return promise
  }

  // The page's own component scripts come after this one, deferred: none
  // has run yet, so their load or error event is still to come. A failure
  // is reported by load(), which mount() calls for a missing module.
  for (const script of document.scripts) {
    if (folders.some(folder => script.src.startsWith(folder))) track(script).catch(() => {})
  }

  const load = (name, folder = "components") => {
    const src = new URL(`${folder}/${name}.js`, base).href
    if (loads.has(src)) return loads.get(src)
    const script = document.createElement("script")
    script.src = src
    const promise = track(script)
    document.body.append(script)
    return promise
  }

  /* What a component's script says, from data/interface.yml: its root
   * carries the `messages` of its part as JSON (data-app-messages).
   * `message(key, { name: value })` fills the text's {name} slots; a text
   * with two forms, « singulier|pluriel », takes the first when {n} is 0 or
   * 1, as French does. A key the data lacks is a bug: logged, key shown.
   * app.messages(element) makes the same function from any element that
   * carries a part's messages: a script working on a page without its
   * component (the grid's export, in the note builder) reads them there. */
  const messages = element => {
    const texts = JSON.parse(element.dataset.appMessages || "{}")
    return (key, values = {}) => {
      if (!Object.hasOwn(texts, key)) {
        console.error(`app: message « ${key} » absent de data/interface.yml`)
        return key
      }
      const [one, many = one] = texts[key].split("|")
      return (values.n < 2 ? one : many).replace(/\{([a-z]+)\}/g, (_, name) => String(values[name]))
    }
  }

  const mount = () => {
    const { signal } = emission
    for (const element of document.querySelectorAll("[data-app-module]")) {
      const name = element.dataset.appModule
      const init = modules.get(name)
      if (!init) {
        // A site-wide module (assets/lib/, on every page) may be still to run.
        const folder = loads.has(new URL(`lib/${name}.js`, base).href) ? "lib" : "components"
        load(name, folder).catch(error => console.error(error.message))
        continue
      }
      if (element.dataset.appMounted) continue
      element.dataset.appMounted = "true"
      try {
        init(element, { signal, message: messages(element) })
      } catch (error) {
        // One broken component must not take the page (or the others) down.
        console.error(`app: ${name}`, error)
      }
    }
  }

  const remount = () => {
    if (!first) {
      emission.abort()
      emission = new AbortController()
    }
    first = false
    mount()
  }

  window.app = {
    ...window.app,
    load,
    messages,
    register(name, init) {
      modules.set(name, init)
      mount()
    },
  }

  // A jump to a fragment makes Material's instant navigation reload the
  // content, at times after the jump, which drops the keyboard focus back to
  // the top of the page. The skip link moves the focus itself instead, and
  // stays a plain link without JavaScript.
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest?.("a.md-skip")
      const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)))
      if (!target) return
      event.preventDefault()
      event.stopPropagation()
      target.setAttribute("tabindex", "-1")
      target.focus()
    },
    true,
  )

  if (typeof document$ !== "undefined") document$.subscribe(remount)
  else document.addEventListener("DOMContentLoaded", mount)
})()
