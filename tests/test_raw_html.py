"""Macro HTML set aside from Markdown's parser comes out as the parser would leave it."""

from __future__ import annotations

import markdown
import pytest

from guide_perennisation.raw_html import CLOSE, OPEN, RawHtmlExtension, framed

EXTENSIONS = ["abbr", "attr_list", "tables", "toc", "pymdownx.superfences"]

BLOCK = (
    '<div class="app-block" data-app-source="data/checklists.yml">\n'
    '<h3 id="liste">Liste *pas en italique* pour les EIG</h3>\n'
    '<div><p>Un <a href="../autre.md">lien</a> &amp; [pas un lien](x.md)</p></div>\n'
    "<pre><code>```\nbloc&#10;gardé\n```</code></pre>\n"
    "</div>"
)


def convert(text: str, *, stash: bool) -> str:
    extensions = [*EXTENSIONS, RawHtmlExtension()] if stash else EXTENSIONS
    return markdown.Markdown(extensions=extensions).convert(text)


@pytest.mark.parametrize(
    "page",
    [
        "# Titre\n\nAvant.\n\n{block}\n\nAprès, chez les EIG.\n\n*[EIG]: Entrepreneurs d'intérêt général",
        "{block}\n\n- une liste\n\n{block}",
        "{block}",
    ],
)
def test_framed_html_comes_out_as_markdown_leaves_raw_html(page: str) -> None:
    expected = convert(page.format(block=BLOCK), stash=False)
    out = convert(page.format(block=framed(BLOCK)), stash=True)
    assert out == expected
    assert OPEN not in out
    assert CLOSE not in out


def test_unframed_html_is_still_parsed_by_markdown() -> None:
    assert convert("<div>\n\n*en italique*\n\n</div>", stash=True) == convert(
        "<div>\n\n*en italique*\n\n</div>", stash=False
    )
