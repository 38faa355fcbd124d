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
  const UNAVAILABLE = {
    file: "Cette page est ouverte depuis un fichier : votre texte ne sera pas conservé après cette visite.",
    blocked:
      "Ce navigateur n’autorise pas l’enregistrement local (navigation privée ou stockage bloqué) : votre texte ne sera pas conservé après cette visite.",
    quota: "L’espace de stockage de ce navigateur est plein : votre texte n’est plus conservé.",
  }
  const KEEP_IT = "Téléchargez la note pour la garder."
  const UNREADABLE = "Le texte enregistré auparavant n’a pas pu être relu : il est ignoré."
  const TO_WRITE = "À compléter."
  const REMOVED = "Rubriques retirées du modèle"

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

  /* ---- Reading what a reader typed: a little Markdown, as a note needs ----
   * Paragraphs, « - » lists, « | » tables, « # » headings, « > » quotes and
   * **bold**; everything else is text. Used by the .odt and the print. */
  const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/
  const cellsOf = line =>
    line
      .trim()
      .replace(/^\||\|$/g, "")
      .split(/(?<!\\)\|/)
      .map(cell => cell.replace(/\\\|/g, "|").trim())

  const parseText = text => {
    const blocks = []
    let paragraph = []
    const flush = () => {
      if (paragraph.length) blocks.push({ type: "paragraph", lines: paragraph })
      paragraph = []
    }
    const last = type => {
      const block = blocks[blocks.length - 1]
      return !paragraph.length && block && block.type === type ? block : null
    }
    for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
      const item = /^\s*[-*+]\s+(.*)$/.exec(line)
      const heading = /^(#{1,6})\s+(.*)$/.exec(line)
      const quote = /^\s*>\s?(.*)$/.exec(line)
      if (!line.trim()) {
        flush()
      } else if (item) {
        flush()
        const list = last("list") || (blocks.push({ type: "list", items: [] }), blocks[blocks.length - 1])
        list.items.push(item[1])
      } else if (/^\s*\|.*\|\s*$/.test(line)) {
        flush()
        const table = last("table") || (blocks.push({ type: "table", rows: [] }), blocks[blocks.length - 1])
        if (!TABLE_RULE.test(line)) table.rows.push(cellsOf(line))
      } else if (heading) {
        flush()
        blocks.push({ type: "heading", depth: heading[1].length, text: heading[2] })
      } else if (quote) {
        flush()
        const block = last("quote") || (blocks.push({ type: "quote", lines: [] }), blocks[blocks.length - 1])
        block.lines.push(quote[1])
      } else {
        const open = last("list")
        // A line under a list item, indented: the item goes on.
        if (open && /^\s+\S/.test(line)) open.items[open.items.length - 1] += ` ${line.trim()}`
        else paragraph.push(line)
      }
    }
    flush()
    return blocks
  }

  /* « a **b** c » as runs: [["a ", false], ["b", true], [" c", false]]. */
  const runs = text => text.split(/\*\*(.+?)\*\*/).map((part, i) => [part, i % 2 === 1]).filter(([part]) => part)

  /* ---- The note, as every export sees it ----
   * { title, service, date, page, sections: [{ title, level, text,
   *   scenarios: [{ title, parts: [[label, text]] }], table: { columns, rows } }] } */
  const isEmpty = section =>
    !section.divider &&
    !section.text.trim() && !section.scenarios.length && !(section.table && section.table.rows.length)

  /* A heading typed in a section keeps its Markdown level, but sits under the section's own. */
  const subLevel = (section, depth) => Math.min(6, Math.max(depth, section.level + 1))

  /* ---- Markdown ---- */
  const escapeCell = value => value.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ")
  const tableMarkdown = (columns, rows) =>
    [columns, columns.map(() => "---"), ...rows].map(cells => `| ${cells.map(escapeCell).join(" | ")} |`).join("\n")

  const toMarkdown = note => {
    const out = [`# ${note.title}`, "", `- **Service :** ${note.service || "—"}`, `- **Date :** ${note.date}`]
    for (const section of note.sections) {
      out.push("", `${"#".repeat(section.level)} ${section.title}`, "")
      if (isEmpty(section)) out.push(`*${TO_WRITE}*`)
      if (section.text.trim()) out.push(section.text.trim())
      for (const scenario of section.scenarios) {
        out.push("", `${"#".repeat(section.level + 1)} Scénario : ${scenario.title}`)
        for (const [label, text] of scenario.parts) out.push("", `**${label}**`, "", text)
      }
      if (section.table && section.table.rows.length) {
        out.push("", tableMarkdown(section.table.columns, section.table.rows))
      }
    }
    out.push("", "---", "", `Note préparée avec le modèle « ${note.title} » du Guide de pérennisation : ${note.page}`)
    return `${out.join("\n").replace(/\n{3,}/g, "\n\n")}\n`
  }

  /* ---- OpenDocument text ---- */
  const NS = [
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
    'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  ].join(" ")
  const MIMETYPE = "application/vnd.oasis.opendocument.text"
  const XML = '<?xml version="1.0" encoding="UTF-8"?>\n'

  // Characters XML 1.0 cannot hold (control characters) are dropped.
  const xml = value =>
    String(value)
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")

  const odfInline = text =>
    runs(text)
      .map(([part, bold]) => (bold ? `<text:span text:style-name="Gras">${xml(part)}</text:span>` : xml(part)))
      .join("")

  const odfHeading = (level, text) =>
    `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${xml(text)}</text:h>`
  const odfParagraph = (text, style = "Text_20_body") =>
    `<text:p text:style-name="${style}">${odfInline(text)}</text:p>`
  const odfTable = (name, columns, rows, header) =>
    `<table:table table:name="${name}" table:style-name="Tableau">` +
    `<table:table-column table:style-name="Colonne${Math.min(columns, COLUMN_STYLES)}" table:number-columns-repeated="${columns}"/>` +
    [header, ...rows]
      .filter(Boolean)
      .map(
        (cells, i) =>
          "<table:table-row>" +
          Array.from({ length: columns }, (_, c) => {
            const style = header && i === 0 ? "En-tête" : "Table_20_Contents"
            return `<table:table-cell table:style-name="Cellule" office:value-type="string">${odfParagraph(cells[c] || "", style)}</table:table-cell>`
          }).join("") +
          "</table:table-row>",
      )
      .join("") +
    "</table:table>"

  const odfBlocks = (section, text, tables) =>
    parseText(text)
      .map(block => {
        if (block.type === "heading") return odfHeading(subLevel(section, block.depth), block.text)
        if (block.type === "list") {
          const items = block.items.map(item => `<text:list-item>${odfParagraph(item)}</text:list-item>`)
          return `<text:list text:style-name="Puces">${items.join("")}</text:list>`
        }
        if (block.type === "table") {
          const columns = Math.max(...block.rows.map(row => row.length))
          return odfTable(`Tableau${tables.next()}`, columns, block.rows.slice(1), block.rows[0])
        }
        const style = block.type === "quote" ? "Quotations" : "Text_20_body"
        return `<text:p text:style-name="${style}">${block.lines.map(odfInline).join("<text:line-break/>")}</text:p>`
      })
      .join("")

  // Columns share the width between A4's 2 cm margins; wider tables squeeze into the last style.
  const TABLE_WIDTH = 17
  const COLUMN_STYLES = 8
  const CONTENT_STYLES = `<office:automatic-styles>
<style:style style:name="Gras" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Tableau" style:family="table"><style:table-properties style:width="${TABLE_WIDTH}cm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>
${Array.from({ length: COLUMN_STYLES }, (_, i) => `<style:style style:name="Colonne${i + 1}" style:family="table-column"><style:table-column-properties style:column-width="${(TABLE_WIDTH / (i + 1)).toFixed(2)}cm"/></style:style>`).join("")}
<style:style style:name="Cellule" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
<text:list-style style:name="Puces"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:automatic-styles>`

  const heading = (level, size) =>
    `<style:style style:name="Heading_20_${level}" style:display-name="Heading ${level}" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="${level}" style:class="text"><style:text-properties fo:font-size="${size}pt" fo:font-weight="bold"/></style:style>`

  const STYLES = `${XML}<office:document-styles ${NS} office:version="1.3"><office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2"/><style:text-properties fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-size="11pt" fo:language="fr" fo:country="FR"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/></style:style>
${heading(1, 20)}${heading(2, 16)}${heading(3, 13)}${heading(4, 12)}${heading(5, 11)}${heading(6, 11)}
<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html"><style:paragraph-properties fo:margin-left="0.8cm"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="En-tête" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
</office:document-styles>`

  const MANIFEST = `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIMETYPE}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`

  const toOdt = (note, now = new Date()) => {
    let count = 0
    const tables = { next: () => ++count }
    const body = [
      odfHeading(1, note.title),
      odfParagraph(`**Service :** ${note.service || "—"}`),
      odfParagraph(`**Date :** ${note.date}`),
    ]
    for (const section of note.sections) {
      body.push(odfHeading(section.level, section.title))
      if (isEmpty(section)) body.push(odfParagraph(TO_WRITE, "Quotations"))
      body.push(odfBlocks(section, section.text, tables))
      for (const scenario of section.scenarios) {
        body.push(odfHeading(section.level + 1, `Scénario : ${scenario.title}`))
        for (const [label, text] of scenario.parts) {
          body.push(odfParagraph(`**${label}**`), odfBlocks({ level: section.level + 1 }, text, tables))
        }
      }
      if (section.table && section.table.rows.length) {
        const { columns, rows } = section.table
        body.push(odfTable(`Tableau${tables.next()}`, columns.length, rows, columns))
      }
    }
    body.push(odfParagraph(`Note préparée avec le modèle « ${note.title} » du Guide de pérennisation : ${note.page}`, "Quotations"))
    const content = `${XML}<office:document-content ${NS} office:version="1.3">${CONTENT_STYLES}<office:body><office:text>${body.join("")}</office:text></office:body></office:document-content>`
    const meta = `${XML}<office:document-meta ${NS} office:version="1.3"><office:meta><dc:title>${xml(note.title)}${note.service ? ` — ${xml(note.service)}` : ""}</dc:title><dc:language>fr-FR</dc:language><meta:generator>Guide de pérennisation</meta:generator><meta:creation-date>${now.toISOString().slice(0, 19)}</meta:creation-date></office:meta></office:document-meta>`
    return app.zip.store(
      [
        { name: "mimetype", data: MIMETYPE },
        { name: "META-INF/manifest.xml", data: MANIFEST },
        { name: "content.xml", data: content },
        { name: "styles.xml", data: STYLES },
        { name: "meta.xml", data: meta },
      ],
      now,
    )
  }

  /* ---- Print: the same note as HTML, built with DOM methods (what was typed stays text) ---- */
  const element = (name, text, className) => {
    const node = document.createElement(name)
    if (text !== undefined) {
      for (const [part, bold] of runs(text)) {
        node.append(bold ? Object.assign(document.createElement("strong"), { textContent: part }) : part)
      }
    }
    if (className) node.className = className
    return node
  }

  const htmlTable = (columns, rows) => {
    const table = element("table")
    const head = table.createTHead().insertRow()
    for (const column of columns) head.append(Object.assign(element("th", column), { scope: "col" }))
    const body = table.createTBody()
    for (const cells of rows) {
      const row = body.insertRow()
      columns.forEach((_, c) => row.append(element("td", cells[c] || "")))
    }
    return table
  }

  const htmlBlocks = (section, text) =>
    parseText(text).map(block => {
      if (block.type === "heading") return element(`h${subLevel(section, block.depth)}`, block.text)
      if (block.type === "list") {
        const list = element("ul")
        list.append(...block.items.map(item => element("li", item)))
        return list
      }
      if (block.type === "table") return htmlTable(block.rows[0], block.rows.slice(1))
      const node = element(block.type === "quote" ? "blockquote" : "p")
      block.lines.forEach((line, i) => {
        if (i) node.append(document.createElement("br"))
        node.append(...element("span", line).childNodes)
      })
      return node
    })

  const renderPrint = (target, note) => {
    const nodes = [
      element("h1", note.title),
      element("p", `**Service :** ${note.service || "—"}`),
      element("p", `**Date :** ${note.date}`),
    ]
    for (const section of note.sections) {
      nodes.push(element(`h${section.level}`, section.title))
      if (isEmpty(section)) nodes.push(element("p", TO_WRITE, "app-note-builder__empty"))
      nodes.push(...htmlBlocks(section, section.text))
      for (const scenario of section.scenarios) {
        nodes.push(element(`h${section.level + 1}`, `Scénario : ${scenario.title}`))
        for (const [label, text] of scenario.parts) {
          nodes.push(element("p", `**${label}**`), ...htmlBlocks({ level: section.level + 1 }, text))
        }
      }
      if (section.table && section.table.rows.length) nodes.push(htmlTable(section.table.columns, section.table.rows))
    }
    nodes.push(element("p", `Note préparée avec le modèle « ${note.title} » du Guide de pérennisation : ${note.page}`, "app-note-builder__source"))
    target.replaceChildren(...nodes)
  }

  /* ---- The form ---- */
  const mount = root => {
    const store = window.app.store
    const noteId = root.dataset.noteId
    const title = root.dataset.noteTitle
    const slot = store.slot("note", noteId, { version: VERSION })
    const form = root.querySelector("form")
    const template = root.querySelector(".app-note")
    const [notice, savedLine, status, orphansLine, printTarget] = ["notice", "saved", "status", "orphans", "print"].map(
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
      scenarios: [...element.querySelectorAll("[data-scenario-id]")].map(fieldset => ({
        id: fieldset.dataset.scenarioId,
        title: fieldset.dataset.title,
        fieldset,
        pick: element.querySelector(`[data-scenario-pick][value="${fieldset.dataset.scenarioId}"]`),
        parts: [...fieldset.querySelectorAll("[data-part]")],
      })),
      rows: element.querySelector("[data-rows]"),
    }))
    const byElement = node => sections.find(section => section.element.contains(node))

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
        remove.textContent = "Supprimer"
        remove.append(element("span", ` l’${name} ${i + 1}`, "app-visually-hidden"))
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
      const labels = Object.fromEntries(
        sections.flatMap(s => s.scenarios.flatMap(sc => sc.parts.map(p => [p.dataset.part, p.dataset.label]))),
      )
      const filled = rows => rows.filter(cells => cells.some(cell => cell.trim()))
      const partsOf = entries => entries.filter(([, text]) => text.trim()).map(([label, text]) => [label, text.trim()])
      const list = sections.map(section => {
        const keptScenarios = kept.scenarios[section.id] || {}
        return {
          title: section.title,
          level: section.level,
          text: section.text.value,
          scenarios: [
            ...section.scenarios
              .filter(s => s.pick.checked)
              .map(s => ({ title: s.title, parts: partsOf(s.parts.map(p => [p.dataset.label, p.value])) })),
            ...(keptScenarios.picked || []).map(id => {
              const entry = objectAt(keptScenarios, id)
              const parts = objectAt(entry, "parts")
              return {
                title: stringAt(entry, "title") || id,
                parts: partsOf(Object.keys(parts).map(key => [labels[key] || key, stringAt(parts, key) || ""])),
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
              parts: partsOf(Object.keys(parts).map(key => [labels[key] || key, stringAt(parts, key) || ""])),
            }
          }),
          table: keys.length
            ? { columns: keys.map(([, label]) => String(label)), rows: filled(rows.map(r => keys.map(([key]) => String(r[key] || "")))) }
            : null,
        }
      })
      if (orphans.length) list.push({ title: REMOVED, level: 2, text: "", scenarios: [], table: null, divider: true }, ...orphans)
      const date = parseDay(day.value) || new Date()
      return { title, service: service.value.trim(), date: store.frenchDate(date), page: pageUrl(), sections: list }
    }

    /* ---- messages ---- */
    const say = message => {
      // Cleared first, so that the same message twice is announced twice.
      status.textContent = ""
      requestAnimationFrame(() => {
        status.textContent = message
      })
    }

    const time = date => date.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" })
    const showSaved = (date, kept) => {
      savedLine.textContent = kept
        ? `Enregistré dans ce navigateur le ${store.frenchDate(date)} à ${time(date)}.`
        : `Non enregistré : ${KEEP_IT.charAt(0).toLowerCase()}${KEEP_IT.slice(1)}`
    }

    const warn = message => {
      notice.textContent = `${message} ${KEEP_IT}`
      notice.classList.add("app-note-builder__notice--warning")
    }

    const showOrphans = () => {
      const titles = Object.entries(kept.sections).map(([id, entry]) => `« ${stringAt(entry, "title") || id} »`)
      orphansLine.hidden = !titles.length
      orphansLine.textContent = titles.length
        ? `Ce modèle ne contient plus ${titles.length > 1 ? "les rubriques" : "la rubrique"} ${titles.join(", ")} : ` +
          `votre texte y est conservé et figure à la fin des exports, sous « ${REMOVED} ».`
        : ""
    }

    const save = () => showSaved(new Date(), slot.write(state()))

    /* ---- actions ---- */
    const filename = suffix => {
      const name = slug(service.value)
      return `note-${noteId}${name ? `-${name}` : ""}-${store.isoDay(new Date())}.${suffix}`
    }

    const actions = {
      markdown() {
        store.download(filename("md"), toMarkdown(note()))
        say("La note est téléchargée au format Markdown.")
      },
      odt() {
        store.download(filename("odt"), toOdt(note()), MIMETYPE)
        say("La note est téléchargée au format OpenDocument (.odt).")
      },
      print() {
        renderPrint(printTarget, note())
        const html = document.documentElement
        html.classList.add("app-print-note")
        window.addEventListener("afterprint", () => html.classList.remove("app-print-note"), { once: true })
        window.print()
      },
      clear() {
        if (!window.confirm(`Effacer tout le texte de « ${title} » dans ce navigateur ? Téléchargez d’abord la note pour la garder.`)) return
        slot.remove()
        apply(null)
        savedLine.textContent = "Rien n’est encore enregistré."
        say("La note est effacée.")
      },
      "add-row"(button) {
        const section = byElement(button)
        const row = addRow(section)
        renumber(section)
        row.querySelector("input").focus()
        save()
        say(`${row.querySelector("[data-row-legend]").textContent} ajoutée.`)
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
        say(`${label} supprimée.`)
      },
      "import-grid"(button) {
        const section = byElement(button)
        const grid = window.app.structureGrid ? window.app.structureGrid.markdown() : ""
        if (!grid) {
          say("Aucune grille de décision n’est enregistrée dans ce navigateur : remplissez-la d’abord.")
          return
        }
        // The grid's headings (from ##) go under this section's own.
        const shifted = grid.replace(/^(#+) /gm, (_, hashes) => `${"#".repeat(Math.min(6, hashes.length + section.level - 1))} `)
        const text = section.text.value.trim()
        section.text.value = `${text ? `${text}\n\n` : ""}${shifted.trim()}\n`
        save()
        say("La grille de décision est ajoutée au texte de la rubrique.")
      },
    }

    // Restore, then swap the readable template for the form.
    const saved = slot.read()
    apply(saved.data)
    if (saved.data && saved.savedAt) showSaved(saved.savedAt, true)
    if (saved.problem) warn(UNREADABLE)
    form.hidden = false
    root.classList.add("app-note-builder--ready")
    if (template) template.classList.add("app-note-builder__template")

    store.onUnavailable(reason => {
      warn(UNAVAILABLE[reason])
      savedLine.textContent = `Non enregistré : ${KEEP_IT.charAt(0).toLowerCase()}${KEEP_IT.slice(1)}`
    })

    form.addEventListener("submit", event => event.preventDefault())
    form.addEventListener("input", save)
    form.addEventListener("change", event => {
      const pick = event.target.closest("[data-scenario-pick]")
      if (!pick) return
      const scenario = byElement(pick).scenarios.find(s => s.pick === pick)
      scenario.fieldset.hidden = !pick.checked
      save()
    })
    form.addEventListener("click", event => {
      const button = event.target.closest("[data-note-action]")
      if (button) actions[button.dataset.noteAction](button)
    })
    // Another tab of this site saved the same note.
    const unwatch = slot.watch(result => {
      if (!root.isConnected) unwatch()
      else if (!result.problem) apply(result.data)
    })
  }

  window.app.register("note-builder", mount)
})()
