/* The note builder's exports: the note as Markdown, OpenDocument text (.odt)
 * and print. Loaded by note-builder.js when the reader starts typing or asks
 * for an export, so that the page itself stays light.
 *
 * The note, as every export sees it:
 * { title, service, date, page, sections: [{ title, level, text,
 *   scenarios: [{ title, parts: [[label, text]] }], table: { columns, rows } }] } */
(() => {
  "use strict"

  const TO_WRITE = "À compléter."

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

  const toOdt = async (note, now = new Date()) => {
    await app.load("zip", "lib")
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

  window.app.noteExport = { MIMETYPE, toMarkdown, toOdt, renderPrint }
})()
