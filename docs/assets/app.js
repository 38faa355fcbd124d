/* Mounts the guide's components. Each component file registers an init
 * function under its name; elements carry data-app-module="name".
 *
 * Material emits document$ on the first load and after every instant
 * navigation: modules are mounted on each emission, once per element. */
(() => {
  "use strict"
  const modules = new Map()

  const mount = () => {
    for (const element of document.querySelectorAll("[data-app-module]")) {
      const init = modules.get(element.dataset.appModule)
      if (!init || element.dataset.appMounted) continue
      element.dataset.appMounted = "true"
      try {
        init(element)
      } catch (error) {
        // One broken component must not take the page (or the others) down.
        console.error(`app: ${element.dataset.appModule}`, error)
      }
    }
  }

  window.app = {
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
