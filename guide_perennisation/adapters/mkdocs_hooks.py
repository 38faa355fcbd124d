"""MkDocs hooks (mkdocs.yml `hooks:`): what mkdocs-macros cannot reach, the
theme's own Jinja environment."""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from guide_perennisation.theme import ThemePatchError, patch


def _patch(html: str, old: str, new: str) -> str:
    try:
        return patch(html, old, new)
    except ThemePatchError as exc:
        # MkDocs reports its own errors in one line, without a traceback.
        raise PluginError(str(exc)) from None


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.filters["patch"] = _patch
    return env
