/* Checklists: ticks and notes kept in this browser (app.store), progress,
 * and the buttons to reset, print, export, copy and import.
 *
 * State is keyed by item id, never by position or wording: items added,
 * removed, reordered or reworded in data/checklists.yml keep every remaining
 * tick and note on its own item. The same checklist shown on two pages is the
 * same list, so it shares its state on purpose. */
(() => {
  "use strict"

  const VERSION = 1
  const ID_COMMENT = /<!--\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*-->\s*$/
  // Part of the export's format, which « Importer » reads back: not an
  // interface text (data/interface.yml) that could change under old files.
  const NOTE_PREFIX = "Note : "
  // Why app.store cannot keep the progress: the message that says so.
  const UNAVAILABLE = { file: "unavailable-file", blocked: "unavailable-blocked", quota: "unavailable-quota" }

  const collapse = text => text.replace(/\s+/g, " ").trim()
  const pageUrl = () => location.href.split("#")[0]
  const isEntry = value => value !== null && typeof value === "object" && !Array.isArray(value)

  /* Items of the saved state that still exist and have the expected shape. */
  const entryFor = (data, id) => {
    const items = data && isEntry(data.items) ? data.items : {}
    const entry = Object.hasOwn(items, id) && isEntry(items[id]) ? items[id] : {}
    return {
      checked: entry.checked === true,
      note: typeof entry.note === "string" ? entry.note : "",
    }
  }

  /* The « Exporter » text, parsed back: checklist id and one entry per item. */
  const parseExport = text => {
    const found = /<!--\s*checklist:\s*([a-z0-9-]+)\s*-->/.exec(text)
    const items = {}
    const notes = {}
    let current = null
    for (const line of text.split(/\r?\n/)) {
      const item = /^- \[([ xX])\] /.exec(line)
      const id = item && ID_COMMENT.exec(line)
      if (id) {
        current = id[1]
        items[current] = { checked: item[1] !== " ", note: "" }
        notes[current] = []
        continue
      }
      const quoted = /^\s+> ?(.*)$/.exec(line)
      if (quoted && current) notes[current].push(quoted[1])
      else if (line.trim()) current = null
    }
    for (const [id, lines] of Object.entries(notes)) {
      if (lines.length && lines[0].startsWith(NOTE_PREFIX)) lines[0] = lines[0].slice(NOTE_PREFIX.length)
      items[id].note = lines.join("\n")
    }
    return { checklist: found ? found[1] : null, items }
  }

  const mount = (form, { signal, message }) => {
    const store = window.app.store
    const checklistId = form.dataset.checklistId
    const slot = store.slot("checklist", checklistId, { version: VERSION })
    const title = collapse(form.querySelector(".app-checklist__title").textContent)
    const notice = form.querySelector("[data-checklist-notice]")
    const status = form.querySelector("[data-checklist-status]")
    const alert = form.querySelector("[data-checklist-alert]")
    const progress = form.querySelector("[data-checklist-progress]")
    const meta = form.querySelector("[data-checklist-meta]")
    const file = form.querySelector("[data-checklist-file]")
    const noteTemplate = form.querySelector("template[data-checklist-note-template]")

    const groups = [...form.querySelectorAll(".app-checklist__group")].map(fieldset => ({
      title: collapse(fieldset.querySelector("legend").textContent),
      count: fieldset.querySelector("[data-checklist-count]"),
      items: [...fieldset.querySelectorAll("[data-item-id]")].map(li => ({
        id: li.dataset.itemId,
        label: collapse(li.querySelector(".app-checklist__label").textContent),
        box: li.querySelector(".app-checklist__box"),
        details: li.querySelector("[data-checklist-note]"),
        // Built by noteField() when the note is first opened or restored.
        note: null,
        printed: null,
      })),
    }))
    const items = groups.flatMap(group => group.items)

    const noteText = item => (item.note ? item.note.value : "")

    /* The item's note field and its printed copy, from the form's template. */
    const noteField = item => {
      if (item.note) return
      const [label, note, printed] = noteTemplate.content.cloneNode(true).children
      note.id = `${item.box.id}-note`
      note.name = `${item.id}-note`
      label.htmlFor = note.id
      label.querySelector("[data-checklist-note-about]").textContent = item.label
      item.details.append(label, note)
      item.details.after(printed)
      Object.assign(item, { note, printed })
    }

    const showNote = item => {
      if (!item.note) return
      const text = item.note.value.trim()
      item.printed.textContent = text ? `${NOTE_PREFIX}${text}` : ""
      item.printed.hidden = !text
    }

    const state = () => {
      const saved = {}
      for (const item of items) {
        if (item.box.checked || noteText(item)) {
          saved[item.id] = { checked: item.box.checked, note: noteText(item) }
        }
      }
      return { items: saved }
    }

    const apply = data => {
      for (const item of items) {
        const entry = entryFor(data, item.id)
        item.box.checked = entry.checked
        if (entry.note) {
          noteField(item)
          item.details.open = true
        }
        if (item.note) item.note.value = entry.note
        showNote(item)
      }
      count()
    }

    const ratio = list => `${list.filter(item => item.box.checked).length} / ${list.length}`

    const count = () => {
      for (const group of groups) group.count.textContent = ratio(group.items)
      progress.textContent = ratio(items)
    }

    // An outcome is a status; an error, an alert (RGAA 7.5.1, 7.5.2). Both
    // are cleared first, so that the same message twice is announced twice.
    const say = (text, { error = false } = {}) => {
      status.textContent = ""
      alert.textContent = ""
      requestAnimationFrame(() => {
        ;(error ? alert : status).textContent = text
      })
    }

    const save = () => slot.write(state())

    const stamp = () => {
      meta.textContent = message("stamp", { url: pageUrl(), date: store.frenchDate(new Date()) })
    }

    const markdown = () => {
      const lines = [
        `# ${title}`,
        "",
        `- ${message("export-page", { url: pageUrl() })}`,
        `- ${message("export-date", { date: store.frenchDate(new Date()), ratio: ratio(items) })}`,
        "",
        `<!-- checklist: ${checklistId} -->`,
      ]
      for (const group of groups) {
        lines.push("", `## ${group.title}`, "")
        for (const item of group.items) {
          lines.push(`- [${item.box.checked ? "x" : " "}] ${item.label} <!-- ${item.id} -->`)
          const note = noteText(item).trim()
          if (note) note.split(/\r?\n/).forEach((line, i) => lines.push(`  > ${i ? "" : NOTE_PREFIX}${line}`))
        }
      }
      return `${lines.join("\n")}\n`
    }

    const importText = text => {
      const parsed = parseExport(text)
      if (!parsed.checklist) {
        say(message("import-not-export"), { error: true })
        return
      }
      if (parsed.checklist !== checklistId) {
        say(message("import-other", { id: parsed.checklist }), { error: true })
        return
      }
      const current = state().items
      const known = new Set(items.map(item => item.id))
      const ids = Object.keys(parsed.items)
      const kept = ids.filter(id => known.has(id))
      for (const id of kept) current[id] = parsed.items[id]
      apply({ items: current })
      save()
      const dropped = ids.length - kept.length
      say([message("imported", { n: kept.length }), ...(dropped ? [message("dropped", { n: dropped })] : [])].join(" "))
    }

    const actions = {
      reset() {
        if (!window.confirm(message("reset-confirm", { title }))) return
        apply(null)
        // Nothing of this checklist is left in the browser.
        slot.remove()
        say(message("reset-done"))
      },
      print() {
        // The block that holds the checklist, as a direct child of the
        // article: everything else in the article is hidden while printing.
        let target = form
        while (target.parentElement && !target.parentElement.matches(".md-content__inner")) {
          target = target.parentElement
        }
        if (!target.parentElement) target = form
        stamp()
        document.documentElement.classList.add("app-print-one")
        target.classList.add("app-print-target")
        window.addEventListener(
          "afterprint",
          () => {
            document.documentElement.classList.remove("app-print-one")
            target.classList.remove("app-print-target")
          },
          { once: true },
        )
        window.print()
      },
      export() {
        store.download(`checklist-${checklistId}-${store.isoDay(new Date())}.md`, markdown())
        say(message("exported"))
      },
      async copy() {
        const done = await store.copy(markdown())
        say(message(done ? "copied" : "copy-failed"), { error: !done })
      },
      import() {
        file.value = ""
        file.click()
      },
    }

    const warn = text => {
      notice.textContent = `${text} ${message("keep-it")}`
      notice.classList.add("app-checklist__notice--warning")
    }

    // Restore, then reveal what only works with JavaScript.
    const saved = slot.read()
    apply(saved.data)
    if (saved.problem) warn(message("unreadable"))
    // A note opened before the script came (the notes show from the first paint).
    for (const item of items) if (item.details.open) noteField(item)
    stamp()
    form.classList.add("app-checklist--ready")

    let mounted = false
    store.onUnavailable(
      reason => {
        const text = message(UNAVAILABLE[reason])
        warn(text)
        // Found at a write, after the page was shown: announce it, once.
        if (mounted) say(text, { error: true })
      },
      { signal },
    )
    mounted = true

    form.addEventListener("submit", event => event.preventDefault())
    form.addEventListener("change", event => {
      if (!event.target.matches(".app-checklist__box")) return
      const group = groups.find(g => g.items.some(item => item.box === event.target))
      count()
      say(message("progress", { group: group.title, done: ratio(group.items), total: ratio(items) }))
      // After the progress, so that a storage failure found now is what is heard.
      save()
    })
    form.addEventListener("input", event => {
      const item = items.find(i => i.note === event.target)
      if (!item) return
      showNote(item)
      save()
    })
    form.addEventListener("click", event => {
      // Before the summary opens its note, so that the field is there to take
      // the focus next, from the keyboard as from the mouse.
      const summary = event.target.closest("[data-checklist-note] > summary")
      if (summary) noteField(items.find(item => item.details === summary.parentElement))
      const button = event.target.closest("[data-checklist-action]")
      if (button) actions[button.dataset.checklistAction]()
    })
    file.addEventListener("change", async () => {
      if (!file.files.length) return
      try {
        importText(await store.readFile(file.files[0]))
      } catch {
        say(message("read-failed"), { error: true })
      }
    })
    // The browser's own Print command stamps the sheet too.
    window.addEventListener("beforeprint", stamp, { signal })
    // Another tab of this site saved the same checklist.
    slot.watch(
      result => {
        if (!result.problem) apply(result.data)
      },
      { signal },
    )
  }

  window.app.register("checklist", mount)
})()
