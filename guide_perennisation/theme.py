"""Patches on the theme's HTML that fail loudly.

overrides/main.html adjusts a few strings of Material's blocks (an accessible
name, a data attribute, `defer`). A theme upgrade can change those strings;
a silent `replace` would then leave the site without them, and no test of
ours might notice. `patch` stops the build instead, naming what it missed.
"""

from __future__ import annotations


class ThemePatchError(LookupError):
    """A string the overrides patch is no longer in the theme's HTML."""


def patch(html: str, old: str, new: str) -> str:
    """`html` with every `old` replaced by `new`; an error if there is none."""
    if old not in html:
        raise ThemePatchError(
            f"overrides/main.html : « {old} » est introuvable dans le HTML du thème ; "
            "le thème a changé, adaptez ce remplacement"
        )
    return html.replace(old, new)


# How Material writes each of its icons into the page (from its .icons/ files).
ICON = '<svg xmlns="http://www.w3.org/2000/svg"'


def hide_icons(html: str) -> str:
    """`html` with Material's icons hidden from assistive technologies.

    Each icon sits in a control named by its text, its `title` or its
    `aria-label`: the icon is decorative, and RGAA 1.2.4 wants it marked so.
    A block may have no icon at all (a page without « Suivant »): unlike
    `patch`, none is not an error. tests/test_rgaa_images.py checks the
    built pages, so a theme that writes its icons otherwise is caught there."""
    return html.replace(ICON, '<svg aria-hidden="true" xmlns="http://www.w3.org/2000/svg"')
