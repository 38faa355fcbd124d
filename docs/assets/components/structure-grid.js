/* Host-structure decision grid. The server renders a blank grid that prints
 * without JavaScript; this script keeps what the reader types (app.store,
 * keyed by criterion id so that editing the criteria loses nothing), shows
 * totals and the weakest criterion, and exports the grid as Markdown.
 *
 * The note builder reuses the export: loaded on any page of the site (with
 * app.load("structure-grid")), app.structureGrid.markdown() gives the saved
 * grid as Markdown. */
(() => {
  "use strict"
  const DEFAULT_GRID = "structure-accueil"
  const slot = grid => app.store.slot("structure-grid", grid, { version: 1 })

  const text = value => (typeof value === "string" ? value : "")
  const cellOf = (data, id, i) => {
    const cell = (Array.isArray(data.cells[id]) && data.cells[id][i]) || {}
    return { score: text(cell.score), remark: text(cell.remark) }
  }
  // Stored data comes from an older page or another tab: trust no shape.
  const normalise = data => ({
    names: Array.isArray(data.names) ? data.names.map(text) : [],
    cells: data.cells && typeof data.cells === "object" ? data.cells : {},
    criteria: Array.isArray(data.criteria) ? data.criteria.filter(Array.isArray) : [],
    scale: Array.isArray(data.scale) ? data.scale.filter(Array.isArray) : [],
  })

  const plural = (n, words) => `${n} ${n > 1 ? words.replace(/(\S+)/g, "$1s") : words}`
  const nameOf = (data, i) => data.names[i] || `Structure ${i + 1}`

  /* Total and weakest criteria of candidate i, over the criteria it has a score for. */
  const summary = (data, i) => {
    const top = Math.max(0, ...data.scale.map(([value]) => Number(value)))
    const scored = data.criteria
      .map(([id, title]) => ({ title, score: cellOf(data, id, i).score }))
      .filter(c => c.score !== "")
      .map(c => ({ title: c.title, score: Number(c.score) }))
    const total = scored.reduce((sum, c) => sum + c.score, 0)
    const low = Math.min(...scored.map(c => c.score))
    const count = data.criteria.length
    return {
      total: scored.length
        ? `${total} / ${top * count}` + (scored.length < count ? ` (${plural(scored.length, "critère noté")} sur ${count})` : "")
        : "aucune note",
      weakest: scored.length
        ? `${scored.filter(c => c.score === low).map(c => c.title).join(", ")} (${low})`
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
  const toMarkdown = (raw, when = new Date()) => {
    const data = normalise(raw)
    const candidates = [0, 1, 2, 3].filter(i => used(data, i))
    const labels = Object.fromEntries(data.scale.map(([value, label]) => [value, label]))
    const lines = ["## Grille de décision : structures d’accueil candidates", ""]
    lines.push(`Grille exportée le ${app.store.frenchDate(when)}. Échelle : ${data.scale.map(([, l]) => l).join(", ")}.`, "")
    if (!candidates.length) {
      lines.push("Aucune structure candidate n’a encore été saisie.")
    } else {
      const row = cells => `| ${cells.map(escapeCell).join(" | ")} |`
      lines.push(row(["Critère", ...candidates.map(i => nameOf(data, i))]))
      lines.push(row(["---", ...candidates.map(() => "---")]))
      for (const [id, title] of data.criteria) {
        lines.push(row([title, ...candidates.map(i => labels[cellOf(data, id, i).score] || "non noté")]))
      }
      lines.push(row(["**Total**", ...candidates.map(i => `**${summary(data, i).total}**`)]))
      lines.push(row(["**Critère le plus faible**", ...candidates.map(i => summary(data, i).weakest)]))
      const remarks = candidates.flatMap(i =>
        data.criteria
          .filter(([id]) => cellOf(data, id, i).remark)
          .map(([id, title]) => `- **${nameOf(data, i)} — ${title}** : ${escapeCell(cellOf(data, id, i).remark)}`)
      )
      if (remarks.length) lines.push("", "### Remarques", "", ...remarks)
    }
    lines.push(
      "",
      "> Cette grille ne choisit pas à votre place : la décision se fonde sur des critères objectifs et sur la mission de service public du service."
    )
    return lines.join("\n") + "\n"
  }

  window.app.structureGrid = {
    toMarkdown,
    /* The saved grid as Markdown, or "" when nothing is saved. */
    markdown(grid = DEFAULT_GRID) {
      const { data } = slot(grid).read()
      return data ? toMarkdown(data) : ""
    },
  }

  app.register("structure-grid", root => {
    const store = slot(root.dataset.grid)
    const rows = [...root.querySelectorAll("tbody tr[data-criterion]")]
    const nameInputs = [...root.querySelectorAll('input[name="name"]')]
    const status = root.querySelector("[data-status]")
    const announce = root.querySelector("[data-announce]")
    const fields = (row, i) => row.querySelectorAll("td")[i].querySelectorAll("select, textarea")
    const scale = [...rows[0].querySelector("select").options]
      .filter(o => o.value)
      .map(o => [o.value, o.textContent.trim()])

    const saved = store.read()
    // Cells of criteria that are not on the page (removed, or not yet back) are kept as they were.
    let kept = saved.data ? normalise(saved.data).cells : {}

    const collect = () => {
      const cells = { ...kept }
      for (const row of rows) {
        cells[row.dataset.criterion] = nameInputs.map((_, i) => {
          const [score, remark] = fields(row, i)
          return { score: score.value, remark: remark.value }
        })
      }
      return {
        names: nameInputs.map(input => input.value.trim()),
        cells,
        criteria: rows.map(row => [row.dataset.criterion, row.querySelector("th").textContent.trim()]),
        scale,
      }
    }

    const refresh = data => {
      nameInputs.forEach((_, i) => {
        for (const span of root.querySelectorAll(`[data-name="${i + 1}"]`)) span.textContent = nameOf(data, i)
        const { total, weakest } = summary(data, i)
        root.querySelector(`[data-total="${i + 1}"]`).textContent = total
        root.querySelector(`[data-weakest="${i + 1}"]`).textContent = weakest
      })
    }

    const say = message => {
      // Emptied first, so that the same message twice is announced twice.
      announce.textContent = ""
      setTimeout(() => (announce.textContent = message), 50)
    }

    const showStatus = reason => {
      status.hidden = false
      status.textContent = reason
        ? "Le stockage de ce navigateur n’est pas disponible : la grille ne sera pas conservée après cette visite. Téléchargez-la pour la garder."
        : "La grille est enregistrée dans ce navigateur seulement, jamais envoyée ailleurs. Téléchargez-la pour la garder ou la partager."
    }

    const save = event => {
      const data = collect()
      store.write(data)
      refresh(data)
      if (event && event.target.name === "score") {
        const i = Number(event.target.closest("td").dataset.candidate) - 1
        const { total, weakest } = summary(data, i)
        say(`${nameOf(data, i)} : total ${total}, critère le plus faible ${weakest}.`)
      }
    }

    if (saved.data) {
      const data = normalise(saved.data)
      nameInputs.forEach((input, i) => (input.value = data.names[i] || ""))
      for (const row of rows) {
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
    app.store.onUnavailable(showStatus)

    root.addEventListener("input", save)
    root.addEventListener("change", save)

    const actions = {
      async copy() {
        const done = await app.store.copy(toMarkdown(collect()))
        say(done ? "Grille copiée dans le presse-papiers." : "La copie a échoué ; utilisez « Télécharger ».")
      },
      download() {
        app.store.download(`grille-${root.dataset.grid}-${app.store.isoDay(new Date())}.md`, toMarkdown(collect()))
      },
      print() {
        const html = document.documentElement
        html.classList.add("app-print-grid")
        window.addEventListener("afterprint", () => html.classList.remove("app-print-grid"), { once: true })
        window.print()
      },
      clear() {
        if (!window.confirm("Vider la grille ? Les noms, notes et remarques seront effacés de ce navigateur.")) return
        for (const field of root.querySelectorAll("input, select, textarea")) field.value = ""
        kept = {}
        store.remove()
        refresh(collect())
        say("Grille vidée.")
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
