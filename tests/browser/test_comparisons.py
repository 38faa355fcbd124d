"""Scenario comparison, example cards and trajectories: the chosen scenarios
side by side at 1280 px, cards at 320 px, printing, and zero axe violations
on every page this work touches, in both schemes."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from guide_perennisation.loader import load_guide
from guide_perennisation.scenario_table import rows

from .conftest import ROOT, axe_violations, format_violations

GUIDE = load_guide(ROOT)


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
    if (cell.closest("[hidden]")) continue  // a column the reader did not choose
    const box = cell.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) out.push(["hidden", cell.textContent.trim().slice(0, 40)])
    else if (box.left < 0 || box.right > width) out.push(["off-screen", cell.textContent.trim().slice(0, 40)])
    else if (cell.scrollWidth > cell.clientWidth + 1) out.push(["clipped", cell.textContent.trim().slice(0, 40)])
  }
  return out
}"""


DETAILED = [s for s in GUIDE.scenarios.values() if s.status == "detaille"]
OUTLINED = [s for s in GUIDE.scenarios.values() if s.status == "esquisse"]
SCENARIOS = "preparer/scenarios/"
ROW_LABELS = [label for label, _ in rows(GUIDE.interface["scenario-table"].texts)]


def shown_columns(page: Page) -> list[str]:
    return page.locator(".app-scenario-table__table thead th:visible").evaluate_all(
        "cells => cells.map(c => c.dataset.scenario)"
    )


def test_at_1280_px_the_default_comparison_fits_its_container(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + SCENARIOS, wait_until="load")
    assert shown_columns(page) == [s.id for s in DETAILED]
    table = page.locator(".app-scenario-table__table")
    widths = table.evaluate(
        "t => [t.getBoundingClientRect().width, t.closest('.md-content__inner').getBoundingClientRect().width]"
    )
    assert widths[0] <= widths[1], widths
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    # No cell's content sticks out of its cell.
    assert table.evaluate(CUT_OFF) == []
    caption = table.locator("caption")
    box = caption.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1280
    assert caption.evaluate("c => c.scrollWidth <= c.clientWidth && c.scrollHeight <= c.clientHeight")
    assert "les sources ne disent rien sur ce point" in caption.inner_text()
    rows = table.locator("tbody th[scope=row]").all_inner_texts()
    assert rows == ROW_LABELS


def check(page: Page, scenario_id: str) -> None:
    """Ticks or unticks a scenario with the keyboard alone."""
    page.locator(f"#comparer-{scenario_id}").focus()
    page.keyboard.press("Space")


def test_the_reader_chooses_the_scenarios_by_keyboard_and_shares_the_link(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url + SCENARIOS + "#scenario-creer-gip", wait_until="load")
    page.locator("#comparer-" + DETAILED[0].id).focus()
    for _ in range(len(DETAILED)):
        page.keyboard.press("Tab")  # through the detailed ones to the first outlined one
    expect(page.locator("#comparer-" + OUTLINED[0].id)).to_be_focused()
    page.keyboard.press("Space")
    four = [s.id for s in GUIDE.scenarios.values() if s in DETAILED or s == OUTLINED[0]]
    assert shown_columns(page) == four
    assert page.url.endswith(f"?scenarios={','.join(four)}#scenario-creer-gip")  # the hash stays for anchors
    # A fifth is refused, and the reader is told why.
    check(page, OUTLINED[1].id)
    expect(page.locator("#comparer-" + OUTLINED[1].id)).not_to_be_checked()
    expect(page.locator(".app-scenario-table__status")).to_contain_text("Quatre scénarios au plus")
    for s in DETAILED[1:]:
        check(page, s.id)
    two = [DETAILED[0].id, OUTLINED[0].id]
    assert shown_columns(page) == two
    check(page, two[0])  # fewer than two is refused too
    assert shown_columns(page) == two
    expect(page.locator(".app-scenario-table__status")).to_contain_text("Deux scénarios au moins")
    # The cards follow the same choice.
    assert (
        page.locator(".app-scenario-table__card:not([hidden])").evaluate_all(
            "cards => cards.map(c => c.dataset.scenario)"
        )
        == two
    )
    shared = page.url
    page.reload(wait_until="load")
    assert shown_columns(page) == two
    # The link, opened elsewhere (no saved choice there), shows the same comparison.
    other = browser.new_context(viewport={"width": 1280, "height": 800})
    elsewhere = other.new_page()
    elsewhere.goto(shared, wait_until="load")
    assert shown_columns(elsewhere) == two
    other.close()
    # Without a query string, the saved choice comes back and is written in the URL.
    page.goto(base_url + SCENARIOS, wait_until="load")
    assert shown_columns(page) == two
    assert page.url.endswith("?scenarios=" + ",".join(two))
    # When both exist, the URL wins.
    wanted = [s.id for s in OUTLINED[2:5]]
    page.goto(base_url + SCENARIOS + "?scenarios=" + ",".join(wanted), wait_until="load")
    assert shown_columns(page) == wanted
    # A broken query string falls back on the saved choice rather than on nothing.
    page.goto(base_url + SCENARIOS + "?scenarios=nimporte,quoi", wait_until="load")
    assert shown_columns(page) == wanted
    context.close()


def test_without_javascript_the_detailed_scenarios_show_and_every_section_is_reachable(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url + SCENARIOS)
    assert shown_columns(page) == [s.id for s in DETAILED]
    expect(page.locator(".app-scenario-table__choice")).to_be_hidden()
    links = page.locator(".app-scenario-table__all a")
    assert links.evaluate_all("links => links.map(a => a.hash)") == [
        f"#scenario-{s.id}" for s in GUIDE.scenarios.values()
    ]
    for s in GUIDE.scenarios.values():
        expect(page.locator(f"#scenario-{s.id}")).to_have_count(1)
    context.close()


def test_at_320_px_one_card_per_scenario_nothing_cut(narrow: Page, base_url: str, tmp_path: Path) -> None:
    wanted = [DETAILED[0], OUTLINED[0], DETAILED[2]]
    narrow.goto(base_url + SCENARIOS + "?scenarios=" + ",".join(s.id for s in wanted), wait_until="load")
    shot = tmp_path / "scenarios-320.png"
    narrow.locator(".app-scenario-table").screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 320
    expect(narrow.locator(".app-scenario-table__table thead")).to_be_hidden()
    expect(narrow.locator(".app-scenario-table__table caption")).to_be_visible()
    cards = narrow.locator(".app-scenario-table__card:visible")
    assert cards.count() == 3
    for scenario, card in zip(sorted(wanted, key=list(GUIDE.scenarios.values()).index), cards.all(), strict=True):
        assert scenario.title in card.locator("h3").inner_text()
        # The attributes in the table's order.
        assert card.locator("dt").all_inner_texts() == ROW_LABELS
        assert card.evaluate(
            "c => [...c.querySelectorAll('dt, dd, h3')].every(e => {"
            " const b = e.getBoundingClientRect();"
            " return b.left >= 0 && b.right <= 320 && e.scrollWidth <= e.clientWidth + 1 })"
        )


def test_at_320_px_the_grid_and_trajectory_map_show_whole(narrow: Page, base_url: str) -> None:
    for path, selector in (
        ("preparer/structure-accueil/", ".app-structure-grid__table"),
        ("comprendre/trajectoires/", ".app-trajectories__map"),
    ):
        narrow.goto(base_url + path, wait_until="load")
        assert narrow.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert narrow.locator(selector).evaluate(CUT_OFF) == [], path


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True)
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info.stdout)]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("-", ""))


def pdf_text(pdf: Path, *pages: int) -> str:
    bounds = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return subprocess.run(
        ["pdftotext", "-raw", *bounds, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_print_button_prints_the_comparison_alone_on_a4_landscape(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    page.add_init_script("window.print = () => { window.__printed = document.body.className }")
    page.goto(base_url + SCENARIOS, wait_until="load")
    page.get_by_role("button", name="Imprimer la comparaison").click()
    assert "app-print-comparison" in page.evaluate("window.__printed")
    page.evaluate("document.body.classList.add('app-print-comparison')")
    pdf = tmp_path / "comparaison.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    sizes = pdf_pages(pdf)
    assert 1 <= len(sizes) <= 2, sizes
    assert all(abs(w - 842) < 2 and abs(h - 595) < 2 for w, h in sizes), sizes
    text = squash(pdf_text(pdf))
    for scenario in DETAILED:
        assert squash(scenario.title) in text, scenario.id
    for label in ROW_LABELS:
        assert squash(label) in text, label
    # The comparison alone: no buttons, navigation, nor the rest of the page.
    for absent in ("Imprimer la comparaison", "Comment choisir", "Les scénarios un par un", "Rechercher"):
        assert squash(absent) not in text, absent


def test_printing_the_page_keeps_the_table_whole_then_the_sections(page: Page, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + SCENARIOS, wait_until="load")
    pdf = tmp_path / "scenarios.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    sizes = pdf_pages(pdf)
    assert all(abs(w - 842) < 2 and abs(h - 595) < 2 for w, h in sizes), sizes
    # The whole table on one page, every column and row of it, then every section.
    table_page = next(n for n in range(1, len(sizes) + 1) if squash(ROW_LABELS[0]) in squash(pdf_text(pdf, n)))
    on_that_page = squash(pdf_text(pdf, table_page))
    for needed in [s.title for s in DETAILED] + ROW_LABELS:
        assert squash(needed) in on_that_page, needed
    rest = squash(pdf_text(pdf, table_page + 1, len(sizes)))
    for scenario in GUIDE.scenarios.values():
        assert squash(scenario.title) in rest, scenario.id
    assert squash("Choisissez-en de 2 à 4") not in squash(pdf_text(pdf))


def test_an_example_without_a_budget_shows_no_budget_line(page: Page, base_url: str) -> None:
    without = next(e for e in GUIDE.examples.values() if e.budget is None)
    with_budget = next(e for e in GUIDE.examples.values() if e.budget)
    page.goto(base_url + "exemples/", wait_until="load")
    terms = page.locator(f"#exemple-{without.id} dt").all_inner_texts()
    assert "Budget" not in terms and terms
    assert "non précisé" not in page.locator(f"#exemple-{without.id}").inner_text()
    assert "Budget" in page.locator(f"#exemple-{with_budget.id} dt").all_inner_texts()


def test_the_trajectories_view_maps_scenarios_and_examples(page: Page, base_url: str) -> None:
    page.goto(base_url + "comprendre/trajectoires/", wait_until="load")
    rows = page.locator(".app-trajectories__map tbody tr")
    for trajectory, row in zip(GUIDE.trajectories.values(), rows.all(), strict=True):
        links = row.locator("a").evaluate_all("links => links.map(a => a.href)")
        expected = [f"comprendre/trajectoires/#trajectoire-{trajectory.id}"]
        expected += [
            f"preparer/scenarios/#scenario-{s.id}" for s in GUIDE.scenarios.values() if s.trajectory == trajectory.id
        ]
        expected += [f"exemples/#exemple-{e.id}" for e in GUIDE.examples.values() if e.trajectory == trajectory.id]
        assert links == [base_url + path for path in expected]


# Both schemes at both widths, with the comparison at 2, 3 and 4 scenarios
# (the pages as they load are test_accessibility.py's).
@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chosen_scenarios_have_no_axe_violation(browser: Browser, base_url: str, scheme: str, width: int) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    ids = [s.id for s in GUIDE.scenarios.values()]
    choices = {2: ids[:1] + ids[-1:], 3: ids[:3], 4: ids[1:3] + ids[4:6]}
    try:
        problems = {}
        for path in [f"{SCENARIOS}?scenarios={','.join(c)}" for c in choices.values()]:
            page.goto(base_url + path, wait_until="load")
            violations = axe_violations(page)
            if violations:
                problems[path] = violations
        assert problems == {}, format_violations([problems])
    finally:
        context.close()
