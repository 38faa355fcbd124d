"""Zensical's macros extension (0.0.73): the only module that knows Zensical.

Zensical runs mkdocs.yml's `macros:` as a Markdown extension, and calls
`define_env` again for every page, with a page that has only `url`, `path`,
`title` and `meta`, a `docs_dir` relative to the project, no
`config_file_path`, the navigation already normalised
(`{title, url, children}`), no `env.render` and no post-page or post-build
event. This module turns that into the plain values the core takes; what
the engine does not run (dates, assets, theme patches, CSP) is the post-build
step's (`python -m guide_perennisation.postbuild`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urljoin

from guide_perennisation.complete_guide import complete_guide, markdown_converter
from guide_perennisation.components import COMPONENTS
from guide_perennisation.freshness import build_reference, facts, stale_before
from guide_perennisation.glossary import abbreviations
from guide_perennisation.guide import Guide, UnknownRecord
from guide_perennisation.history import read_history
from guide_perennisation.links import Links
from guide_perennisation.loader import DataErrors, load_guide
from guide_perennisation.nav import NavEntry, read_nav
from guide_perennisation.page_info import page_info
from guide_perennisation.page_macros import macro_renderer
from guide_perennisation.publication import Publication, data_edit_base, missing_lines, unconfirmed_addresses
from guide_perennisation.raw_html import framed
from guide_perennisation.render import Context
from guide_perennisation.site_map import site_map
from guide_perennisation.step_by_step import step_box as step_box_html


def mkdocs_nav(items: list[dict[str, Any]]) -> list[Any]:
    """Zensical's normalised navigation, back in mkdocs.yml's form for `nav.py`."""
    out: list[Any] = []
    for item in items:
        if item["children"]:
            out.append({item["title"]: mkdocs_nav(item["children"])})
        else:
            out.append({item["title"]: item["url"]} if item["title"] else item["url"])
    return out


def stop(lines: list[str]) -> NoReturn:
    """End the build on these lines, one a problem, without a traceback.
    Zensical turns any Python exception in a page's rendering, SystemExit
    included, into its own error with the Python traceback, and goes on
    rendering the other pages (each repeats the problem): the process ends
    here, as the engine's own errors end it."""
    print("\n".join(lines), file=sys.stderr, flush=True)
    os._exit(1)


@cache
def _site(root: Path, docs: str, extra: str) -> tuple[Guide, Publication, dt.date | None]:
    """The guide, the publisher's values and the stale-fact limit, loaded and
    reported once for the whole build (`define_env` runs for every page).
    Problems stop the build in one line each, as with MkDocs."""
    try:
        guide = load_guide(root, docs_dir=root / docs)
    except DataErrors as exc:
        stop([*map(str, exc.errors), f"{len(exc.errors)} problème(s) dans les données : le site n'est pas construit."])
    publication = Publication.from_extra(json.loads(extra))
    # mkdocs.yml is the one configuration of every engine (Zensical gives no config_file_path).
    for line in missing_lines(publication, root / "mkdocs.yml") + unconfirmed_addresses(guide):
        print(line, file=sys.stderr)
    reference = build_reference(read_history(root).head, facts(guide))
    return guide, publication, stale_before(reference) if reference else None


def define_env(env: Any) -> None:
    conf, page = env.conf, env.page
    root = Path(conf["root_dir"]).resolve()
    docs = conf["docs_dir"]
    guide, publication, limit = _site(root, docs, json.dumps(conf["extra"], sort_keys=True, default=str))
    links = Links(page.url, directory_urls=conf["use_directory_urls"])
    ctx = Context(guide, links, data_edit_base(conf["edit_uri"], docs), stale_before=limit)
    nav: list[NavEntry] = read_nav(mkdocs_nav(conf["nav"]), root / docs)

    def bind(function: Any) -> Any:
        def macro(*args: Any, **kwargs: Any) -> str:
            try:
                return framed(function(ctx, *args, **kwargs))
            except UnknownRecord as exc:
                stop([f"{docs}/{page.path}: {function.__name__}(): {exc}"])

        return macro

    macros = {f.__name__: bind(f) for component in COMPONENTS for f in component.macros}
    macros["site_map"] = lambda: framed(site_map(nav, links, guide.interface["site-map"].texts))
    macros["publication_value"] = publication.show
    # The chapters' macros, by the core's own Jinja; their Markdown with the
    # site's extensions, less Zensical's own (its macros and page context).
    own = [e for e in conf["markdown_extensions"] if not str(getattr(e, "name", e)).startswith("zensical.")]

    def whole_guide() -> str:
        chapters = macro_renderer(macros, {"config": conf})
        to_html = markdown_converter(own, conf["mdx_configs"])
        return framed(complete_guide(ctx, nav, root / docs, page.path, chapters, to_html))

    macros["complete_guide"] = whole_guide
    # The page's foot (error report; the post-build step dates it), for the
    # theme (overrides/main.html), out of the search index.
    page.meta["app_page_info"] = page_info(
        guide.interface["page-info"].texts,
        title=page.title,
        url=urljoin(conf["site_url"] or "/", page.url),
        repository=publication.values["repository"] or None,
        email=publication.values["contact_email"] or None,
    )
    # For page_frame.py, which places them on every page.
    step_box = step_box_html(guide, links, page.path)
    macros["app_step_box"] = lambda: framed(step_box) if step_box else ""
    env.variables["app_abbreviations"] = abbreviations(guide.glossary.values())
    for name, function in macros.items():
        env.macro(function, name)
