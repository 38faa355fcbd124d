"""MkDocs hooks (mkdocs.yml `hooks:`): what mkdocs-macros cannot reach, the
theme's own Jinja environment and its filters:
- `patch`, which fails the build when the theme's HTML lacks its target;
- `hide_icons`, which hides the theme's decorative icons from assistive
  technologies;
- `page_url`, a page's URL from its path in docs/, in the engine's URL
  style (`use_directory_urls`), for the theme's links to pages."""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from guide_perennisation.links import page_url
from guide_perennisation.theme import ThemePatchError, hide_icons, patch


def _patch(html: str, old: str, new: str) -> str:
    try:
        return patch(html, old, new)
    except ThemePatchError as exc:
        # MkDocs reports its own errors in one line, without a traceback.
        raise PluginError(str(exc)) from None


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.filters["patch"] = _patch
    env.filters["hide_icons"] = hide_icons
    env.filters["page_url"] = lambda doc: page_url(doc, config["use_directory_urls"])
    return env
