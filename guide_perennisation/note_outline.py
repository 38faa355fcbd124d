"""One outline for every note file, and one style.

A note is a list of blocks, in a vocabulary both writers read:

    {"type": "heading", "level": 2, "text": "…"}
    {"type": "paragraph", "style": "body" | "guidance" | "quote" | "source", "runs": [run, …]}
    {"type": "list", "style": "body" | "guidance", "items": [[run, …], …]}
    {"type": "table", "columns": [cell, …], "rows": [[cell, …], …]}

where a run is a string, {"text", "bold": true}, {"text", "href"} or
{"break": true}, and a cell a list of runs. Guidance (« consignes ») is what a writer replaces by its text.

The outline gives, for each section of a template, its heading and its blank
blocks: guidance, questions, the guide's data it draws on, and the room to
write (prompts, scenarios, rows). It is made here, from the data, once: the
blank files (note_files.py) are written from it at build time, and the note
builder embeds it as JSON for the browser's writer (note-export.js), which
puts a reader's text in place of the blank blocks of each section answered.
The ODF styles travel with it, so that both writers' .odt look the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import lxml.html

from .links import Links
from .note import ROW_KINDS, SCENARIO_PARTS, NoteTemplate, prefill_links, prompts
from .render import md_inline

if TYPE_CHECKING:
    from collections.abc import Callable

    from .guide import Guide

Run = str | dict[str, Any]
Block = dict[str, Any]

SCENARIOS_IN_BLANK = 3
BLANK_ROWS = 3
IDENTITY = ("Service :", "Date :")


def runs(text: str) -> list[Run]:
    """Inline Markdown as runs: bold and links kept, other marks read as text."""
    fragment = lxml.html.fragment_fromstring(str(md_inline(text)), create_parent="span")
    out: list[Run] = [fragment.text] if fragment.text else []
    for child in fragment:
        content = child.text_content()
        if child.tag in ("strong", "b"):
            out.append({"text": content, "bold": True})
        elif child.tag == "a":
            out.append({"text": content, "href": child.get("href")})
        else:
            out.append(content)
        if child.tail:
            out.append(child.tail)
    return out


def heading(level: int, text: str) -> Block:
    return {"type": "heading", "level": level, "text": text}


def paragraph(style: str, *content: Run) -> Block:
    return {"type": "paragraph", "style": style, "runs": [run for run in content if run]}


def bullet_list(style: str, items: list[list[Run]]) -> Block:
    return {"type": "list", "style": style, "items": items}


def head(title: str, service: str, date: str) -> list[Block]:
    """The top of every note: its title, then who writes it and when."""
    values = (service, date)
    items = [
        [{"text": label, "bold": True}, *([f" {value}"] if value else [])]
        for label, value in zip(IDENTITY, values, strict=True)
    ]
    return [heading(1, title), bullet_list("body", items)]


def blank_blocks(
    section_kind: str,
    level: int,
    guidance: list[Block],
    links: list[tuple[str, str]],
    to_complete: list[tuple[str, str]],
) -> list[Block]:
    blocks = list(guidance)
    if links and not to_complete:
        blocks.append(paragraph("guidance", "Repères tirés du guide :"))
        blocks.append(bullet_list("guidance", [[{"text": label, "href": url}] for label, url in links]))
    if section_kind == "scenarios":
        for n in range(1, SCENARIOS_IN_BLANK + 1):
            blocks.append(heading(level + 1, f"Scénario {n} :"))
            for label in SCENARIO_PARTS.values():
                blocks += [paragraph("body", {"text": label, "bold": True}), paragraph("body")]
    elif section_kind in ROW_KINDS:
        columns = [[label] for label in ROW_KINDS[section_kind].columns.values()]
        blocks.append({"type": "table", "columns": columns, "rows": [[[] for _ in columns]] * BLANK_ROWS})
    elif to_complete:
        blocks.append(bullet_list("body", [[{"text": label, "href": url}, " :"] for label, url in to_complete]))
    else:
        blocks.append(paragraph("body"))
    return blocks


def outline(guide: Guide, links: Links, template: NoteTemplate, href: Callable[[str], str] = str) -> dict[str, Any]:
    """The template's outline; `href` turns the links' hrefs into the file's own."""
    prefills = {
        section_id: [(label, href(url)) for label, url in pairs]
        for section_id, pairs in prefill_links(guide, links, template).items()
    }
    sections = []
    for s in template.sections:
        guidance = [paragraph("guidance", *runs(s.guidance))]
        if s.questions:
            guidance.append(bullet_list("guidance", [runs(q) for q in s.questions]))
        to_complete = prompts(s, prefills[s.id])
        sections.append(
            {
                "id": s.id,
                "title": s.title,
                "level": s.level,
                "blank": blank_blocks(s.kind, s.level, guidance, prefills[s.id], to_complete),
            }
        )
    return {"title": template.title, "sections": sections, "odf": ODF}


def document(outline: dict[str, Any], preface: list[Block]) -> list[Block]:
    """The blank note: every section as the outline leaves it. The browser's
    writer walks the outline the same way, answers in place of blank blocks."""
    blocks = [*head(outline["title"], "", ""), *preface]
    for section in outline["sections"]:
        blocks += [heading(section["level"], section["title"]), *section["blank"]]
    return blocks


# ---- One style: the ODF parts both writers put in every .odt ----
# Block styles by name: paragraph style in the .odt for each block style.
PARAGRAPH_STYLES = {"body": "Text_20_body", "guidance": "Consigne", "quote": "Quotations", "source": "Quotations"}
NS = " ".join(
    [
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
        'xmlns:dc="http://purl.org/dc/elements/1.1/"',
        'xmlns:xlink="http://www.w3.org/1999/xlink"',
    ]
)
MIMETYPE = "application/vnd.oasis.opendocument.text"
XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
# Columns share the width between A4's 2 cm margins; wider tables squeeze into the last style.
TABLE_WIDTH = 17
COLUMN_STYLES = 8


def _heading_style(level: int, size: int) -> str:
    return (
        f'<style:style style:name="Heading_20_{level}" style:display-name="Heading {level}" style:family="paragraph"'
        ' style:parent-style-name="Heading" style:next-style-name="Text_20_body"'
        f' style:default-outline-level="{level}" style:class="text">'
        f'<style:text-properties fo:font-size="{size}pt" fo:font-weight="bold"/></style:style>'
    )


_COLUMNS = "".join(
    f'<style:style style:name="Colonne{n}" style:family="table-column">'
    f'<style:table-column-properties style:column-width="{TABLE_WIDTH / n:.2f}cm"/></style:style>'
    for n in range(1, COLUMN_STYLES + 1)
)
_HEADINGS = "".join(_heading_style(level, size) for level, size in enumerate((20, 16, 13, 12, 11, 11), start=1))

ODF: dict[str, Any] = {
    "namespaces": NS,
    "mimetype": MIMETYPE,
    "automatic": f"""<office:automatic-styles>
<style:style style:name="Gras" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Tableau" style:family="table"><style:table-properties style:width="{TABLE_WIDTH}cm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>
{_COLUMNS}
<style:style style:name="Cellule" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
<text:list-style style:name="Puces"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:automatic-styles>""",
    "styles": f"""{XML}<office:document-styles {NS} office:version="1.3"><office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2"/><style:text-properties fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-size="11pt" fo:language="fr" fo:country="FR"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%"/></style:style>
<style:style style:name="Consigne" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text"><style:text-properties fo:font-style="italic" fo:color="#444444"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/></style:style>
{_HEADINGS}
<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html"><style:paragraph-properties fo:margin-left="0.8cm"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="En-tête" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
</office:document-styles>""",
    "manifest": f"""{XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{MIMETYPE}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>""",
    "paragraphs": PARAGRAPH_STYLES,
    "columns": COLUMN_STYLES,
}
