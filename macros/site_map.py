"""The site map, built from the navigation declared in mkdocs.yml."""

from __future__ import annotations

from typing import Any

from .links import Links
from .render import flatten, render

Entry = tuple[str, str | None, list[Any]]


def _entries(nav: list[Any], links: Links) -> list[Entry]:
    out: list[Entry] = []
    for item in nav:
        if isinstance(item, str):
            out.append((item, links.page(item), []))
            continue
        for title, target in item.items():
            if isinstance(target, list):
                out.append((title, None, _entries(target, links)))
            elif target.startswith(("http://", "https://")):
                out.append((title, target, []))
            else:
                out.append((title, links.page(target), []))
    return out


def site_map(nav: list[Any], links: Links) -> str:
    return flatten(render("site_map.html", entries=_entries(nav, links)))
