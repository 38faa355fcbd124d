"""The trajectories' map and list."""

from __future__ import annotations

from guide_perennisation.links import Links
from guide_perennisation.render import Context
from guide_perennisation.trajectories import trajectories

from .test_render import EDIT, Tree, make_guide


def test_trajectories_map_rows_link_scenarios_and_examples() -> None:
    tree = Tree(trajectories(Context(make_guide(), Links("comprendre/trajectoires/"), EDIT)))
    assert len(tree.find("caption")) == 1
    assert len(tree.find("th", scope="row")) == 1
    hrefs = [a["href"] for a in tree.find("a")]
    assert "../../preparer/scenarios/#scenario-creer-gip" in hrefs
    assert "../../exemples/#exemple-pix" in hrefs
    assert "Un exemple n’a pas de trajectoire connue" in tree.text
