"""Blank note templates as files (Markdown and OpenDocument text), made at
build time from the same data as the pages, never edited by hand.

Both files follow one outline, so they say the same thing. Builds stay
byte-reproducible: every date in a file, and every timestamp in the zip
package, is the build's source day (SOURCE_DATE_EPOCH, else the last commit).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from .links import Links
from .models.note import NoteTemplate
from .note import ROW_KINDS, SCENARIO_PARTS, plain, prefill_links, prompts

if TYPE_CHECKING:
    from odfdo import Document

    from .guide import Guide

# Where the files go in the built site, named after the template's id.
FOLDER = "modeles"
SCENARIOS_IN_BLANK = 3
BLANK_ROWS = 3
# The oldest date a zip entry can carry: a build without any date to go by.
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
GUIDANCE_STYLE = "Consigne"
LABEL_STYLE = "Intitule"


def file_path(template_id: str, suffix: str) -> str:
    """The file's path from the site's root."""
    return f"{FOLDER}/{template_id}-vierge.{suffix}"


@dataclass(frozen=True)
class Block:
    """One piece of a blank note. `text` and `items` are inline Markdown."""

    kind: str  # heading, paragraph, guidance, guidance-list, links, prompts, list, label, table
    text: str = ""
    level: int = 0
    items: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


def outline(template: NoteTemplate, links: dict[str, list[tuple[str, str]]], site_url: str) -> Iterator[Block]:
    """The blank note: headings to keep, guidance (consignes) to replace."""
    yield Block("heading", template.title, level=1)
    yield Block(
        "guidance",
        f"Modèle vierge tiré du Guide de pérennisation ({site_url}). "
        "Les consignes, en italique, disent quoi écrire : remplacez-les par votre texte.",
    )
    yield Block("guidance", template.intro)
    yield Block("list", items=["Service :", "Date :"])
    for section in template.sections:
        yield Block("heading", section.title, level=section.level)
        yield Block("guidance", section.guidance)
        if section.questions:
            yield Block("guidance-list", items=section.questions)
        to_complete = prompts(section, links[section.id])
        if links[section.id] and not to_complete:
            yield Block("links", "Repères tirés du guide :", links=links[section.id])
        if section.kind == "scenarios":
            for n in range(1, SCENARIOS_IN_BLANK + 1):
                yield Block("heading", f"Scénario {n} :", level=section.level + 1)
                for label in SCENARIO_PARTS.values():
                    yield Block("label", label)
                    yield Block("paragraph")
        elif section.kind in ROW_KINDS:
            yield Block("table", items=list(ROW_KINDS[section.kind].columns.values()))
        elif to_complete:
            yield Block("prompts", links=to_complete)
        else:
            yield Block("paragraph")


def to_markdown(blocks: list[Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            parts.append(f"{'#' * block.level} {block.text}")
        elif block.kind == "guidance":
            parts.append(f"> *{block.text}*")
        elif block.kind == "guidance-list":
            parts.append("\n".join(f"> - *{item}*" for item in block.items))
        elif block.kind == "links":
            parts.append(f"> *{block.text}* " + ", ".join(f"[{label}]({url})" for label, url in block.links))
        elif block.kind == "list":
            parts.append("\n".join(f"- {item}" for item in block.items))
        elif block.kind == "prompts":
            parts.append("\n".join(f"- [{label}]({url}) :" for label, url in block.links))
        elif block.kind == "label":
            parts.append(f"**{block.text}**")
        elif block.kind == "table":
            rows = [block.items, ["---"] * len(block.items), *[[" "] * len(block.items)] * BLANK_ROWS]
            parts.append("\n".join("| " + " | ".join(row) + " |" for row in rows))
    return "\n\n".join(parts) + "\n"


def _odt_body(document: Document, blocks: list[Block]) -> None:
    from odfdo import Cell, Header, Link, List, Paragraph, Row, Table

    body = document.body
    body.clear()
    for block in blocks:
        if block.kind == "heading":
            heading = Header(block.level, plain(block.text))
            heading.style = f"Heading_20_{block.level}"
            body.append(heading)
        elif block.kind == "guidance":
            body.append(Paragraph(plain(block.text), style=GUIDANCE_STYLE))
        elif block.kind in ("guidance-list", "list"):
            style = GUIDANCE_STYLE if block.kind == "guidance-list" else "Text_20_body"
            body.append(List([Paragraph(plain(i), style=style) for i in block.items], style="List_20_1"))
        elif block.kind in ("links", "prompts"):
            if block.text:
                body.append(Paragraph(block.text, style=GUIDANCE_STYLE))
            style, after = (GUIDANCE_STYLE, "") if block.kind == "links" else ("Text_20_body", " :")
            items = []
            for label, url in block.links:
                item = Paragraph("", style=style)
                item.append(Link(url, text=plain(label)))
                item.append(after)
                items.append(item)
            body.append(List(items, style="List_20_1"))
        elif block.kind == "label":
            body.append(Paragraph(block.text, style=LABEL_STYLE))
        elif block.kind == "paragraph":
            body.append(Paragraph("", style="Text_20_body"))
        elif block.kind == "table":
            table = Table(f"Tableau{len(body.get_tables()) + 1}", style="Table")
            for cells in [block.items, *[[""] * len(block.items)] * BLANK_ROWS]:
                row = Row()
                for text in cells:
                    cell = Cell(style="TableCell")
                    cell.append(Paragraph(text, style="Table_20_Contents"))
                    row.append(cell)
                table.append(row)
            body.append(table)


def to_odt(blocks: list[Block], title: str, when: dt.datetime) -> bytes:
    # odfdo is slow to import (a third of this package's import time), and
    # only the end of a build needs it: the pages, `make check-data` and the
    # tests that render components do without.
    from odfdo import Document, Style

    document = Document("text")
    document.insert_style(
        Style("paragraph", GUIDANCE_STYLE, display_name=GUIDANCE_STYLE, parent_style="Text_20_body", italic=True),
    )
    document.insert_style(
        Style("paragraph", LABEL_STYLE, display_name="Intitulé", parent_style="Text_20_body", bold=True),
    )
    # The template numbers headings (1., 1.1.): the note's titles carry their own.
    for level in document.styles.get_elements("//text:outline-level-style"):
        for name in ("style:num-format", "style:num-suffix", "loext:num-list-format"):
            level.del_attribute(name)
        level.set_attribute("style:num-format", "")
    document.insert_style(Style("table", "Table", width="17cm", align="left"), automatic=True)
    document.insert_style(
        Style("table-cell", "TableCell", border="0.5pt solid #000000", padding="0.1cm"), automatic=True
    )
    _odt_body(document, blocks)
    meta = document.meta
    meta.set_title(title)
    meta.set_language("fr-FR")
    meta.set_generator("Guide de pérennisation")
    meta.set_creation_date(when.replace(tzinfo=None))
    raw = io.BytesIO()
    document.save(raw)
    return _repack(raw.getvalue(), when)


def _repack(package: bytes, when: dt.datetime) -> bytes:
    """The same parts in the same order, dated `when`: zipfile would date them by the clock."""
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            # ODF: the mimetype comes first and stays uncompressed.
            entry.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info))
    return out.getvalue()


def stamp(day: dt.date | None) -> dt.datetime:
    """The files' date: the build's source day (midnight UTC), never the clock."""
    if day is None:
        return ZIP_EPOCH
    return max(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), ZIP_EPOCH)


def blank_files(guide: Guide, site_url: str, when: dt.datetime) -> dict[str, bytes]:
    """Every template's blank files, by path from the site's root."""
    files = {}
    root = Links("")
    for template in guide.notes.values():
        links = {
            section_id: [(label, urljoin(site_url, href)) for label, href in pairs]
            for section_id, pairs in prefill_links(guide, root, template).items()
        }
        blocks = list(outline(template, links, site_url))
        files[file_path(template.id, "md")] = to_markdown(blocks).encode("utf-8")
        files[file_path(template.id, "odt")] = to_odt(blocks, template.title, when)
    return files


def write_blank_files(guide: Guide, site_dir: Path, site_url: str, day: dt.date | None) -> None:
    """`day`: SOURCE_DATE_EPOCH's, else the last commit's, as for the rest of the build."""
    for path, content in blank_files(guide, site_url, stamp(day)).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
