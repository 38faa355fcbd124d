"""The « repères chiffrés »: figures typed once, each linked to its case and source."""

from __future__ import annotations

import re
from pathlib import Path

from guide_perennisation.figures import KINDS, figures
from guide_perennisation.links import Links
from guide_perennisation.loader import load_guide
from guide_perennisation.render import Context

from .conftest import ROOT
from .test_render import EDIT, Tree
from .test_scenario_table import LINE, copy_project, errors_after


def test_a_figure_of_an_example_is_a_bold_run_of_its_field(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    [error] = errors_after(
        project,
        "data/examples.yml",
        "  budget: Environ **1 M€ par an** en 2020",
        "  budget: Environ 1 M€ par an en 2020",
    )
    assert LINE.match(error) and "le champ « budget » n'a pas de chiffre en gras" in error, error


def test_figures_link_their_example_and_source_and_none_is_typed_twice() -> None:
    guide = load_guide(ROOT)
    tree = Tree(figures(Context(guide, Links("preparer/scenarios/"), EDIT)))
    labels = [guide.interface["figures"].texts[f"kind-{kind}"] for kind in KINDS]
    assert [t for t in labels if t in tree.text] == labels
    hrefs = [a["href"] for a in tree.find("a")]
    assert "../../exemples/#exemple-demarches-simplifiees" in hrefs
    assert "../../a-propos/sources/#source-guide-eig" in hrefs
    # The budget of demarches-simplifiees.fr is its card's bold run, not a copy.
    assert "1 M€ par an" in tree.text
    assert "1 M€" not in (ROOT / "data" / "figures.yml").read_text(encoding="utf-8")
    for needed in ("90 %", "6 à 8 mois", "13 mois"):
        assert needed in tree.text, needed
    # No share computed from the cards: the only share is the sourced one.
    assert re.findall(r"\d+ ?%", tree.text) == ["90 %"]
