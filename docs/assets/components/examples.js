/* Examples explorer: the server renders every card and a hidden filter form;
 * this script shows the form, hides the cards that do not match, and keeps
 * the choice in the address (?scenario=…), so a scenario can link to its
 * examples. */
app.register("examples", (root, page) => {
  "use strict"
  const { message } = page
  const form = root.querySelector(".app-examples__filters")
  if (!form) return
  const cards = [...root.querySelectorAll(".app-example")]
  const groups = [...root.querySelectorAll(".app-examples__group")]
  const count = root.querySelector(".app-examples__count")
  const selects = [...form.querySelectorAll("select")]

  const update = () => {
    let shown = 0
    for (const card of cards) {
      card.hidden = !selects.every(s => !s.value || card.dataset[s.name] === s.value)
      if (!card.hidden) shown += 1
    }
    // A status heading with no card left under it would announce an empty group.
    for (const group of groups) group.hidden = !group.querySelector(".app-example:not([hidden])")
    count.textContent = message(shown ? "count" : "none", { n: shown })
  }

  const remember = () => {
    const url = new URL(location.href)
    for (const s of selects) {
      if (s.value) url.searchParams.set(s.name, s.value)
      else url.searchParams.delete(s.name)
    }
    history.replaceState(history.state, "", url)
  }

  const params = new URLSearchParams(location.search)
  for (const s of selects) {
    const wanted = params.get(s.name)
    if ([...s.options].some(o => o.value === wanted)) s.value = wanted
  }
  // A link to one example must show it, whatever the filters say.
  const revealTarget = () => {
    const target = location.hash && root.querySelector(`[id="${CSS.escape(location.hash.slice(1))}"]`)
    if (target && target.closest(".app-example[hidden], .app-examples__group[hidden]")) {
      for (const s of selects) s.value = ""
      update()
      remember()
      target.scrollIntoView()
    }
  }

  form.addEventListener("change", () => {
    update()
    remember()
  })
  // Form reset fires before the controls change back.
  form.addEventListener("reset", () =>
    setTimeout(() => {
      update()
      remember()
    })
  )
  form.addEventListener("submit", event => event.preventDefault())
  window.addEventListener("hashchange", revealTarget, { signal: page.signal })
  update()
  revealTarget()
  form.hidden = false
})
