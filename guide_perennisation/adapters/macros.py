"""The `modules:` entry of mkdocs.yml's `macros:`, for every engine.

mkdocs-macros and Zensical's macros extension both read that list, so that
mkdocs.yml stays the one configuration: this module hands `define_env` to
the adapter of the engine that calls it, told by the class of its `env`
(Zensical's own `MacroEnv`, or mkdocs-macros' plugin). Only mkdocs-macros has
the page and build events after it.
"""

from __future__ import annotations

from typing import Any

from guide_perennisation.adapters import mkdocs_macros, zensical_macros

on_post_page_macros = mkdocs_macros.on_post_page_macros
on_post_build = mkdocs_macros.on_post_build


def define_env(env: Any) -> None:
    engine = type(env).__module__.partition(".")[0]
    (zensical_macros if engine == "zensical" else mkdocs_macros).define_env(env)
