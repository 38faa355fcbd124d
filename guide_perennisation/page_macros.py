"""A page's macro calls, rendered by the guide's own Jinja.

The « Guide complet » renders the macros of every chapter itself, so that it
needs nothing from an engine's macros plugin (Zensical's has no `render`).
The settings are those of mkdocs.yml's `macros:` (`on_undefined: strict`,
no autoescape: macros return finished HTML).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment, StrictUndefined


def macro_renderer(macros: dict[str, Callable[..., str]], variables: dict[str, Any]) -> Callable[[str], str]:
    """Renders a page's Markdown source with these macros and variables
    (`config`, for `{{ config.extra.publication.repository }}`)."""
    env = Environment(undefined=StrictUndefined, autoescape=False)  # Markdown, not HTML: macros return finished HTML
    env.globals.update(variables)
    env.globals.update(macros)
    return lambda text: env.from_string(text).render()
