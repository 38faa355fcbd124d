"""« Guide complet » printed to PDF by Chromium, then read back with pdftotext."""

from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import Page, expect

from guide_perennisation.links import page_url
from guide_perennisation.nav import read_nav
from guide_perennisation.typography import typeset

from ..conftest import mkdocs_config
from .conftest import ROOT, open_page

COMPLETE = "outils/guide-complet.md"


def _words(text: str) -> str:
    """pdftotext wraps lines and may split words on soft hyphens: compare word streams."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


@pytest.fixture(scope="module")
def pdf_text(browser, base_url: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    context = browser.new_context()
    page = context.new_page()
    open_page(page, base_url + page_url(COMPLETE))
    path = tmp_path_factory.mktemp("pdf") / "guide-complet.pdf"
    page.pdf(path=str(path), format="A4", print_background=False)
    context.close()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    pages = text.stdout.count("\f")
    return _words(text.stdout), pages


def _nav_titles() -> list[str]:
    """The navigation's titles, with the French typography the build sets on pages."""
    titles = []
    for entry in read_nav(mkdocs_config()["nav"], ROOT / "docs"):
        if entry.doc != COMPLETE:
            titles.append(entry.title)
        titles += [p.title for child in entry.children for p in child.pages() if p.doc != COMPLETE]
    return [typeset(title) for title in titles]


def test_pdf_holds_every_navigation_title_in_order(pdf_text: tuple[str, int]) -> None:
    text, _ = pdf_text
    position = 0
    for title in _nav_titles():
        found = text.find(_words(title), position)
        assert found >= 0, f"« {title} » manque après la position {position} du PDF"
        position = found + len(title)


def test_pdf_has_a_page_per_chapter_and_no_navigation_chrome(pdf_text: tuple[str, int]) -> None:
    text, pages = pdf_text
    assert pages > len(_nav_titles()), "un saut de page avant chaque chapitre"
    # Phrases that only the theme's chrome, the page foot and the print button carry.
    for chrome in ("Rechercher", "Table des matières", "compte GitHub nécessaire", "Imprimer ou enregistrer en PDF"):
        assert chrome not in text, f"« {chrome} » ne doit pas être imprimé"


CHROME = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar",
    ".md-footer",
    ".md-content__button",
    ".app-page-info",
    ".app-block__edit",
    ".app-complete-guide__print",
]


def test_print_layout_hides_every_piece_of_chrome(page: Page, base_url: str) -> None:
    open_page(page, base_url + page_url(COMPLETE))
    page.emulate_media(media="print")
    shown = page.evaluate(
        """(selectors) => selectors.filter((s) =>
            [...document.querySelectorAll(s)].some((e) => getComputedStyle(e).display !== "none"))""",
        CHROME,
    )
    assert shown == []
    assert page.locator(".app-block__edit").count() > 0, "la page a bien des liens à masquer"


def test_print_button_appears_with_javascript(page: Page, base_url: str) -> None:
    # test_accessibility.py audits the page with its button, as it loads.
    open_page(page, base_url + page_url(COMPLETE))
    expect(page.get_by_role("button", name="Imprimer ou enregistrer en PDF")).to_be_visible()


def test_complete_guide_reads_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + page_url(COMPLETE))
    expect(page.get_by_role("navigation", name="Sommaire")).to_be_visible()
    expect(page.get_by_role("button", name="Imprimer ou enregistrer en PDF")).to_have_count(0)
    context.close()


def test_report_link_is_in_every_page_foot(page: Page, base_url: str) -> None:
    open_page(page, base_url + "exemples/")
    link = page.get_by_role("link", name="Signaler une erreur sur cette page")
    expect(link).to_have_attribute("href", re.compile(r"/issues/new\?template=signaler-une-erreur\.yml&title="))
