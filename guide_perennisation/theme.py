"""Patches on the theme's HTML, made on the built pages, that fail loudly.

A few strings of Material's HTML need changing (an accessible name, a data
attribute, `defer`). They are changed after the build, in the pages, so that
the theme's templates need no filter of ours: Zensical renders them with its
own template engine and ignores MkDocs' `hooks:`.

A theme upgrade can change those strings; a silent `replace` would then
leave the site without them, and no test of ours might notice. Each patch
names the element it changes, and stops the build when a page has no such
element with its target string. A patch already made is recognised (the
element holds its new string), so running the step twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .html_edit import EditError, Tag


@dataclass(frozen=True)
class Patch:
    """In each `tag` element that has `attrs` (None: any value), `old` becomes
    `new`: in its start tag, or in its content when `content` is set."""

    tag: str
    old: str
    new: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    content: bool = False


# How Material writes each of its icons into the page (from its .icons/ files).
ICON = '<svg xmlns="http://www.w3.org/2000/svg"'

PATCHES = (
    # Material's search worker is swapped for a wrapper that folds accents, so
    # « equipe » finds « équipe ». The wrapper loads the real worker, whose
    # hashed name it receives here, so a theme upgrade needs no edit.
    Patch(
        "script",
        "workers/search.",
        "workers/app-search.js?worker=search.",
        {"id": "__config"},
        content=True,
    ),
    # Material's search dialog has no accessible name (axe: aria-dialog-name);
    # docs/assets/lib/search.js names its result links (RGAA 6.2).
    Patch(
        "div",
        'role="dialog"',
        'role="dialog" aria-label="Rechercher dans le guide" data-app-module="search"',
        {"data-md-component": "search"},
    ),
    # Material's icons (header, page actions, footer, « Retour en haut ») are
    # decorative: each control has a name of its own, so RGAA 1.2.4 wants
    # them hidden from assistive technologies. tests/test_rgaa_images.py
    # checks every svg of the built pages.
    Patch("svg", ICON, '<svg aria-hidden="true" xmlns="http://www.w3.org/2000/svg"'),
    # The keyboard buttons of the header (docs/assets/lib/header-keys.js),
    # which take the menu and search labels' titles as their names.
    Patch(
        "header",
        'data-md-component="header"',
        'data-md-component="header" data-app-module="header-keys"',
        {"data-md-component": "header"},
    ),
    Patch(
        "label",
        'class="md-header__button md-icon" for="__drawer"',
        'class="md-header__button md-icon" for="__drawer" title="Menu"',
        {"for": "__drawer"},
    ),
    Patch(
        "label",
        'class="md-header__button md-icon" for="__search"',
        'class="md-header__button md-icon" for="__search" title="Rechercher"',
        {"for": "__search"},
    ),
    # Deferred, in order: the page paints before the theme's bundle has
    # arrived, which a script at the end of the body would hold up.
    Patch("script", "<script src=", "<script defer src=", {"src": None}),
)


def patch_edits(
    page: str, source: str, tags: list[Tag], patches: tuple[Patch, ...] = PATCHES
) -> list[tuple[int, int, str]]:
    """The edits that make `patches` in a page (`source`, its `tags`)."""
    edits = []
    for patch in patches:
        found = False
        for tag in tags:
            if tag.name != patch.tag or not tag.has(**patch.attrs):
                continue
            start, end = (tag.inner, tag.close) if patch.content else (tag.start, tag.inner)
            text = source[start:end]
            if patch.new in text:
                found = True
            elif patch.old in text:
                found = True
                edits.append((start, end, text.replace(patch.old, patch.new)))
        if not found:
            raise EditError(
                f"{page} : « {patch.old} » est introuvable dans le HTML du thème (<{patch.tag}>) ; "
                "le thème a changé, adaptez ce remplacement (guide_perennisation/theme.py)"
            )
    return edits
