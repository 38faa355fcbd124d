"""Macro output handed to Python-Markdown as finished HTML.

Python-Markdown finds where a raw HTML block ends by running the standard
library's HTML parser over every tag of it: with our components (checklists,
cards, grids, the whole guide on one page) that parsing was the largest cost of
a build, for nothing, since the block is kept as it is. A macro's HTML is
therefore framed by two comments, and a preprocessor sets what lies between
them aside in Markdown's own store of raw HTML, from which it is put back
unchanged in the page: the same output, without the parse.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

OPEN = "<!-- app-html -->"
CLOSE = "<!-- /app-html -->"
_FRAMED = re.compile(rf"^{re.escape(OPEN)}\n(.*?)\n{re.escape(CLOSE)}$", re.MULTILINE | re.DOTALL)


def framed(html: str) -> str:
    """A block of HTML (on lines of its own, as macros are called) to keep as is."""
    return f"{OPEN}\n{html}\n{CLOSE}"


class _Stash(Preprocessor):
    def stash(self, match: re.Match[str]) -> str:
        # Stored with the line end that Markdown's own parser keeps after a
        # block; blank lines around the placeholder make it a paragraph of its
        # own, which Markdown replaces by the block.
        placeholder = self.md.htmlStash.store(match.group(1) + "\n")
        return f"\n\n{placeholder}\n\n"

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if OPEN not in text:
            return lines
        return _FRAMED.sub(self.stash, text).split("\n")


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalisation (30), before fenced code (25) and
        # Markdown's raw HTML parser (20), so that neither looks inside.
        md.preprocessors.register(_Stash(md), "app_raw_html", 28)


def makeExtension(**kwargs: object) -> RawHtmlExtension:
    """mkdocs.yml lists this module under `markdown_extensions`, so that every
    engine's Markdown, and the « Guide complet »'s, loads it by name."""
    return RawHtmlExtension(**kwargs)
