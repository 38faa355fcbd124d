"""Relative links between pages, so the site works under any base path."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlencode

# The page where each kind of record has its anchor.
HOMES = {
    "criteria": ("preparer/structure-accueil.md", "critere-"),
    "examples": ("exemples/index.md", "exemple-"),
    "scenarios": ("preparer/scenarios.md", "scenario-"),
    "trajectories": ("comprendre/trajectoires.md", "trajectoire-"),
    "glossary": ("outils/glossaire.md", "terme-"),
    "sources": ("a-propos/sources.md", "source-"),
}


def page_url(doc_path: str, directory_urls: bool = True) -> str:
    """URL of a Markdown page, as the engine writes it (its `use_directory_urls`).

    With directory URLs, the engines' default: a/b.md -> a/b/, a/index.md -> a/.
    Without: a/b.md -> a/b.html, a/index.md -> a/index.html.
    """
    stem = doc_path[:-3] if doc_path.endswith(".md") else doc_path
    if not directory_urls:
        return stem.lstrip("/") + ".html"
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem.lstrip("/")


def page_source(site_path: str, docs_dir: Path) -> str | None:
    """The Markdown page (its path in docs/) that an engine built into
    `site_path` (a path in the site), in either URL style: page_url's
    inverse. None for a page without one (the 404 page)."""
    stem = site_path.removesuffix(".html")
    candidates = [f"{stem}.md"]
    if stem.endswith("/index"):
        candidates.append(stem.removesuffix("/index") + ".md")
    return next((c for c in candidates if (docs_dir / c).is_file()), None)


class Links:
    """Turns docs-relative targets into hrefs relative to the current page.

    `current_url` is the page's URL as the engine gives it; `directory_urls`
    its `use_directory_urls`, passed by the adapter.
    """

    def __init__(self, current_url: str, directory_urls: bool = True):
        self.directory_urls = directory_urls
        self.base = "/" + current_url.lstrip("/")
        if not self.base.endswith("/"):
            self.base = posixpath.dirname(self.base) + "/"

    def page(self, doc_path: str, anchor: str | None = None, query: Mapping[str, str] | None = None) -> str:
        """`query`: what a component on that page reads from its URL (the
        anchor says where the page opens, the query what it shows there)."""
        target = "/" + page_url(doc_path, self.directory_urls)
        rel = posixpath.relpath(target, self.base)
        rel = "./" if rel == "." else rel + ("/" if target.endswith("/") and rel != "." else "")
        return rel + (f"?{urlencode(query)}" if query else "") + (f"#{anchor}" if anchor else "")

    def link(self, target: str) -> str:
        """A docs-relative 'page.md#anchor' link as found in the data."""
        doc_path, _, anchor = target.partition("#")
        return self.page(doc_path, anchor or None)

    def file(self, path: str) -> str:
        """A file of the built site, by its path from the site's root."""
        return posixpath.relpath("/" + path, self.base)

    def record(self, collection: str, record_id: str) -> str:
        doc_path, prefix = HOMES[collection]
        return self.page(doc_path, prefix + record_id)

    @staticmethod
    def anchor(collection: str, record_id: str) -> str:
        return HOMES[collection][1] + record_id
