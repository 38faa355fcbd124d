"""HTML is read with a parser: lxml (tests/dom.py in the tests), never a
regular expression nor a hand-written tokenizer."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

import pytest

from .conftest import ROOT

SCANNED = [ROOT / "guide_perennisation", ROOT / "tests"]
# Where the standard library's tokenizer stays, and why.
TOKENIZERS = {
    # The post-build edits (typography, assets, dates, theme patches) rewrite
    # only the bytes they change, so they need offsets in the source, which
    # lxml does not give, and its serialiser rewrites the markup (see its
    # docstring). Every such edit goes through this one tokenizer.
    "guide_perennisation/html_edit.py": "Tokenizer",
}
REGEX_CALLS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}
# A pattern that reads markup: a tag (`<p`, `</`, `<[^>]`, `<(/?)`) or a quoted attribute
# (`id="`). Lookbehinds and named groups, `(?<=`, `(?<!`, `(?P<`, are not tags.
MARKUP = re.compile(r"(?<!\(\?)(?<!\(\?P)<[A-Za-z/\[(]|=\"|='")


def python_files() -> Iterator[tuple[str, ast.Module]]:
    for folder in SCANNED:
        for path in sorted(folder.rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def tokenizer_classes(tree: ast.Module) -> list[str]:
    """Classes that derive from html.parser.HTMLParser, however it was imported."""
    return [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(
            (isinstance(base, ast.Name) and base.id == "HTMLParser")
            or (isinstance(base, ast.Attribute) and base.attr == "HTMLParser")
            for base in node.bases
        )
    ]


def pattern_text(node: ast.expr) -> str:
    """The literal parts of a pattern (a string, or an f-string's fixed text)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(pattern_text(value) for value in node.values)
    return ""


def markup_patterns(tree: ast.Module) -> list[str]:
    """Regular expressions of the `re` module whose pattern reads markup."""
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in REGEX_CALLS
            and node.args
            and MARKUP.search(pattern := pattern_text(node.args[0]))
        ):
            found.append(f"l.{node.lineno}: {pattern}")
    return found


def test_the_pattern_check_finds_what_reads_markup() -> None:
    sample = ast.parse(
        "import re\n"
        "re.sub(r'<[^>]+>', '', html)\n"
        're.findall(r\'data-x="([^"]+)"\', html)\n'
        "re.search(rf'<h1[^>]*>{x}</h1>', html)\n"
        "re.compile(r'<(/?)div\\b')\n"
        "re.compile(r'(?<![\\w-])(?P<word>GIP)(?<=P)')\n"
        "class A(HTMLParser): pass\n"
        "class B(html.parser.HTMLParser): pass\n"
    )
    assert [p.split(": ", 1)[0] for p in markup_patterns(sample)] == ["l.2", "l.3", "l.4", "l.5"]
    assert tokenizer_classes(sample) == ["A", "B"]


def test_no_hand_written_html_tokenizer() -> None:
    found = {name: classes for name, tree in python_files() if (classes := tokenizer_classes(tree))}
    # Each exception is still needed: a stale one fails too, so that it is removed.
    assert found == {name: [cls] for name, cls in TOKENIZERS.items()}


@pytest.mark.parametrize("name", ["guide_perennisation", "tests"])
def test_no_regular_expression_reads_html(name: str) -> None:
    found = {
        path: patterns
        for path, tree in python_files()
        if path.startswith(name + "/") and path != "tests/test_html_parsing.py" and (patterns := markup_patterns(tree))
    }
    assert found == {}
