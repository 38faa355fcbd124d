"""The built site: every scenario, example and criterion is shown, and
scenarios and examples link to each other. That every internal link lands on
a file and an anchor that exist is test_links.py's."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from guide_perennisation.loader import load_guide

from .conftest import ROOT, mkdocs_config
from .linkcheck import Site

GUIDE = load_guide(ROOT)


@cache
def site(site_dir: Path) -> Site:
    return Site.read(site_dir, mkdocs_config()["site_url"])


def ids(site_dir: Path, path: str) -> set[str]:
    return site(site_dir).pages[f"{path}/index.html"].ids


def links(site_dir: Path, path: str) -> list[str]:
    return site(site_dir).pages[f"{path}/index.html"].links


def test_every_scenario_has_its_section_and_its_column(site_dir: Path) -> None:
    page = ids(site_dir, "preparer/scenarios")
    html = (site_dir / "preparer/scenarios/index.html").read_text(encoding="utf-8")
    for scenario in GUIDE.scenarios.values():
        assert f"scenario-{scenario.id}" in page
        hidden = "" if scenario.status == "detaille" else " hidden"  # outlined ones wait for the reader's choice
        head = f'<th scope="col" data-scenario="{scenario.id}"{hidden}><a href="./#scenario-{scenario.id}">'
        assert head in html, scenario.id


def test_every_example_has_its_card(site_dir: Path) -> None:
    page = ids(site_dir, "exemples")
    assert {f"exemple-{e.id}" for e in GUIDE.examples.values()} <= page


def test_scenarios_and_examples_link_to_each_other(site_dir: Path) -> None:
    scenarios = links(site_dir, "preparer/scenarios")
    examples = links(site_dir, "exemples")
    for example in GUIDE.examples.values():
        if example.scenario:
            assert f"../../exemples/#exemple-{example.id}" in scenarios, example.id
            assert f"../preparer/scenarios/#scenario-{example.scenario}" in examples, example.id
