"""Blank note templates as files (Markdown and OpenDocument text), made at
build time from the same data as the pages, never edited by hand.

Both files are written from the note's outline (note_outline.py), the one the
note builder's exports in the browser follow too. Builds stay
byte-reproducible: every date in a file, and every timestamp in the zip
package, is the build's source day (SOURCE_DATE_EPOCH, else the last commit).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from .links import Links
from .note_outline import ODF, XML, Block, Run, document, outline, paragraph, runs
from .render import fill
from .typography import typeset_messages

if TYPE_CHECKING:
    from .guide import Guide

# Where the files go in the built site, named after the template's id.
FOLDER = "modeles"
# The oldest date a zip entry can carry: a build without any date to go by.
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def file_path(template_id: str, suffix: str) -> str:
    """The file's path from the site's root."""
    return f"{FOLDER}/{template_id}-vierge.{suffix}"


def preface(site_url: str, intro: str, texts: Mapping[str, str]) -> list[Block]:
    """What only the blank files say, under the note's head, in the note
    builder's words (data/interface.yml)."""
    return [
        paragraph("guidance", fill(texts["blank-preface"], url=site_url).unescape()),
        paragraph("guidance", *runs(intro)),
    ]


# ---- The writers. note-export.js writes the same blocks the same way: ----
# tests/browser/test_note_outline.py holds them to it.


def md_inline(runs: list[Run]) -> str:
    out = []
    for run in runs:
        if isinstance(run, str):
            out.append(run)
        elif run.get("break"):
            out.append("\n")
        elif run.get("bold"):
            out.append(f"**{run['text']}**")
        else:
            out.append(f"[{run['text']}]({run['href']})")
    return "".join(out)


def _md_cell(runs: list[Run]) -> str:
    return re.sub(r"\s*\n\s*", " ", md_inline(runs).replace("|", "\\|"))


def _md_block(block: Block) -> str:
    kind = block["type"]
    if kind == "heading":
        return f"{'#' * block['level']} {block['text']}"
    if kind == "paragraph":
        text = md_inline(block["runs"])
        if not text.strip():
            return ""
        lines = text.split("\n")
        if block["style"] == "guidance":
            return "\n".join(f"> *{line}*" for line in lines)
        if block["style"] != "body":
            return "\n".join(f"> {line}" for line in lines)
        return text
    if kind == "list":
        if block["style"] == "guidance":
            return "\n".join(f"> - *{md_inline(item)}*" for item in block["items"])
        return "\n".join(f"- {md_inline(item)}" for item in block["items"])
    rows = [block["columns"], *block["rows"]]
    lines = ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in rows]
    lines.insert(1, "| " + " | ".join("---" for _ in block["columns"]) + " |")
    return "\n".join(lines)


def to_markdown(blocks: list[Block]) -> str:
    return "\n\n".join(part for part in map(_md_block, blocks) if part) + "\n"


def xml(value: str) -> str:
    """Text as XML 1.0 holds it: control characters dropped, markup escaped."""
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def odf_inline(runs: list[Run]) -> str:
    out = []
    for run in runs:
        if isinstance(run, str):
            out.append(xml(run))
        elif run.get("break"):
            out.append("<text:line-break/>")
        elif run.get("bold"):
            out.append(f'<text:span text:style-name="Gras">{xml(run["text"])}</text:span>')
        else:
            out.append(f'<text:a xlink:type="simple" xlink:href="{xml(run["href"])}">{xml(run["text"])}</text:a>')
    return "".join(out)


def _odf_paragraph(runs: list[Run], style: str) -> str:
    return f'<text:p text:style-name="{style}">{odf_inline(runs)}</text:p>'


def _odf_body(blocks: list[Block]) -> str:
    styles: dict[str, str] = ODF["paragraphs"]
    out = []
    tables = 0
    for block in blocks:
        kind = block["type"]
        if kind == "heading":
            level, text = block["level"], xml(block["text"])
            out.append(f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{text}</text:h>')
        elif kind == "paragraph":
            out.append(_odf_paragraph(block["runs"], styles[block["style"]]))
        elif kind == "list":
            items = "".join(
                f"<text:list-item>{_odf_paragraph(item, styles[block['style']])}</text:list-item>"
                for item in block["items"]
            )
            out.append(f'<text:list text:style-name="Puces">{items}</text:list>')
        else:
            tables += 1
            count = len(block["columns"])

            def row(style: str, cells: list[list[Run]]) -> str:
                return (
                    "<table:table-row>"
                    + "".join(
                        '<table:table-cell table:style-name="Cellule" office:value-type="string">'
                        f"{_odf_paragraph(cell, style)}</table:table-cell>"
                        for cell in cells
                    )
                    + "</table:table-row>"
                )

            # The columns' row is a header row, not a bold first row: a screen
            # reader then names each cell's column (RGAA 4.1 criterion 13.3).
            out.append(
                f'<table:table table:name="Tableau{tables}" table:style-name="Tableau">'
                f'<table:table-column table:style-name="Colonne{min(count, ODF["columns"])}"'
                f' table:number-columns-repeated="{count}"/>'
                f"<table:table-header-rows>{row(ODF['cells']['header'], block['columns'])}</table:table-header-rows>"
                + "".join(row(ODF["cells"]["body"], cells) for cells in block["rows"])
                + "</table:table>"
            )
    return "".join(out)


def to_odt(blocks: list[Block], title: str, when: dt.datetime) -> bytes:
    ns = ODF["namespaces"]
    content = (
        f'{XML}<office:document-content {ns} office:version="1.3">{ODF["automatic"]}'
        f"<office:body><office:text>{_odf_body(blocks)}</office:text></office:body></office:document-content>"
    )
    meta = (
        f'{XML}<office:document-meta {ns} office:version="1.3"><office:meta><dc:title>{xml(title)}</dc:title>'
        f"<dc:language>fr-FR</dc:language><meta:generator>{xml(ODF['generator'])}</meta:generator>"
        f"<meta:creation-date>{when.strftime('%Y-%m-%dT%H:%M:%S')}</meta:creation-date></office:meta>"
        "</office:document-meta>"
    )
    parts = {
        "mimetype": ODF["mimetype"],
        "META-INF/manifest.xml": ODF["manifest"],
        "content.xml": content,
        "styles.xml": ODF["styles"],
        "meta.xml": meta,
    }
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in parts.items():
            # Dated `when`, never by the clock; ODF: the mimetype comes first and stays uncompressed.
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            package.writestr(entry, data.encode("utf-8"))
    return out.getvalue()


def stamp(day: dt.date | None) -> dt.datetime:
    """The files' date: the build's source day (midnight UTC), never the clock."""
    if day is None:
        return ZIP_EPOCH
    return max(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), ZIP_EPOCH)


def blank_files(guide: Guide, site_url: str, when: dt.datetime) -> dict[str, bytes]:
    """Every template's blank files, by path from the site's root."""
    files = {}
    for template in guide.notes.values():
        blank = outline(guide, Links(""), template, lambda href: urljoin(site_url, href))
        blocks = document(
            blank,
            preface(site_url, template.intro, guide.interface["note-builder"].texts),
            typeset_messages(guide.interface["note-builder"]),
        )
        files[file_path(template.id, "md")] = to_markdown(blocks).encode("utf-8")
        files[file_path(template.id, "odt")] = to_odt(blocks, template.title, when)
    return files


def write_blank_files(guide: Guide, site_dir: Path, site_url: str, day: dt.date | None) -> None:
    """`day`: SOURCE_DATE_EPOCH's, else the last commit's, as for the rest of the build."""
    for path, content in blank_files(guide, site_url, stamp(day)).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
