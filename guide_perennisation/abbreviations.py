"""Abbreviations of the glossary, expanded in component HTML as in page text.

Markdown's `abbr` extension wraps every « GIP » of a page's text in
`<abbr title="…">`; component HTML is handed to Markdown as a finished block
and never gets that. This pass does the same on a component's HTML: it reads
it with the typography pass's tokenizer (`typography.text_runs`, for the
reason given there: lxml cannot say where a text run sits in the source) and
rewrites only the text runs that hold an abbreviation, so the rest of the
markup stays as it was rendered.
"""

from __future__ import annotations

import html
import re

from .typography import SKIPPED as NOT_PROSE
from .typography import text_runs

# Where a word is not prose to expand: what typography leaves alone (code,
# scripts, form values), option labels, and an abbreviation already expanded.
SKIPPED = NOT_PROSE | {"abbr", "option"}


def expand_abbreviations(source: str, expansions: dict[str, str]) -> str:
    """`source` with each whole-word abbreviation of `expansions` in its text
    wrapped in `<abbr title="…">`, as Markdown's `abbr` extension does."""
    if not expansions:
        return source
    words = re.compile(
        r"(?<![\w-])(" + "|".join(map(re.escape, sorted(expansions, key=len, reverse=True))) + r")(?![\w-])"
    )
    out, last = [], 0
    for run in text_runs(source, SKIPPED):
        start, end, text = run.start, run.end, run.text
        if not run.prose or not words.search(text):
            continue
        pieces, at = [], 0
        for match in words.finditer(text):
            title = html.escape(expansions[match[1]], quote=True)
            pieces += [html.escape(text[at : match.start()], quote=False), f'<abbr title="{title}">{match[1]}</abbr>']
            at = match.end()
        pieces.append(html.escape(text[at:], quote=False))
        out += [source[last:start], "".join(pieces)]
        last = end
    out.append(source[last:])
    return "".join(out)
