"""The scenarios' sections: each links its cases, similar ones first."""

from __future__ import annotations

import pytest

from guide_perennisation.links import Links
from guide_perennisation.models.examples import Example
from guide_perennisation.render import Context
from guide_perennisation.scenarios import scenarios

from .test_render import EDIT, Tree, make_guide


@pytest.fixture
def ctx() -> Context:
    return Context(make_guide(), Links("preparer/scenarios/"), EDIT)


def test_scenario_sections_link_their_examples(ctx: Context) -> None:
    tree = Tree(scenarios(ctx))
    ids = [a["id"] for a in tree.find("section")]
    assert ids == ["scenario-creer-gip", "scenario-creer-scic"]
    assert {"href": "../../exemples/#exemple-pix"} in tree.find("a")
    assert "Scénario cité sans détail par les sources" in tree.text


def test_an_example_naming_a_scenario_is_cited_in_its_section(ctx: Context) -> None:
    pix = ctx.guide.examples["pix"]
    late = Example.model_validate({**pix.model_dump(), "id": "nouveau", "name": "Nouveau service"})
    ctx.guide.examples["nouveau"] = late
    hrefs = [a["href"] for a in Tree(scenarios(ctx)).find("a")]
    assert hrefs.index("../../exemples/#exemple-pix") < hrefs.index("../../exemples/#exemple-nouveau")
