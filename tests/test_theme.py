"""Patches on the theme's HTML: made after the build, on the pages, and the
step stops when their target is gone. The theme's templates need no filter
of ours, so that an engine without MkDocs' hooks (Zensical) renders them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from guide_perennisation.html_edit import EditError, splice, tags
from guide_perennisation.theme import Patch, empty_toc_edits, patch_edits

from .conftest import ROOT

DIALOG = Patch("div", 'role="dialog"', 'role="dialog" aria-label="x"', {"data-md-component": "search"})
DEFER = Patch("script", "<script src=", "<script defer src=", {"src": None})
CONFIG = Patch("script", '"search."', '"app-search."', {"id": "c"}, content=True)
# The theme's own filters, which every engine that renders Material has.
THEME_FILTERS = {"url"}


def patched(source: str, *patches: Patch) -> str:
    return splice(source, patch_edits("page.html", source, tags(source), patches))


def test_a_patch_changes_its_elements_only_and_once() -> None:
    page = (
        '<div role="dialog" data-md-component="search"></div><div role="dialog"></div>'
        '<script src="a.js"></script><script src="b.js"></script>'
        '<script id="c" type="application/json">{"w": "search."}</script>'
    )
    once = patched(page, DIALOG, DEFER, CONFIG)
    assert once == (
        '<div role="dialog" aria-label="x" data-md-component="search"></div><div role="dialog"></div>'
        '<script defer src="a.js"></script><script defer src="b.js"></script>'
        '<script id="c" type="application/json">{"w": "app-search."}</script>'
    )
    assert patched(once, DIALOG, DEFER, CONFIG) == once


def test_a_patch_without_its_target_is_an_error() -> None:
    with pytest.raises(EditError, match=r'page\.html : « role="dialog" » est introuvable'):
        patched('<div data-md-component="search"></div>', DIALOG)


def test_a_renamed_element_takes_its_end_tag_along_once() -> None:
    main = Patch("main", '<main class="m">', '<div class="m">', {"class": "m"}, rename="div")
    content = Patch("div", '<div class="c">', '<main class="c">', {"class": "c"}, rename="main")
    page = '<main class="m"><nav></nav><div class="c"><p>x</p></div></main>'
    once = patched(page, main, content)
    assert once == '<div class="m"><nav></nav><main class="c"><p>x</p></main></div>'
    assert patched(once, main, content) == once


def test_a_removal_is_made_once_and_a_patch_of_some_pages_is_reported() -> None:
    tabindex = Patch("label", ' tabindex=""', "", {"class": "l"}, every_page=False)
    page = '<label class="l" tabindex="">a</label><label class="l">b</label>'
    found: set[Patch] = set()
    once = splice(page, patch_edits("p.html", page, tags(page), (tabindex,), found))
    assert once == '<label class="l">a</label><label class="l">b</label>' and found == {tabindex}
    assert patched(once, tabindex) == once
    elsewhere: set[Patch] = set()
    assert patch_edits("q.html", "<p></p>", tags("<p></p>"), (tabindex,), elsewhere) == [] and not elsewhere


def test_a_patch_of_a_part_the_page_lacks_is_skipped_not_an_error() -> None:
    form = ("form", {"class": "f"})
    options = Patch("nav", "<nav class=o>", "<div class=o>", {"class": "o"}, rename="div", part=form)
    assert patch_edits("p.html", "<p></p>", tags("<p></p>"), (options,)) == []
    with pytest.raises(EditError):
        patch_edits("p.html", '<form class="f"></form>', tags('<form class="f"></form>'), (options,))


def test_an_empty_table_of_contents_is_hidden() -> None:
    page = (
        '<nav class="md-nav md-nav--secondary" aria-label="t"><ul></ul></nav>'
        '<nav class="md-nav md-nav--secondary"><ul><li>a</li></ul></nav>'
    )
    once = splice(page, empty_toc_edits(tags(page)))
    assert once == page.replace('aria-label="t">', 'aria-label="t" hidden>', 1)
    assert empty_toc_edits(tags(once)) == []


def test_a_theme_that_lost_a_patched_string_stops_the_step(site_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    page = site / "index.html"
    text = page.read_text(encoding="utf-8")
    assert 'role="dialog"' in text
    # As if the theme no longer wrote this string.
    page.write_text(text.replace('role="dialog"', 'role="dialogue"'), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "guide_perennisation.postbuild", str(site), "--project", str(ROOT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        'index.html : « role="dialog" » est introuvable dans le HTML du thème (<div>) ; '
        "le thème a changé, adaptez ce remplacement (guide_perennisation/theme.py)"
    ]


def test_the_theme_templates_use_stock_filters_only() -> None:
    environment = jinja2.Environment()
    used = {}
    for template in sorted((ROOT / "overrides").rglob("*.html")):
        tree = environment.parse(template.read_text(encoding="utf-8"))
        for node in tree.find_all(nodes.Filter):
            used.setdefault(node.name, template.relative_to(ROOT).as_posix())
    assert "url" in used  # the test reads the filters
    unknown = {name: where for name, where in used.items() if name not in environment.filters.keys() | THEME_FILTERS}
    assert unknown == {}
