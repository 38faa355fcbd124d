"""The styles and scripts a page loads: those of the components it shows.

A component's files are found by its name alone: the `checklist` component
(guide_perennisation/templates/checklist.html) brings docs/assets/components/checklist.css
and checklist.js when they exist. Pages without components load only the
site-wide files listed in mkdocs.yml, which keeps every page light.

The post-build step reads which components a built page shows from the
markers they write (their `data-app-module`, or for a component without a
script the class of its root, `.app-<name>`) and adds their files to the
page: the styles at the end of its `<head>`, the scripts, deferred, at the
end of its `<body>`. A file the page already loads (a site-wide one) is not
added twice, so running the step again changes nothing.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .html_edit import EditError, Tag

# Relative to the docs folder, as the theme's `url` filter expects.
FOLDER = "assets/components"


@dataclass(frozen=True)
class PageAssets:
    styles: list[str]
    scripts: list[str]


def file_name(component: str) -> str:
    """Templates are Python-style names (note_builder); files and front-end
    modules use hyphens (note-builder.js, data-app-module="note-builder")."""
    return component.replace("_", "-")


class AssetFinder:
    """The component files present in the docs folder, listed once per build."""

    def __init__(self, docs_dir: Path):
        folder = docs_dir / FOLDER
        self.present = {p.name for p in folder.iterdir()} if folder.is_dir() else set()

    def for_components(self, components: Iterable[str]) -> PageAssets:
        names = sorted({file_name(c) for c in components})
        return PageAssets(
            styles=[f"{FOLDER}/{n}.css" for n in names if f"{n}.css" in self.present],
            scripts=[f"{FOLDER}/{n}.js" for n in names if f"{n}.js" in self.present],
        )


def shown_modules(tags: list[Tag], components: Iterable[str]) -> set[str]:
    """The modules a page shows: its `data-app-module` values, and each of
    `components` (module names) whose root class is on one of its elements."""
    modules = {t.attrs["data-app-module"] or "" for t in tags if "data-app-module" in t.attrs}
    classes = {c for t in tags for c in (t.attrs.get("class") or "").split()}
    return modules | {name for name in components if f"app-{name}" in classes}


def asset_edits(page: str, tags: list[Tag], assets: PageAssets) -> list[tuple[int, int, str]]:
    """The edits that make the page `page` (its path in the site) load
    `assets` (paths in the site), those it does not load yet."""
    folder = posixpath.dirname(page)

    def target(href: str | None) -> str:
        return posixpath.normpath(posixpath.join(folder, href or ""))

    loaded = {target(t.attrs.get("href")) for t in tags if t.name == "link"}
    loaded |= {target(t.attrs.get("src")) for t in tags if t.name == "script"}
    edits = []
    for element, paths, write in (
        ("head", assets.styles, '<link rel="stylesheet" href="{}">\n  '),
        ("body", assets.scripts, '<script defer src="{}"></script>\n  '),
    ):
        missing = [path for path in paths if path not in loaded]
        if not missing:
            continue
        end = next((t for t in tags if t.name == element), None)
        if end is None:
            raise EditError(f"{page} : pas de <{element}> où charger {', '.join(missing)}")
        text = "".join(write.format(posixpath.relpath(path, folder or ".")) for path in missing)
        edits.append((end.close, end.close, text))
    return edits
