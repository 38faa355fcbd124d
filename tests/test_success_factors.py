"""The success factors of a transfer: one item each, anchored for the notes' links."""

from __future__ import annotations

from lxml import html

from guide_perennisation.links import Links
from guide_perennisation.loader import load_guide
from guide_perennisation.render import Context
from guide_perennisation.success_factors import success_factors

from .conftest import ROOT


def test_every_factor_has_its_anchored_item() -> None:
    guide = load_guide(ROOT)
    root = html.fragment_fromstring(success_factors(Context(guide, Links("comprendre/facteurs-de-succes/"), None)))
    items = root.xpath('//li[contains(@class, "app-success-factors__item")]')
    # note.prefill_links points at these anchors.
    assert [li.get("id") for li in items] == [f"facteur-{f}" for f in guide.success_factors]
    assert [li.findtext("strong") for li in items] == [f"{f.title}." for f in guide.success_factors.values()]
