"""mkdocs-macros entry point: the only module that knows the engine.

Everything else in this package is plain functions from validated models to
HTML, so moving to another engine means rewriting this file alone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from .checklist import all_checklists, checklist
from .criterion import criteria
from .csp import content_security_policy, inline_scripts
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
from .source_date import last_commit_epoch
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
    success_factors,
    trajectories,
]

# Material's partials that write an inline script into every page.
THEME_SCRIPTS = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
)


def theme_inline_scripts(conf: Any) -> list[str]:
    """The inline scripts the theme will write, rendered from its own partials."""
    from mkdocs.exceptions import PluginError

    if not conf["extra"].get("scope"):
        # Without it, Material's scope script changes with each page's depth
        # and one hash per depth would be needed.
        raise PluginError("mkdocs.yml : extra.scope doit être défini (chemin du site) pour la politique CSP.")
    theme = conf["theme"]
    templates = theme.get_env()
    context = {"config": conf, "features": theme["features"] or []}
    return [script for name in THEME_SCRIPTS for script in inline_scripts(templates.get_template(name).render(context))]


def define_env(env: Any) -> None:
    from mkdocs.exceptions import PluginError

    project = Path(env.project_dir)
    # MkDocs stamps the sitemap with the clock unless SOURCE_DATE_EPOCH is set:
    # the last commit's date makes every build of a commit identical.
    if "SOURCE_DATE_EPOCH" not in os.environ and (epoch := last_commit_epoch(project)):
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    # Read by overrides/main.html (<meta http-equiv>) and overrides/_headers.
    env.conf["extra"]["content_security_policy"] = content_security_policy(theme_inline_scripts(env.conf))

    try:
        guide = load_guide(project, docs_dir=Path(env.conf["docs_dir"]))
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
