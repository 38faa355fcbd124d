"""One outline, two writers: for the same answers, the browser's note
(note-export.js) and Python's (note_files.py) are the same document, and a
note left blank in the browser is the blank file the build writes."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import lxml.etree
import pytest
from playwright.sync_api import Browser, Page

from guide_perennisation.links import Links
from guide_perennisation.loader import load_guide
from guide_perennisation.note_files import to_markdown, to_odt
from guide_perennisation.note_outline import document, outline
from guide_perennisation.typography import typeset_messages
from tests.conftest import ROOT

from .notes import PAGES, builder, download, fill_everything, templates, text_field, wait_ready

GUIDE = load_guide(ROOT)
TEMPLATES = templates()
ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
}
# The exports hand the builder's note to the writer: the test keeps a copy.
KEEP_NOTE = """async () => {
  await app.load("note-export", "lib")
  const write = app.noteExport.toMarkdown
  app.noteExport.toMarkdown = note => { window.__note = note; return write(note) }
}"""


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def open_note(page: Page, base_url: str, template_id: str) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + PAGES[template_id], wait_until="load")
    wait_ready(page, template_id)
    page.evaluate(KEEP_NOTE)
    return errors


def structure(content: bytes) -> list[tuple[str, str | None, str | None, str]]:
    """content.xml's body in order: each heading, paragraph and table, with its
    style, outline level and text (a table: its number of header rows, and its
    cells' texts)."""
    body = lxml.etree.fromstring(content).find(".//office:text", ODF)
    assert body is not None
    out = []
    for element in body.iter(f"{{{ODF['text']}}}h", f"{{{ODF['text']}}}p", f"{{{ODF['table']}}}table"):
        tag = lxml.etree.QName(element).localname
        level = element.get(f"{{{ODF['text']}}}outline-level")
        style = element.get(f"{{{ODF['text']}}}style-name")
        if tag == "table":
            style = f"header-rows:{len(element.findall('table:table-header-rows', ODF))}"
        out.append((tag, style, level, "".join(element.itertext())))
    return out


def odt_parts(package: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(BytesIO(package))
    return {name: archive.read(name) for name in ("content.xml", "styles.xml")}


@pytest.mark.rgaa("13.3")
@pytest.mark.parametrize("template_id", list(PAGES))
def test_same_answers_give_the_same_document_from_both_writers(
    page: Page, base_url: str, tmp_path: Path, template_id: str
) -> None:
    template = TEMPLATES[template_id]
    errors = open_note(page, base_url, template_id)
    fill_everything(page, template)
    # A section left as the outline has it: the browser writes its blank blocks.
    untouched = text_field(page, template_id, template.sections[1].id)
    untouched.fill(untouched.evaluate("field => field.defaultValue"))
    js_markdown = download(page, "markdown", tmp_path).read_text(encoding="utf-8")
    js_odt = odt_parts(download(page, "odt", tmp_path).read_bytes())
    blocks: list[dict[str, Any]] = page.evaluate("app.noteExport.documentOf(window.__note)")
    assert template.sections[1].guidance.split("**")[0][:40] in js_markdown

    assert to_markdown(blocks) == js_markdown
    python_odt = odt_parts(to_odt(blocks, template.title, dt.datetime(2025, 3, 12, tzinfo=dt.UTC)))
    assert structure(python_odt["content.xml"]) == structure(js_odt["content.xml"])
    assert python_odt["styles.xml"] == js_odt["styles.xml"]
    assert errors == []


@pytest.mark.parametrize("template_id", list(PAGES))
def test_a_note_left_blank_is_the_blank_file(page: Page, base_url: str, template_id: str) -> None:
    template = TEMPLATES[template_id]
    errors = open_note(page, base_url, template_id)
    builder(page, template_id).locator("[data-note-action='markdown']").click()
    page.wait_for_function("window.__note")
    in_browser = page.evaluate("app.noteExport.documentOf(window.__note)")
    page_url = urljoin(base_url, PAGES[template_id])
    blank = document(
        outline(GUIDE, Links(""), template, lambda href: urljoin(base_url, href)),
        [],
        typeset_messages(GUIDE.interface["note-builder"]),
    )
    # The same title, the same identity labels; then the same sections.
    assert in_browser[0] == blank[0]
    assert [item[0] for item in in_browser[1]["items"]] == [item[0] for item in blank[1]["items"]]
    assert in_browser[2:-1] == blank[2:]
    assert in_browser[-1]["runs"][-1] == {"text": page_url, "href": page_url}
    assert errors == []
