// The labels of a page's fields and buttons, as RGAA 4.1 theme 11 counts
// them (test_rgaa_forms.py): one line per problem, in French.
() => {
  const problems = []
  const words = text => (text || "").replace(/\s+/g, " ").trim().toLowerCase()
  const shown = label => !label.matches(".app-visually-hidden, .md-visually-hidden") && !!(words(label.textContent) || label.title)
  const describe = el => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.name ? "[name=" + el.name + "]" : ""}`
  for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
    // Material's drawer, search and table-of-contents toggles are never shown
    // nor focused; a field of a <template> is checked once cloned.
    if (el.hidden || el.classList.contains("md-toggle") || el.closest("template")) continue
    const labels = el.id ? [...document.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)] : []
    const by = (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean).map(id => document.getElementById(id))
    const name = words([...labels, ...by].map(e => e?.textContent || "").join(" ") + (el.getAttribute("aria-label") || "") + el.title)
    if (!name) problems.push(`${describe(el)} : aucune étiquette (label for, aria-labelledby, aria-label ou title) — 11.1.1`)
    if (el.closest("label") && !labels.length) problems.push(`${describe(el)} : étiquette implicite, sans for/id — 11.1.1`)
    if (labels.length && document.querySelectorAll(`#${CSS.escape(el.id)}`).length !== 1) problems.push(`${describe(el)} : id en double — 11.1.2`)
    if (by.some(e => !e)) problems.push(`${describe(el)} : aria-labelledby vers un id absent — 11.1.1`)
    const visible = labels.filter(shown)
    if (!visible.length && !el.title.trim()) problems.push(`${describe(el)} : étiquette cachée et pas de title — 11.1.3`)
    for (const label of visible) {
      for (const other of [el.getAttribute("aria-label"), el.title]) {
        if (other && !words(other).includes(words(label.textContent))) {
          problems.push(`${describe(el)} : « ${other} » ne contient pas l’intitulé visible « ${words(label.textContent)} » — 11.2.5`)
        }
      }
    }
  }
  for (const button of document.querySelectorAll("button, input[type=submit], input[type=reset], input[type=button]")) {
    // Material's tab scrollers are aria-hidden and out of the tab order.
    if (!button.checkVisibility() || button.closest("[aria-hidden=true]")) continue
    const visible = words(button.tagName === "INPUT" ? button.value : button.textContent)
    const name = button.getAttribute("aria-label")
    if (!visible && !name && !button.title) problems.push(`${describe(button)} : bouton sans intitulé — 11.9.1`)
    if (visible && name && !words(name).includes(visible)) problems.push(`${describe(button)} : « ${name} » ne contient pas « ${visible} » — 11.9.2`)
  }
  return problems
}
