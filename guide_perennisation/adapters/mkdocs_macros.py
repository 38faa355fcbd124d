"""mkdocs-macros entry point: the only module that knows the engine.

Everything else in this package is plain functions from validated models to
HTML, so moving to another engine means rewriting this file alone.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from guide_perennisation.assets import AssetFinder
from guide_perennisation.audit import footer_mention
from guide_perennisation.complete_guide import complete_guide, markdown_converter
from guide_perennisation.components import COMPONENTS
from guide_perennisation.csp import content_security_policy, inline_scripts
from guide_perennisation.freshness import build_reference, facts, source_date_epoch, stale_before
from guide_perennisation.glossary import abbreviations
from guide_perennisation.guide import UnknownRecord
from guide_perennisation.history import read_history
from guide_perennisation.links import Links
from guide_perennisation.loader import DataErrors, load_guide
from guide_perennisation.nav import read_nav
from guide_perennisation.page_info import page_info
from guide_perennisation.postbuild import post_build
from guide_perennisation.publication import Publication, data_edit_base, missing_lines, unconfirmed_addresses
from guide_perennisation.raw_html import RawHtmlExtension, framed
from guide_perennisation.render import Context
from guide_perennisation.site_map import site_map
from guide_perennisation.step_by_step import step_box

# The partials that write an inline script into every page: Material's, then ours.
THEME_SCRIPTS = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
    "partials/storage-guard.html",
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

    # Read by overrides/main.html (<meta http-equiv>) and overrides/_headers.
    env.conf["extra"]["content_security_policy"] = content_security_policy(theme_inline_scripts(env.conf))

    try:
        guide = load_guide(Path(env.project_dir), docs_dir=Path(env.conf["docs_dir"]))
    except DataErrors as exc:
        # One line per problem, without the logger's prefix, so that editors
        # and CI annotate file:line:column directly.
        for error in exc.errors:
            print(error, file=sys.stderr)
        raise PluginError(f"{len(exc.errors)} problème(s) dans les données : le site n'est pas construit.") from None

    # Read by overrides/partials/copyright.html: the footer's « Accessibilité : … »,
    # computed from the audit like the statement's rate.
    env.conf["extra"]["accessibility"] = footer_mention(guide.audit)

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
    # The data files each page shows, by page, filled as its blocks render.
    shown: defaultdict[str, set[str]] = defaultdict(set)
    # The components each page shows, by page: they choose its styles and scripts.
    components: defaultdict[str, set[str]] = defaultdict(set)
    assets = AssetFinder(docs_dir)
    nav = read_nav(env.conf["nav"], docs_dir)

    def links() -> Links:
        """Links from the page being built, in the engine's URL style."""
        return Links(env.page.url, directory_urls=env.conf["use_directory_urls"])

    def context() -> Context:
        src = env.page.file.src_uri
        return Context(guide, links(), edit_base, shown[src], limit, components[src])

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

    env.macro(lambda: framed(site_map(nav, links())), "site_map")
    # Not `publication`: mkdocs-macros already names extra.publication so.
    env.macro(publication.show, "publication_value")

    # Every page's Markdown, the « Guide complet »'s chapters included, keeps
    # the macros' HTML as it is instead of parsing it again.
    env.conf["markdown_extensions"].append(RawHtmlExtension())
    to_html = markdown_converter(env.conf["markdown_extensions"], env.conf["mdx_configs"])
    env.macro(
        lambda: framed(
            complete_guide(
                context(),
                nav,
                docs_dir,
                env.page.file.src_uri,
                lambda text: env.render(text, force_rendering=True),
                to_html,
            )
        ),
        "complete_guide",
    )
    env.variables["app_abbreviations"] = abbreviations(guide.glossary.values())

    def page_updated() -> dt.date | None:
        """The page's last change: its file's or a data file it shows."""
        page = env.page
        return history.last_change({f"{docs_path}/{page.file.src_uri}", *shown[page.file.src_uri]})

    def page_footer() -> str:
        page = env.page
        return page_info(
            title=page.title,
            url=page.canonical_url,
            updated=page_updated(),
            repository=publication.values["repository"] or None,
            email=publication.values["contact_email"] or None,
        )

    def page_step_box() -> str:
        """The « Étape N sur M » box of a page that belongs to a step, found
        from the page's path; its component's files then load with the page."""
        src = env.page.file.src_uri
        html = step_box(guide, links(), src)
        if html:
            # Navigation, like the menu: it does not date the page (not in `shown`).
            components[src].add("step_by_step")
        return html

    env.variables["app_step_box"] = page_step_box
    env.variables["app_page_info"] = page_footer
    env.variables["app_page_assets"] = lambda: assets.for_components(components[env.page.file.src_uri])
    # A page git does not know yet (not committed) takes the last commit's date.
    env.variables["app_page_updated"] = lambda: page_updated() or history.head
    env.variables["app_post_build"] = lambda: post_build(
        guide, Path(env.conf["site_dir"]), docs_dir, env.conf["site_url"] or "/", source_date_epoch() or history.head
    )


def on_post_page_macros(env: Any) -> None:
    """Glossary abbreviations go under every page, for Markdown's abbr extension;
    the page's foot (last update, error report) goes to the theme through the
    page's metadata, out of the search index."""
    if box := env.variables["app_step_box"]():
        # Right under the page's title, so that it is the first thing read after it.
        lines = env.markdown.split("\n")
        title = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
        lines.insert(title + 1, "\n" + framed(box) + "\n")
        env.markdown = "\n".join(lines)
    env.markdown += "\n\n" + env.variables["app_abbreviations"] + "\n"
    env.page.meta["app_page_info"] = env.variables["app_page_info"]()
    # Read by overrides/main.html: the page's component styles and scripts.
    env.page.meta["app_assets"] = env.variables["app_page_assets"]()
    # MkDocs dates the sitemap (<lastmod>, and the .gz's timestamp) with the
    # day of the build: the page's last change in git makes every build of a
    # commit identical. Without git, MkDocs' date stays.
    if updated := env.variables["app_page_updated"]():
        env.page.update_date = updated.isoformat()


def on_post_build(env: Any) -> None:
    """The post-build step that `make build` runs after the engine, here too
    so that `make serve` shows the same site (it changes nothing run twice)."""
    env.variables["app_post_build"]()
