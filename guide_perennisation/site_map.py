"""The site map, built from the navigation declared in mkdocs.yml."""

from __future__ import annotations

from .links import Links
from .nav import NavEntry
from .render import flatten, render


def site_map(nav: list[NavEntry], links: Links) -> str:
    return flatten(render("site_map.html", entries=nav, links=links))
