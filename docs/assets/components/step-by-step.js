/* The reader's route: the situation and the distance to M0 chosen on the
 * home page, kept in this browser (app.store), and the « Étape N sur M »
 * box of the pages that belong to a step.
 *
 * Without this script every route shows with its own anchor and every step
 * is open: folding, choosing and remembering are additions. */
(() => {
  "use strict"

  const VERSION = 1
  const slot = () => window.app.store.slot("step-by-step", "choice", { version: VERSION })
  const saved = () => {
    const data = slot().read().data || {}
    return {
      route: typeof data.route === "string" ? data.route : null,
      distance: typeof data.distance === "string" ? data.distance : null,
    }
  }

  /* A heading whose text becomes a button: the heading stays for
   * navigation by headings, the button says whether the step is open. */
  const foldable = (step, onToggle) => {
    const heading = step.querySelector(".app-step-by-step__heading")
    const panel = step.querySelector("[data-step-panel]")
    const button = document.createElement("button")
    button.type = "button"
    button.className = "app-step-by-step__toggle"
    button.setAttribute("aria-controls", panel.id)
    button.append(...heading.childNodes)
    heading.append(button)
    const set = open => {
      button.setAttribute("aria-expanded", String(open))
      panel.hidden = !open
      step.classList.toggle("app-step-by-step__step--open", open)
    }
    button.addEventListener("click", () => {
      set(panel.hidden)
      onToggle()
    })
    return { step, set, isOpen: () => !panel.hidden, mark: heading.querySelector("[data-step-mark]") }
  }

  const mountRoutes = (root, message) => {
    const links = [...root.querySelectorAll(".app-step-by-step__situation")]
    const distance = root.querySelector("[data-step-by-step-distance]")
    const radios = [...distance.querySelectorAll("input[type=radio]")]
    const end = root.querySelector("[data-step-by-step-end]")
    const status = root.querySelector("[data-step-by-step-status]")
    const routes = [...root.querySelectorAll(".app-step-by-step__route")].map(section => {
      const controls = section.querySelector("[data-step-by-step-controls]")
      const all = controls.querySelector("button")
      const route = { id: section.dataset.route, section, all }
      const sync = () => {
        const open = route.steps.every(step => step.isOpen())
        all.firstChild.textContent = message(open ? "hide-all" : "show-all")
      }
      route.steps = [...section.querySelectorAll(".app-step-by-step__step")].map(step => foldable(step, sync))
      route.sync = sync
      all.addEventListener("click", () => {
        const open = !route.steps.every(step => step.isOpen())
        for (const step of route.steps) step.set(open)
        sync()
      })
      return route
    })
    let choice = saved()

    /* The steps that end before the months the reader is in are « à
     * rattraper »; those that overlap them are open and « à faire maintenant ». */
    const place = route => {
      const radio = radios.find(r => r.value === choice.distance)
      const due = []
      for (const step of route.steps) {
        const start = Number(step.step.dataset.start)
        const end = Number(step.step.dataset.end)
        const late = radio ? end < Number(radio.dataset.from) : false
        const now = radio ? !late && start < Number(radio.dataset.until) : false
        if (now) due.push(step)
        step.mark.hidden = !(late || now)
        step.mark.textContent = late ? message("late") : now ? message("now") : ""
        step.step.classList.toggle("app-step-by-step__step--late", late)
        step.set(now)
      }
      // Without a distance, the route opens at its first step.
      if (!radio) route.steps[0].set(true)
      route.sync()
      return due
    }

    const show = (announce = false) => {
      // Until a situation is chosen the home page stays short: no route shows.
      const route = routes.find(r => r.id === choice.route)
      for (const r of routes) r.section.hidden = r !== route
      for (const link of links) {
        if (link.dataset.route === choice.route) link.setAttribute("aria-current", "true")
        else link.removeAttribute("aria-current")
      }
      const chosen = links.find(link => link.dataset.route === choice.route)
      end.textContent = chosen ? chosen.dataset.end : message("end")
      for (const radio of radios) radio.checked = radio.value === choice.distance
      if (!route) return
      const due = place(route)
      if (announce) {
        const name = route.section.querySelector(".app-step-by-step__title").textContent.trim()
        const late = route.steps.filter(step => step.step.classList.contains("app-step-by-step__step--late"))
        status.textContent = choice.distance
          ? message("shown-due", { name, n: due.length, late: late.length })
          : message("shown", { name })
      }
    }

    const choose = change => {
      choice = { ...choice, ...change }
      slot().write(choice)
      show(true)
    }

    for (const link of links) {
      link.addEventListener("click", event => {
        event.preventDefault()
        history.replaceState(null, "", link.hash)
        choose({ route: link.dataset.route })
      })
    }
    for (const radio of radios) radio.addEventListener("change", () => choose({ distance: radio.value }))

    // A link to a route's anchor (from a step box, or shared) wins over the saved choice.
    const fromHash = routes.find(r => `#${r.section.id}` === location.hash)
    if (fromHash) choice = { ...choice, route: fromHash.id }
    show()
    root.classList.add("app-step-by-step--ready")
  }

  /* On a step's page: one box per route the page is on. When the reader's
   * route is among them, its box alone shows, whole, with a button that
   * shows the others again. Otherwise each box is brief: where the page
   * stands in its route, and a button to follow it. A brief box keeps its
   * neighbours (previous and next steps) for later, so that a phone does
   * not open on every route's. */
  const mountBox = root => {
    const boxes = [...root.querySelectorAll("[data-route]")].map(box => ({
      box,
      route: box.dataset.route,
      follow: box.querySelector("[data-step-follow]"),
      others: box.querySelector("[data-step-others]"),
    }))
    if (boxes.length < 2) return
    const show = (route, all = false) => {
      const followed = boxes.some(b => b.route === route)
      for (const b of boxes) {
        const own = b.route === route
        b.box.hidden = followed && !own && !all
        b.box.classList.toggle("app-step-by-step__box--brief", !own)
        b.follow.parentElement.hidden = own
        b.others.parentElement.hidden = !own
        b.others.setAttribute("aria-expanded", String(all))
      }
    }
    show(saved().route)
    for (const b of boxes) {
      b.follow.addEventListener("click", () => {
        slot().write({ ...saved(), route: b.route })
        show(b.route)
        // The button is gone: the focus goes to the box, named after its route.
        b.box.tabIndex = -1
        b.box.focus()
      })
      b.others.addEventListener("click", () => show(b.route, b.others.getAttribute("aria-expanded") !== "true"))
    }
  }

  window.app.register("step-by-step", (root, { message }) => {
    if (root.classList.contains("app-step-by-step--box")) mountBox(root)
    else mountRoutes(root, message)
  })
})()
