"""mkdocs-macros entry point: the only module that knows the engine.

Everything else in this package is plain functions from validated models to
HTML, so moving to another engine means rewriting this file alone.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .checklist import all_checklists, checklist
from .criterion import criteria
from .example import example_cards
from .glossary import abbreviations, glossary
from .guide import UnknownRecord, load_guide
from .links import Links
from .loader import DataErrors
from .note import note_template
from .render import Context
from .scenario import scenario_table, scenarios
from .site_map import site_map
from .source import sources
from .structure_grid import structure_grid
from .success_factor import success_factors
from .trajectory import trajectories

COMPONENTS = [
    all_checklists,
    checklist,
    criteria,
    example_cards,
    glossary,
    note_template,
    scenario_table,
    scenarios,
    sources,
    structure_grid,
    success_factors,
    trajectories,
]


def define_env(env: Any) -> None:
    from mkdocs.exceptions import PluginError

    try:
        guide = load_guide(Path(env.project_dir), docs_dir=Path(env.conf["docs_dir"]))
    except DataErrors as exc:
        # One line per problem, without the logger's prefix, so that editors
        # and CI annotate file:line:column directly.
        for error in exc.errors:
            print(error, file=sys.stderr)
        raise PluginError(f"{len(exc.errors)} problème(s) dans les données : le site n'est pas construit.") from None

    edit_base = env.conf["extra"].get("data_edit_base")

    def context() -> Context:
        return Context(guide, Links(env.page.url), edit_base)

    def bind(component):
        def macro(*args: Any, **kwargs: Any) -> str:
            try:
                return component(context(), *args, **kwargs)
            except UnknownRecord as exc:
                # A clean one-line error rather than the plugin's traceback.
                print(f"{env.conf['docs_dir']}/{env.page.file.src_uri}: {component.__name__}(): {exc}", file=sys.stderr)
                raise SystemExit(1) from None

        macro.__name__ = component.__name__
        return macro

    for component in COMPONENTS:
        env.macro(bind(component))

    env.macro(lambda: site_map(env.conf["nav"], Links(env.page.url)), "site_map")
    env.variables["app_abbreviations"] = abbreviations(guide.all("glossary"))


def on_post_page_macros(env: Any) -> None:
    """Glossary abbreviations go under every page, for Markdown's abbr extension."""
    env.markdown += "\n\n" + env.variables["app_abbreviations"] + "\n"
