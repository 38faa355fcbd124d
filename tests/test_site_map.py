"""The site map: every page of the built site is one link away from it."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html

from .conftest import site_pages

PAGE = "a-propos/plan-du-site/index.html"


@pytest.mark.rgaa("12.3")
def test_the_site_map_links_every_page(site_dir: Path) -> None:
    [nav] = html.parse(str(site_dir / PAGE)).xpath('//nav[contains(@class, "app-site-map")]')
    here = posixpath.dirname(PAGE)
    linked = set()
    for href in nav.xpath(".//a/@href"):
        path = posixpath.normpath(posixpath.join(here, urlsplit(str(href)).path))
        linked.add(path if path.endswith(".html") else posixpath.normpath(posixpath.join(path, "index.html")))
    pages = {p.relative_to(site_dir).as_posix() for p in site_pages(site_dir)}
    assert sorted(pages - linked - {PAGE}) == []
