"""RGAA 4.1 theme 12 (navigation) in the built site's HTML, on every page
and the 404 page: the menu, the search and the site map are there on each,
always in the same order in the source, and the site map's links lead to the
pages they name."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html

from .conftest import SITE_PATH, site_pages

SITE_MAP = "a-propos/plan-du-site/index.html"
# The menu's entry for the page it is on.
ACTIVE = "//nav[contains(@class, 'md-nav--primary')]//*[contains(concat(' ', @class, ' '), ' md-nav__link--active ')]"
# Each page's landmarks, by the Material markup that makes them, in source order.
ORDER = {
    "en-tête": "//header[contains(@class, 'md-header')]",
    "recherche": "//header//form[@name='search']//input[@name='query']",
    "menu": "//nav[contains(@class, 'md-nav--primary')][@aria-label='Navigation']",
    "contenu": "//main//article[contains(@class, 'md-content__inner')]",
    "pied de page": "//footer[contains(@class, 'md-footer')]",
    "plan du site": "//footer//nav[@aria-label='Informations légales']//a[normalize-space()='Plan du site']",
}


def pages(site_dir: Path) -> list[Path]:
    return [*site_pages(site_dir), site_dir / "404.html"]


def target(site_dir: Path, page: Path, href: str) -> Path:
    here = posixpath.dirname(page.relative_to(site_dir).as_posix())
    path = urlsplit(href).path
    # The 404 page links from the site's root, wherever it was asked for.
    path = path.removeprefix(SITE_PATH) if path.startswith("/") else posixpath.normpath(posixpath.join(here, path))
    return site_dir / (path if path.endswith(".html") else posixpath.join(path, "index.html"))


@pytest.mark.rgaa("12.1", "12.2", "12.4", "12.5", "12.6")
def test_every_page_has_the_menu_the_search_and_the_site_map_in_one_order(site_dir: Path) -> None:
    problems = []
    for page in pages(site_dir):
        tree = html.parse(str(page))
        found = {name: tree.xpath(path) for name, path in ORDER.items()}
        missing = [name for name, elements in found.items() if len(elements) != 1]
        if missing:
            problems.append(f"{page.relative_to(site_dir)} : {', '.join(missing)} absent ou en double")
            continue
        lines = [found[name][0].sourceline for name in ORDER]
        if lines != sorted(lines):
            problems.append(f"{page.relative_to(site_dir)} : ordre {dict(zip(ORDER, lines, strict=True))}")
        [link] = found["plan du site"]
        if target(site_dir, page, link.get("href")) != site_dir / SITE_MAP:
            problems.append(f"{page.relative_to(site_dir)} : « Plan du site » mène à {link.get('href')}")
    assert not problems, "\n".join(problems)


@pytest.mark.rgaa("12.3")
def test_the_site_map_links_lead_to_the_pages_they_name(site_dir: Path) -> None:
    """Each link of the site map names its page as the menu does on that page
    (the menu's active entry), and the page exists."""
    page = site_dir / SITE_MAP
    [nav] = html.parse(str(page)).xpath("//nav[contains(@class, 'app-site-map')]")
    links = nav.xpath(".//a")
    assert len(links) > 20
    for link in links:
        text = " ".join(link.text_content().split())
        destination = target(site_dir, page, link.get("href"))
        assert destination.exists(), text
        active = html.parse(str(destination)).xpath(ACTIVE)
        assert text in {" ".join(a.text_content().split()) for a in active}, (text, destination)
