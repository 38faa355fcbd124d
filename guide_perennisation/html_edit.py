"""Edits of a built page that leave every other byte as the engine wrote it.

The post-build step changes a few tags of pages written by a theme it does
not own. lxml reads a page well but cannot rewrite it faithfully (its
serialiser rewrites the markup: `viewBox` comes out as `viewbox`, and it
says on which line an element starts, not at which offset). So the edits
are found with the standard library's tokenizer, which gives each tag's
exact place and text, and spliced into the page's own text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that never have an end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class EditError(LookupError):
    """An element that a post-build edit needs is not in the page: the
    theme, or overrides/, changed. One line, for the build's output."""


class Tokenizer(HTMLParser):
    """The standard tokenizer, which also says where, in the source, the
    current token starts."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def position(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column


@dataclass
class Tag:
    """An element of the page: its start tag's text and where it lies.

    `start`: where its start tag begins; `inner`: where the start tag ends;
    `close` and `end`: where its end tag begins and ends (`inner` for a void
    element, or one never closed)."""

    name: str
    attrs: dict[str, str | None]
    text: str
    start: int
    inner: int
    close: int = -1
    end: int = -1

    def has(self, **attrs: str | None) -> bool:
        """Whether every attribute is there with this value (None: any value);
        `class_` is `class`, compared as the whole attribute."""
        for name, value in attrs.items():
            name = name.rstrip("_").replace("_", "-")
            if name not in self.attrs or (value is not None and self.attrs[name] != value):
                return False
        return True

    def content(self, source: str) -> str:
        return source[self.inner : self.close]


class _Tags(Tokenizer):
    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.tags: list[Tag] = []
        self._open: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.position()
        text = self.get_starttag_text() or ""
        found = Tag(tag, dict(attrs), text, start, start + len(text))
        found.close = found.end = found.inner
        self.tags.append(found)
        if tag not in VOID:
            self._open.append(found)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.position()
        text = self.get_starttag_text() or ""
        found = Tag(tag, dict(attrs), text, start, start + len(text))
        found.close = found.end = found.inner
        self.tags.append(found)

    def handle_endtag(self, tag: str) -> None:
        if not any(t.name == tag for t in self._open):
            return  # a stray end tag closes nothing
        close = self.position()
        end = self.source.index(">", close) + 1
        while self._open:
            element = self._open.pop()
            element.close, element.end = (close, end) if element.name == tag else (close, close)
            if element.name == tag:
                break


def tags(source: str) -> list[Tag]:
    """Every element of `source`, in document order."""
    parser = _Tags(source)
    parser.feed(source)
    parser.close()
    return parser.tags


def splice(source: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """`source` with each (start, end) range replaced by its text; the
    ranges must not overlap."""
    out, last = [], 0
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < last:
            raise ValueError(f"overlapping edits at {start}")
        out += [source[last:start], text]
        last = end
    out.append(source[last:])
    return "".join(out)
