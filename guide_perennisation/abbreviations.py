"""Abbreviations of the glossary, expanded in component HTML as in page text.

Markdown's `abbr` extension wraps every « GIP » of a page's text in
`<abbr title="…">`; component HTML is handed to Markdown as a finished block
and never gets that. This pass does the same on a component's HTML: it reads
it with the standard library's tokenizer and rewrites only the text runs that
hold an abbreviation, so the rest of the markup stays as it was rendered.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Where a word is not prose to expand: code, scripts, form values, and an
# abbreviation already expanded.
SKIPPED = frozenset({"abbr", "code", "pre", "kbd", "samp", "script", "style", "textarea", "option", "svg", "math"})


class _Runs(HTMLParser):
    """(start, end, text) of each text run outside SKIPPED elements."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._skipped: list[str] = []
        self._open: list = []
        self.runs: list[tuple[int, int, str]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _close(self) -> None:
        if self._open:
            start, text = self._open
            self.runs.append((start, self._offset(), text))
            self._open = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close()
        if tag in SKIPPED:
            self._skipped.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close()

    def handle_endtag(self, tag: str) -> None:
        self._close()
        if tag in self._skipped:
            while self._skipped.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._skipped:
            return
        if self._open:  # the tokenizer may split a run
            self._open[1] += data
        else:
            self._open = [self._offset(), data]

    def handle_comment(self, data: str) -> None:
        self._close()

    def close(self) -> None:
        super().close()
        self._close()


def expand_abbreviations(source: str, expansions: dict[str, str]) -> str:
    """`source` with each whole-word abbreviation of `expansions` in its text
    wrapped in `<abbr title="…">`, as Markdown's `abbr` extension does."""
    if not expansions:
        return source
    words = re.compile(
        r"(?<![\w-])(" + "|".join(map(re.escape, sorted(expansions, key=len, reverse=True))) + r")(?![\w-])"
    )
    parser = _Runs(source)
    parser.feed(source)
    parser.close()
    out, last = [], 0
    for start, end, text in parser.runs:
        if not words.search(text):
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
