/* The note builder's exports: the note as Markdown, OpenDocument text (.odt)
 * and print. Loaded by note-builder.js when the reader starts typing or asks
 * for an export, so that the page itself stays light.
 *
 * The note, as every export sees it:
 * { title, service, date, page, odf, message, sections: [{ title, level, text,
 *   blank, scenarios: [{ title, parts: [[label, text]] }], table: { columns, rows } }] }
 * where `blank` and `odf` come from the note's outline (note_outline.py): the
 * blocks a section has while nothing is written in it, and the ODF styles;
 * `message` is the note builder's (app.js), for the document's own words
 * (data/interface.yml), which the blank files take from the same place.
 * Every export walks the same blocks; the blank files are written from them
 * by note_files.py, in the same way. */
(() => {
  "use strict"

  /* ---- Reading what a reader typed: a little Markdown, as a note needs ----
   * Paragraphs, « - » lists, « | » tables, « # » headings, « > » quotes and
   * **bold**; everything else is text. */
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

  /* « a **b** c » as runs: ["a ", { text: "b", bold: true }, " c"]. */
  const runs = text =>
    text
      .split(/\*\*(.+?)\*\*/)
      .map((part, i) => (i % 2 === 1 ? { text: part, bold: true } : part))
      .filter(run => run && (typeof run === "string" || run.text))
  const lineRuns = lines => lines.flatMap((line, i) => [...(i ? [{ break: true }] : []), ...runs(line)])

  /* ---- The note as blocks, in the outline's vocabulary (note_outline.py) ---- */
  const heading = (level, text) => ({ type: "heading", level, text })
  const paragraph = (style, ...content) => ({ type: "paragraph", style, runs: content.filter(Boolean) })
  const table = (columns, rows) => ({ type: "table", columns, rows })

  /* A heading typed in a section keeps its Markdown level, but sits under the section's own. */
  const subLevel = (level, depth) => Math.min(6, Math.max(depth, level + 1))

  const textBlocks = (level, text) =>
    parseText(text).map(block => {
      if (block.type === "heading") return heading(subLevel(level, block.depth), block.text)
      if (block.type === "list") return { type: "list", style: "body", items: block.items.map(runs) }
      if (block.type === "table") {
        const count = Math.max(...block.rows.map(row => row.length))
        const [columns, ...rows] = block.rows.map(row => Array.from({ length: count }, (_, c) => runs(row[c] || "")))
        return table(columns, rows)
      }
      return paragraph(block.type === "quote" ? "quote" : "body", ...lineRuns(block.lines))
    })

  const answered = section =>
    Boolean(section.text.trim() || section.scenarios.length || (section.table && section.table.rows.length))

  /* The outline walked as the blank files are (note_outline.document): the
   * head, then each section, with what was written in it in place of its
   * blank blocks, and where the note comes from. */
  const documentOf = note => {
    const { message } = note
    const identity = [[message("document-service"), note.service], [message("document-date"), note.date]]
    const blocks = [
      heading(1, note.title),
      { type: "list", style: "body", items: identity.map(([label, value]) => [{ text: label, bold: true }, ...(value ? [` ${value}`] : [])]) },
    ]
    for (const section of note.sections) {
      blocks.push(heading(section.level, section.title))
      if (!answered(section)) {
        blocks.push(...(section.blank || []))
        continue
      }
      blocks.push(...textBlocks(section.level, section.text))
      for (const scenario of section.scenarios) {
        blocks.push(heading(section.level + 1, message("document-scenario", { title: scenario.title })))
        for (const [label, text] of scenario.parts) {
          blocks.push(paragraph("body", { text: label, bold: true }), ...textBlocks(section.level + 1, text))
        }
      }
      if (section.table && section.table.rows.length) {
        const cells = row => row.map(cell => runs(cell))
        blocks.push(table(cells(section.table.columns), section.table.rows.map(cells)))
      }
    }
    blocks.push(
      paragraph("source", `${message("document-source", { title: note.title })} `, { text: note.page, href: note.page }),
    )
    return blocks
  }

  /* ---- Markdown (as note_files.to_markdown) ---- */
  const mdInline = content =>
    content
      .map(run => {
        if (typeof run === "string") return run
        if (run.break) return "\n"
        return run.bold ? `**${run.text}**` : `[${run.text}](${run.href})`
      })
      .join("")
  const mdCell = content => mdInline(content).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ")

  const mdBlock = block => {
    if (block.type === "heading") return `${"#".repeat(block.level)} ${block.text}`
    if (block.type === "paragraph") {
      const text = mdInline(block.runs)
      if (!text.trim()) return ""
      const lines = text.split("\n")
      if (block.style === "guidance") return lines.map(line => `> *${line}*`).join("\n")
      if (block.style !== "body") return lines.map(line => `> ${line}`).join("\n")
      return text
    }
    if (block.type === "list") {
      const item = block.style === "guidance" ? content => `> - *${mdInline(content)}*` : content => `- ${mdInline(content)}`
      return block.items.map(item).join("\n")
    }
    const lines = [block.columns, ...block.rows].map(row => `| ${row.map(mdCell).join(" | ")} |`)
    lines.splice(1, 0, `| ${block.columns.map(() => "---").join(" | ")} |`)
    return lines.join("\n")
  }

  const toMarkdown = note => `${documentOf(note).map(mdBlock).filter(Boolean).join("\n\n")}\n`

  /* ---- OpenDocument text (as note_files.to_odt), in the outline's styles ---- */
  const XML = '<?xml version="1.0" encoding="UTF-8"?>\n'

  // Characters XML 1.0 cannot hold (control characters) are dropped.
  const xml = value =>
    String(value)
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")

  const odfInline = content =>
    content
      .map(run => {
        if (typeof run === "string") return xml(run)
        if (run.break) return "<text:line-break/>"
        if (run.bold) return `<text:span text:style-name="Gras">${xml(run.text)}</text:span>`
        return `<text:a xlink:type="simple" xlink:href="${xml(run.href)}">${xml(run.text)}</text:a>`
      })
      .join("")
  const odfParagraph = (content, style) => `<text:p text:style-name="${style}">${odfInline(content)}</text:p>`

  const odfBody = (blocks, odf) => {
    let tables = 0
    return blocks
      .map(block => {
        if (block.type === "heading") {
          return `<text:h text:style-name="Heading_20_${block.level}" text:outline-level="${block.level}">${xml(block.text)}</text:h>`
        }
        if (block.type === "paragraph") return odfParagraph(block.runs, odf.paragraphs[block.style])
        if (block.type === "list") {
          const items = block.items.map(item => `<text:list-item>${odfParagraph(item, odf.paragraphs[block.style])}</text:list-item>`)
          return `<text:list text:style-name="Puces">${items.join("")}</text:list>`
        }
        const count = block.columns.length
        const row = (style, cells) =>
          "<table:table-row>" +
          cells
            .map(cell => `<table:table-cell table:style-name="Cellule" office:value-type="string">${odfParagraph(cell, style)}</table:table-cell>`)
            .join("") +
          "</table:table-row>"
        // The columns' row is a header row, as in note_files.py.
        return (
          `<table:table table:name="Tableau${++tables}" table:style-name="Tableau">` +
          `<table:table-column table:style-name="Colonne${Math.min(count, odf.columns)}" table:number-columns-repeated="${count}"/>` +
          `<table:table-header-rows>${row(odf.cells.header, block.columns)}</table:table-header-rows>` +
          block.rows.map(cells => row(odf.cells.body, cells)).join("") +
          "</table:table>"
        )
      })
      .join("")
  }

  const toOdt = async (note, now = new Date()) => {
    await app.load("zip", "lib")
    const { odf } = note
    const content = `${XML}<office:document-content ${odf.namespaces} office:version="1.3">${odf.automatic}<office:body><office:text>${odfBody(documentOf(note), odf)}</office:text></office:body></office:document-content>`
    const meta = `${XML}<office:document-meta ${odf.namespaces} office:version="1.3"><office:meta><dc:title>${xml(note.title)}${note.service ? ` — ${xml(note.service)}` : ""}</dc:title><dc:language>fr-FR</dc:language><meta:generator>${xml(odf.generator)}</meta:generator><meta:creation-date>${now.toISOString().slice(0, 19)}</meta:creation-date></office:meta></office:document-meta>`
    return app.zip.store(
      [
        { name: "mimetype", data: odf.mimetype },
        { name: "META-INF/manifest.xml", data: odf.manifest },
        { name: "content.xml", data: content },
        { name: "styles.xml", data: odf.styles },
        { name: "meta.xml", data: meta },
      ],
      now,
    )
  }

  /* ---- Print: the same blocks as HTML, built with DOM methods (what was typed stays text) ---- */
  const PRINT_CLASSES = { guidance: "app-note-builder__empty", source: "app-note-builder__source" }

  const element = (name, content = [], className) => {
    const node = document.createElement(name)
    for (const run of content) {
      if (typeof run === "string") node.append(run)
      else if (run.break) node.append(document.createElement("br"))
      else if (run.bold) node.append(Object.assign(document.createElement("strong"), { textContent: run.text }))
      else node.append(Object.assign(document.createElement("a"), { href: run.href, textContent: run.text }))
    }
    if (className) node.className = className
    return node
  }

  const htmlBlock = block => {
    if (block.type === "heading") return element(`h${block.level}`, [block.text])
    if (block.type === "paragraph") {
      return element(block.style === "quote" ? "blockquote" : "p", block.runs, PRINT_CLASSES[block.style])
    }
    if (block.type === "list") {
      const list = element("ul", [], PRINT_CLASSES[block.style])
      list.append(...block.items.map(item => element("li", item)))
      return list
    }
    const node = element("table")
    const head = node.createTHead().insertRow()
    for (const column of block.columns) head.append(Object.assign(element("th", column), { scope: "col" }))
    const body = node.createTBody()
    for (const cells of block.rows) body.insertRow().append(...cells.map(cell => element("td", cell)))
    return node
  }

  const renderPrint = (target, note) => target.replaceChildren(...documentOf(note).map(htmlBlock))

  window.app.noteExport = { MIMETYPE: "application/vnd.oasis.opendocument.text", documentOf, toMarkdown, toOdt, renderPrint }
})()
