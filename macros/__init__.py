"""mkdocs-macros entry point: the only module that knows the engine.

Everything else in this package is plain functions from validated models to
HTML, so moving to another engine means rewriting this file alone.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from .checklist import all_checklists, checklist
from .complete_guide import complete_guide, markdown_converter
from .criterion import criteria
from .example import example_cards
from .freshness import build_reference, facts, source_date_epoch, stale_before
from .glossary import abbreviations, glossary
from .guide import UnknownRecord, load_guide
from .history import read_history
from .links import Links
from .loader import DataErrors
from .nav import read_nav
from .note_builder import note_builder
from .note_files import write_blank_files
from .page_info import page_info
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
    note_builder,
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

    root = Path(env.project_dir)
    docs_dir = Path(env.conf["docs_dir"])
    docs_path = docs_dir.relative_to(root).as_posix()
    extra = env.conf["extra"]
    edit_base = extra.get("data_edit_base")
    history = read_history(root)
    reference = build_reference(history.head, facts(guide))
    limit = stale_before(reference) if reference else None
    # The data files each page shows, by page, filled as its blocks render.
    shown: defaultdict[str, set[str]] = defaultdict(set)
    nav = read_nav(env.conf["nav"], docs_dir)

    def context() -> Context:
        return Context(guide, Links(env.page.url), edit_base, shown[env.page.file.src_uri], limit)

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

    env.macro(lambda: site_map(nav, Links(env.page.url)), "site_map")

    to_html = markdown_converter(env.conf["markdown_extensions"], env.conf["mdx_configs"])
    env.macro(
        lambda: complete_guide(
            context(),
            nav,
            docs_dir,
            env.page.file.src_uri,
            lambda text: env.render(text, force_rendering=True),
            to_html,
        ),
        "complete_guide",
    )
    env.variables["app_abbreviations"] = abbreviations(guide.all("glossary"))

    def page_footer() -> str:
        page = env.page
        return page_info(
            title=page.title,
            url=page.canonical_url,
            updated=history.last_change({f"{docs_path}/{page.file.src_uri}", *shown[page.file.src_uri]}),
            repository=extra.get("repository"),
            email=extra.get("contact_email"),
        )

    env.variables["app_page_info"] = page_footer
    env.variables["app_blank_notes"] = lambda: write_blank_files(
        guide, Path(env.conf["site_dir"]), env.conf["site_url"] or "/", source_date_epoch() or history.head
    )


def on_post_page_macros(env: Any) -> None:
    """Glossary abbreviations go under every page, for Markdown's abbr extension;
    the page's foot (last update, error report) goes to the theme through the
    page's metadata, out of the search index."""
    env.markdown += "\n\n" + env.variables["app_abbreviations"] + "\n"
    env.page.meta["app_page_info"] = env.variables["app_page_info"]()


def on_post_build(env: Any) -> None:
    """The blank note templates, as files beside the pages."""
    env.variables["app_blank_notes"]()
