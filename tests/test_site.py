"""The built site as a whole: every page, every fact, no leftovers."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from . import dom
from .conftest import ROOT, site_pages


def page_text(page: Path) -> str:
    """Everything a page shows, title included, one space between text nodes."""
    return dom.text(dom.read_page(page), " ")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("\u00a0", " "))


def test_no_macro_is_left_unrendered(site_dir: Path) -> None:
    leftovers = [str(p.relative_to(site_dir)) for p in site_pages(site_dir) if "{{" in page_text(p)]
    assert leftovers == []


def test_titles_are_unique(site_dir: Path) -> None:
    titles: dict[str, str] = {}
    for page in site_pages(site_dir):
        title = (dom.read_page(page).findtext(".//title") or "").strip()
        assert title, page
        assert title not in titles, f"{page} and {titles[title]} share the title « {title} »"
        titles[title] = str(page)


def _nav_files(nav: list) -> list[str]:
    out: list[str] = []
    for item in nav:
        values = [item] if isinstance(item, str) else list(item.values())
        for value in values:
            out += _nav_files(value) if isinstance(value, list) else [value]
    return out


def test_every_page_is_in_the_navigation() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    in_nav = set(_nav_files(config["nav"]))
    pages = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert pages - in_nav == set()
    assert in_nav - pages == set()


def test_no_sentence_is_copied_from_the_sources() -> None:
    tool = ROOT.parent / "shared" / "tools" / "seed-overlap"
    if not tool.exists():
        # A fork on a forge has the guide without its source texts: nothing to compare with.
        pytest.skip(f"les textes sources ne sont pas à côté du projet ({tool} est introuvable)")
    result = subprocess.run([str(tool), str(ROOT)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_every_fact_of_the_sources_is_on_the_site(site_dir: Path) -> None:
    text = normalise(" ".join(page_text(p) for p in site_pages(site_dir)))
    facts = yaml.safe_load((ROOT / "tests" / "facts.yml").read_text(encoding="utf-8"))
    assert len(facts) >= 50
    missing = [f["fact"] for f in facts if not re.search(f["pattern"], text, re.IGNORECASE)]
    assert missing == []


def test_home_page_links_every_section(site_dir: Path) -> None:
    links = dom.read_page(site_dir / "index.html").xpath("//a/@href")
    for section in ("comprendre/", "preparer/", "defis-eig/", "exemples/", "outils/", "a-propos/"):
        assert any(link.startswith(section) for link in links), section
