"""Comparison components rendered from small fixtures: the explorer's
controls, the decision grid, the trajectories map."""

from __future__ import annotations

from collections import Counter

import pytest

from guide_perennisation.examples import examples
from guide_perennisation.links import Links
from guide_perennisation.models.criteria import Criterion
from guide_perennisation.render import Context
from guide_perennisation.structure_grid import CANDIDATES, structure_grid

from .dom import Tree
from .test_render import EDIT, make_guide


@pytest.fixture
def ctx() -> Context:
    guide = make_guide()
    criteria = [
        Criterion(id="portage-politique", title="Portage politique", description="Vouloir.", question="Veut-elle ?"),
        Criterion(id="gouvernance", title="Gouvernance", description="Décider.", question="Qui décide ?"),
    ]
    guide.criteria.update((c.id, c) for c in criteria)
    return Context(guide, Links("preparer/structure-accueil/"), EDIT)


def test_explorer_offers_only_choices_that_narrow_the_list(ctx: Context) -> None:
    tree = Tree(examples(ctx))
    [form] = tree.find("form")
    assert "hidden" in form  # shown by the script only: no dead control without it
    # One scenario, one trajectory: no choice there.
    assert [s["name"] for s in tree.find("select")] == ["status", "programme"]
    assert [o["value"] for o in tree.find("option")] == ["", "continued", "not-continued", "", "beta.gouv.fr", "EIG"]
    assert "beta.gouv.fr (1)" in tree.text
    assert not Tree(examples(ctx, programme="EIG")).find("form")


def test_grid_is_a_blank_grid_with_a_label_for_every_control(ctx: Context) -> None:
    tree = Tree(structure_grid(ctx))
    controls = tree.find("select") + tree.find("textarea") + tree.find("input")
    assert len(tree.find("select")) == 2 * CANDIDATES + 2  # a score per cell, a weight per criterion
    assert len(tree.find("textarea")) == 2 * CANDIDATES
    assert len(tree.find("input", type="text")) == CANDIDATES
    ids = [c["id"] for c in controls]
    assert len(set(ids)) == len(ids)
    assert Counter(label["for"] for label in tree.find("label") if label.get("for")) == Counter(ids)
    assert [r["data-criterion"] for r in tree.find("tr") if "data-criterion" in r] == [
        "portage-politique",
        "gouvernance",
    ]
    assert {"href": "./#critere-gouvernance"} in tree.find("a")
    assert "Total pondéré (poids × note)" in tree.text
    # One weight per criterion, 1 until the reader changes it.
    weights = [s for s in tree.find("select") if s["name"] == "weight"]
    assert [w["id"] for w in weights] == [
        "grille-structure-accueil-portage-politique-poids",
        "grille-structure-accueil-gouvernance-poids",
    ]
    assert [o["value"] for o in tree.find("option") if "selected" in o] == ["1", "1"]
    assert "ne choisit pas à votre place" in tree.text
    [actions] = [d for d in tree.find("div") if d.get("class") == "app-structure-grid__actions"]
    assert "hidden" in actions
    assert not any("checked" in o for o in tree.find("option"))  # only the weights above are preset
