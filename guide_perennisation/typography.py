"""French typography, set on the text of every built page.

`french-typo` (PyPI, 1.6.1) was read and not used: it writes `&nbsp;` only
(never U+202F), leaves apostrophes alone, and runs regular expressions over
the HTML itself, with its attributes masked.

Pages, data and component HTML all end up in the built files, so one pass
over them reaches every text. The pass only rewrites the text runs it
changes: the rest of each file stays byte for byte as the theme wrote it.
lxml cannot do that (it says where an element starts, not where a text run
does, and its serialiser rewrites the markup: `viewBox` comes out as
`viewbox`), so the runs are found with the standard library's tokenizer,
as every post-build edit is (html_edit.py). Inline scripts, comments,
attributes and the doctype are never text runs, so they cannot change.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from .html_edit import VOID, Tokenizer
from .models.interface import Interface

NARROW = "\u202f"  # before ; ! ?
NBSP = "\u00a0"  # before :, inside « »

# Where text is code, a machine's input or not text at all.
SKIPPED = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"})
# Inline elements: the text on either side of their tags is one line of
# prose, so a sign at the start of a run belongs to the previous run's word.
INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    }
)  # fmt: skip

_LETTER = r"[^\W\d_]"
_SIGNS = re.compile("[';:!?«»]")
# An address inside prose keeps its characters: `?` of a query, `:` of a scheme.
_URL = re.compile(r"\S+://\S*|\bwww\.\S+")
# An elision: l'été, d'1 M€.
_APOSTROPHE = re.compile(rf"(?<={_LETTER})'(?=[^\W_])")
# A space (of any width) before the sign, or none after a word: never between
# digits (10:30) nor inside a word (a?b).
_SPACED = re.compile(r"[ \u00a0\u202f]+([;!?:])")
_GLUED = re.compile(rf"(?<={_LETTER}|»)([;!?:])(?=\s|$|[;!?.,)»])")
_OPENING = re.compile(r"«\s*")
# A » that opens a run is left to `_join`, which sees the run before it.
_CLOSING = re.compile(r"\s+»|(?<=\S)»")


def _space(sign: str) -> str:
    return NBSP if sign == ":" else NARROW


def _fix_prose(text: str) -> str:
    text = _APOSTROPHE.sub("’", text)
    text = _SPACED.sub(lambda m: _space(m[1]) + m[1], text)
    text = _GLUED.sub(lambda m: _space(m[1]) + m[1], text)
    text = _OPENING.sub("«" + NBSP, text)
    return _CLOSING.sub(NBSP + "»", text)


def typeset(text: str) -> str:
    """`text` with French typography, its web addresses left as they are."""
    if not _SIGNS.search(text):  # most runs: the whitespace between tags
        return text
    out, last = [], 0
    for url in _URL.finditer(text):
        out += [_fix_prose(text[last : url.start()]), url[0]]
        last = url.end()
    out.append(_fix_prose(text[last:]))
    return "".join(out)


def typeset_messages(part: Interface) -> dict[str, str]:
    """A component's messages with French typography. The post-build pass
    sets text, not attributes, and the messages reach the page as JSON in
    one (a « at the end of a line and its word on the next, otherwise).
    Files written from them in Python take them from here too, so that both
    writers of a note write the same words."""
    return {key: typeset(value) for key, value in part.messages.items()}


@dataclass
class Run:
    start: int
    text: str
    prose: bool  # outside code, and not a link showing its own address
    inline: bool  # no block boundary between the previous run and this one
    end: int = 0
    # Inside an element that says its own language: the page's is <html lang>'s.
    own_lang: bool = False


class _Runs(Tokenizer):
    """Each text run of a page, with where it starts and ends."""

    def __init__(self, source: str, skipped: frozenset[str]) -> None:
        super().__init__(source)
        self._skipping = skipped
        self._skipped: list[str] = []
        self._href: str | None = None
        self.runs: list[Run] = []
        self._open: Run | None = None
        self._inline = False
        # The open elements that carry `lang` (below <html>), each with how
        # many elements of its name it holds open, so that their end tags do
        # not close it.
        self._langs: list[tuple[str, int]] = []

    def _close_run(self) -> None:
        if self._open is not None:
            self._open.end = self.position()
            self.runs.append(self._open)
            self._open = None

    def _tag(self, tag: str) -> None:
        self._close_run()
        if tag not in INLINE:
            self._inline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag)
        if tag in self._skipping:
            self._skipped.append(tag)
        if tag == "a":
            self._href = dict(attrs).get("href")
        if tag in VOID or tag == "html":
            return
        if any(name in ("lang", "xml:lang") for name, _ in attrs):
            self._langs.append((tag, 0))
        elif self._langs and self._langs[-1][0] == tag:
            self._langs[-1] = (tag, self._langs[-1][1] + 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag)
        if tag in self._skipped:
            while self._skipped.pop() != tag:
                pass
        if tag == "a":
            self._href = None
        if self._langs and self._langs[-1][0] == tag:
            name, depth = self._langs.pop()
            if depth:
                self._langs.append((name, depth - 1))

    def handle_data(self, data: str) -> None:
        if self._open is not None:  # the tokenizer may split a run
            self._open.text += data
            return
        # A link that shows its own address is an address.
        prose = not self._skipped and not (self._href and data.strip() == self._href)
        self._open = Run(self.position(), data, prose, self._inline, own_lang=bool(self._langs))
        self._inline = True

    def handle_comment(self, data: str) -> None:
        self._close_run()

    def handle_decl(self, decl: str) -> None:
        self._close_run()

    def handle_pi(self, data: str) -> None:
        self._close_run()

    def unknown_decl(self, data: str) -> None:
        self._close_run()

    def close(self) -> None:
        super().close()
        self._close_run()


def _join(previous: str, current: str) -> tuple[str, str]:
    """Two runs of one line of prose: an elision that ends `previous` gets
    its apostrophe; a sign that opens `current` takes its space from the end
    of `previous`, or gets one after a word."""
    sign = current[:1]
    if re.search(rf"{_LETTER}'$", previous) and re.match(r"[^\W_]", sign):
        return previous[:-1] + "’", current
    if sign in ";!?:»" and previous[-1:].isspace() and not previous.endswith(("\n", NBSP, NARROW)):
        return previous.rstrip(" "), (NBSP if sign in ":»" else NARROW) + current
    if sign in ";!?:" and re.fullmatch(_LETTER, previous[-1:]) and re.match(r"[;!?:](\s|$)", current):
        return previous, _space(sign) + current
    if sign == "»" and previous[-1:] not in ("", NBSP) and not previous[-1:].isspace():
        return previous, NBSP + current
    return previous, current


def text_runs(source: str, skipped: frozenset[str] = SKIPPED) -> list[Run]:
    """Each text run of `source`, with where it starts and ends in it; runs
    inside `skipped` elements are not prose. The abbreviations pass reads
    component HTML with it too."""
    parser = _Runs(source, skipped)
    parser.feed(source)
    parser.close()
    return parser.runs


def typeset_html(source: str) -> str:
    """`source` (a whole page) with French typography on its prose; every
    other byte as it was."""
    runs = text_runs(source)
    texts = [typeset(run.text) if run.prose else run.text for run in runs]
    for i in range(1, len(runs)):
        if not runs[i].inline:
            continue
        # Code beside prose is a word of it (l'`id`, `x` :), never rewritten.
        previous, current = _join(texts[i - 1], texts[i])
        if (previous == texts[i - 1] or runs[i - 1].prose) and (current == texts[i] or runs[i].prose):
            texts[i - 1], texts[i] = previous, current
    out, last = [], 0
    for run, text in zip(runs, texts, strict=True):
        if text != run.text:
            out += [source[last : run.start], html.escape(text, quote=False)]
            last = run.end
    out.append(source[last:])
    return "".join(out)


def set_typography(site_dir: Path) -> None:
    """Rewrites every HTML file of `site_dir` whose prose needs it."""
    for page in sorted(site_dir.rglob("*.html")):
        source = page.read_text(encoding="utf-8")
        typeset_text = typeset_html(source)
        if typeset_text != source:
            page.write_text(typeset_text, encoding="utf-8")
