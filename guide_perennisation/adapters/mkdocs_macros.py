"""mkdocs-macros entry point: the only module that knows the engine.

Everything else in this package is plain functions from validated models to
HTML, so moving to another engine means rewriting this file alone.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from guide_perennisation.complete_guide import complete_guide, markdown_converter
from guide_perennisation.components import COMPONENTS
from guide_perennisation.freshness import build_reference, facts, source_date_epoch, stale_before
from guide_perennisation.glossary import abbreviations
from guide_perennisation.guide import UnknownRecord
from guide_perennisation.history import read_history
from guide_perennisation.html_edit import EditError
from guide_perennisation.links import Links
from guide_perennisation.loader import DataErrors, load_guide
from guide_perennisation.nav import read_nav
from guide_perennisation.page_info import page_info
from guide_perennisation.page_macros import macro_renderer
from guide_perennisation.postbuild import post_build
from guide_perennisation.publication import Publication, data_edit_base, missing_lines, unconfirmed_addresses
from guide_perennisation.raw_html import framed
from guide_perennisation.render import Context
from guide_perennisation.site_map import site_map
from guide_perennisation.step_by_step import step_box


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
    publication = Publication.from_extra(env.conf["extra"])
    # Plain lines, outside MkDocs' logger: `--strict` would fail the build on
    # a warning, and contributors build before these values exist.
    for line in missing_lines(publication, Path(env.conf.config_file_path)) + unconfirmed_addresses(guide):
        print(line, file=sys.stderr)
    edit_base = data_edit_base(env.conf["edit_uri"], docs_path)
    history = read_history(root)
    reference = build_reference(history.head, facts(guide))
    limit = stale_before(reference) if reference else None
    nav = read_nav(env.conf["nav"], docs_dir)

    def links() -> Links:
        """Links from the page being built, in the engine's URL style."""
        return Links(env.page.url, directory_urls=env.conf["use_directory_urls"])

    def context() -> Context:
        return Context(guide, links(), edit_base, limit)

    def bind(function):
        def macro(*args: Any, **kwargs: Any) -> str:
            try:
                return framed(function(context(), *args, **kwargs))
            except UnknownRecord as exc:
                # A clean one-line error rather than the plugin's traceback.
                print(f"{env.conf['docs_dir']}/{env.page.file.src_uri}: {function.__name__}(): {exc}", file=sys.stderr)
                raise SystemExit(1) from None

        macro.__name__ = function.__name__
        return macro

    for component in COMPONENTS:
        for function in component.macros:
            env.macro(bind(function))

    env.macro(lambda: framed(site_map(nav, links(), guide.interface["site-map"].texts)), "site_map")
    # Not `publication`: mkdocs-macros already names extra.publication so.
    env.macro(publication.show, "publication_value")

    # The « Guide complet »'s chapters, with the site's Markdown extensions
    # (raw_html.py among them, from mkdocs.yml).
    to_html = markdown_converter(env.conf["markdown_extensions"], env.conf["mdx_configs"])
    env.macro(
        lambda: framed(
            complete_guide(
                context(),
                nav,
                docs_dir,
                env.page.file.src_uri,
                # The chapters' macros by the core's own Jinja, as on Zensical.
                macro_renderer(env.macros, {"config": env.conf}),
                to_html,
            )
        ),
        "complete_guide",
    )
    env.variables["app_abbreviations"] = abbreviations(guide.glossary.values())

    def page_footer() -> str:
        page = env.page
        return page_info(
            guide.interface["page-info"].texts,
            title=page.title,
            url=page.canonical_url,
            repository=publication.values["repository"] or None,
            email=publication.values["contact_email"] or None,
        )

    def page_step_box() -> str:
        """The « Étape N sur M » box of a page that belongs to a step, found
        from the page's path; nothing elsewhere."""
        html = step_box(guide, links(), env.page.file.src_uri)
        return framed(html) if html else ""

    env.variables["app_step_box"] = page_step_box
    env.variables["app_page_info"] = page_footer

    def app_post_build() -> None:
        try:
            post_build(
                guide,
                Path(env.conf["site_dir"]),
                project=root,
                docs_dir=docs_dir,
                site_url=env.conf["site_url"] or "/",
                history=history,
                day=source_date_epoch() or history.head,
            )
        except EditError as exc:
            # MkDocs reports its own errors in one line, without a traceback.
            raise PluginError(str(exc)) from None

    env.variables["app_post_build"] = app_post_build


def on_post_page_macros(env: Any) -> None:
    """The page's foot (error report; the post-build step dates it) goes to
    the theme through the page's metadata, out of the search index. (The step
    box and the glossary's abbreviations are placed by page_frame.py, for
    every engine.)"""
    env.page.meta["app_page_info"] = env.variables["app_page_info"]()


def on_post_build(env: Any) -> None:
    """The post-build step that `make build` runs after the engine, here too
    so that `make serve` shows the same site (it changes nothing run twice)."""
    env.variables["app_post_build"]()
