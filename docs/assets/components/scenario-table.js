/* Scenario comparison: the reader puts 2 to 4 scenarios side by side.
 *
 * The choice lives in the query string (?scenarios=a,b,c), so that a link
 * shares that very comparison; the hash stays free for the sections' anchors.
 * It is also kept with app.store, for the next visit; when both exist, the
 * URL wins. Without JavaScript the table shows the detailed scenarios. */
(() => {
  "use strict"

  const MIN = 2
  const MAX = 4
  const PARAM = "scenarios"

  const init = (root, { message }) => {
    const form = root.querySelector(".app-scenario-table__choice")
    const boxes = [...form.querySelectorAll('input[name="scenarios"]')]
    const known = boxes.map(box => box.value)
    const status = root.querySelector(".app-scenario-table__status")
    const slot = window.app.store.slot("scenario-table", "choice", { version: 1 })

    const valid = ids =>
      Array.isArray(ids) &&
      ids.length >= MIN &&
      ids.length <= MAX &&
      new Set(ids).size === ids.length &&
      ids.every(id => known.includes(id))

    const fromUrl = () => {
      const raw = new URLSearchParams(location.search).get(PARAM)
      const ids = raw === null ? null : raw.split(",").filter(Boolean)
      return valid(ids) ? ids : null
    }

    const fromStore = () => {
      const { data } = slot.read()
      return data && valid(data.scenarios) ? data.scenarios : null
    }

    // Commas stay readable in a shared link (URLSearchParams would encode them).
    const writeUrl = ids => {
      const params = new URLSearchParams(location.search)
      params.delete(PARAM)
      const others = params.toString()
      const search = `?${others ? `${others}&` : ""}${PARAM}=${ids.join(",")}`
      if (search !== location.search) {
        history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`)
      }
    }

    const show = ids => {
      for (const box of boxes) box.checked = ids.includes(box.value)
      for (const element of root.querySelectorAll("[data-scenario]")) {
        element.hidden = !ids.includes(element.dataset.scenario)
      }
    }

    const chosen = () => boxes.filter(box => box.checked).map(box => box.value)

    form.addEventListener("change", event => {
      const box = event.target
      const ids = chosen()
      if (ids.length > MAX || ids.length < MIN) {
        box.checked = !box.checked
        status.textContent = message(ids.length > MAX ? "too-many" : "too-few")
        return
      }
      status.textContent = message("compared", { n: ids.length })
      show(ids)
      writeUrl(ids)
      slot.write({ scenarios: ids })
    })
    form.addEventListener("submit", event => event.preventDefault())

    form.querySelector('[data-app-action="print"]').addEventListener("click", () => {
      document.body.classList.add("app-print-comparison")
      window.addEventListener("afterprint", () => document.body.classList.remove("app-print-comparison"), {
        once: true,
      })
      window.print()
    })

    const kept = fromUrl() || fromStore()
    show(kept || root.dataset.default.split(" "))
    if (kept) {
      writeUrl(kept)
      slot.write({ scenarios: kept })
    }
    form.hidden = false
  }

  window.app.register("scenario-table", init)
})()
