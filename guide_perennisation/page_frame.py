"""What every page shows besides its own Markdown, placed by the engine's
macros pass itself (mkdocs.yml, `macros: j2_extensions:`).

mkdocs-macros and Zensical's macros extension both render a page's Markdown
as a Jinja template, but only mkdocs-macros has an event after it: this Jinja
extension adds the calls to the page's source before it is rendered, so that
either engine renders them with the page, through the macros its adapter
defines:
- `app_step_box()`, the « Étape N sur M » box, right under the page's title,
  the first thing read after it (empty on a page outside the steps);
- `app_abbreviations`, the glossary's definitions for Markdown's `abbr`.
"""

from __future__ import annotations

from jinja2.ext import Extension


class PageFrame(Extension):
    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        lines = source.split("\n")
        title = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
        lines.insert(title + 1, "\n{{ app_step_box() }}\n")
        return "\n".join(lines) + "\n\n{{ app_abbreviations }}\n"
