/* Host-structure decision grid. The server renders a blank grid that prints
 * without JavaScript; this script keeps what the reader types (app.store,
 * keyed by criterion id so that editing the criteria loses nothing), shows
 * weighted totals and the weakest criterion, and exports the grid as Markdown.
 *
 * Each criterion has a weight from 0 to 3. A grid saved before weights
 * existed has none: every weight reads as 1, which gives its old totals.
 *
 * The note builder reuses the export: loaded on any page of the site (with
 * app.load("structure-grid")), app.structureGrid.markdown() gives the saved
 * grid as Markdown. Its words are the grid's (data/interface.yml), carried
 * by the grid's root or, on a page without the grid, by an element marked
 * data-app-messages-for="structure-grid" (the note builder's import button). */
(() => {
  "use strict"
  const DEFAULT_GRID = "structure-accueil"
  const slot = grid => app.store.slot("structure-grid", grid, { version: 1 })

  const text = value => (typeof value === "string" ? value : "")
  const cellOf = (data, id, i) => {
    const cell = (Array.isArray(data.cells[id]) && data.cells[id][i]) || {}
    return { score: text(cell.score), remark: text(cell.remark) }
  }
  const DEFAULT_WEIGHT = "1"
  const WEIGHT = /^[0-3]$/
  const weightOf = (data, id) => (WEIGHT.test(data.weights[id]) ? data.weights[id] : DEFAULT_WEIGHT)
  // Stored data comes from an older page or another tab: trust no shape.
  const normalise = data => ({
    weights: data.weights && typeof data.weights === "object" ? data.weights : {},
    names: Array.isArray(data.names) ? data.names.map(text) : [],
    cells: data.cells && typeof data.cells === "object" ? data.cells : {},
    criteria: Array.isArray(data.criteria) ? data.criteria.filter(Array.isArray) : [],
    scale: Array.isArray(data.scale) ? data.scale.filter(Array.isArray) : [],
  })

  const nameOf = (data, i, message) => data.names[i] || message("candidate", { number: i + 1 })

  /* Weighted total (Σ weight × score, out of Σ weight × top score) and
   * weakest criteria of candidate i, over the criteria it has a score for;
   * a criterion of weight 0 counts for nothing, not even as the weakest. */
  const summary = (data, i, message) => {
    const top = Math.max(0, ...data.scale.map(([value]) => Number(value)))
    const weighted = data.criteria.map(([id, title]) => ({
      title,
      weight: Number(weightOf(data, id)),
      score: cellOf(data, id, i).score,
    }))
    const scored = weighted.filter(c => c.score !== "").map(c => ({ ...c, score: Number(c.score) }))
    const total = scored.reduce((sum, c) => sum + c.weight * c.score, 0)
    const out = weighted.reduce((sum, c) => sum + c.weight * top, 0)
    const counted = scored.filter(c => c.weight > 0)
    const low = Math.min(...counted.map(c => c.score))
    const count = data.criteria.length
    return {
      total: scored.length
        ? `${total} / ${out}` + (scored.length < count ? ` ${message("scored-count", { n: scored.length, count })}` : "")
        : message("no-score"),
      weakest: counted.length
        ? `${counted.filter(c => c.score === low).map(c => c.title).join(", ")} (${low})`
        : "—",
    }
  }

  const used = (data, i) =>
    Boolean(data.names[i]) ||
    data.criteria.some(([id]) => {
      const cell = cellOf(data, id, i)
      return cell.score !== "" || cell.remark !== ""
    })

  const escapeCell = value => value.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ")

  /* The grid as Markdown, ready to paste into a note. */
  const toMarkdown = (raw, message, when = new Date()) => {
    const data = normalise(raw)
    const candidates = [0, 1, 2, 3].filter(i => used(data, i))
    const labels = Object.fromEntries(data.scale.map(([value, label]) => [value, label]))
    const lines = [`## ${message("export-title")}`, ""]
    lines.push(message("export-date", { date: app.store.frenchDate(when), scale: data.scale.map(([, l]) => l).join(", ") }), "")
    if (!candidates.length) {
      lines.push(message("export-empty"))
    } else {
      const row = cells => `| ${cells.map(escapeCell).join(" | ")} |`
      lines.push(message("export-weights"), "")
      lines.push(row([message("export-criterion"), message("export-weight"), ...candidates.map(i => nameOf(data, i, message))]))
      lines.push(row(["---", "---", ...candidates.map(() => "---")]))
      for (const [id, title] of data.criteria) {
        const unscored = message("export-unscored")
        lines.push(row([title, weightOf(data, id), ...candidates.map(i => labels[cellOf(data, id, i).score] || unscored)]))
      }
      lines.push(row([`**${message("export-total")}**`, "", ...candidates.map(i => `**${summary(data, i, message).total}**`)]))
      lines.push(row([`**${message("export-weakest")}**`, "", ...candidates.map(i => summary(data, i, message).weakest)]))
      const remarks = candidates.flatMap(i =>
        data.criteria
          .filter(([id]) => cellOf(data, id, i).remark)
          .map(([id, title]) => `- **${nameOf(data, i, message)} — ${title}** : ${escapeCell(cellOf(data, id, i).remark)}`)
      )
      if (remarks.length) lines.push("", `### ${message("export-remarks")}`, "", ...remarks)
    }
    lines.push("", `> ${message("export-caution")}`)
    return lines.join("\n") + "\n"
  }

  window.app.structureGrid = {
    toMarkdown,
    /* The saved grid as Markdown, or "" when nothing is saved. */
    markdown(grid = DEFAULT_GRID) {
      const { data } = slot(grid).read()
      const words = document.querySelector('[data-app-module="structure-grid"], [data-app-messages-for="structure-grid"]')
      return data ? toMarkdown(data, app.messages(words)) : ""
    },
  }

  app.register("structure-grid", (root, { signal, message }) => {
    const store = slot(root.dataset.grid)
    const rows = [...root.querySelectorAll("tbody tr[data-criterion]")]
    const nameInputs = [...root.querySelectorAll('input[name="name"]')]
    const status = root.querySelector("[data-status]")
    const announce = root.querySelector("[data-announce]")
    const alert = root.querySelector("[data-announce-alert]")
    const fields = (row, i) => row.querySelectorAll("td[data-candidate]")[i].querySelectorAll("select, textarea")
    const weightField = row => row.querySelector('select[name="weight"]')
    const scale = [...rows[0].querySelector('select[name="score"]').options]
      .filter(o => o.value)
      .map(o => [o.value, o.textContent.trim()])

    const saved = store.read()
    // Cells and weights of criteria that are not on the page (removed, or not yet back) are kept as they were.
    let kept = saved.data ? normalise(saved.data).cells : {}
    let keptWeights = saved.data ? normalise(saved.data).weights : {}

    const collect = () => {
      const cells = { ...kept }
      for (const row of rows) {
        cells[row.dataset.criterion] = nameInputs.map((_, i) => {
          const [score, remark] = fields(row, i)
          return { score: score.value, remark: remark.value }
        })
      }
      const weights = { ...keptWeights }
      for (const row of rows) weights[row.dataset.criterion] = weightField(row).value
      return {
        names: nameInputs.map(input => input.value.trim()),
        weights,
        cells,
        criteria: rows.map(row => [row.dataset.criterion, row.querySelector("th").textContent.trim()]),
        scale,
      }
    }

    const refresh = data => {
      nameInputs.forEach((_, i) => {
        for (const span of root.querySelectorAll(`[data-name="${i + 1}"]`)) span.textContent = nameOf(data, i, message)
        // A cell's title repeats its hidden label (structure_grid.html), renamed with it.
        for (const field of root.querySelectorAll(`td[data-candidate="${i + 1}"] :is(select, textarea)`)) {
          field.title = field.labels[0].textContent
        }
        const { total, weakest } = summary(data, i, message)
        root.querySelector(`[data-total="${i + 1}"]`).textContent = total
        root.querySelector(`[data-weakest="${i + 1}"]`).textContent = weakest
      })
    }

    // An outcome is a status; an error, an alert (RGAA 7.5.1, 7.5.2). Both
    // are emptied first, so that the same message twice is announced twice.
    const say = (text, { error = false } = {}) => {
      announce.textContent = ""
      alert.textContent = ""
      setTimeout(() => ((error ? alert : announce).textContent = text), 50)
    }

    const showStatus = reason => {
      status.hidden = false
      status.textContent = message(reason ? "unavailable" : "saved-here")
    }

    const save = event => {
      const data = collect()
      store.write(data)
      refresh(data)
      if (event && event.target.name === "score") {
        const i = Number(event.target.closest("td").dataset.candidate) - 1
        const { total, weakest } = summary(data, i, message)
        say(message("scored", { name: nameOf(data, i, message), total, weakest }))
      } else if (event && event.target.name === "weight") {
        say(message("weighted"))
      }
    }

    if (saved.data) {
      const data = normalise(saved.data)
      nameInputs.forEach((input, i) => (input.value = data.names[i] || ""))
      for (const row of rows) {
        weightField(row).value = weightOf(data, row.dataset.criterion)
        nameInputs.forEach((_, i) => {
          const [score, remark] = fields(row, i)
          const cell = cellOf(data, row.dataset.criterion, i)
          if ([...score.options].some(o => o.value === cell.score)) score.value = cell.score
          remark.value = cell.remark
        })
      }
    }
    refresh(collect())
    showStatus(app.store.unavailable)
    app.store.onUnavailable(showStatus, { signal })

    root.addEventListener("input", save)
    root.addEventListener("change", save)

    const actions = {
      async copy() {
        const done = await app.store.copy(toMarkdown(collect(), message))
        say(message(done ? "copied" : "copy-failed"), { error: !done })
      },
      download() {
        app.store.download(`grille-${root.dataset.grid}-${app.store.isoDay(new Date())}.md`, toMarkdown(collect(), message))
      },
      print() {
        const html = document.documentElement
        html.classList.add("app-print-grid")
        window.addEventListener("afterprint", () => html.classList.remove("app-print-grid"), { once: true })
        window.print()
      },
      clear() {
        if (!window.confirm(message("clear-confirm"))) return
        for (const field of root.querySelectorAll("input, select, textarea")) field.value = ""
        for (const row of rows) weightField(row).value = DEFAULT_WEIGHT
        kept = {}
        keptWeights = {}
        store.remove()
        refresh(collect())
        say(message("cleared"))
      },
    }
    const bar = root.querySelector(".app-structure-grid__actions")
    bar.addEventListener("click", event => {
      const button = event.target.closest("[data-action]")
      if (button) actions[button.dataset.action]()
    })
    bar.hidden = false
  })
})()
