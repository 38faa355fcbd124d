"""The editor's corrections (issue « Exact, sourced, publishable French »),
pinned so that no later edit brings a framing error back."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from guide_perennisation.loader import load_guide

from .conftest import ROOT, site_pages


def _sentences(site_dir: Path) -> list[tuple[str, str]]:
    """(page, sentence) for every sentence of every built page's article."""
    found = []
    for page in site_pages(site_dir):
        tree = lxml.html.fromstring(page.read_bytes())
        for article in tree.xpath("//article"):
            text = re.sub(r"\s+", " ", article.text_content().replace("\u00a0", " ").replace("\u202f", " "))
            name = page.parent.relative_to(site_dir).as_posix()
            found += [(name, s) for s in re.split(r"(?<=[.!?])\s+", text)]
    return found


@pytest.fixture(scope="module")
def sentences(site_dir: Path) -> list[tuple[str, str]]:
    return _sentences(site_dir)


def test_examples_carry_the_status_their_source_gives() -> None:
    status = {e.id: e.status for e in load_guide(ROOT).examples.values()}
    assert status["graph-explorer"] == "not-continued"
    assert status["jeveuxaider"] == "transfer-in-preparation"
    assert status["parcoursup"] == "illustration"
    assert status["pix"] == status["signal-conso"] == status["open-justice"] == "continued"


def test_parcoursup_belongs_to_neither_programme() -> None:
    assert load_guide(ROOT).get("examples", "parcoursup").programme == "autre"


def test_a_trajectory_given_to_an_example_is_the_guides_reading() -> None:
    # No source assigns trajectories to examples.
    for example in load_guide(ROOT).examples.values():
        if example.trajectory:
            assert "trajectory" in example.reading, example.id


def test_the_eig_page_groups_challenges_by_status(site_dir: Path) -> None:
    tree = lxml.html.fromstring((site_dir / "defis-eig/scenarios-observes/index.html").read_bytes())
    groups = {
        section.xpath("string(./*[1])").strip(): [a.get("id") for a in section.xpath(".//article")]
        for section in tree.xpath("//div[contains(@class, 'app-examples__group')]")
    }
    assert groups["Défis non pérennisés"] == ["exemple-graph-explorer"]
    assert "exemple-graph-explorer" not in groups["Services et défis pérennisés"]
    assert "exemple-open-justice" in groups["Services et défis pérennisés"]


def test_thirty_percent_is_an_example_never_a_threshold(sentences: list[tuple[str, str]]) -> None:
    holding = [(page, s) for page, s in sentences if re.search(r"30 ?%", s)]
    assert holding, "the 30 % example is on the site"
    for page, sentence in holding:
        assert re.search(r"par exemple|\bex\.|à titre d.exemple", sentence), (page, sentence)
        assert not re.search(r"\bprêts?\b|\bseuils?\b", sentence), (page, sentence)


@pytest.mark.parametrize(
    "overstatement",
    [
        "presque plus de doute",
        "pas forcément bloquant",
        "meilleure assurance",
        "L'expérience des Startups d'État montre",
        "une autre structure publique",
        "la note d'origine s'étalait",
        "déjà pérennisés",
    ],
)
def test_statements_stronger_than_the_sources_are_gone(sentences: list[tuple[str, str]], overstatement: str) -> None:
    found = [(page, s) for page, s in sentences if overstatement in s.replace("’", "'")]
    assert found == []


def test_exit_criteria_are_not_a_closed_list(site_dir: Path) -> None:
    text = lxml.html.fromstring((site_dir / "preparer/criteres-sortie/index.html").read_bytes()).text_content()
    assert "notamment" in text


def test_eig_note_keeps_the_model_of_its_source() -> None:
    note = load_guide(ROOT).get("notes", "note-strategique-eig")
    outline = [(s.id, s.level) for s in note.sections]
    assert outline == [
        ("contexte", 2),
        ("ressources-opportunites", 2),
        ("gouvernance-pilotage", 3),
        ("implication-eig", 3),
        ("scenarios", 2),
        ("calendrier", 2),
    ]
    titles = {s.id: s.title for s in note.sections}
    # In the EIG guide, involving the fellows is a chapter of its own, not part of the model.
    assert "ajout du guide" in titles["implication-eig"]
    assert [t for t in titles.values() if t.startswith(("I.", "II.", "III.", "IV."))] == [
        titles["contexte"],
        titles["ressources-opportunites"],
        titles["scenarios"],
        titles["calendrier"],
    ]


def test_scenarios_to_rule_out_link_to_the_scenarios() -> None:
    checklist = load_guide(ROOT).get("checklists", "questions-prealables")
    [item] = [i for g in checklist.groups for i in g.items if i.id == "scenarios-a-fermer"]
    assert item.link == "preparer/scenarios.md"


def test_signaux_faibles_keeps_its_two_facts_apart() -> None:
    outcome = load_guide(ROOT).get("examples", "signaux-faibles").outcome
    [scale_up] = [s for s in re.split(r"(?<=\.)\s+", outcome) if "avril 2019" in s]
    assert "DGE" not in scale_up
