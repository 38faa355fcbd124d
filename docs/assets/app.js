/* Mounts the guide's components. Each component file registers an init
 * function under its name; elements carry data-app-module="name".
 *
 * Material emits document$ on the first load and after every instant
 * navigation: modules are mounted on each emission, once per element.
 *
 * A page's HTML loads the scripts of the components it shows, and no others.
 * After an instant navigation the new page's scripts are not run, so the
 * missing ones are loaded here; app.load(name, "lib") also fetches a script
 * of docs/assets/lib/ that only an action needs (the .odt export), when the
 * reader asks for it. */
(() => {
  "use strict"
  const modules = new Map()
  const loads = new Map()
  const base = new URL(".", document.currentScript.src)

  const load = (name, folder = "components") => {
    const src = new URL(`${folder}/${name}.js`, base).href
    if (!loads.has(src)) {
      const present = [...document.scripts].some(script => script.src === src)
      loads.set(
        src,
        present
          ? Promise.resolve()
          : new Promise((resolve, reject) => {
              const script = document.createElement("script")
              script.src = src
              script.onload = resolve
              script.onerror = () => reject(new Error(`app: ${src} non chargé`))
              document.body.append(script)
            }),
      )
    }
    return loads.get(src)
  }

  const mount = () => {
    for (const element of document.querySelectorAll("[data-app-module]")) {
      const name = element.dataset.appModule
      const init = modules.get(name)
      if (!init) {
        load(name).catch(error => console.error(error))
        continue
      }
      if (element.dataset.appMounted) continue
      element.dataset.appMounted = "true"
      try {
        init(element)
      } catch (error) {
        // One broken component must not take the page (or the others) down.
        console.error(`app: ${element.dataset.appModule}`, error)
      }
    }
  }

  // « 0 étape », « 1 étape », « 2 étapes »: French counts 0 and 1 as singular.
  const count = (n, singular, plural = `${singular}s`) => `${n} ${n < 2 ? singular : plural}`

  window.app = {
    ...window.app,
    count,
    load,
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

  if (typeof document$ !== "undefined") document$.subscribe(mount)
  else document.addEventListener("DOMContentLoaded", mount)
})()
