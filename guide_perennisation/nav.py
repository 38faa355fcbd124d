"""The navigation declared in mkdocs.yml, as a tree of titled entries.

The site map and the « Guide complet » both walk it, so they list the same
pages, in the same order, under the same titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .page_source import split_front_matter

_H1 = re.compile(r"^# (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class NavEntry:
    title: str
    doc: str | None = None  # a page, as a path inside docs/
    url: str | None = None  # a link to another site
    children: list[NavEntry] = field(default_factory=list)

    def pages(self) -> list[NavEntry]:
        """This entry and every page under it, in navigation order."""
        own = [self] if self.doc else []
        return own + [page for child in self.children for page in child.pages()]


def page_title(docs_dir: Path, doc: str) -> str:
    """What MkDocs calls a page that the navigation leaves untitled."""
    meta, body = split_front_matter((docs_dir / doc).read_text(encoding="utf-8"))
    heading = _H1.search(body)
    return str(meta.get("title") or (heading.group(1).strip() if heading else doc))


def read_nav(nav: list[Any], docs_dir: Path) -> list[NavEntry]:
    out: list[NavEntry] = []
    for item in nav:
        if isinstance(item, str):
            out.append(NavEntry(page_title(docs_dir, item), doc=item))
            continue
        for title, target in item.items():
            if isinstance(target, list):
                out.append(NavEntry(title, children=read_nav(target, docs_dir)))
            elif target.startswith(("http://", "https://")):
                out.append(NavEntry(title, url=target))
            else:
                out.append(NavEntry(title, doc=target))
    return out
