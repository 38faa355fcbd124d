"""The styles and scripts a page loads: those of the components it shows.

A component's files are found by its name alone: the `checklist` component
(guide_perennisation/templates/checklist.html) brings docs/assets/components/checklist.css
and checklist.js when they exist. Pages without components load only the
site-wide files listed in mkdocs.yml, which keeps every page light.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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
