"""Examples explorer: real controls, a live count, and every card without JS."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from guide_perennisation.examples import STATUSES
from guide_perennisation.loader import load_guide

from .conftest import ROOT

# In page order: grouped under their status, in the data's order within a group.
EXAMPLES = sorted(load_guide(ROOT).examples.values(), key=lambda e: STATUSES.index(e.status))


@pytest.fixture
def explorer(page: Page, base_url: str) -> Page:
    page.goto(base_url + "exemples/", wait_until="load")
    expect(page.locator(".app-examples__filters")).to_be_visible()
    return page


def shown(page: Page) -> list[str]:
    return page.eval_on_selector_all(".app-example:not([hidden])", "cards => cards.map(c => c.id)")


def count_text(page: Page) -> str:
    return page.locator(".app-examples__count").inner_text()


def test_filters_show_matching_cards_and_update_the_live_count(explorer: Page) -> None:
    count = explorer.locator(".app-examples__count")
    assert count.get_attribute("role") == "status"  # implicit aria-live="polite", aria-atomic="true" (RGAA 7.5.1)
    assert count_text(explorer) == f"{len(EXAMPLES)} exemples"

    explorer.get_by_label("Scénario").select_option("creer-gip")
    expected = [f"exemple-{e.id}" for e in EXAMPLES if e.scenario == "creer-gip"]
    assert shown(explorer) == expected
    expect(count).to_have_text(f"{len(expected)} exemples")
    assert "scenario=creer-gip" in explorer.url

    explorer.get_by_label("Scénario").select_option("")
    explorer.get_by_label("Programme").select_option("EIG")
    explorer.get_by_label("Trajectoire").select_option("equipe-integree")
    expected = [f"exemple-{e.id}" for e in EXAMPLES if e.programme == "EIG" and e.trajectory == "equipe-integree"]
    assert shown(explorer) == expected
    expect(count).to_have_text("1 exemple")

    explorer.get_by_label("Programme").select_option("beta.gouv.fr")
    explorer.get_by_label("Scénario").select_option("autre-dispositif-innovation")
    assert shown(explorer) == []
    expect(count).to_have_text("Aucun exemple ne correspond à ces filtres")

    explorer.get_by_role("button", name="Tout afficher").click()
    expect(count).to_have_text(f"{len(EXAMPLES)} exemples")
    assert len(shown(explorer)) == len(EXAMPLES)
    assert "?" not in explorer.url


def test_every_choice_counts_what_it_shows(explorer: Page) -> None:
    for name in ("status", "scenario", "trajectory", "programme"):
        select = explorer.locator(f'select[name="{name}"]')
        for value, label in select.evaluate("s => [...s.options].filter(o => o.value).map(o => [o.value, o.text])"):
            select.select_option(value)
            number = len(shown(explorer))
            assert label.endswith(f"({number})"), (label, number)
            assert count_text(explorer) == f"{number} exemple{'s' if number > 1 else ''}"
        select.select_option("")


def test_a_status_shows_its_group_alone(explorer: Page) -> None:
    explorer.get_by_label("Situation").select_option("not-continued")
    assert shown(explorer) == [f"exemple-{e.id}" for e in EXAMPLES if e.status == "not-continued"]
    headings = explorer.locator(".app-examples__group:not([hidden]) h2")
    expect(headings).to_have_text(["Défis non pérennisés"])
    assert "status=not-continued" in explorer.url


@pytest.mark.rgaa("12.8")
def test_filters_work_with_the_keyboard(explorer: Page) -> None:
    explorer.get_by_label("Scénario").focus()
    explorer.keyboard.press("ArrowDown")  # the first scenario
    first = next(e.scenario for e in EXAMPLES if e.scenario)
    assert all(card.split("-", 1)[1] in {e.id for e in EXAMPLES if e.scenario == first} for card in shown(explorer))
    explorer.keyboard.press("Tab")
    expect(explorer.get_by_label("Trajectoire")).to_be_focused()
    explorer.keyboard.press("Tab")
    explorer.keyboard.press("Tab")
    expect(explorer.get_by_role("button", name="Tout afficher")).to_be_focused()
    explorer.keyboard.press("Enter")
    expect(explorer.locator(".app-examples__count")).to_have_text(f"{len(EXAMPLES)} exemples")


def test_a_scenario_links_to_its_examples_already_filtered(page: Page, base_url: str) -> None:
    page.goto(base_url + "preparer/scenarios/", wait_until="load")
    page.locator("#scenario-creer-gip").get_by_role("link", name="Voir ces exemples dans l’explorateur").click()
    page.wait_for_url("**/exemples/?scenario=creer-gip")
    expect(page.locator(".app-examples__count")).to_have_text("2 exemples")
    assert shown(page) == ["exemple-pix", "exemple-plateformes-inclusion"]
    # And back: each card links to the scenario's own section.
    page.locator("#exemple-pix").get_by_role("link", name="Créer un groupement d’intérêt public (GIP)").click()
    page.wait_for_url("**/preparer/scenarios/#scenario-creer-gip")
    expect(page.locator("#scenario-creer-gip")).to_be_in_viewport()


def test_a_link_to_a_filtered_out_example_shows_it(page: Page, base_url: str) -> None:
    page.goto(base_url + "exemples/?scenario=creer-gip#exemple-signal-conso", wait_until="load")
    expect(page.locator("#exemple-signal-conso")).to_be_visible()
    expect(page.locator(".app-examples__count")).to_have_text(f"{len(EXAMPLES)} exemples")


@pytest.fixture
def no_js_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_every_example_shows_and_no_control_is_dead(no_js_page: Page, base_url: str) -> None:
    no_js_page.goto(base_url + "exemples/?scenario=creer-gip")
    for example in EXAMPLES:
        expect(no_js_page.locator(f"#exemple-{example.id}")).to_be_visible()
    assert no_js_page.locator("select, button[type=reset]").evaluate_all("els => els.filter(e => e.offsetParent)") == []
    assert count_text(no_js_page) == f"{len(EXAMPLES)} exemples"
