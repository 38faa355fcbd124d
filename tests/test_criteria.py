"""The criteria for choosing a host structure: described, and the rows of the grid."""

from __future__ import annotations

from pathlib import Path

from .test_cross_links import GUIDE, ids


def test_every_criterion_is_described_and_in_the_grid(site_dir: Path) -> None:
    page = ids(site_dir, "preparer/structure-accueil")
    html = (site_dir / "preparer/structure-accueil/index.html").read_text(encoding="utf-8")
    for criterion in GUIDE.criteria.values():
        assert f"critere-{criterion.id}" in page
        assert f'<tr data-criterion="{criterion.id}">' in html
