/* Material's menu and search buttons, in the header on small screens, are
 * <label>s for hidden checkboxes: the keyboard cannot reach them, and axe
 * forbids a label both a button role and a name. Each one gets a real
 * <button> twin that clicks it, so that Material's own handlers still run;
 * the label hides, and its twin shows where the label would
 * (header-keys.css). Without JavaScript nothing changes: the drawer then
 * opens as the focus enters it (app.css).
 *
 * The header outlives instant navigation: init runs once, and its listeners
 * (on the header's own buttons and on Material's drawer checkbox, both kept
 * by instant navigation) must outlive the first page, so init leaves the
 * page's signal alone (see app.js). The document-wide ones below, and the
 * one on window, are added once, when this script runs. */
(() => {
  "use strict"
  const drawer = () => document.getElementById("__drawer")
  const sidebar = () => document.querySelector(".md-sidebar--primary")
  const twinOf = (id) => document.querySelector(`.app-header-keys[data-app-toggle="${id}"]`)
  const FOCUSABLE = 'a[href], button, input, [tabindex]:not([tabindex="-1"])'

  // Material toggles a checkbox by clicking it, which emits `change`.
  const closeDrawer = () => {
    if (drawer()?.checked) drawer().click()
  }

  const twin = (label, extra) => {
    const button = document.createElement("button")
    button.type = "button"
    button.className = `${label.className} app-header-keys`
    button.title = label.title
    button.dataset.appToggle = label.htmlFor
    for (const [name, value] of Object.entries(extra)) button.setAttribute(name, value)
    button.append(...[...label.childNodes].map((node) => node.cloneNode(true)))
    button.addEventListener("click", () => label.click())
    label.hidden = true
    label.after(button)
    return button
  }

  const init = (header, { message }) => {
    const menu = header.querySelector('label.md-header__button[for="__drawer"]')
    if (menu && drawer()) {
      const button = twin(menu, { "aria-expanded": drawer().checked })
      drawer().addEventListener("change", () => {
        button.setAttribute("aria-expanded", drawer().checked)
        // Opened, the drawer takes the focus at its top: after the button
        // come the header's other controls, not the drawer.
        if (drawer().checked && document.activeElement === button) {
          sidebar()?.querySelector(FOCUSABLE)?.focus()
        }
      })
    }
    const search = header.querySelector('label.md-header__button[for="__search"]')
    if (search) twin(search, { "aria-haspopup": "dialog" })
    if (sidebar()) navTwins(sidebar(), message)
  }

  // Inside the drawer, on small screens, each section opens as a panel of
  // its own through a <label> (mouse only), and each panel's title goes
  // back. They get button twins too: a section button says whether its panel
  // is open, and the focus follows the reader into a panel and back out.
  const navTwins = (nav, message) => {
    for (const label of nav.querySelectorAll("label.md-nav__link[for], label.md-nav__title[for]")) {
      const toggle = document.getElementById(label.htmlFor)
      if (!toggle || label.htmlFor === "__drawer") continue
      const back = label.classList.contains("md-nav__title")
      const button = document.createElement("button")
      button.type = "button"
      button.className = `${label.className} app-nav-keys`
      button.dataset.appToggle = label.htmlFor
      button.append(...[...label.childNodes].map((node) => node.cloneNode(true)))
      if (back) {
        const name = label.textContent.trim()
        button.setAttribute("aria-label", message("back", { name }))
      } else {
        button.setAttribute("aria-expanded", toggle.checked)
        toggle.addEventListener("change", () => button.setAttribute("aria-expanded", toggle.checked))
      }
      button.addEventListener("click", () => {
        label.click()
        const item = toggle.closest(".md-nav__item")
        const target = back
          ? item?.querySelector(`:scope > .app-nav-keys[data-app-toggle="${toggle.id}"]`)
          : item?.querySelector(`:scope > nav .app-nav-keys[data-app-toggle="${toggle.id}"]`)
        // After the panel's slide, or the focus would land on a moving target.
        if (target) setTimeout(() => target.focus(), 0)
      })
      label.classList.add("app-nav-keys__label")
      label.after(button)
    }
  }

  // Escape closes the drawer and gives the focus back to the menu button.
  // Material closes the search on Escape and leaves the focus nowhere: it
  // goes back to the search button, where that button shows. This listener
  // runs before Material's, which sits on window.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return
    const searchButton = twinOf("__search")
    if (drawer()?.checked) {
      closeDrawer()
      twinOf("__drawer")?.focus()
    } else if (document.getElementById("__search")?.checked && searchButton?.getClientRects().length) {
      searchButton.focus()
    }
  })

  // Material answers single keys pressed outside a field: « f », « s » and
  // « / » open the search, « p », « , », « n » and « . » leave for the
  // previous or next page. Nothing lets a reader turn them off, and a stray
  // key or a word of voice input then leaves the page (RGAA 4.1 criterion
  // 12.10, WCAG 2.1.4): they stop here, before Material's listener on window.
  // The search, once open, keeps its own keys.
  const SHORTCUTS = new Set(["f", "s", "/", "p", ",", "n", "."])
  document.addEventListener("keydown", (event) => {
    if (!SHORTCUTS.has(event.key) || event.ctrlKey || event.altKey || event.metaKey) return
    if (document.getElementById("__search")?.checked) return
    if (event.target.closest?.("input, textarea, select, [contenteditable]")) return
    event.stopPropagation()
  })

  // The drawer is a disclosure, not a modal: once the focus has left it
  // (Tab past its last link), it closes rather than cover the focused part
  // of the page with its overlay.
  document.addEventListener("focusin", (event) => {
    if (!drawer()?.checked || sidebar()?.contains(event.target) || event.target === twinOf("__drawer")) return
    closeDrawer()
  })

  // Material writes autocomplete="off" on the menu's and the search's
  // checkboxes so that a page shown again from history does not come back
  // with them open. A checkbox does not take that attribute (RGAA 8.2): it
  // goes after the build (guide_perennisation/theme.py), and both close
  // here instead, when the page comes back whole from the back-forward cache
  // or is loaded again from history with its form's state restored.
  window.addEventListener("pageshow", (event) => {
    const [entry] = performance.getEntriesByType("navigation")
    if (!event.persisted && entry?.type !== "back_forward") return
    for (const id of ["__drawer", "__search"]) {
      const toggle = document.getElementById(id)
      if (toggle?.checked) toggle.click()
    }
  })

  app.register("header-keys", init)
})()
