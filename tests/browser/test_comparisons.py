"""Scenario comparison and trajectories: reflow at 320 px, landscape print,
and zero axe violations on every page this work touches, in both schemes."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from macros.guide import load_guide

from .conftest import ROOT, axe_violations, format_violations

GUIDE = load_guide(ROOT)
PAGES = [
    "preparer/scenarios/",
    "exemples/",
    "comprendre/trajectoires/",
    "preparer/structure-accueil/",
    "outils/glossaire/",
    "defis-eig/scenarios-observes/",
]


@pytest.fixture
def narrow(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


# Body cells whose content is clipped or that stick out of the screen (the
# column heads are hidden on purpose: each cell carries its own label).
CUT_OFF = """(root) => {
  const width = document.documentElement.clientWidth
  const out = []
  for (const cell of root.querySelectorAll(":is(tbody, tfoot) :is(th, td)")) {
    const box = cell.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) out.push(["hidden", cell.textContent.trim().slice(0, 40)])
    else if (box.left < 0 || box.right > width) out.push(["off-screen", cell.textContent.trim().slice(0, 40)])
    else if (cell.scrollWidth > cell.clientWidth + 1) out.push(["clipped", cell.textContent.trim().slice(0, 40)])
  }
  return out
}"""


def test_at_320_px_every_scenario_shows_whole(narrow: Page, base_url: str, tmp_path: Path) -> None:
    narrow.goto(base_url + "preparer/scenarios/", wait_until="load")
    table = narrow.locator(".app-scenario-table")
    shot = tmp_path / "scenarios-320.png"
    table.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 320
    assert table.evaluate("r => r.scrollWidth <= r.clientWidth")
    assert table.evaluate(CUT_OFF) == []
    rows = table.locator("tbody tr")
    assert rows.count() == len(GUIDE.all("scenarios"))
    for scenario, row in zip(GUIDE.all("scenarios"), rows.all(), strict=True):
        text = " ".join(row.inner_text().split())
        assert scenario.title in text
        # Every column shows under its own label, one card per scenario.
        for label in ("Ce que c’est", "Avantages", "Risques", "Cas similaires", "Trajectoire"):
            assert label in text, (scenario.id, label)
        for case in scenario.similar_cases:
            assert row.get_by_role("link", name=GUIDE.get("examples", case).name).is_visible()


def test_at_320_px_the_grid_and_trajectory_map_show_whole(narrow: Page, base_url: str) -> None:
    for path, selector in (
        ("preparer/structure-accueil/", ".app-structure-grid__table"),
        ("comprendre/trajectoires/", ".app-trajectory-map"),
    ):
        narrow.goto(base_url + path, wait_until="load")
        assert narrow.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert narrow.locator(selector).evaluate(CUT_OFF) == [], path


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True)
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info.stdout)]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("-", ""))


def test_the_comparison_prints_on_a4_landscape_with_every_scenario(page: Page, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "preparer/scenarios/", wait_until="load")
    pdf = tmp_path / "scenarios.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    sizes = pdf_pages(pdf)
    assert sizes and all(abs(w - 842) < 2 and abs(h - 595) < 2 for w, h in sizes), sizes
    text = squash(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for scenario in GUIDE.all("scenarios"):
        assert squash(scenario.title) in text, scenario.id
    # The last columns are not cut off (their heads wrap, so look for words).
    for word in ("Souplesse", "recrutement", "Change", "juridique"):
        assert word in text, word


def test_the_trajectories_view_maps_scenarios_and_examples(page: Page, base_url: str) -> None:
    page.goto(base_url + "comprendre/trajectoires/", wait_until="load")
    rows = page.locator(".app-trajectory-map tbody tr")
    for trajectory, row in zip(GUIDE.all("trajectories"), rows.all(), strict=True):
        links = row.locator("a").evaluate_all("links => links.map(a => a.href)")
        expected = [f"comprendre/trajectoires/#trajectoire-{trajectory.id}"]
        expected += [
            f"preparer/scenarios/#scenario-{s.id}" for s in GUIDE.all("scenarios") if s.trajectory == trajectory.id
        ]
        expected += [f"exemples/#exemple-{e.id}" for e in GUIDE.all("examples") if e.trajectory == trajectory.id]
        assert links == [base_url + path for path in expected]


# Both schemes on a wide screen, and the narrow layout (cards) once.
@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("dark", 320)])
def test_no_axe_violation(browser: Browser, base_url: str, scheme: str, width: int) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        problems = {}
        for path in PAGES:
            page.goto(base_url + path, wait_until="load")
            violations = axe_violations(page)
            if violations:
                problems[path] = violations
        assert problems == {}, format_violations([problems])
    finally:
        context.close()
