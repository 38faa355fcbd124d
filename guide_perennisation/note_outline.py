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

from importlib import resources
from typing import TYPE_CHECKING, Any

import lxml.html

from .links import Links
from .note import ROW_COLUMNS, NoteTemplate, prefill_links, prompts, row_kinds, scenario_parts
from .render import fill, md_inline

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from .guide import Guide

Run = str | dict[str, Any]
Block = dict[str, Any]

SCENARIOS_IN_BLANK = 3
BLANK_ROWS = 3
# The note's head: who writes it and when, labelled in the note builder's
# words (data/interface.yml), as the browser's writer labels it.
IDENTITY = ("document-service", "document-date")


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


def head(title: str, labels: dict[str, str], service: str, date: str) -> list[Block]:
    """The top of every note: its title, then who writes it and when."""
    values = (service, date)
    items = [
        [{"text": labels[key], "bold": True}, *([f" {value}"] if value else [])]
        for key, value in zip(IDENTITY, values, strict=True)
    ]
    return [heading(1, title), bullet_list("body", items)]


def blank_blocks(
    texts: Mapping[str, str],
    section_kind: str,
    level: int,
    guidance: list[Block],
    links: list[tuple[str, str]],
    to_complete: list[tuple[str, str]],
) -> list[Block]:
    """A section's blank blocks; `texts`: the note builder's (data/interface.yml)."""
    blocks = list(guidance)
    if links and not to_complete:
        blocks.append(paragraph("guidance", texts["prefills"]))
        blocks.append(bullet_list("guidance", [[{"text": label, "href": url}] for label, url in links]))
    if section_kind == "scenarios":
        for n in range(1, SCENARIOS_IN_BLANK + 1):
            blocks.append(heading(level + 1, fill(texts["blank-scenario"], n=n).unescape()))
            for label in scenario_parts(texts).values():
                blocks += [paragraph("body", {"text": label, "bold": True}), paragraph("body")]
    elif section_kind in ROW_COLUMNS:
        columns = [[label] for label in row_kinds(texts)[section_kind].columns.values()]
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
                "blank": blank_blocks(
                    guide.interface["note-builder"].texts, s.kind, s.level, guidance, prefills[s.id], to_complete
                ),
            }
        )
    return {"title": template.title, "sections": sections, "odf": ODF}


def document(outline: dict[str, Any], preface: list[Block], words: dict[str, str]) -> list[Block]:
    """The blank note: every section as the outline leaves it. The browser's
    writer walks the outline the same way, answers in place of blank blocks.
    `words`: the note builder's messages (data/interface.yml)."""
    blocks = [*head(outline["title"], words, "", ""), *preface]
    for section in outline["sections"]:
        blocks += [heading(section["level"], section["title"]), *section["blank"]]
    return blocks


# ---- One style: the ODF parts both writers put in every .odt (odf/*.xml) ----
def _odf_part(name: str) -> str:
    return (resources.files(__package__) / "odf" / name).read_text(encoding="utf-8")


_AUTOMATIC = _odf_part("automatic-styles.xml")
ODF: dict[str, Any] = {
    "namespaces": " ".join(
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
    ),
    "mimetype": "application/vnd.oasis.opendocument.text",
    "styles": _odf_part("styles.xml"),
    "automatic": _AUTOMATIC,
    "manifest": _odf_part("manifest.xml"),
    # The paragraph style of each block style, and of a table's cells.
    "paragraphs": {"body": "Text_20_body", "guidance": "Consigne", "quote": "Quotations", "source": "Quotations"},
    "cells": {"header": "En-tête", "body": "Table_20_Contents"},
    # meta.xml's generator: the software that wrote the file, by its name.
    "generator": "Guide de pérennisation",
    # Column styles Colonne1…n share the page's width; wider tables take the last.
    "columns": _AUTOMATIC.count('style:family="table-column"'),
}
XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
