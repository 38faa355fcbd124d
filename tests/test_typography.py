"""French typography, set on the built pages: the pass on tricky cases, then
every page of the site read back with another parser (lxml)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from guide_perennisation.csp import inline_scripts
from guide_perennisation.typography import NARROW, NBSP, set_typography, typeset, typeset_html

from .conftest import build_site, copy_project


def page(body: str) -> str:
    return f"<!doctype html>\n<html lang=fr><head><title>t</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Quand s'y mettre ?", f"Quand s’y mettre{NARROW}?"),
        ("Prêt ? Oui ! Ensuite ; enfin : fini", f"Prêt{NARROW}? Oui{NARROW}! Ensuite{NARROW}; enfin{NBSP}: fini"),
        ("Vraiment?! Oui; non: peut-être!", f"Vraiment{NARROW}?! Oui{NARROW}; non{NBSP}: peut-être{NARROW}!"),
        ("« guillemets »", f"«{NBSP}guillemets{NBSP}»"),
        ("«collés»", f"«{NBSP}collés{NBSP}»"),
        (f"«{NBSP}déjà{NBSP}» bon{NARROW}; l’été{NBSP}: oui", f"«{NBSP}déjà{NBSP}» bon{NARROW}; l’été{NBSP}: oui"),
        ("aujourd'hui, l'été, d'1 M€", "aujourd’hui, l’été, d’1 M€"),
        ("réunion à 10:30, ratio 16:9", "réunion à 10:30, ratio 16:9"),
        ("un point-virgule;suivi", "un point-virgule;suivi"),
        ("voir https://exemple.fr/a?b=c:d l'adresse", "voir https://exemple.fr/a?b=c:d l’adresse"),
        ("sur www.exemple.fr/?q=l'été ; ensuite", f"sur www.exemple.fr/?q=l'été{NARROW}; ensuite"),
        ("exemple.fr/page?x=1", "exemple.fr/page?x=1"),
        ("'entre' guillemets droits", "'entre' guillemets droits"),
    ],
)
def test_typeset_text(before: str, after: str) -> None:
    assert typeset(before) == after
    assert typeset(after) == after, "a second pass changes nothing"


@pytest.mark.parametrize(
    "body",
    [
        "<p>Voir <code>a ? b : c; d'e</code> et <kbd>Ctrl + ?</kbd></p>",
        "<pre><code>if x : y ; l'a ! « b »</code></pre>",
        "<samp>Erreur : l'entrée</samp><textarea>Note : l'été</textarea>",
        "<svg viewBox='0 0 1 1'><text>a : b</text></svg><math><mi>x</mi><mo>:</mo></math>",
        "<script>var a = b ? 'c' : 'd';</script><style>a:hover { content: ' !'; }</style>",
        '<a href="https://exemple.fr/?q=1&amp;r=2">https://exemple.fr/?q=1&amp;r=2</a>',
        '<a href="/recherche?q=a">/recherche?q=a</a>',
        "<!-- Attention : l'important ! -->",
        "<p>le sélecteur <code>:root</code> et <code>!important</code></p>",
        '<p title="Qu\'est-ce ?" data-x="a : b">ok</p>',
    ],
)
def test_code_scripts_addresses_comments_and_attributes_stay(body: str) -> None:
    assert typeset_html(page(body)) == page(body)


def test_only_the_prose_around_them_changes() -> None:
    body = (
        '<p>Lire <a href="https://exemple.fr/?q=1">l\'adresse ?</a> puis '
        "<code>a ? b</code> : fin</p><!-- l'autre ! -->"
    )
    expected = (
        f'<p>Lire <a href="https://exemple.fr/?q=1">l’adresse{NARROW}?</a> puis '
        f"<code>a ? b</code>{NBSP}: fin</p><!-- l'autre ! -->"
    )
    assert typeset_html(page(body)) == page(expected)


def test_definition_lists_keep_their_terms_apart() -> None:
    """A colon that opens a definition is not glued to the term before it."""
    body = "<dl>\n<dt>Terme</dt>\n<dd>: une définition</dd>\n<dt>Autre</dt>\n<dd>Sens: large</dd>\n</dl>"
    expected = f"<dl>\n<dt>Terme</dt>\n<dd>: une définition</dd>\n<dt>Autre</dt>\n<dd>Sens{NBSP}: large</dd>\n</dl>"
    assert typeset_html(page(body)) == page(expected)


def test_a_sign_after_an_inline_element_joins_its_word() -> None:
    body = (
        "<p>d'<strong>1 M€</strong>, l'<code>id</code>: <code>x</code>! <strong>Note</strong>: voir "
        "<em>« ici »</em> et <em>là </em>?</p><p>« <em>cité</em>»</p><p>« <em>cité </em>»</p>"
    )
    expected = (
        f"<p>d’<strong>1 M€</strong>, l’<code>id</code>{NBSP}: <code>x</code>{NARROW}! <strong>Note</strong>{NBSP}: "
        f"voir <em>«{NBSP}ici{NBSP}»</em> et <em>là</em>{NARROW}?</p><p>«{NBSP}<em>cité</em>{NBSP}»</p>"
        f"<p>«{NBSP}<em>cité</em>{NBSP}»</p>"
    )
    assert typeset_html(page(body)) == page(expected)


def test_entities_doctype_and_templates_survive() -> None:
    body = (
        "<p>A &amp; B &lt;c&gt; l&#39;été&nbsp;!</p><template><p>Prêt ?</p></template>"
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18"/></svg>'
    )
    expected = (
        f"<p>A &amp; B &lt;c&gt; l’été{NARROW}!</p><template><p>Prêt{NARROW}?</p></template>"
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18"/></svg>'
    )
    assert typeset_html(page(body)) == page(expected)


# Where the text of a page is code, or not text.
SKIPPED = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
URL = re.compile(r"\S+://\S*|\bwww\.\S+")


def prose_nodes(tree: lxml.html.HtmlElement) -> list[str]:
    """The page's text nodes (texts and tails) outside code, in reading order,
    web addresses blanked out."""
    nodes: list[str] = []

    def walk(element: lxml.html.HtmlElement, skipped: bool) -> None:
        inside = skipped or element.tag in SKIPPED or not isinstance(element.tag, str)
        shows_address = element.tag == "a" and (element.text or "").strip() == element.get("href")
        if element.text and not inside and not shows_address and isinstance(element.tag, str):
            nodes.append(URL.sub("URL", element.text))
        for child in element:
            walk(child, inside)
        if element.tail and not skipped:
            nodes.append(URL.sub("URL", element.tail))

    walk(tree, False)
    return nodes


def typography_faults(text: str) -> list[str]:
    nodes = prose_nodes(lxml.html.document_fromstring(text))
    faults = []
    for previous, node in zip(["", *nodes], nodes, strict=False):
        for fault in re.finditer(r"\S{0,20} [;:!?»]|\S{0,20}'\S{0,20}", node):
            faults.append(fault[0])
        if previous.endswith(" ") and node[:1] in ";:!?»":
            faults.append(previous[-20:] + node[:20])
    return faults


def test_the_site_check_sees_what_the_pass_fixes() -> None:
    before = page("<p>Quand s'y mettre ? Ensuite : « fin »</p><p><em>mot </em>!</p>")
    assert typography_faults(before) == ["s'y", "mettre ?", "Ensuite :", "fin »", "mot !"]
    assert typography_faults(typeset_html(before)) == []


def test_every_page_is_typeset(site_dir: Path) -> None:
    faults = {}
    for path in sorted(site_dir.rglob("*.html")):
        if found := typography_faults(path.read_text(encoding="utf-8")):
            faults[path.relative_to(site_dir).as_posix()] = found
    assert faults == {}


def markup(source: str) -> list[tuple[str, dict[str, str]]]:
    return [(e.tag, dict(e.attrib)) for e in lxml.html.document_fromstring(source).iter()]


@pytest.mark.build
def test_the_pass_keeps_inline_scripts_and_markup(tmp_path: Path) -> None:
    """A build without the pass, then the pass: scripts are the same bytes
    (their CSP hashes hold), the doctype is there, the tree has the same
    elements and attributes, and a second pass changes nothing."""
    project = copy_project(tmp_path / "project")
    init = project / "guide_perennisation" / "postbuild.py"
    source = init.read_text(encoding="utf-8")
    assert "    set_typography(" in source
    init.write_text(source.replace("    set_typography(", "    (lambda _: None)("), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    before = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    set_typography(site)
    after = {p: p.read_text(encoding="utf-8") for p in before}
    assert after != before, "the pass changed no page"
    for path, text in before.items():
        assert inline_scripts(after[path]) == inline_scripts(text), path
        assert after[path].partition("<html")[0] == text.partition("<html")[0], path
        assert markup(after[path]) == markup(text), path
    set_typography(site)
    assert {p: p.read_text(encoding="utf-8") for p in before} == after


def test_the_build_sets_typography(site_dir: Path) -> None:
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    # Component HTML, which no Markdown pass sees, gets it too.
    assert f"du défi</span>{NARROW}?" in home
