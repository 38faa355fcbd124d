"""Printed checklists (A4): Chromium prints to PDF, which pdftotext reads and
pdftoppm rasterises. page.pdf() leaves out background graphics, as the print
dialog does by default, so the boxes seen here are drawn with borders."""

from __future__ import annotations

import base64
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .checklists import (
    ALL_PAGE,
    EIG,
    NO_PRINT_DIALOG,
    PAGES,
    box,
    checklists,
    collapse,
    form,
    open_and_type_note,
    pdf_pages,
    today,
    wait_ready,
)

DATA = checklists()
EIG_MAX_PAGES = 2


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context: BrowserContext = browser.new_context()
    context.add_init_script(NO_PRINT_DIALOG)
    page = context.new_page()
    yield page
    context.close()


def visit(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    wait_ready(page)


def print_pdf(page: Page, path: Path) -> list[str]:
    """Print as the browser does (A4 from the page's CSS, no backgrounds)."""
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True)
    return [collapse(text) for text in pdf_pages(path)]


def print_alone(page: Page, checklist_id: str, path: Path) -> list[str]:
    form(page, checklist_id).locator("[data-checklist-action='print']").click()
    assert page.evaluate("window.__printed") == 1
    return print_pdf(page, path)


def chrome_texts(page: Page) -> list[str]:
    """Texts of the header, navigation, footer and buttons that the page's
    own content does not also contain: none of them may be printed."""
    return page.evaluate(
        """() => {
          const squash = e => e.textContent.replace(/\\s+/g, " ").trim()
          const article = document.querySelector(".md-content").cloneNode(true)
          for (const e of article.querySelectorAll(".app-checklist__panel, .app-block__edit")) e.remove()
          const content = squash(article)
          const chrome = [...document.querySelectorAll(
            ".md-header a, .md-header label, .md-sidebar .md-nav__link, .md-footer a, .md-top, " +
            ".app-checklist button, .app-block__edit, [data-checklist-notice]")].map(squash)
          return [...new Set(chrome.filter(t => t.length > 3 && !content.includes(t)))]
        }"""
    )


@pytest.mark.parametrize("path", [*PAGES.values(), ALL_PAGE])
def test_browser_print_has_every_item_with_title_url_and_date_and_no_chrome(
    page: Page, base_url: str, tmp_path: Path, path: str
) -> None:
    visit(page, base_url + path)
    chrome = chrome_texts(page)
    assert len(chrome) > 10 and "Modifier ces données (data/checklists.yml)" in chrome
    text = " ".join(print_pdf(page, tmp_path / "page.pdf"))
    shown = page.locator("form.app-checklist").evaluate_all("forms => forms.map(f => f.dataset.checklistId)")
    for checklist_id in shown:
        checklist = DATA[checklist_id]
        assert checklist.title in text
        for group in checklist.groups:
            assert group.title in text
            for item in group.items:
                assert item.label in text, item.id
    assert f"Page : {base_url + path} — {today()}" in text
    printed_chrome = [t for t in chrome if t in text]
    assert printed_chrome == []


def test_print_button_prints_the_checklist_alone(page: Page, base_url: str, tmp_path: Path) -> None:
    visit(page, base_url + ALL_PAGE)
    checklist = DATA["criteres-sortie-incubation"]
    pages = print_alone(page, checklist.id, tmp_path / "alone.pdf")
    text = " ".join(pages)
    assert text.startswith(checklist.title)
    assert f"Page : {base_url + ALL_PAGE} — {today()}" in text
    assert all(item.label in text for item in checklist.items)
    for other in DATA.values():
        if other.id != checklist.id:
            assert other.title not in text
    for outside in ("Toutes les checklists", "Mode d'emploi", "Tout décocher", "Exporter"):
        assert outside not in text


@pytest.mark.parametrize("how", ["page", "button"])
@pytest.mark.parametrize("ticked", [False, True])
def test_eig_checklist_prints_on_at_most_two_a4_pages(
    page: Page, base_url: str, tmp_path: Path, how: str, ticked: bool
) -> None:
    visit(page, base_url + PAGES[EIG])
    if ticked:
        for item in DATA[EIG].items:
            box(page, EIG, item.id).check()
    pdf = tmp_path / "eig.pdf"
    pages = print_alone(page, EIG, pdf) if how == "button" else print_pdf(page, pdf)
    assert 1 <= len(pages) <= EIG_MAX_PAGES
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, info


def test_groups_are_not_split_across_pages(page: Page, base_url: str, tmp_path: Path) -> None:
    visit(page, base_url + ALL_PAGE)
    pages = print_pdf(page, tmp_path / "all.pdf")
    assert len(pages) > 1
    for checklist in DATA.values():
        for group in checklist.groups:
            whole = [
                n for n, text in enumerate(pages) if group.title in text and all(i.label in text for i in group.items)
            ]
            assert whole, f"{checklist.id}/{group.id} is split across pages"


def test_notes_print_under_their_item(page: Page, base_url: str, tmp_path: Path) -> None:
    visit(page, base_url + PAGES[EIG])
    open_and_type_note(page, EIG, "code-source", "Dépôt interne\nAccès : équipe DSI")
    text = " ".join(print_alone(page, EIG, tmp_path / "notes.pdf"))
    items = [item.label for item in DATA[EIG].items]
    here = items.index(next(label for label in items if label.startswith("Le code")))
    start = text.index(items[here])
    assert text.index("Note : Dépôt interne Accès : équipe DSI") > start
    assert text.index("Note : Dépôt interne") < text.index(items[here + 1])


# Boxes --------------------------------------------------------------------


@dataclass(frozen=True)
class Gray:
    """A greyscale image: one byte per pixel, rows top to bottom."""

    width: int
    height: int
    pixels: bytes

    def crop(self, left: int, top: int, right: int, bottom: int) -> Gray:
        left, top = max(left, 0), max(top, 0)
        right, bottom = min(right, self.width), min(bottom, self.height)
        rows = [self.pixels[y * self.width + left : y * self.width + right] for y in range(top, bottom)]
        return Gray(right - left, bottom - top, b"".join(rows))

    def dark(self, x: int, y: int) -> bool:
        return self.pixels[y * self.width + x] < 140


def read_box(image: Gray) -> tuple[bool, float]:
    """Whether `image` holds a square outline, and how much ink is inside it."""
    ink = [(x, y) for y in range(image.height) for x in range(image.width) if image.dark(x, y)]
    if not ink:
        return False, 0.0
    left, right = min(x for x, _ in ink), max(x for x, _ in ink)
    top, bottom = min(y for _, y in ink), max(y for _, y in ink)
    width, height = right - left + 1, bottom - top + 1

    def edge(points: list[tuple[int, int]]) -> float:
        return sum(image.dark(x, y) for x, y in points) / len(points)

    edges = [
        edge([(x, top) for x in range(left, right + 1)]),
        edge([(x, bottom) for x in range(left, right + 1)]),
        edge([(left, y) for y in range(top, bottom + 1)]),
        edge([(right, y) for y in range(top, bottom + 1)]),
    ]
    square = width >= 8 and abs(width - height) <= max(2, width // 8) and min(edges) > 0.9
    inset = max(3, width // 4)
    inside = [(x, y) for y in range(top + inset, bottom - inset + 1) for x in range(left + inset, right - inset + 1)]
    return square, edge(inside) if inside else 0.0


def rasterise(pdf: Path, page_number: int, dpi: int) -> Gray:
    prefix = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page_number), "-l", str(page_number), str(pdf), str(prefix)],
        check=True,
    )
    (pgm,) = pdf.parent.glob(f"{prefix.name}-*.pgm")
    data = pgm.read_bytes()
    magic, width, height, maxval, rest = data.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    return Gray(int(width), int(height), rest[: int(width) * int(height)])


def text_lines(pdf: Path, page_number: int) -> list[tuple[str, float, float, float, float]]:
    """Each line of text on a page, with its box in PDF points."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(page_number), "-l", str(page_number), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    lines = []
    for line in ET.fromstring(html).iterfind(".//x:line", ns):
        words = " ".join(w.text or "" for w in line.iterfind("x:word", ns))
        lines.append((words, *(float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))))
    return lines


def test_pdf_boxes_are_real_bordered_boxes_without_background_graphics(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    visit(page, base_url + PAGES[EIG])
    box(page, EIG, "rapport-etonnement").check()
    pdf = tmp_path / "boxes.pdf"
    print_alone(page, EIG, pdf)
    dpi = 144
    scale = dpi / 72
    image = rasterise(pdf, 1, dpi)
    lines = text_lines(pdf, 1)
    seen = {}
    for item in DATA[EIG].groups[0].items:
        start = " ".join(item.label.split()[:4])
        (_, x_min, y_min, _, y_max) = next(line for line in lines if line[0].startswith(start))
        # The box sits left of the label's first line.
        region = image.crop(
            int((x_min - 18) * scale), int((y_min - 3) * scale), int((x_min - 1) * scale), int((y_max + 2) * scale)
        )
        seen[item.id] = read_box(region)
    assert all(square for square, _ in seen.values()), seen
    assert seen["rapport-etonnement"][1] > 0.05, "the tick is missing"
    assert all(ink < 0.01 for item_id, (_, ink) in seen.items() if item_id != "rapport-etonnement"), seen


def test_print_emulated_screenshot_shows_empty_and_ticked_boxes(page: Page, base_url: str, tmp_path: Path) -> None:
    visit(page, base_url + PAGES[EIG])
    box(page, EIG, "synthese-besoins").check()
    page.emulate_media(media="print")
    page.screenshot(path=str(tmp_path / "print.png"), full_page=True)

    def grey(item_id: str) -> Gray:
        target = box(page, EIG, item_id)
        expect(target).to_be_visible()
        target.scroll_into_view_if_needed()
        area = target.bounding_box()
        png = page.screenshot(
            clip={"x": area["x"] - 3, "y": area["y"] - 3, "width": area["width"] + 6, "height": area["height"] + 6}
        )
        width, height, pixels = page.evaluate(
            """async data => {
              // Decoded from bytes: the site's CSP forbids fetching a data: URL.
              const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
              const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }))
              const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
              const context = canvas.getContext("2d")
              context.drawImage(bitmap, 0, 0)
              const rgba = context.getImageData(0, 0, bitmap.width, bitmap.height).data
              const grey = []
              for (let i = 0; i < rgba.length; i += 4) grey.push(Math.round((rgba[i] + rgba[i + 1] + rgba[i + 2]) / 3))
              return [bitmap.width, bitmap.height, grey]
            }""",
            base64.b64encode(png).decode(),
        )
        return Gray(width, height, bytes(pixels))

    ticked, empty = read_box(grey("synthese-besoins")), read_box(grey("rapport-etonnement"))
    assert ticked[0] and empty[0], (ticked, empty)
    assert ticked[1] > 0.05 and empty[1] < 0.01, (ticked, empty)
