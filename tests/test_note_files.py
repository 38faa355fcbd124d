"""Blank note templates (.md and .odt), made at build time from data/notes.yml:
what the built site offers matches the data, is a valid ODF package, reads
in LibreOffice, and is the same at every build of a commit."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest

from guide_perennisation.loader import load_guide
from guide_perennisation.models.note import NoteTemplate
from guide_perennisation.note import plain, row_kinds, scenario_parts
from guide_perennisation.note_files import ZIP_EPOCH, blank_files, file_path, stamp
from tests.conftest import ROOT, UNDATED_EPOCH
from tests.office import headings, libreoffice_text, odf_parts, words

GUIDE = load_guide(ROOT)
# The parts of a scenario and the kinds of rows, in the note builder's words.
SCENARIO_PARTS = scenario_parts(GUIDE.interface["note-builder"].texts)
ROW_KINDS = row_kinds(GUIDE.interface["note-builder"].texts)
TEMPLATES = GUIDE.notes.values()
SITE_URL = "https://example.org/guide/"


def expected_headings(template: NoteTemplate) -> list[tuple[int, str]]:
    out = [(1, template.title)]
    for section in template.sections:
        out.append((section.level, section.title))
        if section.kind == "scenarios":
            out += [(section.level + 1, f"Scénario {n} :") for n in (1, 2, 3)]
    return out


def markdown_headings(text: str) -> list[tuple[int, str]]:
    return [(len(m.group(1)), m.group(2)) for m in re.finditer(r"^(#+) (.+)$", text, re.M)]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_built_markdown_matches_the_data(site_dir: Path, template: NoteTemplate) -> None:
    text = (site_dir / file_path(template.id, "md")).read_text(encoding="utf-8")
    assert markdown_headings(text) == expected_headings(template)
    chunks = re.split(r"^#{2,3} ", text, flags=re.M)
    titled = {chunk.split("\n", 1)[0]: chunk for chunk in chunks}
    for section in template.sections:
        chunk = titled[section.title]
        assert f"> *{section.guidance}*" in chunk
        for question in section.questions:
            assert f"> - *{question}*" in chunk
        if section.kind in ROW_KINDS:
            assert "| " + " | ".join(ROW_KINDS[section.kind].columns.values()) + " |" in chunk
    # Prompts drawn from the data, never copied by hand.
    dinum = GUIDE.get("notes", "note-dinum")
    if template == dinum:
        for criterion in GUIDE.criteria.values():
            assert f"[{criterion.title}](" in text
        for label in SCENARIO_PARTS.values():
            assert f"**{label}**" in text


@pytest.mark.rgaa("13.3")
@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_built_odt_is_a_valid_package_that_matches_the_data(site_dir: Path, template: NoteTemplate) -> None:
    package = (site_dir / file_path(template.id, "odt")).read_bytes()
    parts = odf_parts(package)
    assert headings(parts["content.xml"]) == expected_headings(template)
    text = words("".join(parts["content.xml"].itertext()))
    for section in template.sections:
        assert words(plain(section.guidance)) in text
        for question in section.questions:
            assert words(plain(question)) in text
    meta = words("".join(parts["meta.xml"].itertext()))
    assert template.title in meta


def test_blank_files_are_the_same_at_every_build() -> None:
    when = dt.datetime(2025, 3, 12, 9, 30, tzinfo=dt.UTC)
    first = blank_files(GUIDE, SITE_URL, when)
    second = blank_files(GUIDE, SITE_URL, when)
    assert first == second
    # Dated by the source, never the clock.
    odt = first[file_path("note-dinum", "odt")]
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(odt)).infolist()} == {(2025, 3, 12, 9, 30, 0)}
    meta = zipfile.ZipFile(io.BytesIO(odt)).read("meta.xml").decode()
    assert "<meta:creation-date>2025-03-12T09:30:00</meta:creation-date>" in meta


def test_files_are_dated_by_the_source_day_never_the_clock() -> None:
    assert stamp(dt.date(2025, 3, 12)) == dt.datetime(2025, 3, 12, tzinfo=dt.UTC)
    # No date to go by (no git, no SOURCE_DATE_EPOCH): the oldest date a zip can hold.
    assert stamp(None) == ZIP_EPOCH
    assert stamp(dt.date(1970, 1, 1)) == ZIP_EPOCH


@pytest.mark.build
def test_source_date_epoch_dates_the_built_files(undated_site: Path) -> None:
    """Built without git, with SOURCE_DATE_EPOCH at 2030-06-01 09:30 UTC: its day, not its hour."""
    assert dt.datetime.fromtimestamp(UNDATED_EPOCH, dt.UTC) == dt.datetime(2030, 6, 1, 9, 30, tzinfo=dt.UTC)
    odt = (undated_site / file_path("note-dinum", "odt")).read_bytes()
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(odt)).infolist()} == {(2030, 6, 1, 0, 0, 0)}


@pytest.mark.office
def test_blank_odt_files_read_in_libreoffice(site_dir: Path, tmp_path: Path) -> None:
    documents = [site_dir / file_path(t.id, "odt") for t in TEMPLATES]
    texts = libreoffice_text(documents, tmp_path)
    for template, document in zip(TEMPLATES, documents, strict=True):
        text = texts[document]
        assert template.title in text
        for section in template.sections:
            assert words(section.title) in text
            assert words(plain(section.guidance)) in text
            for question in section.questions:
                assert words(plain(question)) in text


TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DC = "http://purl.org/dc/elements/1.1/"


@pytest.mark.rgaa("13.3")
@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_built_odt_carries_what_assistive_technologies_read(site_dir: Path, template: NoteTemplate) -> None:
    """What the RGAA's list for office documents asks that the data can give:
    a title and a language, and a header row on every table, holding the
    columns that each of its cells belongs to (headings: the test above)."""
    parts = odf_parts((site_dir / file_path(template.id, "odt")).read_bytes())
    assert parts["meta.xml"].findtext(f".//{{{DC}}}title") == template.title
    assert parts["meta.xml"].findtext(f".//{{{DC}}}language") == "fr-FR"
    tables = list(parts["content.xml"].iter(f"{{{TABLE}}}table"))
    kinds = [s.kind for s in template.sections if s.kind in ROW_KINDS]
    assert len(tables) == len(kinds) > 0
    for table, kind in zip(tables, kinds, strict=True):
        [header] = table.findall(f"{{{TABLE}}}table-header-rows")
        cells = ["".join(cell.itertext()) for cell in header.iter(f"{{{TABLE}}}table-cell")]
        assert cells == list(ROW_KINDS[kind].columns.values())
