"""Host-structure decision grid: state kept across reloads and data changes,
Markdown export, keyboard use, storage failures, and printing."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect

from guide_perennisation.loader import load_guide
from tests.conftest import build_site, copy_project, serve

from .conftest import ROOT

PAGE = "preparer/structure-accueil/"
CRITERIA = list(load_guide(ROOT).criteria.values())
# Every write fails, as when the origin's quota is used up.
FULL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError")
}
"""
NO_PRINT_DIALOG = "window.print = () => { window.__printed = document.documentElement.className }"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


def open_grid(context: BrowserContext, url: str, init_script: str | None = None) -> tuple[Page, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if init_script:
        page.add_init_script(init_script)
    page.goto(url, wait_until="load")
    expect(page.locator(".app-structure-grid__actions")).to_be_visible()
    return page, errors


def cell(page: Page, criterion: str, candidate: int, field: str):
    return page.locator(f"#grille-structure-accueil-{criterion}-{candidate}-{field}")


def weight(page: Page, criterion: str):
    return page.locator(f"#grille-structure-accueil-{criterion}-poids")


def name(page: Page, candidate: int):
    return page.locator(f"#grille-structure-accueil-nom-{candidate}")


def fill(page: Page) -> None:
    name(page, 1).fill("GIP à créer")
    name(page, 2).fill("DGCCRF | bureau 4")
    for criterion, score in zip(CRITERIA, [3, 1, 2, 2, 1, 3, 2], strict=True):
        cell(page, criterion.id, 1, "note").select_option(str(score))
    cell(page, "gouvernance", 1, "remarque").fill("Conseil d'administration\nà composer")
    cell(page, "portage-politique", 2, "note").select_option("2")
    cell(page, "support-contractuel", 2, "note").select_option("0")


def footer(page: Page, candidate: int) -> tuple[str, str]:
    total = page.locator(f'[data-total="{candidate}"]').inner_text()
    weakest = page.locator(f'[data-weakest="{candidate}"]').inner_text()
    return total, weakest


def test_totals_weakest_criterion_and_names(context: BrowserContext, base_url: str) -> None:
    page, errors = open_grid(context, base_url + PAGE)
    assert footer(page, 1) == ("aucune note", "—")
    fill(page)
    assert footer(page, 1) == ("14 / 21", "Gouvernance, Ressources humaines (1)")
    assert footer(page, 2) == ("2 / 21 (2 critères notés sur 7)", "Support contractuel (0)")
    assert page.locator("thead th").nth(2).inner_text() == "GIP à créer"  # after « Critère » and « Poids »
    # Control labels follow the names.
    expect(page.get_by_label("Note de DGCCRF | bureau 4 pour le critère Gouvernance")).to_have_count(1)
    expect(page.locator("[data-announce]")).to_have_text(re.compile(r"DGCCRF \| bureau 4\u00a0: total 2 / 21"))
    assert "ne choisit pas à votre place" in page.locator(".app-structure-grid__caveat").inner_text()
    assert errors == []


def test_weighted_totals_and_weakest_criterion(context: BrowserContext, base_url: str) -> None:
    page, errors = open_grid(context, base_url + PAGE)
    fill(page)  # candidate 1 scores: 3, 1, 2, 2, 1, 3, 2
    for criterion, value in zip(CRITERIA, [3, 0, 2, 1, 0, 1, 1], strict=True):
        weight(page, criterion.id).select_option(str(value))
    # 3×3 + 0×1 + 2×2 + 1×2 + 0×1 + 1×3 + 1×2 = 20, out of 3 × (3+0+2+1+0+1+1) = 24.
    # Gouvernance and Ressources humaines (1) weigh 0: the weakest is now 2.
    assert footer(page, 1) == ("20 / 24", "Compétences métiers, Compétences numériques, Contraintes techniques (2)")
    assert footer(page, 2) == ("6 / 24 (2 critères notés sur 7)", "Support contractuel (0)")
    page.reload(wait_until="load")
    expect(weight(page, "gouvernance")).to_have_value("0")
    assert footer(page, 1) == ("20 / 24", "Compétences métiers, Compétences numériques, Contraintes techniques (2)")
    markdown = page.evaluate("app.structureGrid.markdown()")
    assert "| Portage politique | 3 | 3 – pleinement | 2 – en bonne partie |" in markdown
    assert "| Gouvernance | 0 | 1 – un peu | non noté |" in markdown
    assert "| **Total pondéré** |  | **20 / 24** |" in markdown
    assert errors == []


def test_a_grid_saved_before_weights_loads_with_every_weight_at_1(context: BrowserContext, base_url: str) -> None:
    page, _ = open_grid(context, base_url + PAGE)
    key = page.evaluate("app.store.slot('structure-grid', 'structure-accueil').key")
    old = {
        "names": ["Ancienne grille"],
        "cells": {c.id: [{"score": "2", "remark": ""}] for c in CRITERIA},
        "criteria": [[c.id, c.title] for c in CRITERIA],
        "scale": [["0", "0 – pas du tout"], ["1", "1 – un peu"], ["2", "2 – en bonne partie"], ["3", "3 – pleinement"]],
    }
    page.evaluate(
        "([key, data]) => localStorage.setItem(key, JSON.stringify({ v: 1, savedAt: new Date().toISOString(), data }))",
        [key, old],
    )
    page.reload(wait_until="load")
    expect(name(page, 1)).to_have_value("Ancienne grille")
    for criterion in CRITERIA:
        expect(weight(page, criterion.id)).to_have_value("1")
    assert footer(page, 1)[0] == "14 / 21"
    # The note builder reads the old grid as well.
    page.goto(base_url + "outils/note-dinum/", wait_until="load")
    markdown = page.evaluate("app.load('structure-grid').then(() => app.structureGrid.markdown())")
    assert f"| {CRITERIA[0].title} | 1 | 2 – en bonne partie |" in markdown
    assert "**14 / 21**" in markdown


def test_state_survives_a_reload_and_instant_navigation(context: BrowserContext, base_url: str) -> None:
    page, errors = open_grid(context, base_url + PAGE)
    fill(page)
    page.reload(wait_until="load")
    expect(name(page, 1)).to_have_value("GIP à créer")
    expect(cell(page, "gouvernance", 1, "remarque")).to_have_value("Conseil d'administration\nà composer")
    expect(cell(page, "support-contractuel", 2, "note")).to_have_value("0")
    assert footer(page, 1) == ("14 / 21", "Gouvernance, Ressources humaines (1)")
    # Away and back without a page load (Material's instant navigation).
    page.get_by_role("link", name="Les scénarios de pérennisation").first.click()
    page.wait_for_url("**/preparer/scenarios/")
    page.go_back()
    page.wait_for_url("**/" + PAGE)
    expect(cell(page, "ressources-humaines", 1, "note")).to_have_value("1")
    assert errors == []


NEW_CRITERION = {
    "id": "ouverture-du-code",
    "title": "Ouverture du code",
    "description": "La structure publie le code du service.",
    "question": "Le code restera-t-il ouvert ?",
}


# Each deployment is dated later than the one before, by whole seconds: HTTP
# dates a file to the second, and two deployments within the same second
# would have the reload answered « 304 Not Modified » with the old page.
_DEPLOYMENTS = itertools.count(1)


def deploy(built: Path, site: Path) -> None:
    """Replace the served site by `built`, in place, as a deployment does."""
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(built, site, copy_function=shutil.copy)
    when = time.time() + 10 * next(_DEPLOYMENTS)
    for file in site.rglob("*"):
        os.utime(file, (when, when))


@pytest.mark.build
def test_state_survives_criteria_added_removed_and_reordered(
    context: BrowserContext, site_dir: Path, tmp_path: Path
) -> None:
    project = copy_project(tmp_path / "project")
    original = yaml.safe_load((project / "data" / "criteria.yml").read_text(encoding="utf-8"))
    changed = tmp_path / "changed"
    # A new criterion first, the others reversed, « gouvernance » gone.
    kept = [c for c in original if c["id"] != "gouvernance"]
    text = yaml.safe_dump([NEW_CRITERION, *reversed(kept)], allow_unicode=True, sort_keys=False)
    (project / "data" / "criteria.yml").write_text(text, encoding="utf-8")
    result = build_site(project, changed)
    assert result.returncode == 0, result.stderr
    # The session's build is the site of the original criteria. One server
    # for every version: same origin, so the same storage.
    site = tmp_path / "site"
    deploy(site_dir, site)
    with serve(site) as url:
        page, errors = open_grid(context, url + PAGE)
        fill(page)

        deploy(changed, site)
        page.reload(wait_until="load")
        assert page.locator("tbody th").first.inner_text() == "Ouverture du code"
        expect(cell(page, "ouverture-du-code", 1, "note")).to_have_value("")
        expect(cell(page, "ressources-humaines", 1, "note")).to_have_value("1")
        expect(cell(page, "support-contractuel", 2, "note")).to_have_value("0")
        expect(name(page, 2)).to_have_value("DGCCRF | bureau 4")
        assert footer(page, 1) == ("13 / 21 (6 critères notés sur 7)", "Ressources humaines (1)")
        cell(page, "ouverture-du-code", 1, "note").select_option("3")  # a save without « gouvernance »

        deploy(site_dir, site)
        page.reload(wait_until="load")
        expect(cell(page, "gouvernance", 1, "remarque")).to_have_value("Conseil d'administration\nà composer")
        expect(cell(page, "gouvernance", 1, "note")).to_have_value("1")
        assert footer(page, 1) == ("14 / 21", "Gouvernance, Ressources humaines (1)")
        assert errors == []


EXPECTED_EXPORT = """## Grille de décision\u00a0: structures d’accueil candidates

Grille exportée le {date}. Échelle\u00a0: 0 – pas du tout, 1 – un peu, 2 – en bonne partie, 3 – pleinement.

Chaque critère a un poids de 0 (ignoré) à 3 (décisif)\u202f; le total est la somme des poids multipliés par les notes.

| Critère | Poids | GIP à créer | DGCCRF \\| bureau 4 |
| --- | --- | --- | --- |
| Portage politique | 1 | 3 – pleinement | 2 – en bonne partie |
| Gouvernance | 1 | 1 – un peu | non noté |
| Compétences métiers | 1 | 2 – en bonne partie | non noté |
| Compétences numériques | 1 | 2 – en bonne partie | non noté |
| Ressources humaines | 1 | 1 – un peu | non noté |
| Support contractuel | 1 | 3 – pleinement | 0 – pas du tout |
| Contraintes techniques | 1 | 2 – en bonne partie | non noté |
| **Total pondéré** |  | **14 / 21** | **2 / 21 (2 critères notés sur 7)** |
| **Critère le plus faible** |  | Gouvernance, Ressources humaines (1) | Support contractuel (0) |

### Remarques

- **GIP à créer — Gouvernance** : Conseil d'administration à composer

> Cette grille ne choisit pas à votre place\u00a0: la décision se fonde sur des critères objectifs \
et sur la mission de service public du service.
"""


def test_export_is_the_grid_as_markdown(context: BrowserContext, base_url: str, tmp_path: Path) -> None:
    page, errors = open_grid(context, base_url + PAGE)
    fill(page)
    date = page.evaluate("app.store.frenchDate(new Date())")
    expected = EXPECTED_EXPORT.format(date=date)
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger (.md)").click()
    target = tmp_path / "grille.md"
    download.value.save_as(target)
    assert re.fullmatch(r"grille-structure-accueil-\d{4}-\d\d-\d\d\.md", download.value.suggested_filename)
    assert target.read_text(encoding="utf-8") == expected
    # The note builder loads this script to read the saved grid from its own page.
    page.goto(base_url + "outils/note-dinum/", wait_until="load")
    assert page.evaluate("app.load('structure-grid').then(() => app.structureGrid.markdown())") == expected
    assert errors == []


@pytest.mark.rgaa("11.12", "12.8")
def test_keyboard_alone_fills_exports_and_clears(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page, errors = open_grid(context, base_url + PAGE)
    name(page, 1).focus()
    page.keyboard.type("Ministère")
    for _ in range(3):
        page.keyboard.press("Tab")  # the other three names
    page.keyboard.press("Tab")
    expect(page.locator(".app-structure-grid__table")).to_be_focused()  # the scroll region
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Portage politique", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    expect(weight(page, "portage-politique")).to_be_focused()
    page.keyboard.press("Tab")
    expect(cell(page, "portage-politique", 1, "note")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(cell(page, "portage-politique", 1, "note")).to_have_value("0")
    page.keyboard.press("Tab")
    expect(cell(page, "portage-politique", 1, "remarque")).to_be_focused()
    page.keyboard.type("Soutien du cabinet")
    assert footer(page, 1) == ("0 / 21 (1 critère noté sur 7)", "Portage politique (0)")

    page.get_by_role("button", name="Copier en Markdown").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-announce]")).to_have_text("Grille copiée dans le presse-papiers.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "| Critère | Poids | Ministère |" in copied
    assert "- **Ministère — Portage politique** : Soutien du cabinet" in copied

    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Vider la grille")).to_be_focused()
    page.keyboard.press("Enter")
    expect(name(page, 1)).to_have_value("")
    expect(cell(page, "portage-politique", 1, "note")).to_have_value("")
    page.reload(wait_until="load")
    expect(cell(page, "portage-politique", 1, "remarque")).to_have_value("")
    assert errors == []
    context.close()


def test_without_storage_the_grid_works_and_says_so(context: BrowserContext, base_url: str) -> None:
    page, errors = open_grid(context, base_url + PAGE, init_script=FULL_STORAGE)
    expect(page.locator("[data-status]")).to_contain_text("ne sera pas conservée")
    cell(page, "gouvernance", 3, "note").select_option("2")
    assert footer(page, 3) == ("2 / 21 (1 critère noté sur 7)", "Gouvernance (2)")
    assert "| Gouvernance |" in page.evaluate("app.structureGrid.markdown()")  # kept for the visit
    assert errors == []


def pdf_text(page: Page, target: Path) -> tuple[str, str]:
    page.pdf(path=str(target), prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    return text, info


def test_print_button_prints_the_grid_alone_with_its_content(
    context: BrowserContext, base_url: str, tmp_path: Path
) -> None:
    page, _ = open_grid(context, base_url + PAGE, init_script=NO_PRINT_DIALOG)
    fill(page)
    page.get_by_role("button", name="Imprimer la grille").click()
    assert "app-print-grid" in page.evaluate("window.__printed")
    page.evaluate("document.documentElement.classList.add('app-print-grid')")
    text, info = pdf_text(page, tmp_path / "grille.pdf")
    assert re.search(r"Page size:\s+841.* x 59\d", info), info
    for expected in ("GIP à créer", "3 – pleinement", "Conseil d'administration", "14 / 21", "ne choisit pas"):
        assert expected in text, expected
    for criterion in CRITERIA:
        assert criterion.title in text
    for absent in ("Non noté", "Les sept critères", "Copier en Markdown", "Structures candidates"):
        assert absent not in text, absent


def test_without_javascript_a_blank_grid_prints(browser: Browser, base_url: str, tmp_path: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    expect(page.locator(".app-structure-grid__actions")).to_be_hidden()
    text, _ = pdf_text(page, tmp_path / "vide.pdf")
    for criterion in CRITERIA:
        assert criterion.title in text
    for n in range(1, 5):
        assert f"Structure {n}" in text
    assert "Non noté" not in text  # blank cells, to fill in by hand
    context.close()
