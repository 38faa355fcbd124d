"""Routes and steps: bad data gives one clean line each, and each page
finds its step and neighbours on every route it belongs to."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_perennisation.loader import load_guide
from guide_perennisation.step_by_step import month_label, timing_label, timing_words

from .conftest import ROOT
from .test_data_errors import errors_after, project  # noqa: F401 (fixture)

GUIDE = load_guide(ROOT)
TEXTS = GUIDE.interface["step-by-step"].texts


def test_month_labels_use_a_true_minus_sign() -> None:
    assert [month_label(m) for m in (-13, 0, 6)] == ["M−13", "M0", "M+6"]
    assert timing_label(GUIDE.get("steps", "budget-et-feuille-de-route"), TEXTS) == "M−9 à M−3"


@pytest.mark.rgaa("13.5")
def test_timings_are_spelt_out_with_the_routes_end() -> None:
    step = GUIDE.get("steps", "budget-et-feuille-de-route")
    assert timing_words(step, "la fin du défi", TEXTS) == "de 9 à 3 mois avant la fin du défi"
    spans = {
        (-2, 0): "de 2 mois avant M0 à M0",
        (0, 6): "de M0 à 6 mois après M0",
        (-1, 2): "de 1 mois avant M0 à 2 mois après M0",
    }
    for (start, end), words in spans.items():
        assert timing_words(step.model_copy(update={"start": start, "end": end}), "M0", TEXTS) == words
    assert timing_words(step.model_copy(update={"start": 6, "end": 6}), "M0", TEXTS) == "6 mois après M0"


@pytest.mark.rgaa("13.5")
def test_every_step_box_spells_out_its_timing(site_dir: Path) -> None:
    """« M−13 à M−12 » in a page's step box, where nothing nearby says what M0
    is, carries its meaning in words."""
    from lxml import html

    from .conftest import site_pages

    boxes = 0
    for page in site_pages(site_dir):
        for box in html.parse(str(page)).xpath('//nav[contains(@class, "app-step-by-step__box")]'):
            boxes += 1
            [abbr] = box.xpath('.//span[@class="app-step-by-step__when"]/abbr')
            route = GUIDE.get("routes", box.get("data-route"))
            assert abbr.text.startswith("M") and abbr.get("title", "").endswith(route.end), (page, abbr.text)
    assert boxes > 10


def test_a_page_finds_its_step_and_neighbours_on_each_route() -> None:
    found = {p.route.id: p for p in GUIDE.positions("preparer/structure-accueil.md")}
    assert set(found) == {"startup-d-etat", "administration"}
    startup = found["startup-d-etat"]
    assert (startup.number, startup.step.id) == (4, "evaluer-les-structures")
    assert (startup.previous.id, startup.next.id) == ("trois-questions", "choisir-le-scenario")
    assert found["administration"].number == 4
    assert found["administration"].next.id == "budget-et-feuille-de-route"


def test_a_shared_tool_page_belongs_to_no_step() -> None:
    assert GUIDE.positions("outils/checklists.md") == []


def test_every_step_timing_is_marked_as_the_guides_reading() -> None:
    for step in GUIDE.steps.values():
        assert {"start", "end"} <= set(step.reading), step.id


def test_unknown_step_in_a_route(project: Path) -> None:  # noqa: F811
    errors = errors_after(project, "data/routes.yml", "{step: transferer, then: puis}", "{step: transfert, then: puis}")
    assert len(errors) == 1
    assert errors[0].startswith("data/routes.yml:")
    assert "steps[8].step: « transfert » n'est pas une étape connue (connus : comprendre-et-decider," in errors[0]


def test_a_step_link_must_exist(project: Path) -> None:  # noqa: F811
    old, new = "target: preparer/scenarios.md\n", "target: preparer/scenario.md\n"
    errors = errors_after(project, "data/steps.yml", old, new)
    assert len(errors) == 1
    assert errors[0].endswith(".target: la page « preparer/scenario.md » n'existe pas dans docs/")


def test_a_page_belongs_to_one_step_per_route(project: Path) -> None:  # noqa: F811
    old = "      target: preparer/calendrier-gouvernance.md\n      belongs: false\n"
    errors = errors_after(project, "data/steps.yml", old, "      target: preparer/calendrier-gouvernance.md\n")
    assert any("appartient déjà à l'étape « choisir-le-scenario »" in e for e in errors), errors


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  start: -9\n  end: -3\n", "  start: -3\n  end: -9\n", "end (-9) précède start (-3)"),
        ("    - {step: juger-le-transfert}\n", "    - {step: juger-le-transfert, then: puis}\n", "la dernière étape"),
    ],
)
def test_timing_and_relations_are_checked(project: Path, old: str, new: str, message: str) -> None:  # noqa: F811
    file = "data/steps.yml" if "start" in old else "data/routes.yml"
    errors = errors_after(project, file, old, new)
    assert errors and all(e.startswith(f"{file}:") for e in errors)
    assert any(message in e for e in errors), errors
