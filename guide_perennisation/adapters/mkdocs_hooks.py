"""MkDocs hooks (mkdocs.yml `hooks:`): what mkdocs-macros cannot reach, the
theme's own Jinja environment and its filters:
- `patch`, which fails the build when the theme's HTML lacks its target;
- `page_url`, a page's URL from its path in docs/, in the engine's URL
  style (`use_directory_urls`), for the theme's links to pages;
and the one change to the theme's HTML that no block of overrides/main.html
reaches: Material's <main>, around the content and the menus, becomes a
<div>, since the content has a <main> of its own (RGAA 9.2)."""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from guide_perennisation.links import page_url
from guide_perennisation.theme import ThemePatchError, patch


def _patch(html: str, old: str, new: str) -> str:
    try:
        return patch(html, old, new)
    except ThemePatchError as exc:
        # MkDocs reports its own errors in one line, without a traceback.
        raise PluginError(str(exc)) from None


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.filters["patch"] = _patch
    env.filters["page_url"] = lambda doc: page_url(doc, config["use_directory_urls"])
    return env


# Material writes this <main> in base.html, outside any block.
MATERIAL_MAIN = '<main class="md-main" data-md-component="main">'


def _one_main(html: str) -> str:
    """`html` with Material's <main> as a <div>: the last </main> closes it,
    after the one overrides/main.html puts around the content."""
    head, found, tail = html.rpartition("</main>")
    if not found:
        raise PluginError("overrides/main.html : la page n'a pas de </main> ; le thème a changé, adaptez on_post_page")
    return _patch(head, MATERIAL_MAIN, '<div class="md-main" data-md-component="main">') + "</div>" + tail


def on_post_page(output: str, page: Any, config: Any) -> str:
    return _one_main(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    # The 404 page is a theme template, not a page: it gets no on_post_page.
    return _one_main(output) if template_name == "404.html" else output
