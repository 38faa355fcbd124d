"""Each word of another language, marked with its language in the built site.

RGAA 8.7 wants every change of language in the code. The words are listed
once, in data/foreign_terms.yml; this step, run after the build, wraps each
occurrence in the text of every page in `<span lang="…">`. After the build,
because the words reach pages by every road: Markdown pages, the components'
data (the grid's criteria, the glossary), the one-page guide that renders
them all again. Marking them in each would take a Markdown extension, a
filter in every template and hand-written spans in pages.

Material's search shows excerpts of its index (search/search_index.json),
whose text is the pages' HTML without its inline elements, made before this
step: each text gets the same marks, which Material's results keep (they
show the index's text as HTML).

The text runs are found with the typography pass's tokenizer (typography.py
says why not lxml), so only the runs that hold a word are rewritten. Code,
scripts, the page's <title>, option labels and attributes are not prose; a
run already inside an element with its own `lang` is left as it is, which
makes a second run change nothing.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path

from .models.foreign_terms import ForeignTerm
from .typography import SKIPPED as NOT_PROSE
from .typography import text_runs

# <title> and <option> hold text only: no element can go in them.
SKIPPED = NOT_PROSE | {"title", "option"}

SEARCH_INDEX = Path("search") / "search_index.json"


class Marker:
    """Wraps the words of `terms` in `<span lang="…">`."""

    def __init__(self, terms: Iterable[ForeignTerm]) -> None:
        ordered = sorted(terms, key=lambda term: len(term.text), reverse=True)
        self._langs = {f"t{i}": term.lang for i, term in enumerate(ordered)}
        alternatives = "|".join(f"(?P<t{i}>{term.pattern()})" for i, term in enumerate(ordered))
        self._words = re.compile(alternatives, re.IGNORECASE) if ordered else None

    def mark(self, source: str) -> str:
        """`source` (a page, or a fragment of HTML) with each word marked;
        every other byte as it was."""
        if self._words is None:
            return source
        out, last = [], 0
        for run in text_runs(source, SKIPPED):
            if not run.prose or run.own_lang or not self._words.search(run.text):
                continue
            pieces, at = [], 0
            for match in self._words.finditer(run.text):
                lang = self._langs[match.lastgroup or ""]
                pieces += [
                    html.escape(run.text[at : match.start()], quote=False),
                    f'<span lang="{lang}">{html.escape(match[0], quote=False)}</span>',
                ]
                at = match.end()
            pieces.append(html.escape(run.text[at:], quote=False))
            out += [source[last : run.start], "".join(pieces)]
            last = run.end
        out.append(source[last:])
        return "".join(out)


def mark_foreign_terms(site_dir: Path, terms: Iterable[ForeignTerm]) -> None:
    """Marks the words in every page of `site_dir`, and in the search index's
    texts when the engine wrote Material's."""
    marker = Marker(terms)
    for page in sorted(site_dir.rglob("*.html")):
        source = page.read_text(encoding="utf-8")
        marked = marker.mark(source)
        if marked != source:
            page.write_text(marked, encoding="utf-8")
    index_file = site_dir / SEARCH_INDEX
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    changed = False
    for doc in index.get("docs", []):
        text = doc.get("text")
        if isinstance(text, str) and (marked := marker.mark(text)) != text:
            doc["text"] = marked
            changed = True
    if changed:
        # As Material writes it: compact, ASCII only.
        index_file.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
