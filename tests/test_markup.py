"""What every built page declares for assistive technologies and search
engines: its language, its own description, a logical outline of headings."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

from . import dom
from .conftest import site_pages


@dataclass(frozen=True)
class _Outline:
    lang: str | None
    description: str | None
    headings: list[tuple[int, str]]


def outline(page: Path) -> _Outline:
    root = dom.read_page(page)
    descriptions = root.xpath("//meta[@name='description']/@content")
    return _Outline(root.get("lang"), descriptions[0].strip() if descriptions else None, dom.headings(root))


def every_page(site_dir: Path) -> dict[str, _Outline]:
    return {str(p.relative_to(site_dir)): outline(p) for p in [*site_pages(site_dir), site_dir / "404.html"]}


def heading_problems(headings: list[tuple[int, str]]) -> list[str]:
    """One h1, first; then no level skipped on the way down (h2 → h4)."""
    problems = []
    if [level for level, _ in headings].count(1) != 1 or headings[0][0] != 1:
        problems.append("il faut un seul h1, en premier")
    for (before, _), (level, text) in pairwise(headings):
        if level > before + 1:
            problems.append(f"h{before} puis h{level} « {text} »")
    return problems


def test_heading_problems_are_found() -> None:
    assert heading_problems([(1, "a"), (2, "b"), (3, "c"), (2, "d")]) == []
    assert heading_problems([(2, "a"), (1, "b"), (3, "c")]) == ["il faut un seul h1, en premier", "h1 puis h3 « c »"]


@pytest.mark.rgaa("8.3", "8.4")
def test_every_page_is_in_french(site_dir: Path) -> None:
    assert {name: page.lang for name, page in every_page(site_dir).items() if page.lang != "fr"} == {}


def test_every_page_has_its_own_description(site_dir: Path) -> None:
    pages = every_page(site_dir)
    assert [name for name, page in pages.items() if not page.description or len(page.description) < 50] == []
    seen: dict[str, str] = {}
    for name, page in pages.items():
        assert page.description not in seen, f"{name} et {seen[page.description]} ont la même description"
        seen[page.description] = name


@pytest.mark.rgaa("9.1")
def test_every_page_has_a_logical_heading_order(site_dir: Path) -> None:
    failures = {
        name: found for name, page in every_page(site_dir).items() if (found := heading_problems(page.headings))
    }
    assert failures == {}
