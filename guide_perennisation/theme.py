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
