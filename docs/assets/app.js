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

  if (typeof document$ !== "undefined") document$.subscribe(mount)
  else document.addEventListener("DOMContentLoaded", mount)
})()
