"""The built site: every scenario, example and criterion is shown, and every
link between pages lands on a page and an anchor that exist."""

from __future__ import annotations

import posixpath
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from guide_perennisation.loader import load_guide

from .conftest import ROOT, site_pages

GUIDE = load_guide(ROOT)


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])


@cache
def anchors(page: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def ids(site_dir: Path, path: str) -> set[str]:
    return anchors(site_dir / path / "index.html").ids


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
    scenarios = anchors(site_dir / "preparer/scenarios/index.html").hrefs
    examples = anchors(site_dir / "exemples/index.html").hrefs
    for example in GUIDE.examples.values():
        if example.scenario:
            assert f"../../exemples/#exemple-{example.id}" in scenarios, example.id
            assert f"../preparer/scenarios/#scenario-{example.scenario}" in examples, example.id


def test_every_internal_link_lands_on_an_existing_anchor(site_dir: Path) -> None:
    broken = []
    checked = 0
    for page in site_pages(site_dir):
        here = "/" + page.relative_to(site_dir).parent.as_posix() + "/"
        for href in anchors(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = posixpath.normpath(posixpath.join(here, unquote(parts.path))) if parts.path else here
            file = site_dir / target.lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                broken.append((str(page.relative_to(site_dir)), href, "page manquante"))
            elif parts.fragment and file.suffix == ".html":
                checked += 1
                if unquote(parts.fragment) not in anchors(file).ids:
                    broken.append((str(page.relative_to(site_dir)), href, "ancre manquante"))
    assert broken == []
    assert checked > 200  # the scenarios, examples, trajectories and glossary links at least
