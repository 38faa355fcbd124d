"""One word for one thing: no built page uses a variant that data/terms.yml refuses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html

from guide_perennisation.loader import load_guide
from guide_perennisation.models.terms import PreferredTerm

from .conftest import ROOT, site_pages
from .test_site import normalise

TERMS: list[PreferredTerm] = list(load_guide(ROOT).terms.values())

# Text that may name a refused variant on purpose, and so is not checked:
# - code, keyboard input and sample output are not prose;
# - <cite>, <q> and <blockquote> quote someone else's words, such as a source's title;
# - .app-term-variants is the glossary's note on which source says what;
# - scripts and styles are not text.
# Attributes (ids such as « checklist-devops », hrefs) are never read: only text nodes.
SKIPPED = {"code", "kbd", "samp", "pre", "cite", "q", "blockquote", "script", "style"}
SKIPPED_CLASS = "app-term-variants"

# A web address shown as text (the Sources page lists them) is not prose either.
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+")


def _texts(element: html.HtmlElement) -> list[str]:
    """The element's text, its children's, and each child's tail, minus skipped subtrees."""
    if not isinstance(element.tag, str) or element.tag in SKIPPED:
        return []
    if SKIPPED_CLASS in (element.get("class") or "").split():
        return []
    parts = [element.text or ""]
    for child in element:
        parts += _texts(child)
        parts.append(child.tail or "")
    return parts


def page_text(page: Path) -> str:
    tree = html.parse(str(page)).getroot()
    title = tree.find("head/title")
    # Text nodes are joined with a space, so that the last word of a block and
    # the first of the next never glue into one that no pattern would match.
    parts = _texts(tree.find("body")) + ([title.text_content()] if title is not None else [])
    return _URL.sub(" ", normalise(" ".join(parts)))


def refused_variants(text: str) -> list[tuple[str, str]]:
    """(variant found, preferred term) for each refused variant in the text."""
    return [(m.group(0), term.preferred) for term in TERMS for m in term.pattern().finditer(text)]


def test_no_built_page_uses_a_refused_variant(site_dir: Path) -> None:
    found = [
        f"{page.relative_to(site_dir)} : « {variant} » au lieu de « {preferred} »"
        for page in site_pages(site_dir)
        for variant, preferred in refused_variants(page_text(page))
    ]
    assert found == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elle pratique le Devops.", [("Devops", "DevOps")]),
        ("Elle pratique le DevOps.", []),
        ("le programme beta.gouv le propose", [("beta.gouv", "beta.gouv.fr")]),
        ("le programme beta.gouv.fr, dinum@beta.gouv.fr", []),
        ("l'administration sponsor pilote", [("administration sponsor", "administration porteuse")]),
        ("l’administration d’accueil", [("administration d'accueil", "structure d’accueil")]),
        ("Le Démo day du défi", [("Démo day", "Demo Day")]),
        ("Les listes de contrôle", [("listes de contrôle", "checklist")]),
        ("la mentore du défi", [("mentore", "mentor")]),
        ("les mentors", []),
    ],
)
def test_variants_match_whole_words_with_their_case_when_it_matters(text: str, expected: list[tuple[str, str]]) -> None:
    assert refused_variants(normalise(text)) == expected


def test_code_quotes_urls_and_the_glossary_note_are_not_checked(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Page</title></head><body>"
        "<p><code>devops</code> <cite>Le Devops</cite> <q>la mentore</q> "
        '<span class="app-term-variants">dit « administration sponsor »</span> '
        "https://example.org/devops <a href='https://x.org/devops'>lien</a></p>"
        "<p>la mentore</p></body></html>",
        encoding="utf-8",
    )
    assert refused_variants(page_text(page)) == [("mentore", "mentor")]


def test_each_glossary_link_names_a_glossary_term() -> None:
    glossary = {t.id for t in load_guide(ROOT).glossary.values()}
    assert {t.glossary for t in TERMS if t.glossary} <= glossary
