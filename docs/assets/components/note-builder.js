/* Note builder: the note template as a form, saved while typing (app.store)
 * and exported as Markdown, OpenDocument text (.odt) or print.
 *
 * What is saved is keyed by section id, scenario id and column key, never by
 * position or wording: sections added, removed, reordered or renamed in
 * data/notes.yml keep every text on its own section. Text of a section that
 * is no longer in the template is kept, and exported at the end of the note.
 * Only what differs from a field's prompt (its default, drawn from the data)
 * is saved, so untouched prompts follow the data. */
(() => {
  "use strict"

  const VERSION = 1
  // Why app.store cannot keep the text: the message that says so.
  const UNAVAILABLE = { file: "unavailable-file", blocked: "unavailable-blocked", quota: "unavailable-quota" }

  const isObject = value => value !== null && typeof value === "object" && !Array.isArray(value)
  const objectAt = (value, key) => (isObject(value) && isObject(value[key]) ? value[key] : {})
  const stringAt = (value, key) => (isObject(value) && typeof value[key] === "string" ? value[key] : null)
  const pageUrl = () => location.href.split("#")[0]

  /* « 2025-03-12 » from a date field, as a local date; null when empty or invalid. */
  const parseDay = value => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "")
    if (!match) return null
    const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    return isNaN(date) ? null : date
  }

  const slug = text =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60)


  /* ---- The form ---- */
  const mount = (root, { signal, message }) => {
    const store = window.app.store
    const noteId = root.dataset.noteId
    const title = root.dataset.noteTitle
    const slot = store.slot("note", noteId, { version: VERSION })
    const form = root.querySelector("form")
    const template = root.querySelector(".app-note")
    const [notice, savedLine, status, alert, orphansLine, printTarget] = ["notice", "saved", "status", "alert", "orphans", "print"].map(
      name => root.querySelector(`[data-note-${name}]`),
    )
    const [service, day] = ["service", "date"].map(name => root.querySelector(`[data-note-field="${name}"]`))
    let rowCount = 0

    const sections = [...root.querySelectorAll("[data-section-id]")].map(element => ({
      id: element.dataset.sectionId,
      title: element.dataset.title,
      level: Number(element.dataset.level),
      kind: element.dataset.kind,
      element,
      text: element.querySelector("[data-section-text]"),
      scenarios: [...element.querySelectorAll("template[data-scenario-template]")].map(template => ({
        id: template.dataset.scenarioTemplate,
        title: template.content.firstElementChild.dataset.title,
        template,
        pick: element.querySelector(`[data-scenario-pick][value="${template.dataset.scenarioTemplate}"]`),
        // Built by scenarioFields() when the scenario is first picked or restored.
        fieldset: null,
        parts: [],
      })),
      rows: element.querySelector("[data-rows]"),
    }))
    const byElement = node => sections.find(section => section.element.contains(node))

    /* A scenario's fields, from its template, next to it; the checkbox that
     * shows them names them once they exist. */
    const scenarioFields = scenario => {
      if (scenario.fieldset) return
      const fieldset = scenario.template.content.firstElementChild.cloneNode(true)
      scenario.template.before(fieldset)
      scenario.pick.setAttribute("aria-controls", fieldset.id)
      Object.assign(scenario, { fieldset, parts: [...fieldset.querySelectorAll("[data-part]")] })
    }
    // The parts' labels, for the exports of scenarios this page does not show.
    const partLabels = Object.fromEntries(
      sections.flatMap(s => s.scenarios).flatMap(({ template }) =>
        [...template.content.querySelectorAll("[data-part]")].map(part => [part.dataset.part, part.dataset.label]),
      ),
    )

    // The outline the blank files follow (note_outline.py): a section the
    // reader left as it was exports as its blank blocks, with links made
    // absolute, as they are in the files.
    const outline = JSON.parse(root.querySelector("[data-note-outline]").dataset.noteOutline)
    const absolute = value => {
      if (Array.isArray(value)) return value.map(absolute)
      if (!isObject(value)) return value
      return Object.fromEntries(
        Object.entries(value).map(([key, v]) => [key, key === "href" ? new URL(v, location.href).href : absolute(v)]),
      )
    }
    const blanks = Object.fromEntries(outline.sections.map(s => [s.id, absolute(s.blank)]))

    // Saved entries this page does not show (sections or scenarios removed
    // from the data, or not yet added back): kept as they were.
    let kept = { sections: {}, scenarios: {} }

    /* ---- repeatable rows ---- */
    const rowList = section => section.rows.querySelector("[data-row-list]")
    const rowName = section => section.rows.dataset.rowName

    const renumber = section => {
      const name = rowName(section)
      const capital = name.charAt(0).toUpperCase() + name.slice(1)
      ;[...rowList(section).children].forEach((row, i) => {
        row.querySelector("[data-row-legend]").textContent = `${capital} ${i + 1}`
        const remove = row.querySelector('[data-note-action="remove-row"]')
        remove.textContent = message("remove-row")
        remove.append(Object.assign(document.createElement("span"), {
          className: "app-visually-hidden",
          textContent: ` ${message("remove-row-which", { row: name, number: i + 1 })}`,
        }))
      })
    }

    const addRow = (section, values = {}) => {
      const fragment = section.rows.querySelector("template[data-row-template]").content.cloneNode(true)
      const row = fragment.querySelector("[data-row]")
      const id = `${root.id}-${section.id}-ligne-${++rowCount}`
      for (const cell of row.querySelectorAll(".app-note-builder__cell")) {
        const input = cell.querySelector("input")
        input.id = `${id}-${input.dataset.column}`
        cell.querySelector("label").htmlFor = input.id
        const value = values[input.dataset.column]
        input.value = typeof value === "string" ? value : ""
      }
      rowList(section).append(fragment)
      return row
    }

    const setRows = (section, rows) => {
      rowList(section).replaceChildren()
      const list = Array.isArray(rows) ? rows.filter(isObject) : []
      for (const values of list.length ? list : [{}]) addRow(section, values)
      renumber(section)
    }

    const rowValues = section =>
      [...rowList(section).children].map(row =>
        Object.fromEntries([...row.querySelectorAll("input")].map(input => [input.dataset.column, input.value])),
      )

    const columns = section =>
      [...section.rows.querySelector("template").content.querySelectorAll("input")].map(input => [
        input.dataset.column,
        input.dataset.label,
      ])

    /* ---- state ---- */
    const apply = data => {
      const saved = isObject(data) ? data : {}
      const entries = objectAt(saved, "sections")
      service.value = stringAt(saved, "service") || ""
      day.value = parseDay(stringAt(saved, "date")) ? stringAt(saved, "date") : ""
      kept = { sections: {}, scenarios: {} }
      for (const [id, entry] of Object.entries(entries)) {
        if (!sections.some(section => section.id === id) && isObject(entry)) kept.sections[id] = entry
      }
      for (const section of sections) {
        const entry = objectAt(entries, section.id)
        const text = stringAt(entry, "text")
        section.text.value = text === null ? section.text.defaultValue : text
        const picked = Array.isArray(entry.picked) ? entry.picked : []
        const savedScenarios = objectAt(entry, "scenarios")
        kept.scenarios[section.id] = Object.fromEntries(
          Object.entries(savedScenarios).filter(([id]) => !section.scenarios.some(s => s.id === id)),
        )
        kept.scenarios[section.id].picked = picked.filter(id => !section.scenarios.some(s => s.id === id))
        for (const scenario of section.scenarios) {
          const parts = objectAt(objectAt(savedScenarios, scenario.id), "parts")
          scenario.pick.checked = picked.includes(scenario.id)
          if (scenario.pick.checked || Object.keys(parts).length) scenarioFields(scenario)
          if (!scenario.fieldset) continue
          scenario.fieldset.hidden = !scenario.pick.checked
          for (const part of scenario.parts) {
            const value = stringAt(parts, part.dataset.part)
            part.value = value === null ? part.defaultValue : value
          }
        }
        if (section.rows) setRows(section, entry.rows)
      }
      showOrphans()
    }

    const state = () => {
      const entries = { ...kept.sections }
      for (const section of sections) {
        const entry = { title: section.title, level: section.level }
        if (section.text.value !== section.text.defaultValue) entry.text = section.text.value
        if (section.scenarios.length) {
          const { picked: keptPicked, ...keptScenarios } = kept.scenarios[section.id] || {}
          const scenarios = { ...keptScenarios }
          for (const scenario of section.scenarios) {
            const parts = {}
            for (const part of scenario.parts) {
              if (part.value !== part.defaultValue) parts[part.dataset.part] = part.value
            }
            if (Object.keys(parts).length) scenarios[scenario.id] = { title: scenario.title, parts }
          }
          entry.picked = [...section.scenarios.filter(s => s.pick.checked).map(s => s.id), ...(keptPicked || [])]
          entry.scenarios = scenarios
        }
        if (section.rows) {
          entry.rows = rowValues(section)
          entry.columns = columns(section)
        }
        entries[section.id] = entry
      }
      return { service: service.value, date: day.value, sections: entries }
    }

    /* The note as the exports see it: this page's sections, in order, then
     * what is kept of sections no longer in the template. */
    const note = () => {
      const filled = rows => rows.filter(cells => cells.some(cell => cell.trim()))
      const partsOf = entries => entries.filter(([, text]) => text.trim()).map(([label, text]) => [label, text.trim()])
      const list = sections.map(section => {
        const keptScenarios = kept.scenarios[section.id] || {}
        return {
          title: section.title,
          level: section.level,
          // Its prompts untouched, a section is as blank as in the files.
          text: section.text.value === section.text.defaultValue ? "" : section.text.value,
          blank: blanks[section.id],
          scenarios: [
            ...section.scenarios
              .filter(s => s.pick.checked)
              .map(s => ({ title: s.title, parts: partsOf(s.parts.map(p => [p.dataset.label, p.value])) })),
            ...(keptScenarios.picked || []).map(id => {
              const entry = objectAt(keptScenarios, id)
              const parts = objectAt(entry, "parts")
              return {
                title: stringAt(entry, "title") || id,
                parts: partsOf(Object.keys(parts).map(key => [partLabels[key] || key, stringAt(parts, key) || ""])),
              }
            }),
          ],
          table: section.rows && {
            columns: columns(section).map(([, label]) => label),
            rows: filled(rowValues(section).map(values => columns(section).map(([key]) => values[key] || ""))),
          },
        }
      })
      const orphans = Object.entries(kept.sections).map(([id, entry]) => {
        const keys = Array.isArray(entry.columns) ? entry.columns.filter(Array.isArray) : []
        const rows = Array.isArray(entry.rows) ? entry.rows.filter(isObject) : []
        const scenarios = objectAt(entry, "scenarios")
        return {
          title: stringAt(entry, "title") || id,
          level: 3,
          text: stringAt(entry, "text") || "",
          scenarios: (Array.isArray(entry.picked) ? entry.picked : []).map(sid => {
            const parts = objectAt(objectAt(scenarios, sid), "parts")
            return {
              title: stringAt(objectAt(scenarios, sid), "title") || sid,
              parts: partsOf(Object.keys(parts).map(key => [partLabels[key] || key, stringAt(parts, key) || ""])),
            }
          }),
          table: keys.length
            ? { columns: keys.map(([, label]) => String(label)), rows: filled(rows.map(r => keys.map(([key]) => String(r[key] || "")))) }
            : null,
        }
      })
      if (orphans.length) list.push({ title: message("removed"), level: 2, text: "", scenarios: [], table: null }, ...orphans)
      const date = parseDay(day.value) || new Date()
      return { title, service: service.value.trim(), date: store.frenchDate(date), page: pageUrl(), odf: outline.odf, sections: list, message }
    }

    /* ---- messages ---- */
    // An outcome is a status; an error, an alert (RGAA 7.5.1, 7.5.2). Both
    // are cleared first, so that the same message twice is announced twice.
    const say = (text, { error = false } = {}) => {
      status.textContent = ""
      alert.textContent = ""
      requestAnimationFrame(() => {
        ;(error ? alert : status).textContent = text
      })
    }

    const time = date => date.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" })
    // A status message (RGAA 7.5), rewritten only when it changes: typing
    // saves at every keystroke, and would have it read out at each one.
    const showSaved = (date, kept) => {
      const text = kept
        ? message("saved", { date: store.frenchDate(date), time: time(date) })
        : message("not-saved")
      if (savedLine.textContent !== text) savedLine.textContent = text
    }

    const warn = text => {
      notice.textContent = `${text} ${message("keep-it")}`
      notice.classList.add("app-note-builder__notice--warning")
    }

    const showOrphans = () => {
      const titles = Object.entries(kept.sections).map(([id, entry]) => message("quoted", { title: stringAt(entry, "title") || id }))
      orphansLine.hidden = !titles.length
      orphansLine.textContent = titles.length
        ? message("orphans", { n: titles.length, titles: titles.join(", "), removed: message("removed") })
        : ""
    }

    const save = () => showSaved(new Date(), slot.write(state()))

    /* ---- actions ---- */
    const filename = suffix => {
      const name = slug(service.value)
      return `note-${noteId}${name ? `-${name}` : ""}-${store.isoDay(new Date())}.${suffix}`
    }

    // The exports live in note-export.js, fetched when the reader starts
    // typing or at the first export, so that the page itself stays light.
    const exporter = () => app.load("note-export", "lib").then(() => app.noteExport)
    const exporting = action => () =>
      exporter().then(action, () => say(message("export-failed"), { error: true }))

    const actions = {
      markdown: exporting(exports => {
        store.download(filename("md"), exports.toMarkdown(note()))
        say(message("downloaded-md"))
      }),
      odt: exporting(async exports => {
        store.download(filename("odt"), await exports.toOdt(note()), exports.MIMETYPE)
        say(message("downloaded-odt"))
      }),
      print: exporting(exports => {
        exports.renderPrint(printTarget, note())
        const html = document.documentElement
        html.classList.add("app-print-note")
        window.addEventListener("afterprint", () => html.classList.remove("app-print-note"), { once: true })
        window.print()
      }),
      clear() {
        if (!window.confirm(message("clear-confirm", { title }))) return
        slot.remove()
        apply(null)
        savedLine.textContent = message("nothing-saved")
        say(message("cleared"))
      },
      "add-row"(button) {
        const section = byElement(button)
        const row = addRow(section)
        renumber(section)
        row.querySelector("input").focus()
        save()
        say(message("row-added", { row: row.querySelector("[data-row-legend]").textContent }))
      },
      "remove-row"(button) {
        const section = byElement(button)
        const row = button.closest("[data-row]")
        const label = row.querySelector("[data-row-legend]").textContent
        const next = row.nextElementSibling || row.previousElementSibling
        row.remove()
        renumber(section)
        ;(next ? next.querySelector("input") : section.rows.querySelector('[data-note-action="add-row"]')).focus()
        save()
        say(message("row-removed", { row: label }))
      },
      async "import-grid"(button) {
        const section = byElement(button)
        // The grid's own script exports it, as on the grid's page.
        const grid = await app.load("structure-grid").then(() => app.structureGrid.markdown(), () => "")
        if (!grid) {
          say(message("grid-missing"), { error: true })
          return
        }
        // The grid's headings (from ##) go under this section's own.
        const shifted = grid.replace(/^(#+) /gm, (_, hashes) => `${"#".repeat(Math.min(6, hashes.length + section.level - 1))} `)
        const text = section.text.value.trim()
        section.text.value = `${text ? `${text}\n\n` : ""}${shifted.trim()}\n`
        save()
        say(message("grid-added"))
      },
    }

    // Restore, then swap the readable template for the form.
    const saved = slot.read()
    apply(saved.data)
    if (saved.data && saved.savedAt) showSaved(saved.savedAt, true)
    if (saved.problem) warn(message("unreadable"))
    form.hidden = false
    root.classList.add("app-note-builder--ready")
    if (template) template.classList.add("app-note-builder__template")

    let mounted = false
    store.onUnavailable(
      reason => {
        warn(message(UNAVAILABLE[reason]))
        savedLine.textContent = message("not-saved")
        // Found at a write, after the page was shown: an error, said once.
        if (mounted) say(message(UNAVAILABLE[reason]), { error: true })
      },
      { signal },
    )
    mounted = true

    form.addEventListener("submit", event => event.preventDefault())
    form.addEventListener("input", save)
    form.addEventListener("input", () => exporter().catch(() => {}), { once: true })
    form.addEventListener("change", event => {
      const pick = event.target.closest("[data-scenario-pick]")
      if (!pick) return
      const scenario = byElement(pick).scenarios.find(s => s.pick === pick)
      scenarioFields(scenario)
      scenario.fieldset.hidden = !pick.checked
      save()
    })
    form.addEventListener("click", event => {
      const button = event.target.closest("[data-note-action]")
      if (button) actions[button.dataset.noteAction](button)
    })
    // Another tab of this site saved the same note.
    slot.watch(
      result => {
        if (!result.problem) apply(result.data)
      },
      { signal },
    )
  }

  window.app.register("note-builder", mount)
})()
