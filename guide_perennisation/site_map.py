"""The site map, built from the navigation declared in mkdocs.yml."""

from __future__ import annotations

from collections.abc import Mapping

from .links import Links
from .nav import NavEntry
from .render import flatten, render


def site_map(nav: list[NavEntry], links: Links, texts: Mapping[str, str]) -> str:
    """`texts`: the site map's interface words (data/interface.yml)."""
    return flatten(render("site_map.html", entries=nav, links=links, texts=texts))
