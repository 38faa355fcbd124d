"""Glossary abbreviations in component HTML are expanded as in page text."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from guide_perennisation.abbreviations import expand_abbreviations

EXPANSIONS = {"GIP": "groupement d’intérêt public", "EIG": "Entrepreneurs d’intérêt général"}


def test_whole_words_are_wrapped_and_the_rest_is_kept() -> None:
    source = '<p class="x">Un GIP &amp; des EIG, pas GIPSY ni EIG-2.</p>'
    assert expand_abbreviations(source, EXPANSIONS) == (
        '<p class="x">Un <abbr title="groupement d’intérêt public">GIP</abbr> &amp; des '
        '<abbr title="Entrepreneurs d’intérêt général">EIG</abbr>, pas GIPSY ni EIG-2.</p>'
    )


def test_code_attributes_options_and_existing_abbreviations_are_left_alone() -> None:
    source = (
        '<a title="GIP" href="/gip">GIP</a><code>GIP</code><option>GIP</option>'
        '<abbr title="déjà">GIP</abbr><textarea>GIP</textarea>'
    )
    assert expand_abbreviations(source, EXPANSIONS) == source.replace(
        ">GIP</a>", '><abbr title="groupement d’intérêt public">GIP</abbr></a>', 1
    )


def test_no_glossary_no_change() -> None:
    assert expand_abbreviations("<p>GIP</p>", {}) == "<p>GIP</p>"


def test_component_text_on_the_site_carries_the_expansion(site_dir: Path) -> None:
    tree = lxml.html.fromstring((site_dir / "exemples/index.html").read_bytes())
    [card] = tree.xpath("//article[@id='exemple-pix']")
    abbrs = {a.text: a.get("title") for a in card.iter("abbr")}
    assert abbrs.get("GIP"), "« GIP » in Pix's card is expanded"
